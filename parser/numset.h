/* numset.h: the item numbers a document has sent, for linking its appendices, in memory
 * that does not grow with the number of items.  Whole numbers ("7") are kept as runs of
 * consecutive numbers, so a document numbered 1 to 500000 keeps one run; other numbers
 * ("7.1", "12a") are kept as text up to NUMSET_TEXT_MAX of them, after which any other
 * such number counts as present. */
#ifndef PK_NUMSET_H
#define PK_NUMSET_H

#include <stdbool.h>
#include <stddef.h>

enum { NUMSET_TEXT_MAX = 4096 };

typedef struct pk_numset pk_numset;

pk_numset *pk_numset_new(void); /* NULL when out of memory */
void pk_numset_free(pk_numset *set);
/* False when out of memory. */
bool pk_numset_add(pk_numset *set, const char *number);
bool pk_numset_has(const pk_numset *set, const char *number);

#endif

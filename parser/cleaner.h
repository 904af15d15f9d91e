/* cleaner.h: the transcript cleaner.  Takes decoded text, removes the document-sharing
 * site's wrapper, the related-documents list and page furniture (page numbers, running
 * headers, printed page numbers), and hands on "units": one per transcript page, or one
 * per line for text that is not a paged transcript.  Everything removed is counted. */
#ifndef PK_CLEANER_H
#define PK_CLEANER_H

#include <stdbool.h>
#include <stddef.h>

#include "../rules/rules.h"
#include "model.h"

/* Receives one unit of cleaned text (not NUL-terminated) and its page (0: not paged). */
typedef bool (*pk_unit_fn)(void *ctx, const char *text, size_t len, long page);

typedef struct pk_cleaner pk_cleaner;

/* RULES, MATCHER and REPORT are borrowed.  Returns NULL when out of memory. */
pk_cleaner *pk_cleaner_new(const pk_rules *rules, pk_matcher *matcher, pk_report *report,
                           pk_unit_fn emit, void *ctx);
/* Takes decoded UTF-8 (a pk_text_fn); lines may be split across calls. */
bool pk_cleaner_text(void *cleaner, const char *utf8, size_t len);
bool pk_cleaner_finish(pk_cleaner *cleaner);
void pk_cleaner_free(pk_cleaner *cleaner);

#endif

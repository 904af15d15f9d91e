/* wordset.h: a set of words (byte strings) and where the first of them next stands in a
 * text, found in one pass for all of them: each byte is looked up once, and only the words
 * that start with it are compared.  For many short texts and several words this is
 * cheaper than a memmem per word, which reads the text once for each and prepares a table
 * each call.  The set does not copy the words: they must outlive it. */
#ifndef PK_WORDSET_H
#define PK_WORDSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct pk_wordset {
  const char **word; /* by first byte: WORD[i] for i in [START[b], START[b + 1]) */
  size_t *len, count;
  unsigned start[257];
} pk_wordset;

/* Fills SET with the words of each of the COUNT strings in LISTS, words parted by '|'
 * ("deltog|deltager"; empty words are left out; a NULL list holds none).  False when out
 * of memory (SET is then empty). */
bool pk_wordset_build(pk_wordset *set, const char *const *lists, size_t count);
void pk_wordset_free(pk_wordset *set);

/* The first place at or after FROM in TEXT[0, len) where one of SET's words stands whole;
 * LEN when none does. */
size_t pk_wordset_find(const pk_wordset *set, const char *text, size_t len, size_t from);

#endif

/* wordset.h: a set of words (byte strings) and where the first of them next stands in a
 * text, found in one pass for all of them: each byte is looked up once, and only the words
 * that start with it are compared.  For many short texts and several words this is
 * cheaper than a memmem per word, which reads the text once for each and prepares a table
 * each call.  The set does not copy the words: they must outlive it. */
#ifndef PK_WORDSET_H
#define PK_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The lists a word belongs to: bit K % 64 of BITS[K / 64] for list K. */
enum { PK_WORDSET_TAG_WORDS = 3, PK_WORDSET_LISTS = 64 * PK_WORDSET_TAG_WORDS };
typedef struct pk_wordtags {
  uint64_t bits[PK_WORDSET_TAG_WORDS];
} pk_wordtags;

typedef struct pk_wordset {
  const char **word; /* by first byte: WORD[i] for i in [START[b], START[b + 1]) */
  size_t *len, count;
  pk_wordtags *tag; /* TAG[i]: list K for a word of LISTS[K] (K < PK_WORDSET_LISTS) */
  uint64_t *pairs; /* pk_wordset_index_pairs: a bit for each word's first two bytes */
  unsigned start[257];
} pk_wordset;

/* Fills SET with the words of each of the COUNT strings in LISTS, words parted by '|'
 * ("deltog|deltager"; empty words are left out; a NULL list holds none); a word of
 * LISTS[K] is tagged with list K (none past PK_WORDSET_LISTS lists).  False when out of
 * memory (SET is then empty). */
bool pk_wordset_build(pk_wordset *set, const char *const *lists, size_t count);
void pk_wordset_free(pk_wordset *set);

/* Indexes SET's words by their first two bytes (8 KB), so that pk_wordset_scan passes over
 * most places of a text with one test, however many words start with a byte.  False when
 * out of memory (SET is left as it was: scanned without the index). */
bool pk_wordset_index_pairs(pk_wordset *set);

/* The first place at or after FROM in TEXT[0, len) where one of SET's words stands whole;
 * LEN when none does. */
size_t pk_wordset_find(const pk_wordset *set, const char *text, size_t len, size_t from);

/* Every place in a text where one of a set's words stands, in order, with the tags of the
 * words that stand there: one pass over the text answers where each list's words next
 * stand, for every list, as often as it is asked. */
typedef struct pk_wordhits {
  size_t *at;
  pk_wordtags *tags;
  size_t count, cap;
} pk_wordhits;

/* Fills HITS with the places at or after FROM in TEXT[0, len) where SET's words stand
 * whole.  False when out of memory (HITS is then empty). */
bool pk_wordset_scan(const pk_wordset *set, const char *text, size_t len, size_t from,
                     pk_wordhits *hits);
void pk_wordhits_free(pk_wordhits *hits);

/* Whether TAGS hold list LIST. */
bool pk_wordtags_has(const pk_wordtags *tags, size_t list);

/* The first place of HITS at or after FROM where a word of list LIST stands; NONE when
 * there is none. */
size_t pk_wordhits_next(const pk_wordhits *hits, size_t list, size_t from, size_t none);

#endif

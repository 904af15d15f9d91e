/* wordset.c: where the first of a set of words next stands (see wordset.h). */
#include "config.h"

#include "wordset.h"

#include <stdlib.h>
#include <string.h>

/* Calls EACH(SET, word, its length) for every word of LISTS; the number of words. */
static size_t each_word(pk_wordset *set, const char *const *lists, size_t count,
                        void (*each)(pk_wordset *, const char *, size_t)) {
  size_t words = 0;
  for (size_t k = 0; k < count; k++)
    for (const char *word = lists[k]; word && *word;) {
      const char *bar = strchr(word, '|');
      size_t n = bar ? (size_t)(bar - word) : strlen(word);
      if (n) words++, each(set, word, n);
      word = bar ? bar + 1 : word + n;
    }
  return words;
}

static void count_first_byte(pk_wordset *set, const char *word, size_t len) {
  (void)len;
  set->start[(unsigned char)word[0] + 1]++;
}

/* While placing, START[b] is the next free slot of the words starting with byte b. */
static void place_word(pk_wordset *set, const char *word, size_t len) {
  unsigned at = set->start[(unsigned char)word[0]]++;
  set->word[at] = word, set->len[at] = len;
}

/* A counting sort by first byte: count, offsets, place (which moves each offset to the
 * next byte's), shift the offsets back. */
bool pk_wordset_build(pk_wordset *set, const char *const *lists, size_t count) {
  *set = (pk_wordset){0};
  set->count = each_word(set, lists, count, count_first_byte);
  for (size_t b = 1; b <= 256; b++) set->start[b] += set->start[b - 1];
  set->word = malloc((set->count + 1) * sizeof *set->word);
  set->len = malloc((set->count + 1) * sizeof *set->len);
  if (!set->word || !set->len) {
    pk_wordset_free(set);
    return false;
  }
  each_word(set, lists, count, place_word);
  memmove(set->start + 1, set->start, 256 * sizeof *set->start);
  set->start[0] = 0;
  return true;
}

void pk_wordset_free(pk_wordset *set) {
  free(set->word);
  free(set->len);
  *set = (pk_wordset){0};
}

size_t pk_wordset_find(const pk_wordset *set, const char *text, size_t len, size_t from) {
  if (!set->count) return len;
  for (size_t at = from; at < len; at++) {
    unsigned char c = (unsigned char)text[at];
    for (unsigned i = set->start[c]; i < set->start[c + 1]; i++)
      if (set->len[i] <= len - at && memcmp(text + at, set->word[i], set->len[i]) == 0) return at;
  }
  return len;
}

/* wordset.c: where the first of a set of words next stands (see wordset.h). */
#include "config.h"

#include "wordset.h"

#include <stdlib.h>
#include <string.h>

/* Calls EACH(SET, word, its length) for every word of LISTS; the number of words. */
static size_t each_word(pk_wordset *set, const char *const *lists, size_t count,
                        void (*each)(pk_wordset *, const char *, size_t, size_t)) {
  size_t words = 0;
  for (size_t k = 0; k < count; k++)
    for (const char *word = lists[k]; word && *word;) {
      const char *bar = strchr(word, '|');
      size_t n = bar ? (size_t)(bar - word) : strlen(word);
      if (n) words++, each(set, word, n, k);
      word = bar ? bar + 1 : word + n;
    }
  return words;
}

static void count_first_byte(pk_wordset *set, const char *word, size_t len, size_t list) {
  (void)len, (void)list;
  set->start[(unsigned char)word[0] + 1]++;
}

/* While placing, START[b] is the next free slot of the words starting with byte b. */
static void place_word(pk_wordset *set, const char *word, size_t len, size_t list) {
  unsigned at = set->start[(unsigned char)word[0]]++;
  set->word[at] = word, set->len[at] = len, set->tag[at] = (pk_wordtags){{0}};
  if (list < PK_WORDSET_LISTS) set->tag[at].bits[list / 64] = (uint64_t)1 << (list % 64);
}

bool pk_wordtags_has(const pk_wordtags *tags, size_t list) {
  return list < PK_WORDSET_LISTS && (tags->bits[list / 64] >> (list % 64) & 1);
}

static bool any_tag(const pk_wordtags *tags) {
  for (size_t w = 0; w < PK_WORDSET_TAG_WORDS; w++)
    if (tags->bits[w]) return true;
  return false;
}

/* A counting sort by first byte: count, offsets, place (which moves each offset to the
 * next byte's), shift the offsets back. */
bool pk_wordset_build(pk_wordset *set, const char *const *lists, size_t count) {
  *set = (pk_wordset){0};
  set->count = each_word(set, lists, count, count_first_byte);
  for (size_t b = 1; b <= 256; b++) set->start[b] += set->start[b - 1];
  set->word = malloc((set->count + 1) * sizeof *set->word);
  set->len = malloc((set->count + 1) * sizeof *set->len);
  set->tag = malloc((set->count + 1) * sizeof *set->tag);
  if (!set->word || !set->len || !set->tag) {
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
  free(set->tag);
  free(set->pairs);
  *set = (pk_wordset){0};
}

enum { PAIR_WORDS = 65536 / 64 };

static void set_pair(uint64_t *pairs, unsigned pair) {
  pairs[pair / 64] |= (uint64_t)1 << (pair % 64);
}

static bool has_pair(const uint64_t *pairs, unsigned pair) {
  return pairs[pair / 64] >> (pair % 64) & 1;
}

bool pk_wordset_index_pairs(pk_wordset *set) {
  uint64_t *pairs = calloc(PAIR_WORDS, sizeof *pairs);
  if (!pairs) return false;
  for (size_t i = 0; i < set->count; i++) {
    unsigned first = (unsigned char)set->word[i][0] << 8;
    if (set->len[i] > 1) set_pair(pairs, first | (unsigned char)set->word[i][1]);
    else for (unsigned second = 0; second < 256; second++) set_pair(pairs, first | second);
  }
  free(set->pairs);
  set->pairs = pairs;
  return true;
}

/* Whether SET's word I stands whole at AT in TEXT[0, len). */
static bool stands_at(const pk_wordset *set, unsigned i, const char *text, size_t len, size_t at) {
  return set->len[i] <= len - at && memcmp(text + at, set->word[i], set->len[i]) == 0;
}

size_t pk_wordset_find(const pk_wordset *set, const char *text, size_t len, size_t from) {
  if (!set->count) return len;
  for (size_t at = from; at < len; at++) {
    unsigned char c = (unsigned char)text[at];
    for (unsigned i = set->start[c]; i < set->start[c + 1]; i++)
      if (stands_at(set, i, text, len, at)) return at;
  }
  return len;
}

/* The lists of the words of SET that stand whole at AT in TEXT[0, len) (none: no word
 * does, or only words of no tagged list). */
static pk_wordtags tags_at(const pk_wordset *set, const char *text, size_t len, size_t at) {
  unsigned char c = (unsigned char)text[at];
  pk_wordtags tags = {{0}};
  for (unsigned i = set->start[c]; i < set->start[c + 1]; i++)
    if (stands_at(set, i, text, len, at))
      for (size_t w = 0; w < PK_WORDSET_TAG_WORDS; w++) tags.bits[w] |= set->tag[i].bits[w];
  return tags;
}

static bool add_hit(pk_wordhits *hits, size_t at, const pk_wordtags *tags) {
  if (hits->count == hits->cap) {
    size_t cap = hits->cap ? 2 * hits->cap : 16;
    size_t *places = realloc(hits->at, cap * sizeof *places);
    if (places) hits->at = places;
    pk_wordtags *grown = places ? realloc(hits->tags, cap * sizeof *grown) : NULL;
    if (!grown) return false;
    hits->tags = grown, hits->cap = cap;
  }
  hits->at[hits->count] = at, hits->tags[hits->count++] = *tags;
  return true;
}

bool pk_wordset_scan(const pk_wordset *set, const char *text, size_t len, size_t from,
                     pk_wordhits *hits) {
  hits->count = 0;
  for (size_t at = from; set->count && at < len; at++) {
    unsigned char c = (unsigned char)text[at];
    if (set->pairs && at + 1 < len) {
      if (!has_pair(set->pairs, (unsigned)c << 8 | (unsigned char)text[at + 1])) continue;
    } else if (set->start[c] == set->start[c + 1]) {
      continue;
    }
    pk_wordtags tags = tags_at(set, text, len, at);
    if (any_tag(&tags) && !add_hit(hits, at, &tags)) {
      pk_wordhits_free(hits);
      return false;
    }
  }
  return true;
}

void pk_wordhits_free(pk_wordhits *hits) {
  free(hits->at);
  free(hits->tags);
  *hits = (pk_wordhits){0};
}

size_t pk_wordhits_next(const pk_wordhits *hits, size_t list, size_t from, size_t none) {
  size_t low = 0, high = hits->count; /* the first hit at or after FROM */
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (hits->at[mid] < from) low = mid + 1;
    else high = mid;
  }
  for (size_t i = low; i < hits->count; i++)
    if (pk_wordtags_has(&hits->tags[i], list)) return hits->at[i];
  return none;
}

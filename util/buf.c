/* buf.c: growable byte buffers and small string helpers. */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PK_ACCOUNT_X86 1
#include <immintrin.h>
#endif

static bool buf_reserve(pk_buf *buf, size_t extra) {
  if (extra > SIZE_MAX - buf->len - 1) return false;
  size_t need = buf->len + extra + 1;
  if (need <= buf->cap) return true;
  size_t cap = buf->cap ? buf->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *data = realloc(buf->data, cap);
  if (!data) return false;
  buf->data = data;
  buf->cap = cap;
  return true;
}

bool pk_buf_append(pk_buf *buf, const char *bytes, size_t len) {
  if (!buf_reserve(buf, len)) return false;
  if (len) memcpy(buf->data + buf->len, bytes, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
  return true;
}

bool pk_buf_append_char(pk_buf *buf, char c) { return pk_buf_append(buf, &c, 1); }

bool pk_buf_append_str(pk_buf *buf, const char *str) {
  return pk_buf_append(buf, str, strlen(str));
}

void pk_buf_consume(pk_buf *buf, size_t n) {
  if (n >= buf->len) {
    pk_buf_clear(buf);
    return;
  }
  memmove(buf->data, buf->data + n, buf->len - n);
  buf->len -= n;
  buf->data[buf->len] = '\0';
}

void pk_buf_clear(pk_buf *buf) {
  buf->len = 0;
  if (buf->data) buf->data[0] = '\0';
}

void pk_buf_free(pk_buf *buf) {
  free(buf->data);
  buf->data = NULL;
  buf->len = buf->cap = 0;
}

char *pk_buf_take(pk_buf *buf) {
  char *data = buf->data ? buf->data : pk_strndup("", 0);
  buf->data = NULL;
  buf->len = buf->cap = 0;
  return data;
}

bool pk_reserve(void **items, size_t *cap, size_t need, size_t item_size) {
  if (need <= *cap) return true;
  size_t grown = *cap ? *cap : 8;
  while (grown < need) {
    if (grown > SIZE_MAX / 2) return false;
    grown *= 2;
  }
  if (grown > SIZE_MAX / item_size) return false;
  void *moved = realloc(*items, grown * item_size);
  if (!moved) return false;
  *items = moved;
  *cap = grown;
  return true;
}

char *pk_strndup(const char *str, size_t len) {
  char *copy = malloc(len + 1);
  if (!copy) return NULL;
  if (len) memcpy(copy, str, len);
  copy[len] = '\0';
  return copy;
}


/* U+00A0 (no-break space) counts as white space too: web exports are full of it. */
size_t pk_space_len(const char *str, size_t at, size_t end) {
  unsigned char c = (unsigned char)str[at];
  if (pk_is_ascii_space(c)) return 1;
  if (c == 0xC2 && at + 1 < end && (unsigned char)str[at + 1] == 0xA0) return 2;
  return 0;
}

void pk_trim_span(const char *str, size_t *start, size_t *end) {
  size_t n;
  while (*start < *end && (n = pk_space_len(str, *start, *end)) > 0) *start += n;
  while (*end > *start) {
    unsigned char c = (unsigned char)str[*end - 1];
    if (pk_is_ascii_space(c)) {
      (*end)--;
    } else if (c == 0xA0 && *end - 1 > *start && (unsigned char)str[*end - 2] == 0xC2) {
      *end -= 2;
    } else {
      break;
    }
  }
}

bool pk_utf8_starts_capital(const char *text, size_t len) {
  unsigned char c = len ? (unsigned char)text[0] : 0;
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && len > 1 && (unsigned char)text[1] >= 0x80 && (unsigned char)text[1] <= 0x9E &&
         (unsigned char)text[1] != 0x97;
}

size_t pk_utf8_prefix(const char *text, size_t len, size_t limit) {
  if (len <= limit) return len;
  while (limit > 0 && ((unsigned char)text[limit] & 0xC0) == 0x80) limit--;
  return limit;
}

/* STR[start, end) with each run of white space made one space, or one TAB where the run
 * holds a TAB and KEEP_TAB is set. */
static char *collapse(const char *str, size_t start, size_t end, bool keep_tab) {
  pk_trim_span(str, &start, &end);
  char *out = malloc(end - start + 1);
  if (!out) return NULL;
  size_t len = 0;
  char gap = 0;
  for (size_t i = start; i < end;) {
    size_t n = pk_space_len(str, i, end);
    if (n) {
      if (!gap || (keep_tab && str[i] == '\t')) gap = keep_tab && str[i] == '\t' ? '\t' : ' ';
      i += n;
      continue;
    }
    if (gap) out[len++] = gap;
    gap = 0;
    out[len++] = str[i++];
  }
  out[len] = '\0';
  return out;
}

char *pk_collapse_ws(const char *str, size_t start, size_t end) {
  return collapse(str, start, end, false);
}

char *pk_collapse_ws_cells(const char *str, size_t start, size_t end) {
  return collapse(str, start, end, true);
}

/* Latin-1 letters in UTF-8 are C3 80..C3 BE; upper case C3 80..C3 9E except C3 97 (×). */
static bool latin1_upper(unsigned char second) {
  return second >= 0x80 && second <= 0x9E && second != 0x97;
}
static bool latin1_lower(unsigned char second) {
  return second >= 0x9F && second <= 0xBF && second != 0xB7;
}

bool pk_is_upper_text(const char *str) {
  bool any = false;
  for (const unsigned char *p = (const unsigned char *)str; *p; p++) {
    if (*p >= 'a' && *p <= 'z') return false;
    if (*p >= 'A' && *p <= 'Z') any = true;
    if (*p == 0xC3 && p[1]) {
      if (latin1_lower(p[1])) return false;
      if (latin1_upper(p[1])) any = true;
      p++;
    }
  }
  return any;
}

void pk_title_case(char *str) {
  bool word_start = true;
  for (unsigned char *p = (unsigned char *)str; *p; p++) {
    bool letter = false;
    if (*p >= 'A' && *p <= 'Z') {
      if (!word_start) *p = (unsigned char)(*p + 32);
      letter = true;
    } else if (*p >= 'a' && *p <= 'z') {
      if (word_start) *p = (unsigned char)(*p - 32);
      letter = true;
    } else if (*p == 0xC3 && p[1]) {
      if (latin1_upper(p[1]) && !word_start) p[1] = (unsigned char)(p[1] + 0x20);
      else if (latin1_lower(p[1]) && p[1] != 0x9F && word_start) p[1] = (unsigned char)(p[1] - 0x20);
      letter = latin1_upper(p[1]) || latin1_lower(p[1]);
      p++;
    }
    word_start = !letter && *p != '\'';
  }
}

/* Eight bytes at a time: a byte starts a code point unless it is 10xxxxxx. */
size_t pk_utf8_count(const char *str, size_t len) {
  size_t continuation = 0, at = 0;
  for (; len - at >= 8; at += 8) {
    uint64_t word;
    memcpy(&word, str + at, sizeof word);
    continuation += pk_count_marks8(word & ~(word << 1) & PK_HIGHS8); /* 10xxxxxx bytes */
  }
  for (; at < len; at++) continuation += ((unsigned char)str[at] & 0xC0) == 0x80;
  return len - continuation;
}

/* ---- the text account ----------------------------------------------------------------- */

enum { ACCOUNT_BLOCK = 512 };

static void mix_word(pk_text_hash *h, uint64_t word) {
  h->hash = (h->hash ^ word) * 0x9E3779B97F4A7C15ull;
  h->hash ^= h->hash >> 29;
}

/* The kept bytes, eight at a time; a partial word waits in PENDING for the next piece. */
static void hash_bytes(pk_text_hash *h, const unsigned char *bytes, size_t n) {
  size_t at = 0;
  while (h->pending_len > 0 && at < n) {
    h->pending |= (uint64_t)bytes[at++] << (8 * h->pending_len);
    if (++h->pending_len == 8) {
      mix_word(h, h->pending);
      h->pending = 0;
      h->pending_len = 0;
    }
  }
  for (; n - at >= 8; at += 8) {
    uint64_t word;
    memcpy(&word, bytes + at, sizeof word);
    mix_word(h, word);
  }
  for (; at < n; at++) h->pending |= (uint64_t)bytes[at] << (8 * h->pending_len++);
}

/* White space as pk_space_len sees it, for the byte C between PREV and NEXT. */
static unsigned is_space_byte(unsigned c, unsigned prev, unsigned next) {
  return pk_is_ascii_space((unsigned char)c) | ((c == 0xC2) & (next == 0xA0)) |
         ((c == 0xA0) & (prev == 0xC2));
}

/* Bit 7 of each ASCII white-space byte of WORD: a space, or tab to carriage return. */
static uint64_t ascii_spaces(uint64_t word) {
  uint64_t tab_to_cr = pk_bytes_below8(word, 0x0E) & ~pk_bytes_below8(word, '\t');
  return pk_bytes_equal8(word, ' ') | tab_to_cr;
}

/* One byte the slow way: what every byte near a no-break space (C2 A0) takes. */
static void account_byte(const unsigned char *s, size_t i, size_t len, unsigned char *kept,
                         size_t *k, unsigned long long *count) {
  unsigned c = s[i], keep = !is_space_byte(c, i > 0 ? s[i - 1] : 0, i + 1 < len ? s[i + 1] : 0);
  if (kept) {
    kept[*k] = (unsigned char)c;
    *k += keep;
  }
  *count += keep & ((c & 0xC0) != 0x80);
}

/* Appends the bytes of WORD that KEEP marks to KEPT.  Each byte is stored, and the next
 * one overwrites it unless it is kept: no branch on where the spaces fall, which is
 * random. */
static inline size_t pack_bytes(unsigned char *kept, uint64_t word, uint64_t keep) {
  size_t k = 0;
#pragma GCC unroll 8
  for (int b = 0; b < 8; b++) {
    kept[k] = (unsigned char)(word >> (8 * b));
    k += (keep >> (8 * b + 7)) & 1;
  }
  return k;
}

#ifdef PK_ACCOUNT_X86
/* Bit B of an entry's index is byte B of a word; byte J of the entry is the position of
 * the index's J-th set bit, so one byte shuffle packs the kept bytes to the front. */
#define PK_BIT(m, p) (((m) >> (p)) & 1u)
#define PK_POP_BELOW(m, p)                                                                  \
  (PK_BIT(m, 0) * ((p) > 0) + PK_BIT(m, 1) * ((p) > 1) + PK_BIT(m, 2) * ((p) > 2) +        \
   PK_BIT(m, 3) * ((p) > 3) + PK_BIT(m, 4) * ((p) > 4) + PK_BIT(m, 5) * ((p) > 5) +        \
   PK_BIT(m, 6) * ((p) > 6))
#define PK_PLACE(m, p) ((uint64_t)(PK_BIT(m, p) * (p)) << (8 * PK_POP_BELOW(m, p)))
#define PK_PACK1(m)                                                                         \
  (PK_PLACE(m, 0) | PK_PLACE(m, 1) | PK_PLACE(m, 2) | PK_PLACE(m, 3) | PK_PLACE(m, 4) |     \
   PK_PLACE(m, 5) | PK_PLACE(m, 6) | PK_PLACE(m, 7))
#define PK_PACK4(m) PK_PACK1(m), PK_PACK1((m) + 1), PK_PACK1((m) + 2), PK_PACK1((m) + 3)
#define PK_PACK16(m) PK_PACK4(m), PK_PACK4((m) + 4), PK_PACK4((m) + 8), PK_PACK4((m) + 12)
#define PK_PACK64(m) PK_PACK16(m), PK_PACK16((m) + 16), PK_PACK16((m) + 32), PK_PACK16((m) + 48)
static const uint64_t PACK_SHUFFLE[256] = {PK_PACK64(0u), PK_PACK64(64u), PK_PACK64(128u),
                                           PK_PACK64(192u)};

/* pack_bytes by one shuffle: stores eight bytes, of which the first are the kept ones. */
__attribute__((target("ssse3"))) static inline size_t pack_bytes_ssse3(unsigned char *kept,
                                                                       uint64_t word,
                                                                       uint64_t keep) {
  unsigned index = (unsigned)(((keep >> 7) * 0x0102040810204080ull) >> 56);
  __m128i packed = _mm_shuffle_epi8(_mm_cvtsi64_si128((long long)word),
                                    _mm_cvtsi64_si128((long long)PACK_SHUFFLE[index]));
  _mm_storel_epi64((__m128i *)(void *)kept, packed);
  return pk_count_marks8(keep);
}
#endif

/* Eight bytes at a time: the white space of a word is found at once, so the bytes kept
 * are counted without a test per byte, and (unless KEPT is NULL: counting only) packed
 * by PACK where the word has no no-break space.  KEPT has room for eight bytes more than
 * it keeps.  Inlined into each caller with its own PACK. */
static inline __attribute__((always_inline)) size_t
account_words(const unsigned char *s, size_t start, size_t end, size_t len, unsigned char *kept,
              unsigned long long *total,
              size_t (*pack)(unsigned char *, uint64_t, uint64_t)) {
  size_t k = 0, i = start;
  unsigned long long counted = 0, *count = &counted;
  for (; end - i >= 8; i += 8) {
    uint64_t word;
    memcpy(&word, s + i, sizeof word);
    if (pk_bytes_equal8(word, 0xC2) | pk_bytes_equal8(word, 0xA0)) {
      for (size_t j = i; j < i + 8; j++) account_byte(s, j, len, kept, &k, count);
      continue;
    }
    uint64_t keep = ~ascii_spaces(word) & PK_HIGHS8, continuation = word & ~(word << 1) & PK_HIGHS8;
    *count += pk_count_marks8(keep & ~continuation);
    if (kept) k += pack(kept + k, word, keep);
  }
  for (; i < end; i++) account_byte(s, i, len, kept, &k, count);
  *total += counted;
  return k;
}

static size_t account_block(const unsigned char *s, size_t start, size_t end, size_t len,
                            unsigned char *kept, unsigned long long *total) {
  return account_words(s, start, end, len, kept, total, pack_bytes);
}

#ifdef PK_ACCOUNT_X86
__attribute__((target("ssse3"))) static size_t
account_block_ssse3(const unsigned char *s, size_t start, size_t end, size_t len,
                    unsigned char *kept, unsigned long long *total) {
  return account_words(s, start, end, len, kept, total, pack_bytes_ssse3);
}

/* GCC's and clang's runtimes read the processor's features once, at start-up. */
static bool cpu_has_ssse3(void) { return __builtin_cpu_supports("ssse3"); }
#else
static bool cpu_has_ssse3(void) { return false; }
#endif

void pk_text_account_with(const char *text, size_t len, pk_text_hash *hash,
                          unsigned long long *weight, bool hardware) {
  /* Only x86 has the shuffle, and not every x86 processor. */
  hardware = hardware && hash && cpu_has_ssse3();
  (void)hardware;
  const unsigned char *s = (const unsigned char *)text;
  unsigned char kept[ACCOUNT_BLOCK + 8];
  unsigned long long count = 0;
  for (size_t start = 0; start < len; start += ACCOUNT_BLOCK) {
    size_t end = len - start < ACCOUNT_BLOCK ? len : start + ACCOUNT_BLOCK, k;
#ifdef PK_ACCOUNT_X86
    if (hardware)
      k = account_block_ssse3(s, start, end, len, kept, &count);
    else
#endif
      k = account_block(s, start, end, len, hash ? kept : NULL, &count);
    if (hash) hash_bytes(hash, kept, k);
  }
  *weight += count;
}

void pk_text_account(const char *text, size_t len, pk_text_hash *hash,
                     unsigned long long *weight) {
  pk_text_account_with(text, len, hash, weight, true);
}

bool pk_text_hash_equal(const pk_text_hash *a, const pk_text_hash *b) {
  return a->hash == b->hash && a->pending == b->pending && a->pending_len == b->pending_len;
}

size_t pk_text_weight(const char *str, size_t len) {
  unsigned long long weight = 0;
  pk_text_account(str, len, NULL, &weight);
  return (size_t)weight;
}

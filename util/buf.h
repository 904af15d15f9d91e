/* buf.h: growable byte buffers and the small string helpers every stage shares. */
#ifndef PK_BUF_H
#define PK_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* FNV-1a, the hash the stages' small tables use: start from PK_FNV_BASIS, one step a byte. */
#define PK_FNV_BASIS 1469598103934665603ull
static inline unsigned long long pk_fnv_step(unsigned long long hash, unsigned char byte) {
  return (hash ^ byte) * 1099511628211ull;
}

/* A growable byte buffer, always NUL-terminated after its `len` bytes once it holds data. */
typedef struct pk_buf {
  char *data;
  size_t len;
  size_t cap;
} pk_buf;

/* Appends LEN bytes; returns false when out of memory (the buffer is unchanged then). */
bool pk_buf_append(pk_buf *buf, const char *bytes, size_t len);
bool pk_buf_append_char(pk_buf *buf, char c);
bool pk_buf_append_str(pk_buf *buf, const char *str);
/* Removes the first N bytes. */
void pk_buf_consume(pk_buf *buf, size_t n);
void pk_buf_clear(pk_buf *buf);
void pk_buf_free(pk_buf *buf);
/* Hands the contents over as a malloc'd NUL-terminated string and empties the buffer. */
char *pk_buf_take(pk_buf *buf);

/* Makes room for NEED items of ITEM_SIZE bytes in the array *ITEMS of capacity *CAP,
 * doubling, so appending one at a time costs amortised constant time.  False when out
 * of memory (the array is unchanged then). */
bool pk_reserve(void **items, size_t *cap, size_t need, size_t item_size);

/* malloc'd copy of LEN bytes plus NUL, or NULL. */
char *pk_strndup(const char *str, size_t len);
/* The length of TEXT's first LEN bytes cut to at most LIMIT, on a character's start. */
size_t pk_utf8_prefix(const char *text, size_t len, size_t limit);
/* Whether TEXT[0, LEN) starts with a capital letter: A-Z or one of Latin-1's (U+00C0 to
 * U+00DE but U+00D7, ÆØÅ among them). */
bool pk_utf8_starts_capital(const char *text, size_t len);
/* malloc'd copy of str[start, end) with runs of white space collapsed to one space and
 * leading/trailing white space removed. */
char *pk_collapse_ws(const char *str, size_t start, size_t end);
/* The same, but a run that holds a TAB becomes one TAB: a table row's cells stay apart
 * ("41<TAB>Title<TAB>25/00102"). */
char *pk_collapse_ws_cells(const char *str, size_t start, size_t end);
/* Narrows [*start, *end) of STR so it neither starts nor ends with white space. */
void pk_trim_span(const char *str, size_t *start, size_t *end);
/* True when every letter of the NUL-terminated UTF-8 STR is upper case (and there is one). */
bool pk_is_upper_text(const char *str);
/* Rewrites the UTF-8 STR in place as "Title Case" (first letter of each word upper case,
 * the rest lower case).  Handles ASCII and Latin-1 letters, which is what Danish needs. */
void pk_title_case(char *str);
/* Eight bytes at a time ("SWAR"): each returns bit 7 of every byte of WORD (read with
 * memcpy, so byte I holds bits 8I to 8I+7) that has the property, and nothing else. */
#define PK_ONES8 0x0101010101010101ull
#define PK_HIGHS8 0x8080808080808080ull

static inline uint64_t pk_bytes_equal8(uint64_t word, unsigned byte) {
  uint64_t diff = word ^ (PK_ONES8 * byte);
  return ~(((diff & ~PK_HIGHS8) + ~PK_HIGHS8) | diff) & PK_HIGHS8;
}

/* Bytes below BOUND (at most 0x80). */
static inline uint64_t pk_bytes_below8(uint64_t word, unsigned bound) {
  uint64_t low = word & ~PK_HIGHS8;
  return ~(low + PK_ONES8 * (0x80 - bound)) & ~word & PK_HIGHS8;
}

/* How many bytes are marked. */
static inline unsigned pk_count_marks8(uint64_t marks) {
  return (unsigned)(((marks >> 7) * PK_ONES8) >> 56);
}

/* The length of the prefix of S[0, LEN) that is ASCII (PRINTABLE: printable ASCII, 0x20
 * to 0x7E and DEL), found eight bytes at a time, a multiple of eight; the byte-at-a-time
 * work of the reader and the emitters starts where it ends.  Most text is nothing else. */
static inline size_t pk_ascii_prefix(const unsigned char *s, size_t len, bool printable) {
  size_t at = 0;
  for (; len - at >= 8; at += 8) {
    uint64_t word;
    memcpy(&word, s + at, sizeof word);
    if (word & PK_HIGHS8) break;
    if (printable && pk_bytes_below8(word, 0x20)) break;
  }
  return at;
}

/* ASCII white space: space, tab, line feed, vertical tab, form feed, carriage return. */
static inline bool pk_is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Bytes of the white space character at STR[AT] (ASCII white space or U+00A0), 0 if
 * STR[AT] is not white space; END bounds the look-ahead. */
size_t pk_space_len(const char *str, size_t at, size_t end);
/* Number of code points in LEN bytes of UTF-8 that are not white space (as pk_space_len
 * sees it): the measure of "text" that the coverage accounting keeps. */
size_t pk_text_weight(const char *str, size_t len);

/* A running hash of the bytes of a text's non-white-space characters, fed in pieces:
 * pieces cut anywhere (between characters) give the hash of the whole.  Any byte dropped,
 * added, changed or moved changes it.  All zero is the empty text. */
typedef struct pk_text_hash {
  unsigned long long hash;
  unsigned long long pending; /* up to seven bytes not yet mixed in */
  unsigned pending_len;
} pk_text_hash;

/* The one scan behind pk_text_weight and the coverage hashes: adds the code points of TEXT
 * that are not white space to *WEIGHT and, when HASH is not NULL, their bytes to *HASH. */
void pk_text_account(const char *text, size_t len, pk_text_hash *hash,
                     unsigned long long *weight);
/* The same, with HARDWARE false keeping to the portable code (which the tests compare
 * with the processor's byte shuffle, used where the processor has it). */
void pk_text_account_with(const char *text, size_t len, pk_text_hash *hash,
                          unsigned long long *weight, bool hardware);
bool pk_text_hash_equal(const pk_text_hash *a, const pk_text_hash *b);

/* Number of Unicode code points in LEN bytes of UTF-8. */
size_t pk_utf8_count(const char *str, size_t len);

#endif

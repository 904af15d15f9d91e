/* buf.c: growable byte buffers and small string helpers. */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

char *pk_collapse_ws(const char *str, size_t start, size_t end) {
  pk_trim_span(str, &start, &end);
  char *out = malloc(end - start + 1);
  if (!out) return NULL;
  size_t len = 0;
  bool in_space = false;
  for (size_t i = start; i < end;) {
    size_t n = pk_space_len(str, i, end);
    if (n) {
      in_space = true;
      i += n;
      continue;
    }
    if (in_space) out[len++] = ' ';
    in_space = false;
    out[len++] = str[i++];
  }
  out[len] = '\0';
  return out;
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

size_t pk_utf8_count(const char *str, size_t len) {
  size_t count = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)str[i] & 0xC0) != 0x80) count++;
  return count;
}


size_t pk_text_weight(const char *str, size_t len) {
  unsigned long long weight = 0;
  pk_text_scan(str, len, false, 0, 0, &weight);
  return (size_t)weight;
}

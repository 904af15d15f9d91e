/* text.c: replacing what an output format cannot carry. */
#include "config.h"

#include "text.h"

#include "../util/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at S (1-4), or 0.  Overlong forms, surrogates and
 * code points past U+10FFFF are not valid. */
static size_t utf8_valid_len(const unsigned char *s) {
  if (s[0] < 0x80) return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) return (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    unsigned char low = s[0] == 0xE0 ? 0xA0 : 0x80, high = s[0] == 0xED ? 0x9F : 0xBF;
    return s[1] >= low && s[1] <= high && (s[2] & 0xC0) == 0x80 ? 3 : 0;
  }
  if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    unsigned char low = s[0] == 0xF0 ? 0x90 : 0x80, high = s[0] == 0xF4 ? 0x8F : 0xBF;
    return s[1] >= low && s[1] <= high && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
  }
  return 0;
}

static bool xml_forbidden(const unsigned char *s, size_t len) {
  if (len == 1) return s[0] < 0x20 && s[0] != '\t' && s[0] != '\n' && s[0] != '\r';
  return len == 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF);
}

/* Bytes at S to replace (0: the character there is fine). */
static size_t bad_len(const unsigned char *s, bool for_xml) {
  size_t len = utf8_valid_len(s);
  if (len == 0) return 1; /* one invalid byte at a time, as decoders do */
  return for_xml && xml_forbidden(s, len) ? len : 0;
}

static size_t char_len(const unsigned char *s) {
  size_t len = utf8_valid_len(s);
  return len ? len : 1;
}

/* Length of the prefix of TEXT[0, LEN) with nothing to replace. */
static size_t clean_prefix(const unsigned char *s, size_t len, bool for_xml) {
  size_t at = 0;
  while (at < len) {
    at += pk_ascii_prefix(s + at, len - at, true);
    if (at == len || bad_len(s + at, for_xml)) return at;
    at += char_len(s + at);
  }
  return len;
}

char *pk_text_sanitize(const char *text, bool for_xml, size_t *replaced, bool *failed) {
  const unsigned char *s = (const unsigned char *)text;
  size_t len = strlen(text);
  size_t at = clean_prefix(s, len, for_xml);
  if (at == len) return NULL;
  char *out = malloc(len * 3 + 1); /* each bad byte may become three */
  if (!out) {
    *failed = true;
    return NULL;
  }
  memcpy(out, text, at);
  size_t written = at;
  while (s[at]) {
    size_t bad = bad_len(s + at, for_xml);
    if (bad) {
      memcpy(out + written, "\xEF\xBF\xBD", 3);
      written += 3;
      at += bad;
      (*replaced)++;
    } else {
      size_t n = char_len(s + at);
      memcpy(out + written, text + at, n);
      written += n;
      at += n;
    }
  }
  out[written] = '\0';
  return out;
}

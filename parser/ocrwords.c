/* ocrwords.c: OCR's misreadings of a known word at a line's start (see ocrwords.h). */
#include "config.h"

#include "ocrwords.h"

#include <stdbool.h>
#include <string.h>

enum { WORD_MAX = 64 }; /* bytes: longer tokens are no heading word */

static bool ends_word(char c) {
  return c == ' ' || c == '\t' || c == ':' || c == '.' || c == ',' || c == '\0';
}

/* Whether TOKEN holds a character OCR puts for another inside a word: a digit among
 * letters, I or | after a letter, or "rn". */
static bool looks_misread(const char *token, size_t len) {
  for (size_t i = 0; i < len; i++) {
    char c = token[i];
    if (c == '0' || c == '1' || c == '|') return true;
    if (c == 'I' && i > 0) return true;
    if (c == 'r' && i + 1 < len && token[i + 1] == 'n') return true;
  }
  return false;
}

/* TOKEN read with OCR's confusions undone into OUT (NUL-terminated): 0 as O (ZERO_AS_OE:
 * as Ø), 1, | and a non-initial I as l, rn as m where RN_AS_M.  Its length. */
static size_t undo_confusions(const char *token, size_t len, bool zero_as_oe, bool rn_as_m,
                              char *out) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    char c = token[i];
    if (c == '0' && zero_as_oe) {
      out[n++] = (char)0xC3, out[n++] = (char)0x98; /* Ø */
    } else if (c == '0') {
      out[n++] = 'O';
    } else if (c == '1' || c == '|' || (c == 'I' && i > 0)) {
      out[n++] = 'l';
    } else if (c == 'r' && rn_as_m && i + 1 < len && token[i + 1] == 'n') {
      out[n++] = 'm', i++;
    } else {
      out[n++] = c;
    }
  }
  out[n] = '\0';
  return n;
}

bool pk_lexicon_word(pk_matcher *matcher, const pk_rule *const *words, size_t count,
                          const char *text, size_t len) {
  for (size_t i = 0; i < count; i++)
    if (words[i] && pk_match(matcher, words[i], text, len, 0, true) == PK_MATCH_FOUND &&
        pk_match_end(matcher) == len)
      return true;
  return false;
}

bool pk_ocr_repair_word(pk_buf *line, pk_matcher *matcher, const pk_rule *const *words,
                        size_t count, unsigned long long *repairs) {
  const char *text = line->data ? line->data : "";
  size_t len = line->len, start = 0;
  while (start < len && (text[start] == ' ' || text[start] == '\t')) start++;
  size_t end = start;
  while (end < len && !ends_word(text[end])) end++;
  size_t token_len = end - start;
  if (!count || token_len < 3 || token_len > WORD_MAX || !looks_misread(text + start, token_len) ||
      pk_lexicon_word(matcher, words, count, text + start, token_len))
    return true;
  char variant[2 * WORD_MAX + 1];
  for (int form = 0; form < 4; form++) {
    size_t n = undo_confusions(text + start, token_len, form & 1, form & 2, variant);
    if (!pk_lexicon_word(matcher, words, count, variant, n)) continue;
    pk_buf repaired = {0};
    bool ok = pk_buf_append(&repaired, text, start) && pk_buf_append(&repaired, variant, n) &&
              pk_buf_append(&repaired, text + end, len - end);
    if (ok) {
      pk_buf_free(line);
      *line = repaired;
      ++*repairs;
    } else {
      pk_buf_free(&repaired);
    }
    return ok;
  }
  return true;
}

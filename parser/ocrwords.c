/* ocrwords.c: OCR's misreadings of a known word at a line's start (see ocrwords.h). */
#include "config.h"

#include "ocrwords.h"

#include <stdbool.h>
#include <stdlib.h>
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

/* ---- digits read as letters -------------------------------------------------------------- */

static bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether a small letter ends at TEXT[AT] (exclusive): ASCII, or æ, ø, å. */
static bool small_letter_before(const char *text, size_t at) {
  if (at >= 1 && ascii_lower(text[at - 1])) return true;
  unsigned char last = at >= 2 ? (unsigned char)text[at - 1] : 0;
  return at >= 2 && (unsigned char)text[at - 2] == 0xC3 && (last == 0xA5 || last == 0xA6 || last == 0xB8);
}

/* Whether a small letter starts at TEXT[AT]: ASCII, or æ, ø, å. */
static bool small_letter_at(const char *text, size_t len, size_t at) {
  if (at < len && ascii_lower(text[at])) return true;
  unsigned char next = at + 1 < len ? (unsigned char)text[at + 1] : 0;
  return at + 1 < len && (unsigned char)text[at] == 0xC3 && (next == 0xA5 || next == 0xA6 || next == 0xB8);
}

/* Whether a letter, a digit or a UTF-8 letter's last byte ends at TEXT[AT] (exclusive). */
static bool word_char_before(const char *text, size_t at) {
  if (at == 0) return false;
  char c = text[at - 1];
  return ascii_lower(c) || ascii_upper(c) || ascii_digit(c) || ((unsigned char)c & 0x80);
}

enum { PARTY_LETTERS_MAX = 3 }; /* "SF", "DF", "RV" */

/* Whether the words before TEXT[AT] are a party's letters and the list's joint ("V, C og 0":
 * ", " or " og " after "C"). */
static bool after_party_letters(const char *text, size_t at) {
  size_t end;
  if (at >= 4 && memcmp(text + at - 4, " og ", 4) == 0) end = at - 4;
  else if (at >= 2 && memcmp(text + at - 2, ", ", 2) == 0) end = at - 2;
  else return false;
  size_t start = end;
  while (start > 0 && end - start < PARTY_LETTERS_MAX && ascii_upper(text[start - 1])) start--;
  return start < end && !word_char_before(text, start);
}

/* Whether a word that follows a count comes at TEXT[AT] ("0 undlod", "0 imod", "0
 * stemmer"): the 0 before it is a count of none. */
static bool count_follows(const char *text, size_t len, size_t at) {
  static const char *const WORDS[] = {" undlod", " imod", " mod", " stemte", " stemmer", " for"};
  for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) {
    size_t n = strlen(WORDS[i]);
    if (at + n <= len && memcmp(text + at, WORDS[i], n) == 0) return true;
  }
  return false;
}

/* Whether the 0 at TEXT[AT] stands alone as a party's letter: in a list of them, or in
 * brackets after a word ("Bak (0)", "undlod (0)"). */
static bool zero_as_party(const char *text, size_t len, size_t at) {
  bool alone = at + 1 == len || !(ascii_lower(text[at + 1]) || ascii_upper(text[at + 1]) ||
                                   ascii_digit(text[at + 1]) || ((unsigned char)text[at + 1] & 0x80));
  if (!alone || word_char_before(text, at) || count_follows(text, len, at + 1)) return false;
  if (after_party_letters(text, at)) return true;
  return at >= 3 && at + 1 < len && text[at + 1] == ')' && memcmp(text + at - 2, " (", 2) == 0 &&
         small_letter_before(text, at - 2);
}

/* Whether TEXT[AT] is a letter of no word: between no letters, beside a digit or alone
 * ("l3", "2l.15", "l undlod"). */
static bool letter_of_no_word(const char *text, size_t len, size_t at) {
  bool letter_before = at > 0 && (ascii_lower(text[at - 1]) || ascii_upper(text[at - 1]) ||
                                  ((unsigned char)text[at - 1] & 0x80));
  bool letter_after = at + 1 < len && (ascii_lower(text[at + 1]) || ascii_upper(text[at + 1]) ||
                                       ((unsigned char)text[at + 1] & 0x80));
  return !letter_before && !letter_after;
}

enum { SHORT_WORD_MAX = 3 }; /* letters of a word whose l OCR read as 1 at its end ("ti1") */

/* Whether the word ending at TEXT[AT] (exclusive) is short ("ti1"): a long word's 1 is a
 * footnote's mark ("Godkendt1"). */
static bool short_word_before(const char *text, size_t at) {
  size_t start = at;
  while (start > 0 && (ascii_lower(text[start - 1]) || ascii_upper(text[start - 1]))) start--;
  return at - start <= SHORT_WORD_MAX && !word_char_before(text, start);
}

/* The letter OCR's digit at TEXT[AT] stands for, the digit its letter l stands for, or the
 * character itself. */
static char read_digit(const char *text, size_t len, size_t at) {
  char c = text[at];
  if (c == 'l') return letter_of_no_word(text, len, at) ? '1' : c;
  if (c == '1' && small_letter_before(text, at) && !(at + 1 < len && ascii_digit(text[at + 1])) &&
      (small_letter_at(text, len, at + 1) || short_word_before(text, at)))
    return 'l';
  if (c == '0' && !word_char_before(text, at) && small_letter_at(text, len, at + 1)) return 'O';
  if (c == '0' && zero_as_party(text, len, at)) return 'O';
  return c;
}

char *pk_ocr_digits_as_letters(const char *text, size_t len, bool *failed) {
  char *read = NULL;
  for (size_t at = 0; at < len; at++) {
    if (text[at] != '0' && text[at] != '1' && text[at] != 'l') continue;
    char letter = read_digit(text, len, at);
    if (letter == text[at]) continue;
    if (!read) {
      read = malloc(len + 1);
      if (!read) return *failed = true, NULL;
      memcpy(read, text, len);
      read[len] = '\0';
    }
    read[at] = letter;
  }
  return read;
}

/* leader.c: dot leaders (see leader.h). */
#include "leader.h"

#include <string.h>

static const char ELLIPSIS[] = "\xe2\x80\xa6"; /* U+2026, which some lists' leaders use */

/* The bytes of the dot or ellipsis at TEXT[at] (before END), else 0; the dots it counts for. */
static size_t dot_at(const char *text, size_t at, size_t end, size_t *dots) {
  if (at < end && text[at] == '.') return *dots = 1, 1;
  if (at + 3 <= end && memcmp(text + at, ELLIPSIS, 3) == 0) return *dots = 3, 3;
  return 0;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

size_t pk_leader_at(const char *text, size_t at, size_t end) {
  size_t run = at, dots = 0, step, counted;
  while ((step = dot_at(text, run, end, &counted)) > 0) run += step, dots += counted;
  return dots >= 3 ? run - at : 0;
}

size_t pk_leader_start(const char *text, size_t start, size_t end) {
  size_t at = end, dots = 0;
  for (;;) {
    if (at > start && text[at - 1] == '.') at--, dots++;
    else if (at >= start + 3 && memcmp(text + at - 3, ELLIPSIS, 3) == 0) at -= 3, dots += 3;
    else break;
  }
  return dots >= 3 ? at : end;
}

size_t pk_page_word_start(const char *text, size_t start, size_t end) {
  static const char *const WORDS[] = {"side", "Side", "SIDE", "s.", "S."};
  for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) {
    size_t len = strlen(WORDS[i]);
    if (end - start >= len && memcmp(text + end - len, WORDS[i], len) == 0 &&
        (end - len == start || !((text[end - len - 1] | 0x20) >= 'a' && (text[end - len - 1] | 0x20) <= 'z')))
      return end - len;
  }
  return end;
}

size_t pk_page_number_at(const char *text, size_t at, size_t end) {
  size_t from = at;
  while (at < end && is_blank(text[at])) at++;
  size_t word = at;
  static const char *const WORDS[] = {"side", "Side", "SIDE", "s.", "S."};
  for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS && word == at; i++) {
    size_t len = strlen(WORDS[i]);
    if (end - at > len && memcmp(text + at, WORDS[i], len) == 0 && is_blank(text[at + len]))
      for (word = at + len; word < end && is_blank(text[word]);) word++;
  }
  size_t digits = word;
  while (digits < end && digits - word < 4 && text[digits] >= '0' && text[digits] <= '9') digits++;
  if (digits == word && word > at && word < end && (text[word] == 'l' || text[word] == 'I'))
    digits++; /* "side l": OCR's letter for the one, after the word for a page only */
  if (digits == word) return 0;
  if (digits < end && ((text[digits] | 0x20) >= 'a' && (text[digits] | 0x20) <= 'z')) return 0;
  return digits - from;
}

bool pk_ends_in_leader(const char *text, size_t start, size_t end) {
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                         text[end - 1] == '\r'))
    end--;
  size_t digits = end;
  while (digits > start && end - digits < 4 && text[digits - 1] >= '0' && text[digits - 1] <= '9')
    digits--;
  /* "side l": OCR's letter for the one, after the word for a page only */
  bool read_as_one = digits == end && end > start && (text[end - 1] == 'l' || text[end - 1] == 'I');
  if (read_as_one) digits--;
  if (digits == end) return false;
  while (digits > start && is_blank(text[digits - 1])) digits--;
  /* "........ side 4": the page number after its word */
  size_t word = pk_page_word_start(text, start, digits);
  if (word == digits && read_as_one) return false;
  if (word < digits && (word == start || !is_blank(text[word - 1]))) return false;
  for (digits = word; digits > start && is_blank(text[digits - 1]);) digits--;
  return pk_leader_start(text, start, digits) < digits;
}

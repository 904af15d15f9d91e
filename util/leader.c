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

/* The words for a page a contents entry prints before its page number ("side 4", "s. 4"). */
static const char *const PAGE_WORDS[] = {"side", "Side", "SIDE", "s.", "S."};

static bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* OCR's letter for the one ("side l"), read as a page number after a page's word only. */
static bool ocr_one(char c) { return c == 'l' || c == 'I'; }

/* Where the word for a page that ends TEXT[start, end) starts, else END. */
static size_t page_word_start(const char *text, size_t start, size_t end) {
  for (size_t i = 0; i < sizeof PAGE_WORDS / sizeof *PAGE_WORDS; i++) {
    size_t len = strlen(PAGE_WORDS[i]);
    if (end - start >= len && memcmp(text + end - len, PAGE_WORDS[i], len) == 0 &&
        (end - len == start || is_blank(text[end - len - 1])))
      return end - len;
  }
  return end;
}

/* The bytes of the page's word and its blanks at TEXT[at], else 0. */
static size_t page_word_at(const char *text, size_t at, size_t end) {
  for (size_t i = 0; i < sizeof PAGE_WORDS / sizeof *PAGE_WORDS; i++) {
    size_t len = strlen(PAGE_WORDS[i]), after = at + len;
    if (end - at > len && memcmp(text + at, PAGE_WORDS[i], len) == 0 && is_blank(text[after])) {
      while (after < end && is_blank(text[after])) after++;
      return after - at;
    }
  }
  return 0;
}

size_t pk_page_number_at(const char *text, size_t at, size_t end) {
  size_t from = at;
  while (at < end && is_blank(text[at])) at++;
  size_t word = at + page_word_at(text, at, end);
  size_t digits = word;
  while (digits < end && digits - word < 4 && text[digits] >= '0' && text[digits] <= '9') digits++;
  if (digits == word && word > at && word < end && ocr_one(text[word])) digits++;
  if (digits == word) return 0;
  /* after a page's word the number ends its word; a bare one may run into the next entry
   * ("........ 3Budget") */
  if (word > at && digits < end && is_letter(text[digits])) return 0;
  return digits - from;
}

size_t pk_page_number_start(const char *text, size_t start, size_t end) {
  size_t last = end;
  while (last > start && (is_blank(text[last - 1]) || text[last - 1] == '\n' || text[last - 1] == '\r'))
    last--;
  size_t digits = last;
  while (digits > start && last - digits < 4 && text[digits - 1] >= '0' && text[digits - 1] <= '9')
    digits--;
  bool read_as_one = digits == last && last > start && ocr_one(text[last - 1]);
  if (read_as_one) digits--;
  if (digits == last) return end;
  size_t before = digits;
  while (before > start && is_blank(text[before - 1])) before--;
  size_t word = page_word_start(text, start, before);
  if (word < before) return word;
  return read_as_one ? end : digits;
}

bool pk_ends_in_leader(const char *text, size_t start, size_t end) {
  size_t number = pk_page_number_start(text, start, end);
  if (number == end) return false;
  while (number > start && is_blank(text[number - 1])) number--;
  return pk_leader_start(text, start, number) < number;
}

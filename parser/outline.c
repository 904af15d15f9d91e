/* outline.c: item numbers as places in the agenda's outline (see outline.h). */
#include "config.h"

#include "outline.h"

#include <string.h>

enum { OUTLINE_MAX = 100000000 }; /* larger numbers are read as this, not overflowed */

static long digits_at(const char *text, size_t len, size_t *at) {
  long value = 0;
  for (; *at < len && text[*at] >= '0' && text[*at] <= '9'; ++*at)
    value = value >= OUTLINE_MAX / 10 ? OUTLINE_MAX : value * 10 + (text[*at] - '0');
  return value < OUTLINE_MAX ? value : OUTLINE_MAX;
}

static bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

/* The value of a Roman numeral in capitals of I, V and X ("IV", "XII"), or -1. */
static long roman_value(const char *text, size_t len) {
  long value = 0, last = 0;
  for (size_t at = len; at-- > 0;) {
    long digit = text[at] == 'I' ? 1 : text[at] == 'V' ? 5 : text[at] == 'X' ? 10 : 0;
    if (!digit) return -1;
    value += digit < last ? -digit : digit;
    if (digit > last) last = digit;
  }
  return len ? value : -1;
}

/* A number with no digits that is one letter ("B", "C." of items lettered A, B, C, as
 * small boards letter them) stands at the letter's place in the alphabet; a Roman numeral
 * ("II", "IV"; "I", "V" and "X" alone too) at its value. */
static pk_outline letter_place(const char *text, size_t len) {
  pk_outline place = {-1, -1};
  size_t letters = 0, at_letter = 0, first = len, last = 0;
  for (size_t at = 0; at < len; at++) {
    if (is_ascii_letter(text[at])) {
      letters++, at_letter = at, last = at + 1;
      if (first == len) first = at;
    } else if ((unsigned char)text[at] >= 0x80) {
      return place;
    }
  }
  long roman = letters && last - first == letters ? roman_value(text + first, letters) : -1;
  if (roman > 0) place.major = roman;
  else if (letters == 1) place.major = (text[at_letter] | 0x20) - 'a' + 1;
  return place;
}

pk_outline pk_outline_of(const char *text, size_t len) {
  pk_outline place = {-1, -1};
  size_t at = 0;
  while (at < len && (text[at] < '0' || text[at] > '9')) at++;
  if (at == len) return letter_place(text, len);
  place.major = digits_at(text, len, &at);
  if (at + 1 < len && text[at] == '.' && text[at + 1] >= '0' && text[at + 1] <= '9') {
    at++;
    place.minor = digits_at(text, len, &at);
  } else if (at < len && text[at] >= 'a' && text[at] <= 'z' &&
             (at + 1 == len || !((text[at + 1] >= 'a' && text[at + 1] <= 'z') ||
                                 (unsigned char)text[at + 1] >= 0x80))) {
    place.minor = text[at] - 'a' + 1; /* "46a", an item added after 46 */
  }
  return place;
}

pk_outline pk_outline_of_number(const char *number) {
  return number ? pk_outline_of(number, strlen(number)) : (pk_outline){-1, -1};
}

int pk_outline_compare(pk_outline a, pk_outline b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  return 0;
}

enum { FIRST_LETTERS = 3 }; /* A, B or C may open a lettered list (an excerpt's first) */

bool pk_outline_late_letter(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text[i] >= '0' && text[i] <= '9') return false;
  pk_outline place = letter_place(text, len);
  size_t letters = 0;
  for (size_t i = 0; i < len; i++) letters += is_ascii_letter(text[i]);
  return letters == 1 && place.major > FIRST_LETTERS;
}

bool pk_outline_point_of(pk_outline a, pk_outline b) {
  return a.major >= 0 && a.minor == 0 && b.major == a.major && b.minor > 0;
}

bool pk_outline_opens_group(pk_outline a, pk_outline b) {
  return a.major >= 0 && a.minor < 0 && b.major == a.major && b.minor >= 0;
}

bool pk_outline_follows(pk_outline a, pk_outline b) {
  if (a.major < 0 || b.major < 0) return false;
  if (a.minor == 0 && b.minor == 0) return b.major == a.major + 1; /* "1.0", "2.0" */
  if (b.major == a.major) return (a.minor >= 0 && b.minor == a.minor + 1) || (a.minor < 0 && b.minor == 1);
  return b.major == a.major + 1 && (b.minor < 0 || b.minor == 1);
}

enum {
  WIDE_FROM = 1000, /* the first number of four digits */
  WIDE_GAP_MAX = 20  /* numbers a wide item number may skip after the item before */
};

bool pk_outline_wide_in_place(pk_outline before, pk_outline place, bool labelled) {
  if (place.major < WIDE_FROM) return true;
  if (before.major < 0) return labelled;
  return place.major > before.major && place.major <= before.major + WIDE_GAP_MAX;
}

bool pk_outline_leaps(pk_outline before, pk_outline place, bool before_worded, bool bare) {
  return before_worded && bare && before.major >= 0 && place.major > before.major;
}

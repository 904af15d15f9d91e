/* dates.c: Danish date and time forms.  A small scanner rather than a rule: the forms
 * are the language's, not a layout's, and every caller needs the same validation. */
#include "config.h"

#include "dates.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct cursor {
  const char *text;
  size_t len;
  size_t at;
} cursor;

static const char *const MONTHS[12] = {"januar", "februar", "marts",     "april",
                                       "maj",    "juni",    "juli",      "august",
                                       "september", "oktober", "november", "december"};
static const char *const SHORT_MONTHS[12] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                             "jul", "aug", "sep", "okt", "nov", "dec"};

static bool is_digit_at(const cursor *c, size_t at) {
  return at < c->len && c->text[at] >= '0' && c->text[at] <= '9';
}

/* Reads 1..MAX digits at c->at (not followed by another digit). -1 if none or too many. */
static int read_number(cursor *c, int max_digits, int *digits) {
  int value = 0, n = 0;
  while (is_digit_at(c, c->at) && n <= max_digits) {
    value = value * 10 + (c->text[c->at++] - '0');
    n++;
  }
  *digits = n;
  return n == 0 || n > max_digits ? -1 : value;
}

static bool accept(cursor *c, char ch) {
  if (c->at < c->len && c->text[c->at] == ch) {
    c->at++;
    return true;
  }
  return false;
}

/* Bytes of the blank at AT, 0 if none.  A no-break space (U+00A0) counts: Word and PDF
 * exports put one between "19." and "maj" or after "kl.". */
static size_t blank_len(const char *text, size_t len, size_t at) {
  if (at >= len) return 0;
  char ch = text[at];
  if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') return 1;
  bool nbsp = (unsigned char)ch == 0xC2 && at + 1 < len && (unsigned char)text[at + 1] == 0xA0;
  return nbsp ? 2 : 0;
}

static void skip_spaces(cursor *c) {
  for (size_t n; (n = blank_len(c->text, c->len, c->at)) > 0;) c->at += n;
}

static bool is_ascii_letter(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Whether the byte at AT continues a word.  Any byte of a multi-byte character except a
 * no-break space is taken as a letter (æ, ø, å ...): "majestæt" and "majø" are no months. */
static bool letter_at(const cursor *c, size_t at) {
  if (at >= c->len) return false;
  return is_ascii_letter(c->text[at]) ||
         ((unsigned char)c->text[at] >= 0x80 && blank_len(c->text, c->len, at) == 0);
}

/* Whether the byte before AT is a letter, by the same rule as letter_at. */
static bool letter_before(const char *text, size_t at) {
  if (at == 0) return false;
  unsigned char prev = (unsigned char)text[at - 1];
  bool nbsp = prev == 0xA0 && at > 1 && (unsigned char)text[at - 2] == 0xC2;
  return is_ascii_letter((char)prev) || (prev >= 0x80 && !nbsp);
}

/* Whether a number starts at AT: a digit that does not continue a longer number, so
 * "119.05.2015" holds no 19 May, "1.19.05.2015" no date, and "16.30.45" no 30:45. */
static bool number_starts_at(const char *text, size_t at) {
  bool digit = text[at] >= '0' && text[at] <= '9';
  bool after_digit = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
  bool after_separator = at > 1 && (text[at - 1] == '.' || text[at - 1] == ':') &&
                         text[at - 2] >= '0' && text[at - 2] <= '9';
  return digit && !after_digit && !after_separator;
}

static bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static bool valid_date(int year, int month, int day) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  int most = days[month - 1] + (month == 2 && is_leap(year));
  return day <= most;
}

/* Two-digit years: 00-49 are this century, 50-99 the last (old minutes are digitised). */
static int full_year(int year, int digits) {
  if (digits == 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/* A month name or abbreviation as a whole word; 0 if none. */
static int read_month_name(cursor *c) {
  char word[16];
  size_t n = 0, at = c->at;
  while (at < c->len && n < sizeof word - 1) {
    char ch = c->text[at];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if (ch < 'a' || ch > 'z') break;
    word[n++] = ch;
    at++;
  }
  word[n] = '\0';
  /* The month must be the whole word. */
  if (n == 0 || letter_at(c, at)) return 0;
  for (int m = 0; m < 12; m++) {
    if (strcmp(word, MONTHS[m]) == 0 || strcmp(word, SHORT_MONTHS[m]) == 0 ||
        (m == 8 && strcmp(word, "sept") == 0)) {
      c->at = at;
      return m + 1;
    }
  }
  return 0;
}

/* The year after a month: 4 digits, or 2 in numeric forms; not part of a longer number. */
static int read_year(cursor *c, bool allow_two_digits) {
  int digits, year = read_number(c, 4, &digits);
  if (year < 0 || (digits != 4 && !(allow_two_digits && digits == 2))) return -1;
  /* "19.05.2015.3" or "19.05.15.30" are not dates; "2015." at a sentence end is. */
  if ((c->at + 1 < c->len && (c->text[c->at] == '.' || c->text[c->at] == ',' ||
                              c->text[c->at] == '/') &&
       is_digit_at(c, c->at + 1)))
    return -1;
  return full_year(year, digits);
}

/* "19. maj 2015", "19 maj 2015", "15-maj-2002", "15. maj. 2002" after the day. */
static bool named_form(cursor *c, int *month, int *year) {
  accept(c, '.');
  bool dash = accept(c, '-');
  if (!dash) skip_spaces(c);
  if ((*month = read_month_name(c)) == 0) return false;
  accept(c, '.');
  if (dash) {
    if (!accept(c, '-')) return false;
  } else {
    size_t before = c->at;
    skip_spaces(c);
    if (c->at == before) return false;
  }
  return (*year = read_year(c, false)) > 0;
}

/* "19-05-2015", "19.05.15", "19/5-2015", "19/05/2015" after the day. */
static bool numeric_form(cursor *c, int *month, int *year) {
  char sep = c->at < c->len ? c->text[c->at] : '\0';
  if (sep != '-' && sep != '.' && sep != '/') return false;
  c->at++;
  int digits;
  if ((*month = read_number(c, 2, &digits)) < 0) return false;
  char sep2 = c->at < c->len ? c->text[c->at] : '\0';
  if (sep2 != '-' && sep2 != '.' && sep2 != '/') return false;
  c->at++;
  return (*year = read_year(c, true)) > 0;
}

/* "2015-05-19". */
static bool iso_form(cursor *c, int *year, int *month, int *day) {
  int digits;
  if ((*year = read_number(c, 4, &digits)) < 0 || digits != 4 || !accept(c, '-')) return false;
  if ((*month = read_number(c, 2, &digits)) < 0 || digits != 2 || !accept(c, '-')) return false;
  return (*day = read_number(c, 2, &digits)) >= 0 && digits == 2 && !is_digit_at(c, c->at);
}

/* Tries every form at START; on success returns true and the end of the date. */
static bool date_at(const char *text, size_t len, size_t start, int ymd[3], size_t *end) {
  cursor c = {text, len, start};
  if (iso_form(&c, &ymd[0], &ymd[1], &ymd[2]) && valid_date(ymd[0], ymd[1], ymd[2])) {
    *end = c.at;
    return true;
  }
  c.at = start;
  int digits, day = read_number(&c, 2, &digits);
  if (day < 0) return false;
  size_t after_day = c.at;
  int month, year;
  if (numeric_form(&c, &month, &year) && valid_date(year, month, day)) {
    *end = c.at;
    ymd[0] = year, ymd[1] = month, ymd[2] = day;
    return true;
  }
  c.at = after_day;
  if (named_form(&c, &month, &year) && valid_date(year, month, day)) {
    *end = c.at;
    ymd[0] = year, ymd[1] = month, ymd[2] = day;
    return true;
  }
  return false;
}

int pk_date_find(const char *text, size_t len, char iso[11], size_t *start, size_t *end) {
  for (size_t i = 0; i < len; i++) {
    if (!number_starts_at(text, i)) continue;
    int ymd[3];
    size_t stop;
    if (!date_at(text, len, i, ymd, &stop)) continue;
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)ymd[0] % 10000u, (unsigned)ymd[1] % 100u,
             (unsigned)ymd[2] % 100u);
    if (start) *start = i;
    if (end) *end = stop;
    return 1;
  }
  return 0;
}

/* A '.' between hours and minutes only counts after "kl" or at the start of the text
 * (blanks aside); elsewhere "2.50" is more likely an amount than a time. */
static bool dot_time_allowed(const char *text, size_t at) {
  size_t i = at;
  for (;;) {
    if (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) i--;
    else if (i > 1 && (unsigned char)text[i - 2] == 0xC2 && (unsigned char)text[i - 1] == 0xA0)
      i -= 2;
    else break;
  }
  if (i == 0) return true;
  if (text[i - 1] == '.') i--;
  bool kl = i >= 2 && (text[i - 2] == 'k' || text[i - 2] == 'K') &&
            (text[i - 1] == 'l' || text[i - 1] == 'L');
  /* "kl" as a word of its own, not the end of "Skl.". */
  return kl && !letter_before(text, i - 2);
}

static bool time_at(const char *text, size_t len, size_t start, int *hours, int *minutes,
                    size_t *end) {
  cursor c = {text, len, start};
  int digits;
  if ((*hours = read_number(&c, 2, &digits)) < 0 || *hours > 23) return false;
  char sep = c.at < len ? text[c.at] : '\0';
  if (sep != ':' && !(sep == '.' && dot_time_allowed(text, start))) return false;
  c.at++;
  if ((*minutes = read_number(&c, 2, &digits)) < 0 || digits != 2 || *minutes > 59) return false;
  /* Seconds, "17:30:00", are read past (web exports print them); the time is HH:MM. */
  if (sep == ':' && c.at + 2 < len && text[c.at] == ':' && is_digit_at(&c, c.at + 1) &&
      is_digit_at(&c, c.at + 2) && !is_digit_at(&c, c.at + 3))
    c.at += 3;
  /* "19.05.2015" is a date, not 19:05. */
  if (c.at + 1 < len && (text[c.at] == '.' || text[c.at] == ':') && is_digit_at(&c, c.at + 1))
    return false;
  *end = c.at;
  return true;
}

int pk_time_find(const char *text, size_t len, char hhmm[6], size_t *start, size_t *end) {
  for (size_t i = 0; i < len; i++) {
    if (!number_starts_at(text, i)) continue;
    int hours, minutes;
    size_t stop;
    if (!time_at(text, len, i, &hours, &minutes, &stop)) continue;
    snprintf(hhmm, 6, "%02u:%02u", (unsigned)hours % 100u, (unsigned)minutes % 100u);
    if (start) *start = i;
    if (end) *end = stop;
    return 1;
  }
  return 0;
}

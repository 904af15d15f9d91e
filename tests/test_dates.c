/* test_dates.c: Danish date and time forms, rejections, spans, and buffers that are not
 * NUL-terminated (copied to exact-size allocations so ASan sees any over-read). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/dates.h"
#include "runner.h"

/* What a finder reports for the first LEN bytes of a text: its answer ("" if none) and
 * span. */
typedef struct found {
  char value[11];
  size_t start, end;
} found;

typedef int (*finder)(const char *text, size_t len, char *out, size_t *start, size_t *end);

static int find_date(const char *text, size_t len, char *out, size_t *start, size_t *end) {
  return pk_date_find(text, len, out, start, end);
}

static int find_time(const char *text, size_t len, char *out, size_t *start, size_t *end) {
  return pk_time_find(text, len, out, start, end);
}

/* Runs FIND on a copy of the first LEN bytes of TEXT in an allocation of exactly LEN
 * bytes, with no NUL after them. */
static found find_in_exact(finder find, const char *text, size_t len) {
  found result = {.value = "", .start = (size_t)-1, .end = (size_t)-1};
  char *exact = malloc(len ? len : 1);
  ck_assert_ptr_nonnull(exact);
  memcpy(exact, text, len);
  if (!find(exact, len, result.value, &result.start, &result.end)) result.value[0] = '\0';
  free(exact);
  return result;
}

#define DATE(text, want) ck_assert_str_eq(find_in_exact(find_date, text, strlen(text)).value, want)
#define TIME(text, want) ck_assert_str_eq(find_in_exact(find_time, text, strlen(text)).value, want)

/* Asserts the answer and the span, given as the bytes the span must hold. */
static void expect_span(finder find, const char *text, const char *want, const char *printed) {
  found hit = find_in_exact(find, text, strlen(text));
  ck_assert_str_eq(hit.value, want);
  const char *at = strstr(text, printed);
  ck_assert_ptr_nonnull(at);
  ck_assert_uint_eq(hit.start, (size_t)(at - text));
  ck_assert_uint_eq(hit.end, (size_t)(at - text) + strlen(printed));
}

START_TEST(named_months) {
  DATE("Mødedato: Tirsdag den 19. maj 2015 Mødetidspunkt: 9:00", "2015-05-19");
  DATE("Tirsdag den 19. maj 2015", "2015-05-19");
  DATE("den 19. maj 2015", "2015-05-19");
  DATE("19. maj 2015", "2015-05-19");
  DATE("19 maj 2015", "2015-05-19");
  DATE("19. MAJ 2015", "2015-05-19");
  DATE("19. Maj 2015", "2015-05-19");
  DATE("15-maj-2002", "2002-05-15");
  DATE("15-MAJ-2002", "2002-05-15");
  DATE("15. maj. 2002", "2002-05-15");
  DATE("19.\xc2\xa0maj\xc2\xa0" "2015", "2015-05-19"); /* no-break spaces */
  DATE("19. maj\n2015", "2015-05-19");
}
END_TEST

START_TEST(every_month_name) {
  static const char *const full[12] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                                       "august", "september", "oktober", "november", "december"};
  static const char *const short_names[12] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                              "jul", "aug", "sep", "okt", "nov", "dec"};
  for (int m = 0; m < 12; m++) {
    char text[64], want[11];
    snprintf(want, sizeof want, "2020-%02u-01", (unsigned)(m + 1) % 100u);
    snprintf(text, sizeof text, "1. %s 2020", full[m]);
    DATE(text, want);
    snprintf(text, sizeof text, "1. %s 2020", short_names[m]);
    DATE(text, want);
    snprintf(text, sizeof text, "1. %s. 2020", short_names[m]);
    DATE(text, want);
    snprintf(text, sizeof text, "1-%s-2020", short_names[m]);
    DATE(text, want);
  }
  DATE("12. sept. 2019", "2019-09-12");
  DATE("12. sept 2019", "2019-09-12");
  DATE("12. SEPTEMBER 2019", "2019-09-12");
}
END_TEST

START_TEST(numeric_forms) {
  DATE("19-05-2015", "2015-05-19");
  DATE("19.05.2015", "2015-05-19");
  DATE("19/05/2015", "2015-05-19");
  DATE("19/5-2015", "2015-05-19");
  DATE("19.5.2015", "2015-05-19");
  DATE("1.5.2015", "2015-05-01");
  DATE("19.05.15", "2015-05-19");
  DATE("19-05-15", "2015-05-19");
  DATE("2015-05-19", "2015-05-19");
  DATE("Beslutning i Økonomiudvalget den 11-12-2017", "2017-12-11");
  DATE("Mødet slutter 19.05.2015.", "2015-05-19"); /* a full stop ends the sentence */
}
END_TEST

START_TEST(two_digit_years) {
  DATE("01.01.00", "2000-01-01");
  DATE("19.05.49", "2049-05-19");
  DATE("19.05.50", "1950-05-19");
  DATE("19-05-87", "1987-05-19");
  DATE("19.05.99", "1999-05-19");
  DATE("19. maj 15", ""); /* a month name wants its four-digit year */
  DATE("19.05.201", "");  /* nor three digits */
}
END_TEST

START_TEST(impossible_dates_are_skipped) {
  DATE("31-02-2015", "");
  DATE("29-02-2015", "");
  DATE("29-02-2016", "2016-02-29");
  DATE("29. februar 2000", "2000-02-29");
  DATE("29. februar 1900", "");
  DATE("31. april 2015", "");
  DATE("19-13-2015", "");
  DATE("2015-13-19", "");
  DATE("2015-02-30", "");
  DATE("00-05-2015", "");
  DATE("0. maj 2015", "");
  DATE("32. maj 2015", "");
  DATE("31-02-2015 eller 01-03-2015", "2015-03-01");
  DATE("29-02-2015, 2015-02-30, 32. maj 2015, 4. juni 2015", "2015-06-04");
}
END_TEST

START_TEST(incomplete_dates_are_skipped) {
  DATE("19. maj", "");
  DATE("Mødedato: 19. maj Kl. 9:00", "");
  DATE("Den 19. maj, eller senest den 2. juni 2015", "2015-06-02");
  DATE("19/5 og 19.05.2015", "2015-05-19");
  DATE("19. maj 2015", "2015-05-19");
}
END_TEST

START_TEST(not_dates) {
  DATE("Sagsnr.: 15/12508", "");
  DATE("119.05.2015", "");
  DATE("1.19.05.2015", "");
  DATE("19.05.20151", "");
  DATE("19.05.2015.3", "");
  DATE("12015-05-19", "");
  DATE("19 majestæt 2015", "");
  DATE("19 majø 2015", "");
  DATE("19 majs 2015", "");
  DATE("19 januarmøde 2015", "");
  DATE("", "");
  DATE("Punkt 4", "");
  DATE("\xff\xfe\x80 19. \xc3", ""); /* stray bytes do no harm */
}
END_TEST

START_TEST(date_spans) {
  expect_span(find_date, "Tirsdag den 19. maj 2015 kl. 9", "2015-05-19", "19. maj 2015");
  expect_span(find_date, "den 11-12-2017", "2017-12-11", "11-12-2017");
  expect_span(find_date, "Mødedato: 15. maj. 2002!", "2002-05-15", "15. maj. 2002");
  expect_span(find_date, "Slut 19.05.2015.", "2015-05-19", "19.05.2015");
  expect_span(find_date, "(2015-05-19)", "2015-05-19", "2015-05-19");
  /* Byte offsets: "Ø" and "ø" take two bytes each. */
  expect_span(find_date, "Økonomiudvalgets møde 31-02-2015 / 1/3-2015", "2015-03-01", "1/3-2015");
}
END_TEST

/* The date is the last thing in the buffer, which has no NUL after it. */
START_TEST(date_at_end_of_buffer) {
  static const char *const endings[] = {"19. maj 2015", "19.05.2015", "19.05.15", "15-maj-2002",
                                        "2015-05-19", "19/5-2015"};
  for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    char text[64];
    snprintf(text, sizeof text, "Referat af mødet %s", endings[i]);
    found hit = find_in_exact(find_date, text, strlen(text));
    ck_assert_str_ne(hit.value, "");
    ck_assert_uint_eq(hit.start, strlen("Referat af mødet "));
    ck_assert_uint_eq(hit.end, strlen(text));
  }
}
END_TEST

/* A finder given fewer bytes than the text holds sees only those bytes. */
START_TEST(length_bounds_the_search) {
  const char *text = "19. maj 2015 og 9:00";
  ck_assert_str_eq(find_in_exact(find_date, text, 11).value, "");      /* "19. maj 201" */
  ck_assert_str_eq(find_in_exact(find_date, text, 12).value, "2015-05-19");
  ck_assert_str_eq(find_in_exact(find_date, "19.05.2015", 8).value, "2020-05-19"); /* "19.05.20" */
  ck_assert_str_eq(find_in_exact(find_time, text, 19).value, "");      /* "... 9:0" */
  ck_assert_str_eq(find_in_exact(find_time, text, 20).value, "09:00");
  ck_assert_str_eq(find_in_exact(find_date, "19. maj\xc3\xa6", 8).value, ""); /* cut inside "æ" */
  ck_assert_str_eq(find_in_exact(find_date, text, 0).value, "");
}
END_TEST

START_TEST(spans_may_be_null) {
  char iso[11], hhmm[6];
  ck_assert_int_eq(pk_date_find("19.05.2015", 10, iso, NULL, NULL), 1);
  ck_assert_str_eq(iso, "2015-05-19");
  ck_assert_int_eq(pk_time_find("9:00", 4, hhmm, NULL, NULL), 1);
  ck_assert_str_eq(hhmm, "09:00");
}
END_TEST

START_TEST(time_forms) {
  TIME("9:00", "09:00");
  TIME("09.00", "09:00");
  TIME("Mødetidspunkt: 9:00 Mødelokale:", "09:00");
  TIME("kl. 16.30", "16:30");
  TIME("Kl. 9:00", "09:00");
  TIME("KL. 9.00", "09:00");
  TIME("Kl.9:00", "09:00");
  TIME("kl 16.30", "16:30");
  TIME("kl.\xc2\xa0" "16.30", "16:30");
  TIME("16:30-18:00", "16:30");
  TIME("STARTTIDSPUNKT 29-06-2016 17:30:00", "17:30");
  TIME("17:30:00:00", "");
  TIME("kl. 16.30-18.00", "16:30");
  TIME("16.30", "16:30");
  TIME("0:00", "00:00");
  TIME("23:59", "23:59");
  TIME("Tirsdag den 19.05.2015 kl. 9.00", "09:00");
  TIME("2015-05-19T09:30", "09:30");
}
END_TEST

START_TEST(not_times) {
  TIME("24:00", "");
  TIME("12:60", "");
  TIME("9:0", "");
  TIME("19.05.2015", "");
  TIME("19.05.15", "");
  TIME("119:00", "");
  TIME("9:005", "");
  TIME("1.9:00", "");
  TIME("betaler 2.50 kr", "");
  TIME("Skl. 9.00", "");
  TIME("kl. 15", "");
  TIME("", "");
}
END_TEST

START_TEST(time_spans) {
  expect_span(find_time, "Mødetidspunkt: 9:00", "09:00", "9:00");
  expect_span(find_time, "19.05.2015 kl. 16.30-18.00", "16:30", "16.30");
  expect_span(find_time, "Tid: 19. maj 2015 13:00", "13:00", "13:00");
}
END_TEST

int main(void) {
  Suite *suite = suite_create("dates");
  TCase *dates = tcase_create("date");
  tcase_add_test(dates, named_months);
  tcase_add_test(dates, every_month_name);
  tcase_add_test(dates, numeric_forms);
  tcase_add_test(dates, two_digit_years);
  tcase_add_test(dates, impossible_dates_are_skipped);
  tcase_add_test(dates, incomplete_dates_are_skipped);
  tcase_add_test(dates, not_dates);
  tcase_add_test(dates, date_spans);
  tcase_add_test(dates, date_at_end_of_buffer);
  tcase_add_test(dates, length_bounds_the_search);
  tcase_add_test(dates, spans_may_be_null);
  suite_add_tcase(suite, dates);
  TCase *times = tcase_create("time");
  tcase_add_test(times, time_forms);
  tcase_add_test(times, not_times);
  tcase_add_test(times, time_spans);
  suite_add_tcase(suite, times);
  return run_suite(suite);
}

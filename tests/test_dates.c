/* test_dates.c: Danish date and time forms, rejections, spans, and buffers that are not
 * NUL-terminated (copied to exact-size allocations so ASan sees any over-read). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/dates.h"
#include "runner.h"

/* The first date in TEXT, or "" (the text is copied without its NUL). */
static const char *date_of(const char *text, size_t *start, size_t *end) {
  static char iso[11];
  size_t len = strlen(text);
  char *exact = malloc(len ? len : 1);
  memcpy(exact, text, len);
  if (!pk_date_find(exact, len, iso, start, end)) iso[0] = '\0';
  free(exact);
  return iso;
}

static const char *time_of(const char *text) {
  static char hhmm[6];
  size_t len = strlen(text);
  char *exact = malloc(len ? len : 1);
  memcpy(exact, text, len);
  if (!pk_time_find(exact, len, hhmm, NULL, NULL)) hhmm[0] = '\0';
  free(exact);
  return hhmm;
}

#define DATE(text, want) ck_assert_str_eq(date_of(text, NULL, NULL), want)
#define TIME(text, want) ck_assert_str_eq(time_of(text), want)

START_TEST(named_months) {
  DATE("Mødedato: Tirsdag den 19. maj 2015 Mødetidspunkt: 9:00", "2015-05-19");
  DATE("19. maj 2015", "2015-05-19");
  DATE("19 maj 2015", "2015-05-19");
  DATE("19. MAJ 2015", "2015-05-19");
  DATE("15-maj-2002", "2002-05-15");
  DATE("15. maj. 2002", "2002-05-15");
  DATE("1. januar 1987", "1987-01-01");
  DATE("31. december 1999", "1999-12-31");
  DATE("4. marts 2020", "2020-03-04");
  DATE("4. mar. 2020", "2020-03-04");
  DATE("12. sept. 2019", "2019-09-12");
  DATE("3. okt 2022", "2022-10-03");
}
END_TEST

START_TEST(numeric_forms) {
  DATE("19-05-2015", "2015-05-19");
  DATE("19.05.2015", "2015-05-19");
  DATE("19/05/2015", "2015-05-19");
  DATE("19/5-2015", "2015-05-19");
  DATE("19.5.2015", "2015-05-19");
  DATE("19.05.15", "2015-05-19");
  DATE("19-05-15", "2015-05-19");
  DATE("19.05.87", "1987-05-19");
  DATE("2015-05-19", "2015-05-19");
  DATE("Beslutning i Økonomiudvalget den 11-12-2017", "2017-12-11");
}
END_TEST

START_TEST(impossible_dates_are_skipped) {
  DATE("31-02-2015", "");
  DATE("29-02-2015", "");
  DATE("29-02-2016", "2016-02-29");
  DATE("12-13-2015", "");
  DATE("0. maj 2015", "");
  DATE("32. maj 2015", "");
  DATE("31-02-2015 eller 01-03-2015", "2015-03-01");
}
END_TEST

START_TEST(not_dates) {
  DATE("19. maj", "");
  DATE("Mødedato: 19. maj Kl. 9:00", "");
  DATE("Sagsnr.: 15/12508", "");
  DATE("119.05.2015", "");
  DATE("19.05.2015.3", "");
  DATE("19 majestæt 2015", "");
  DATE("19 majs 2015", "");
  DATE("", "");
  DATE("Punkt 4", "");
}
END_TEST

START_TEST(spans) {
  size_t start, end;
  ck_assert_str_eq(date_of("Tirsdag den 19. maj 2015 kl. 9", &start, &end), "2015-05-19");
  ck_assert_uint_eq(start, 12);
  ck_assert_uint_eq(end, 24);
  ck_assert_str_eq(date_of("den 11-12-2017", &start, &end), "2017-12-11");
  ck_assert_uint_eq(start, 4);
  ck_assert_uint_eq(end, 14);
}
END_TEST

START_TEST(times) {
  TIME("9:00", "09:00");
  TIME("Mødetidspunkt: 9:00 Mødelokale:", "09:00");
  TIME("kl. 16.30", "16:30");
  TIME("Kl. 9:00", "09:00");
  TIME("Kl.9:00", "09:00");
  TIME("16:30-18:00", "16:30");
  TIME("16.30", "16:30");
  TIME("24:00", "");
  TIME("12:60", "");
  TIME("19.05.2015", "");
  TIME("betaler 2.50 kr", "");
  TIME("kl. 15", "");
  TIME("", "");
}
END_TEST

int main(void) {
  Suite *suite = suite_create("dates");
  TCase *tc = tcase_create("find");
  tcase_add_test(tc, named_months);
  tcase_add_test(tc, numeric_forms);
  tcase_add_test(tc, impossible_dates_are_skipped);
  tcase_add_test(tc, not_dates);
  tcase_add_test(tc, spans);
  tcase_add_test(tc, times);
  suite_add_tcase(suite, tc);
  return run_suite(suite);
}

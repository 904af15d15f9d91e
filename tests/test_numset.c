/* test_numset.c: the set of sent item numbers keeps runs of whole numbers and a bounded
 * list of the others, so a document of half a million items keeps a few bytes. */
#include <check.h>
#include <stdio.h>

#include "../parser/numset.h"
#include "runner.h"

START_TEST(runs_of_whole_numbers) {
  pk_numset *set = pk_numset_new();
  ck_assert_ptr_nonnull(set);
  for (unsigned long n = 1; n <= 500000; n++) {
    char number[16];
    snprintf(number, sizeof number, "%lu", n);
    ck_assert(pk_numset_add(set, number));
  }
  ck_assert(pk_numset_has(set, "1"));
  ck_assert(pk_numset_has(set, "250000"));
  ck_assert(pk_numset_has(set, "500000"));
  ck_assert(!pk_numset_has(set, "0"));
  ck_assert(!pk_numset_has(set, "500001"));
  pk_numset_free(set);
}
END_TEST

START_TEST(gaps_and_joins) {
  pk_numset *set = pk_numset_new();
  const char *added[] = {"5", "9", "7", "3", "6", "8", "12", "4"};
  for (size_t i = 0; i < sizeof added / sizeof added[0]; i++) ck_assert(pk_numset_add(set, added[i]));
  for (int n = 3; n <= 9; n++) {
    char number[16];
    snprintf(number, sizeof number, "%d", n);
    ck_assert_msg(pk_numset_has(set, number), "%d", n);
  }
  ck_assert(!pk_numset_has(set, "2"));
  ck_assert(!pk_numset_has(set, "10"));
  ck_assert(!pk_numset_has(set, "11"));
  ck_assert(pk_numset_has(set, "12"));
  ck_assert(!pk_numset_has(set, "13"));
  pk_numset_free(set);
}
END_TEST

START_TEST(other_numbers_as_text) {
  pk_numset *set = pk_numset_new();
  ck_assert(pk_numset_add(set, "7.1"));
  ck_assert(pk_numset_add(set, "12a"));
  ck_assert(pk_numset_add(set, "0012345678901"));
  ck_assert(pk_numset_has(set, "7.1"));
  ck_assert(pk_numset_has(set, "12a"));
  ck_assert(pk_numset_has(set, "0012345678901"));
  ck_assert(!pk_numset_has(set, "7.2"));
  ck_assert(!pk_numset_has(set, "12"));
  pk_numset_free(set);
}
END_TEST

START_TEST(text_numbers_are_bounded) {
  pk_numset *set = pk_numset_new();
  for (int n = 0; n < NUMSET_TEXT_MAX + 10; n++) {
    char number[16];
    snprintf(number, sizeof number, "%d.1", n);
    ck_assert(pk_numset_add(set, number));
  }
  ck_assert(pk_numset_has(set, "0.1"));
  /* Past the bound another such number counts as present: only a warning is lost. */
  ck_assert(pk_numset_has(set, "no.such"));
  ck_assert(!pk_numset_has(set, "77"));
  pk_numset_free(set);
}
END_TEST

static Suite *numset_suite(void) {
  Suite *suite = suite_create("numset");
  TCase *tc = tcase_create("numset");
  tcase_add_test(tc, runs_of_whole_numbers);
  tcase_add_test(tc, gaps_and_joins);
  tcase_add_test(tc, other_numbers_as_text);
  tcase_add_test(tc, text_numbers_are_bounded);
  tcase_set_timeout(tc, 30);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(numset_suite()); }

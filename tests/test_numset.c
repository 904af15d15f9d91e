/* test_numset.c: item numbers.  The set of sent item numbers keeps runs of whole numbers
 * and a bounded list of the others, so a document of half a million items keeps a few
 * bytes; an item's number read as its place in the agenda's outline (1 < 1.1 < 2). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "../parser/numset.h"
#include "../parser/decoder.h"
#include "../parser/outline.h"
#include "../util/keyindex.h"
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

static pk_outline place(const char *number) { return pk_outline_of(number, strlen(number)); }

START_TEST(numbers_as_outline_places) {
  ck_assert_int_eq(place("12").major, 12);
  ck_assert_int_eq(place("12").minor, -1);
  ck_assert_int_eq(place("1.2").minor, 2);
  ck_assert_int_eq(place("HR. 3").major, 3);
  ck_assert_int_eq(place("04/14").major, 4);
  ck_assert_int_eq(place("04/14").minor, -1);
  ck_assert_int_eq(place("Evt.").major, -1);
  ck_assert_int_eq(place("A").major, 1);
  ck_assert_int_eq(place("C.").major, 3);
  ck_assert_int_eq(place("c)").major, 3);
  ck_assert_int_eq(place("Ø").major, -1);
  ck_assert(pk_outline_follows(place("B"), place("C")));
  /* Items numbered with their level's zero, and the points inside them. */
  ck_assert(pk_outline_follows(place("1.0"), place("2.0")));
  ck_assert(pk_outline_point_of(place("2.0"), place("2.1")));
  ck_assert(!pk_outline_point_of(place("2"), place("2.1")));
  ck_assert(!pk_outline_point_of(place("2.0"), place("3.0")));
  ck_assert_int_eq(place("99999999999999999999").major, 100000000);
  ck_assert_int_lt(pk_outline_compare(place("1"), place("1.1")), 0);
  ck_assert_int_lt(pk_outline_compare(place("1.3"), place("2")), 0);
  ck_assert_int_gt(pk_outline_compare(place("2.1"), place("2")), 0);
  ck_assert_int_eq(pk_outline_compare(place("Punkt 7"), place("7")), 0);
  ck_assert_int_eq(place("46a").minor, 1);
  ck_assert_int_lt(pk_outline_compare(place("46"), place("46a")), 0);
  ck_assert_int_lt(pk_outline_compare(place("46a"), place("47")), 0);
  ck_assert_int_eq(place("46ab").minor, -1);
  ck_assert_int_eq(place("II.").major, 2);
  ck_assert_int_eq(place("IV").major, 4);
  ck_assert_int_eq(place("XIV").major, 14);
  ck_assert_int_eq(place("V").major, 5);
  ck_assert(pk_outline_follows(place("III"), place("IV")));
}
END_TEST

START_TEST(which_place_comes_next) {
  ck_assert(pk_outline_follows(place("2"), place("3")));
  ck_assert(pk_outline_follows(place("1.2"), place("1.3")));
  ck_assert(pk_outline_follows(place("1"), place("1.1")));
  ck_assert(pk_outline_follows(place("1.3"), place("2")));
  ck_assert(pk_outline_follows(place("1.3"), place("2.1")));
  ck_assert(!pk_outline_follows(place("2"), place("4")));
  ck_assert(!pk_outline_follows(place("1.3"), place("1.5")));
  ck_assert(!pk_outline_follows(place("x"), place("1")));
  ck_assert(pk_outline_opens_group(place("2"), place("2.1")));
  ck_assert(!pk_outline_opens_group(place("2"), place("3")));
  ck_assert(!pk_outline_opens_group(place("2.1"), place("2.2")));
}
END_TEST

static bool agree(const char *a, const char *b) { return pk_titles_agree(a, strlen(a), b, strlen(b)); }

START_TEST(two_printings_of_a_title) {
  ck_assert(agree("Budget 2025", "Budget 2025."));
  ck_assert(agree("Høring: Forslag til lokalplan 512.18 -",
                  "Høring: Forslag til lokalplan 512.18 - boligområde ved Møllebakken"));
  ck_assert(agree("MØDEPLAN 2010 FOR FORRETNINGSUDVALGET OG REGIONSRÅ- DET",
                  "Mødeplan 2010 for forretningsudvalget og regionsrådet"));
  ck_assert(!agree("Lokalplan nr. 11-933 for boliger", "Lokalplan nr. 11-933 - hvidbog"));
  ck_assert(!agree("Budget", "Budget 2025"));
  ck_assert(!agree("Eventuelt", "Evaluering"));
}
END_TEST

/* Numbers of four digits and more: a council's running numbers go on from the item before
 * or are labelled; a year at a line's start does neither. */
START_TEST(wide_numbers_run_on_or_are_labelled) {
  pk_outline none = {-1, -1}, item999 = {999, -1}, item5 = {5, -1};
  ck_assert(pk_outline_wide_in_place(item999, (pk_outline){1000, -1}, false));
  ck_assert(pk_outline_wide_in_place((pk_outline){1041, -1}, (pk_outline){1045, -1}, false));
  ck_assert(!pk_outline_wide_in_place(item5, (pk_outline){2024, -1}, false));
  ck_assert(!pk_outline_wide_in_place(none, (pk_outline){2024, -1}, false));
  ck_assert(!pk_outline_wide_in_place((pk_outline){1045, -1}, (pk_outline){1041, -1}, false));
  ck_assert(pk_outline_wide_in_place(none, (pk_outline){1041, -1}, true));
  ck_assert(!pk_outline_wide_in_place(item5, (pk_outline){2024, -1}, true));
  ck_assert(pk_outline_wide_in_place(item5, (pk_outline){6, -1}, false));
}
END_TEST

/* A bare number after an item numbered under a label word ("Punkt 3", then "3. Baggrund"
 * inside it, or "25" over "Imod": a table's cell read one per line) leaps from the
 * numbering; a labelled one, or one after a bare item number, does not. */
START_TEST(a_bare_number_leaps_from_an_item_under_a_label) {
  pk_outline item3 = {3, -1}, none = {-1, -1};
  ck_assert(pk_outline_leaps(item3, (pk_outline){25, -1}, true, true));
  ck_assert(pk_outline_leaps(item3, (pk_outline){4, -1}, true, true));
  ck_assert(!pk_outline_leaps(item3, (pk_outline){4, -1}, true, false));
  ck_assert(!pk_outline_leaps(item3, (pk_outline){25, -1}, false, true));
  ck_assert(!pk_outline_leaps(none, (pk_outline){25, -1}, true, true));
  ck_assert(!pk_outline_leaps(item3, (pk_outline){2, -1}, true, true));
}
END_TEST

/* The index finds every place added with a key, latest first, among many keys that differ
 * only in their high half (item numbers) or low half (parts); clearing empties it. */
START_TEST(places_by_key) {
  pk_keyindex index = {0};
  enum { ITEMS = 50000 };
  for (long n = 0; n < ITEMS; n++)
    ck_assert(pk_keyindex_add(&index, pk_outline_key((pk_outline){n, n % 3 ? -1 : 1})));
  ck_assert(pk_keyindex_add(&index, pk_outline_key((pk_outline){7, -1}))); /* place ITEMS */
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){7, -1})), ITEMS);
  ck_assert_uint_eq(pk_keyindex_before(&index, ITEMS), 7);
  ck_assert_uint_eq(pk_keyindex_before(&index, 7), PK_KEYINDEX_NONE);
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){6, 1})), 6);
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){6, -1})),
                    PK_KEYINDEX_NONE);
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){ITEMS, -1})),
                    PK_KEYINDEX_NONE);
  pk_keyindex_clear(&index);
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){7, -1})),
                    PK_KEYINDEX_NONE);
  ck_assert(pk_keyindex_add(&index, pk_outline_key((pk_outline){7, -1})));
  ck_assert_uint_eq(pk_keyindex_last(&index, pk_outline_key((pk_outline){7, -1})), 0);
  ck_assert_uint_eq(pk_keyindex_before(&index, 0), PK_KEYINDEX_NONE);
  pk_keyindex_free(&index);
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
  TCase *outline = tcase_create("outline");
  tcase_add_test(outline, numbers_as_outline_places);
  tcase_add_test(outline, which_place_comes_next);
  tcase_add_test(outline, two_printings_of_a_title);
  tcase_add_test(outline, wide_numbers_run_on_or_are_labelled);
  tcase_add_test(outline, a_bare_number_leaps_from_an_item_under_a_label);
  tcase_add_test(outline, places_by_key);
  suite_add_tcase(suite, outline);
  return suite;
}

int main(void) { return run_suite(numset_suite()); }

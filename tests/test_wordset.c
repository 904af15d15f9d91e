/* test_wordset.c: a set of words and where they stand in a text (util/wordset.h): the
 * first place of any of them, and every place at once with the lists (tags) of the words
 * that stand there, with and without the index of first byte pairs. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/wordset.h"
#include "runner.h"

/* The lists of TAGS as a mask of the first 64 (which the tests' words belong to). */
static uint64_t lists_of(const pk_wordtags *tags) {
  uint64_t mask = 0;
  for (size_t k = 0; k < 64; k++)
    if (pk_wordtags_has(tags, k)) mask |= (uint64_t)1 << k;
  return mask;
}

START_TEST(first_place_of_any_word) {
  const char *lists[] = {"deltog|deltager", NULL, "Afbud||inhabil"};
  pk_wordset set;
  ck_assert(pk_wordset_build(&set, lists, 3));
  ck_assert_uint_eq(set.count, 4); /* the empty word and the NULL list hold none */
  const char *text = "Hans Holm deltog ikke. Afbud: Eva.";
  size_t len = strlen(text);
  ck_assert_uint_eq(pk_wordset_find(&set, text, len, 0), 10);
  ck_assert_uint_eq(pk_wordset_find(&set, text, len, 11), 23);
  ck_assert_uint_eq(pk_wordset_find(&set, text, len, 24), len);
  ck_assert_uint_eq(pk_wordset_find(&set, text, 14, 0), 14); /* "deltog" cut: not whole */
  pk_wordset_free(&set);
}
END_TEST

/* Each place once, with the tags of every word standing there (a word of two lists, and
 * a word that is the start of another). */
START_TEST(every_place_with_its_tags) {
  const char *lists[] = {"for|imod", "for", "forslag"};
  pk_wordset set;
  ck_assert(pk_wordset_build(&set, lists, 3));
  for (int pairs = 0; pairs < 2; pairs++) {
    if (pairs) ck_assert(pk_wordset_index_pairs(&set));
    const char *text = "forslaget imod for";
    pk_wordhits hits = {0};
    ck_assert(pk_wordset_scan(&set, text, strlen(text), 0, &hits));
    ck_assert_uint_eq(hits.count, 3);
    ck_assert_uint_eq(hits.at[0], 0);
    ck_assert_uint_eq(lists_of(&hits.tags[0]), 7);
    ck_assert_uint_eq(hits.at[1], 10);
    ck_assert_uint_eq(lists_of(&hits.tags[1]), 1);
    ck_assert_uint_eq(hits.at[2], 15);
    ck_assert_uint_eq(lists_of(&hits.tags[2]), 3);
    ck_assert_uint_eq(pk_wordhits_next(&hits, 2, 0, 99), 0);
    ck_assert_uint_eq(pk_wordhits_next(&hits, 2, 1, 99), 99);
    ck_assert_uint_eq(pk_wordhits_next(&hits, 1, 1, 99), 15);
    ck_assert_uint_eq(pk_wordhits_next(&hits, 0, 10, 99), 10);
    ck_assert(pk_wordset_scan(&set, text, strlen(text), 11, &hits)); /* from a place on */
    ck_assert_uint_eq(hits.count, 1);
    ck_assert_uint_eq(hits.at[0], 15);
    pk_wordhits_free(&hits);
  }
  pk_wordset_free(&set);
}
END_TEST

/* A word of one byte has no pair: it is found everywhere, the text's last byte too. */
START_TEST(one_byte_words_and_the_last_byte) {
  const char *lists[] = {"V", "Ø|mod"};
  pk_wordset set;
  ck_assert(pk_wordset_build(&set, lists, 2));
  ck_assert(pk_wordset_index_pairs(&set));
  const char *text = "A, V og Ø mod V";
  pk_wordhits hits = {0};
  ck_assert(pk_wordset_scan(&set, text, strlen(text), 0, &hits));
  ck_assert_uint_eq(hits.count, 4);
  ck_assert_uint_eq(hits.at[0], 3);
  ck_assert_uint_eq(hits.at[1], 8); /* "Ø": two bytes, its own pair */
  ck_assert_uint_eq(hits.at[2], 11);
  ck_assert_uint_eq(hits.at[3], strlen(text) - 1);
  ck_assert_uint_eq(lists_of(&hits.tags[3]), 1);
  pk_wordhits_free(&hits);
  pk_wordset_free(&set);
}
END_TEST

/* Lists past the 64th are tagged in the tags' further words; a list past
 * PK_WORDSET_LISTS has no tag: its words are found by pk_wordset_find, not tagged. */
START_TEST(lists_past_64_and_past_the_last_tag) {
  enum { LISTS = PK_WORDSET_LISTS + 1 };
  const char *lists[LISTS];
  for (int k = 0; k < LISTS; k++) lists[k] = k == 64 ? "mellem" : k == LISTS - 1 ? "sidste" : "ord";
  pk_wordset set;
  ck_assert(pk_wordset_build(&set, lists, LISTS));
  const char *text = "det sidste mellem ord";
  pk_wordhits hits = {0};
  ck_assert(pk_wordset_scan(&set, text, strlen(text), 0, &hits));
  ck_assert_uint_eq(hits.count, 2);
  ck_assert_uint_eq(hits.at[0], 11);
  ck_assert(pk_wordtags_has(&hits.tags[0], 64) && !pk_wordtags_has(&hits.tags[0], 63));
  ck_assert_uint_eq(hits.at[1], 18);
  for (size_t k = 0; k < PK_WORDSET_LISTS; k++)
    ck_assert(pk_wordtags_has(&hits.tags[1], k) == (k != 64));
  ck_assert(!pk_wordtags_has(&hits.tags[1], LISTS - 1));
  ck_assert_uint_eq(pk_wordhits_next(&hits, 64, 0, 99), 11);
  ck_assert_uint_eq(pk_wordhits_next(&hits, PK_WORDSET_LISTS - 1, 0, 99), 18);
  ck_assert_uint_eq(pk_wordset_find(&set, text, strlen(text), 0), 4);
  pk_wordhits_free(&hits);
  pk_wordset_free(&set);
}
END_TEST

/* The scan agrees with each list's own pk_wordset_find at every place, with the pair
 * index and without, on texts of the words' bytes and others. */
START_TEST(scan_agrees_with_each_lists_own_search) {
  const char *lists[] = {"stemte|stemmer", "imod|Imod", "for|For", "Ø", "undlod|fravær"};
  enum { LISTS = 5 };
  pk_wordset all, own[LISTS];
  ck_assert(pk_wordset_build(&all, lists, LISTS));
  for (int k = 0; k < LISTS; k++) ck_assert(pk_wordset_build(&own[k], &lists[k], 1));
  const char alphabet[] = "stemrFfoIimdØundlæv ";
  srand(19);
  for (int round = 0; round < 400; round++) {
    char text[64];
    size_t len = (size_t)(rand() % 63);
    for (size_t i = 0; i < len; i++) text[i] = alphabet[rand() % (int)(sizeof alphabet - 1)];
    text[len] = 0;
    for (int pairs = 0; pairs < 2; pairs++) {
      if (pairs && !all.pairs) ck_assert(pk_wordset_index_pairs(&all));
      pk_wordhits hits = {0};
      ck_assert(pk_wordset_scan(&all, text, len, 0, &hits));
      for (int k = 0; k < LISTS; k++)
        for (size_t from = 0; from <= len; from++)
          ck_assert_uint_eq(pk_wordhits_next(&hits, (size_t)k, from, len),
                            pk_wordset_find(&own[k], text, len, from));
      pk_wordhits_free(&hits);
    }
  }
  for (int k = 0; k < LISTS; k++) pk_wordset_free(&own[k]);
  pk_wordset_free(&all);
}
END_TEST

static Suite *wordset_suite(void) {
  Suite *suite = suite_create("wordset");
  TCase *tc = tcase_create("wordset");
  tcase_add_test(tc, first_place_of_any_word);
  tcase_add_test(tc, every_place_with_its_tags);
  tcase_add_test(tc, one_byte_words_and_the_last_byte);
  tcase_add_test(tc, lists_past_64_and_past_the_last_tag);
  tcase_add_test(tc, scan_agrees_with_each_lists_own_search);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(wordset_suite()); }

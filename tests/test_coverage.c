/* test_coverage.c: the coverage account proves placement, and it can fail: text left
 * out, placed twice, or moved shows up; a whole parse through the library balances. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../parser/coverage.h"
#include "punktum.h"
#include "runner.h"

static pk_report report_of(const char *cleaned, const char *const *placed, size_t count) {
  pk_report report = {0};
  pk_coverage_in(&report.coverage, cleaned, strlen(cleaned));
  pk_coverage_cleaned(&report.coverage, cleaned, strlen(cleaned));
  for (size_t i = 0; i < count; i++) pk_coverage_placed(&report.coverage, placed[i]);
  return report;
}

START_TEST(weight_skips_white_space) {
  ck_assert_uint_eq(pk_text_weight("a b\xC2\xA0" "c\n\tæ", strlen("a b\xC2\xA0" "c\n\tæ")), 4);
  ck_assert_uint_eq(pk_text_weight(" \n ", 3), 0);
}
END_TEST


/* The word-at-a-time account against the plain definition, one byte at a time. */
static unsigned long long plain_weight(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  unsigned long long weight = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) continue;
    if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
      i++;
      continue;
    }
    weight += (s[i] & 0xC0) != 0x80;
  }
  return weight;
}

/* Random text of letters, æøå, no-break spaces, other C2 characters (§, °), tabs, line
 * ends and blanks: every case of the word-wise scan, and words that straddle blocks. */
static size_t random_text(char *out, size_t cap, unsigned *seed) {
  static const char *const parts[] = {"a", "Bz", " ", "  ", "\t", "\n", "\r\n", "\xC2\xA0", "\xC2\xA7",
                                      "\xC2\xB0", "æ", "ø", "Å", "\xC3\xA0", "\x0B\x0C", "longerword"};
  size_t len = 0;
  for (;;) {
    *seed = *seed * 1103515245u + 12345u;
    const char *part = parts[(*seed >> 16) % (sizeof parts / sizeof parts[0])];
    size_t n = strlen(part);
    if (len + n >= cap) break;
    memcpy(out + len, part, n);
    len += n;
  }
  out[len] = '\0';
  return len;
}

START_TEST(account_matches_the_plain_definition) {
  static char text[3000];
  unsigned seed = 7;
  for (int round = 0; round < 200; round++) {
    size_t len = random_text(text, (size_t)(round * 13 % 2900) + 2, &seed);
    unsigned long long weight = 0;
    pk_text_account(text, len, NULL, &weight);
    ck_assert_uint_eq(weight, plain_weight(text, len));
  }
}
END_TEST

/* The hash of a text is the same whatever pieces it comes in (cut between characters)
 * and whatever its white space; moving a piece changes it. */
START_TEST(hash_ignores_pieces_and_white_space) {
  static char text[1200], squeezed[1200];
  unsigned seed = 11;
  size_t len = random_text(text, sizeof text, &seed);
  pk_text_hash whole = {0}, cut = {0}, bare = {0};
  unsigned long long weight = 0;
  pk_text_account(text, len, &whole, &weight);
  for (size_t at = 0, step = 1; at < len; step = step % 23 + 1) {
    size_t end = at + step < len ? at + step : len;
    while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80) end++;
    if (end > at + 1 && (unsigned char)text[end - 1] == 0xC2) end++; /* keep C2 A0 whole */
    if (end > len) end = len;
    pk_text_account(text + at, end - at, &cut, &weight);
    at = end;
  }
  ck_assert(pk_text_hash_equal(&whole, &cut));
  size_t kept = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
    if (c == 0xC2 && (unsigned char)text[i + 1] == 0xA0) {
      i++;
      continue;
    }
    squeezed[kept++] = (char)c;
  }
  pk_text_account(squeezed, kept, &bare, &weight);
  ck_assert(pk_text_hash_equal(&whole, &bare));
  pk_text_hash moved = {0};
  pk_text_account("Godkendt. Beslutning", 20, &moved, &weight);
  pk_text_hash in_order = {0};
  pk_text_account("Beslutning Godkendt.", 20, &in_order, &weight);
  ck_assert(!pk_text_hash_equal(&moved, &in_order));
}
END_TEST

/* The processor's byte shuffle (where there is one) packs what the portable code packs:
 * every length and alignment of random text, and every pattern of spaces in a word. */
START_TEST(shuffle_and_portable_code_agree) {
  static char text[1200];
  unsigned seed = 23;
  for (int round = 0; round < 300; round++) {
    size_t len = random_text(text, (size_t)(round * 7 % 1100) + 1, &seed);
    for (size_t from = 0; from < 9 && from < len; from++) {
      pk_text_hash portable = {0}, shuffled = {0};
      unsigned long long portable_weight = 0, shuffled_weight = 0;
      pk_text_account_with(text + from, len - from, &portable, &portable_weight, false);
      pk_text_account_with(text + from, len - from, &shuffled, &shuffled_weight, true);
      ck_assert(pk_text_hash_equal(&portable, &shuffled));
      ck_assert_uint_eq(portable_weight, shuffled_weight);
    }
  }
  char word[9] = {0};
  for (unsigned mask = 0; mask < 256; mask++) {
    for (int b = 0; b < 8; b++) word[b] = (char)(mask >> b & 1 ? 'a' + b : ' ');
    pk_text_hash portable = {0}, shuffled = {0};
    unsigned long long weight = 0;
    pk_text_account_with(word, 8, &portable, &weight, false);
    pk_text_account_with(word, 8, &shuffled, &weight, true);
    ck_assert_msg(pk_text_hash_equal(&portable, &shuffled), "spaces %02x", mask);
  }
}
END_TEST

START_TEST(complete_when_all_placed_in_order) {
  const char *placed[] = {"Referat", "1. Punkt", "Beslutning   Godkendt"};
  pk_report report = report_of("Referat\n1. Punkt\nBeslutning Godkendt\n", placed, 3);
  ck_assert_int_eq(pk_coverage_unplaced(&report), 0);
  ck_assert(pk_coverage_complete(&report));
}
END_TEST

START_TEST(fails_when_text_is_left_out) {
  const char *placed[] = {"Referat", "1. Punkt"};
  pk_report report = report_of("Referat\n1. Punkt\nBeslutning Godkendt\n", placed, 2);
  ck_assert_int_eq(pk_coverage_unplaced(&report), 18);
  ck_assert(!pk_coverage_complete(&report));
}
END_TEST

START_TEST(fails_when_text_is_placed_twice) {
  const char *placed[] = {"Referat", "1. Punkt", "1. Punkt"};
  pk_report report = report_of("Referat\n1. Punkt\n", placed, 3);
  ck_assert_int_eq(pk_coverage_unplaced(&report), -7);
  ck_assert(!pk_coverage_complete(&report));
}
END_TEST

START_TEST(fails_when_text_moves) {
  const char *placed[] = {"1. Punkt", "Referat"};
  pk_report report = report_of("Referat\n1. Punkt\n", placed, 2);
  ck_assert_int_eq(pk_coverage_unplaced(&report), 0); /* the count alone would pass */
  ck_assert(!pk_coverage_complete(&report));
}
END_TEST

START_TEST(removed_text_balances_the_account) {
  pk_report report = {0};
  pk_coverage_in(&report.coverage, "Side 1 Referat", 14);
  pk_report_removed(&report, "running_header", pk_text_weight("Side 1", 6));
  pk_coverage_cleaned(&report.coverage, "Referat", 7);
  pk_coverage_placed(&report.coverage, "Referat");
  ck_assert_uint_eq(pk_coverage_removed(&report), 5);
  ck_assert(pk_coverage_complete(&report));
  pk_report_free(&report);
}
END_TEST

/* A real parse: the counting sink sees what the emitter gets, and it all balances. */
START_TEST(whole_parse_balances) {
  const char *text = "Referat\n\n1. Godkendelse\n\nBeslutning\nGodkendt.\n\n2. Meddelelser\nIngen.\n";
  pk_rules *rules = pk_rules_new();
  ck_assert(pk_rules_add_builtin(rules, NULL) == PK_OK);
  FILE *out = tmpfile(), *coverage = tmpfile();
  pk_sink *sink = pk_sink_new(PK_FORMAT_JSON, out);
  pk_options options = {.source_name = "t", .coverage = coverage};
  pk_parser *parser = pk_parser_new(rules, &options, sink, NULL);
  ck_assert(pk_parser_feed(parser, text, strlen(text)) == PK_OK);
  ck_assert(pk_parser_finish(parser) == PK_OK);
  char line[512] = "";
  rewind(coverage);
  ck_assert_ptr_nonnull(fgets(line, sizeof line, coverage));
  ck_assert_str_eq(line, "t: coverage: in 58, placed 58, removed 0 (), unplaced 0\n");
  pk_parser_free(parser);
  pk_sink_free(sink);
  pk_rules_free(rules);
  fclose(out);
  fclose(coverage);
}
END_TEST

int main(void) {
  Suite *suite = suite_create("coverage");
  TCase *tc = tcase_create("coverage");
  tcase_add_test(tc, weight_skips_white_space);
  tcase_add_test(tc, account_matches_the_plain_definition);
  tcase_add_test(tc, hash_ignores_pieces_and_white_space);
  tcase_add_test(tc, shuffle_and_portable_code_agree);
  tcase_add_test(tc, complete_when_all_placed_in_order);
  tcase_add_test(tc, fails_when_text_is_left_out);
  tcase_add_test(tc, fails_when_text_is_placed_twice);
  tcase_add_test(tc, fails_when_text_moves);
  tcase_add_test(tc, removed_text_balances_the_account);
  tcase_add_test(tc, whole_parse_balances);
  suite_add_tcase(suite, tc);
  return run_suite(suite);
}

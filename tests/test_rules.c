/* test_rules.c: loading rule files: good ones, overrides, disabling, and bad ones with
 * their exact "FILE:LINE: offset N: message". */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "runner.h"

static pk_rules *load(const char *text, pk_status want, pk_error *err) {
  pk_rules *rules = pk_rules_new();
  ck_assert_ptr_nonnull(rules);
  pk_status got = pk_rules_add_text(rules, "t.rules", text, strlen(text), err);
  ck_assert_int_eq(got, want);
  return rules;
}

static void expect_error(const char *text, const char *message) {
  pk_error err;
  char formatted[1200];
  pk_rules *rules = load(text, PK_ERR_RULES, &err);
  pk_error_format(&err, formatted, sizeof formatted);
  ck_assert_str_eq(formatted, message);
  pk_rules_free(rules);
}

START_TEST(good_file_loads) {
  pk_error err;
  pk_rules *rules = load("# comment\n\n"
                         "section.summary  resume  = \\bRESUMÉ\\b\n"
                         "  item  nr-item  within=10 = (?<number>\\d+)\\. (?<title>.+)\r\n",
                         PK_OK, &err);
  ck_assert_uint_eq(pk_rules_count(rules), 2);
  const pk_rule *rule = pk_rules_at(rules, 0);
  ck_assert_str_eq(pk_rule_name(rule), "resume");
  ck_assert_str_eq(pk_rule_kind(rule), "section");
  ck_assert_str_eq(pk_rule_arg(rule), "summary");
  ck_assert_str_eq(pk_rule_file(rule), "t.rules");
  ck_assert_int_eq(pk_rule_line(rule), 3);
  rule = pk_rules_at(rules, 1);
  ck_assert_str_eq(pk_rule_option(rule, "within"), "10");
  ck_assert_ptr_null(pk_rule_option(rule, "other"));
  pk_rules_free(rules);
}
END_TEST

START_TEST(match_and_named_groups) {
  pk_error err;
  pk_rules *rules = load("item nr = (?<number>\\d+)\\.\\s+(?<title>\\S.*)\n", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const char *text = "  49. Godkendelse af dagsorden";
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), text, strlen(text), 0, true),
                   PK_MATCH_NONE);
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), text, strlen(text), 2, true),
                   PK_MATCH_FOUND);
  size_t start, end;
  ck_assert(pk_match_group(matcher, "title", &start, &end));
  ck_assert_uint_eq(start, 6);
  ck_assert_uint_eq(end, strlen(text));
  ck_assert(!pk_match_group(matcher, "case", &start, &end));
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(unicode_word_boundaries) {
  /* \b must treat Æ, Ø, Å as letters: "ØKONOMIEN" does not hold the heading "ØKONOMI". */
  pk_error err;
  pk_rules *rules = load("section.economy oek = \\bØKONOMI\\b\n", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const char *inside = "XØKONOMIEN", *alone = "tekst ØKONOMI tekst";
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), inside, strlen(inside), 0, false),
                   PK_MATCH_NONE);
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), alone, strlen(alone), 0, false),
                   PK_MATCH_FOUND);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(same_name_replaces_in_place) {
  pk_error err;
  pk_rules *rules = load("section.summary a = A\nsection.other b = B\n", PK_OK, &err);
  const char *more = "section.economy a = C\n";
  ck_assert_int_eq(pk_rules_add_text(rules, "u.rules", more, strlen(more), &err), PK_OK);
  ck_assert_uint_eq(pk_rules_count(rules), 2);
  ck_assert_str_eq(pk_rule_arg(pk_rules_at(rules, 0)), "economy");
  ck_assert_str_eq(pk_rule_file(pk_rules_at(rules, 0)), "u.rules");
  pk_rules_free(rules);
}
END_TEST

START_TEST(disable_removes_a_rule) {
  pk_error err;
  pk_rules *rules = load("section.summary a = A\nsection.other b = B\ndisable a\n", PK_OK, &err);
  ck_assert_uint_eq(pk_rules_count(rules), 1);
  ck_assert_ptr_null(pk_rules_at(rules, 0));
  pk_rules_free(rules);
}
END_TEST

START_TEST(builtin_rules_load) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  ck_assert_uint_gt(pk_rules_count(rules), 10);
  pk_rules_free(rules);
}
END_TEST

START_TEST(bad_pattern_names_line_and_offset) {
  expect_error("# c\nsection.summary broken = (unclosed\n",
               "t.rules:2: offset 34: bad pattern: missing closing parenthesis");
}
END_TEST

START_TEST(bad_pattern_offset_points_into_the_pattern) {
  /* The offset counts from the start of the line, not of the pattern. */
  expect_error("item   x   =   a{3,1}\n", "t.rules:1: offset 20: bad pattern: numbers out of order in {} quantifier");
}
END_TEST

START_TEST(unknown_kind) {
  expect_error("\n\n  headline x = X\n", "t.rules:3: offset 2: unknown rule kind 'headline'");
}
END_TEST

START_TEST(kind_without_argument) {
  expect_error("section x = X\n", "t.rules:1: offset 0: rule kind 'section' needs an argument: section.NAME");
}
END_TEST

START_TEST(missing_pattern) {
  expect_error("item x\n", "t.rules:1: offset 6: expected '= PATTERN'");
  expect_error("item x = \n", "t.rules:1: offset 9: empty pattern");
  expect_error("item = X\n", "t.rules:1: offset 5: expected a rule name after the kind");
  expect_error("item x junk = X\n", "t.rules:1: offset 7: expected OPTION=VALUE or '=' before the pattern");
}
END_TEST

START_TEST(disable_unknown_rule) {
  expect_error("disable nothing\n", "t.rules:1: offset 8: 'disable' names no rule loaded before it");
}
END_TEST

START_TEST(missing_file) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_file(rules, "/no/such.rules", &err), PK_ERR_RULES);
  ck_assert_str_eq(err.file, "/no/such.rules");
  ck_assert_str_eq(err.message, "No such file or directory");
  pk_rules_free(rules);
}
END_TEST

START_TEST(catastrophic_rule_hits_the_limit) {
  pk_error err;
  pk_rules *rules = load("section.other slow = ^(a+)+$\n", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  char text[64];
  memset(text, 'a', 40);
  strcpy(text + 40, "b");
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), text, strlen(text), 0, false),
                   PK_MATCH_LIMIT);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

static Suite *rules_suite(void) {
  Suite *suite = suite_create("rules");
  TCase *tc = tcase_create("load");
  tcase_add_test(tc, good_file_loads);
  tcase_add_test(tc, match_and_named_groups);
  tcase_add_test(tc, unicode_word_boundaries);
  tcase_add_test(tc, same_name_replaces_in_place);
  tcase_add_test(tc, disable_removes_a_rule);
  tcase_add_test(tc, builtin_rules_load);
  tcase_add_test(tc, bad_pattern_names_line_and_offset);
  tcase_add_test(tc, bad_pattern_offset_points_into_the_pattern);
  tcase_add_test(tc, unknown_kind);
  tcase_add_test(tc, kind_without_argument);
  tcase_add_test(tc, missing_pattern);
  tcase_add_test(tc, disable_unknown_rule);
  tcase_add_test(tc, missing_file);
  tcase_add_test(tc, catastrophic_rule_hits_the_limit);
  tcase_set_timeout(tc, 20);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(rules_suite()); }

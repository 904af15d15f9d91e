/* test_rules.c: loading rule files: good ones, overrides, disabling, and bad ones with
 * their exact "FILE:LINE: offset N: message". */
#include <check.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdio.h>
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

/* FIRST loaded as t.rules, then MORE as u.rules (a rule directory after the built-ins). */
static pk_rules *load_then(const char *first, const char *more) {
  pk_error err;
  pk_rules *rules = load(first, PK_OK, &err);
  ck_assert_int_eq(pk_rules_add_text(rules, "u.rules", more, strlen(more), &err), PK_OK);
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
  pk_rules *rules = load_then("section.summary a = A\nsection.other b = B\n",
                              "section.economy a = C\n");
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


/* Every match of RULE in TEXT from FROM on, as "start-end;" pairs. */
static void all_matches(pk_matcher *matcher, const pk_rule *rule, const char *text, char *out,
                        size_t size) {
  out[0] = '\0';
  size_t len = strlen(text);
  for (size_t from = 0; from <= len;) {
    if (pk_match(matcher, rule, text, len, from, false) != PK_MATCH_FOUND) break;
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%zu-%zu;", pk_match_start(matcher), pk_match_end(matcher));
    from = pk_match_end(matcher) > from ? pk_match_end(matcher) : from + 1;
  }
}

START_TEST(tail_finds_what_the_whole_search_finds) {
  /* A line-end heading: alone on its line, or glued after a sentence, indented or not. */
  pk_error err;
  pk_rules *rules = load("section.summary whole = (?m)(?<=^|[a-z][.])\\h*(?<heading>Resumé:?)\\h*$\n"
                         "section.summary tail tail=12 = (?m)(?<=^|[a-z][.])\\h*(?<heading>Resumé:?)\\h*$\n",
                         PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const char *texts[] = {
      "Resumé\nshort line\n   Resumé:  \nthe end",
      "a long line of text that runs far beyond the tail of twelve bytes.Resumé\nx",
      "a long line of text that runs far beyond the tail of twelve bytes.      Resumé   \n",
      "a long line with Resumé inside it, not at its end, and more text after\nResumé",
      "\n\nResumé\n\n\nResumé",
      "no heading at all in this long line of text, only words and words and words",
      "",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    char whole[256], tail[256];
    all_matches(matcher, pk_rules_at(rules, 0), texts[i], whole, sizeof whole);
    all_matches(matcher, pk_rules_at(rules, 1), texts[i], tail, sizeof tail);
    ck_assert_msg(strcmp(whole, tail) == 0, "text %zu: whole %s, tail %s", i, whole, tail);
  }
  char found[256];
  all_matches(matcher, pk_rules_at(rules, 1), texts[2], found, sizeof found);
  ck_assert_str_eq(found, "66-82;"); /* "Resumé   ", é being two bytes */
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(contains_skips_subjects_without_the_text) {
  pk_error err;
  pk_rules *rules = load("section.decision m contains=møde = \\p{Lu}\\p{Ll}+s møde\n", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const pk_rule *rule = pk_rules_at(rules, 0);
  const char *text = "Byrådets møde og Udvalgets møde";
  ck_assert_int_eq(pk_match(matcher, rule, text, strlen(text), 0, false), PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_start(matcher), 0);
  ck_assert_int_eq(pk_match(matcher, rule, text, strlen(text), 1, false), PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_start(matcher), 19); /* bytes: å and ø take two */
  ck_assert_int_eq(pk_match(matcher, rule, text, strlen(text), 28, false), PK_MATCH_NONE);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(bad_search_options) {
  expect_error("section.x a tail=0 = X\n", "t.rules:1: offset 12: tail= needs a number of bytes from 1 to 65536");
  expect_error("section.x a tail=12b = X\n", "t.rules:1: offset 12: tail= needs a number of bytes from 1 to 65536");
  expect_error("section.x a tail=-1 = X\n", "t.rules:1: offset 12: tail= needs a number of bytes from 1 to 65536");
  expect_error("section.x a tail=99999 = X\n", "t.rules:1: offset 12: tail= needs a number of bytes from 1 to 65536");
  expect_error("section.x a  contains= = X\n", "t.rules:1: offset 13: contains= needs a text");
  expect_error("item a lines=0 = X\n", "t.rules:1: offset 7: lines= needs a number of lines from 1 to 4");
  expect_error("item a lines=5 = X\n", "t.rules:1: offset 7: lines= needs a number of lines from 1 to 4");
  expect_error("item a lines=22 = X\n", "t.rules:1: offset 7: lines= needs a number of lines from 1 to 4");
  expect_error("section.x a after=line = (?m)^X\n", "t.rules:1: offset 12: after= takes only 'sentence'");
  expect_error("section.x a after=sentence = X\n", "t.rules:1: offset 29: after=sentence needs a pattern that starts with (?m)^");
  expect_error("item a at=anywehre = X\n", "t.rules:1: offset 7: at= takes 'anywhere' or 'page-start'");
  expect_error("item a sequence=rising = X\n",
               "t.rules:1: offset 7: sequence= takes 'increasing', 'restart' or 'repeated'");
}
END_TEST

START_TEST(a_heading_alone_on_its_line_or_after_a_sentence) {
  /* after=sentence: at a line's start, or right after a full stop glued to it; the
   * earlier of the two matches is the match. */
  pk_error err;
  pk_rules *rules = load("section.background b after=sentence = (?m)^\\h*(?<heading>Baggrund)\\h*$\n",
                         PK_OK, &err);
  const char *text = "Mødet slutter kl. 16.30.Baggrund\nBaggrund\n";
  size_t count;
  const pk_rule **found = pk_rules_select(rules, "section", NULL, &count);
  ck_assert_uint_eq(count, 1);
  pk_matcher *matcher = pk_matcher_new(rules);
  ck_assert_int_eq(pk_match(matcher, found[0], text, strlen(text), 0, false), PK_MATCH_FOUND);
  size_t start, end;
  ck_assert(pk_match_group(matcher, "heading", &start, &end));
  ck_assert_uint_eq(start, 25); /* bytes: ø takes two */
  ck_assert_int_eq(pk_match(matcher, found[0], text, strlen(text), 33, false), PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_start(matcher), 34);
  ck_assert_int_eq(pk_match(matcher, found[0], "kl. 16.30 Baggrund\n", 19, 0, false), PK_MATCH_NONE);
  free(found);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST


START_TEST(deep_match_gets_a_larger_stack) {
  /* A match that outgrows PCRE2's own 32 KiB JIT stack is run again with a larger one.
   * (Without JIT the interpreter's depth limit stops it: nothing to test then.) */
  uint32_t has_jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &has_jit);
  if (!has_jit) return;
  pk_error err;
  pk_rules *rules = load("section.other deep = ^(?:a|b)*$\n", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  size_t len = 20000;
  char *text = malloc(len + 1);
  ck_assert_ptr_nonnull(text);
  memset(text, 'a', len);
  text[len] = '\0';
  ck_assert_int_eq(pk_match(matcher, pk_rules_at(rules, 0), text, len, 0, false), PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_end(matcher), len);
  free(text);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST


static bool matches(pk_matcher *matcher, const pk_rule *rule, const char *text) {
  return pk_match(matcher, rule, text, strlen(text), 0, false) == PK_MATCH_FOUND;
}

START_TEST(word_list_is_called_in_any_case) {
  pk_error err;
  pk_rules *rules = load("words noun = baggrund|proces\n"
                         "section.other lex = (?m)^(?<heading>(?=\\p{Lu})(?&noun))$\n",
                         PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const pk_rule *rule = pk_rules_at(rules, 0);
  ck_assert(matches(matcher, rule, "Baggrund"));
  ck_assert(matches(matcher, rule, "PROCES"));
  ck_assert(!matches(matcher, rule, "baggrund")); /* the rule wants a capital */
  ck_assert(!matches(matcher, rule, "Tidsplan"));
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(word_list_grows_for_the_rules_loaded_before) {
  /* A rule directory adds words to a built-in lexicon: the rules already loaded that
   * call the list see the new words. */
  pk_rules *rules = load_then("words noun = baggrund\nsection.other lex = ^(?&noun)$\n",
                              "words noun = tidsplan|videre proces\n");
  pk_matcher *matcher = pk_matcher_new(rules);
  const pk_rule *rule = pk_rules_at(rules, 0);
  ck_assert(matches(matcher, rule, "Baggrund"));
  ck_assert(matches(matcher, rule, "Videre proces"));
  ck_assert(!matches(matcher, rule, "Videre"));
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(word_list_calls_another) {
  /* A lexicon groups its kinds' lists; a word added to a kind's list reaches the rules
   * that call the group. */
  pk_rules *rules = load_then("words kind_a = baggrund\nwords noun = (?&kind_a)|proces\n"
                              "section.other lex = ^(?&noun)$\n",
                              "words kind_a = sagsfremstilling\n");
  pk_matcher *matcher = pk_matcher_new(rules);
  const pk_rule *rule = pk_rules_at(rules, 0);
  ck_assert(matches(matcher, rule, "Baggrund"));
  ck_assert(matches(matcher, rule, "Proces"));
  ck_assert(matches(matcher, rule, "Sagsfremstilling"));
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}
END_TEST

START_TEST(bad_word_lists) {
  expect_error("words 1x = a\n", "t.rules:1: offset 6: 'words' needs a name of letters, digits and _");
  expect_error("words x a\n", "t.rules:1: offset 8: expected '= ALTERNATIVES' after the list's name");
  expect_error("words x =  \n", "t.rules:1: offset 11: empty word list");
  expect_error("section.other r = (?&nolist)\n",
               "t.rules:1: offset 21: bad pattern: reference to non-existent subpattern");
  /* A list that breaks the rules calling it is reported at the rule. */
  expect_error("words x = a\nsection.other r = b(?&x)\nwords x = (\n",
               "t.rules:2: offset 24: bad pattern (in a word list it calls): missing closing parenthesis");
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
  tcase_add_test(tc, tail_finds_what_the_whole_search_finds);
  tcase_add_test(tc, contains_skips_subjects_without_the_text);
  tcase_add_test(tc, bad_search_options);
  tcase_add_test(tc, a_heading_alone_on_its_line_or_after_a_sentence);
  tcase_add_test(tc, deep_match_gets_a_larger_stack);
  tcase_add_test(tc, word_list_is_called_in_any_case);
  tcase_add_test(tc, word_list_grows_for_the_rules_loaded_before);
  tcase_add_test(tc, word_list_calls_another);
  tcase_add_test(tc, bad_word_lists);
  tcase_set_timeout(tc, 20);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(rules_suite()); }

/* test_rules.c: loading rule files: good ones, overrides, disabling, and bad ones with
 * their exact "FILE:LINE: offset N: message". */
#include <check.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glob.h>

#include "../rules/literals.h"
#include "../rules/rules.h"
#include "files.h"
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

/* One set of files names a rule once: the built-in rules named a metadata rule as a kind
 * rule, and the kind rule was lost without a word. */
START_TEST(a_name_twice_in_one_set_is_an_error) {
  expect_error("kind.referat a = A\nmeta.body a = B\n",
               "t.rules:2: offset 0: rule 'a' is defined twice (first at t.rules:1)");
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
  expect_error("item a at=anywehre = X\n", "t.rules:1: offset 7: at= takes 'anywhere', 'text' or 'page-start'");
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

/* any=WORDS: where the first of the words next stands, found in one pass for all of them
 * (words sharing a first byte, a word cut by the text's end, empty words left out). */
START_TEST(any_words_found) {
  pk_error err;
  pk_rules *rules = load("vote v any=deltog|deltager||Afbud|dem = x", PK_OK, &err);
  const pk_rule *rule = pk_rules_at(rules, 0);
  ck_assert(pk_rule_has_words(rule));
  const char *text = "Per deltager ikke. Afbud: Ole. Dette deltog";
  size_t len = strlen(text);
  ck_assert_uint_eq(pk_rule_next_word(rule, text, len, 0), 4);
  ck_assert_uint_eq(pk_rule_next_word(rule, text, len, 5), 19);
  ck_assert_uint_eq(pk_rule_next_word(rule, text, len, 20), 37);
  ck_assert_uint_eq(pk_rule_next_word(rule, text, len - 1, 20), len - 1); /* "deltog" cut */
  ck_assert_uint_eq(pk_rule_next_word(rule, text, len, len), len);
  pk_rules_free(rules);
  rules = load("vote v = x", PK_OK, &err);
  ck_assert(!pk_rule_has_words(pk_rules_at(rules, 0)));
  ck_assert_uint_eq(pk_rule_next_word(pk_rules_at(rules, 0), text, len, 0), len);
  pk_rules_free(rules);
  /* a search near the words: its matches start by the last word searched for */
  rules = load("vote v any=deltog = \\p{Lu}\\p{Ll}+\\h+deltog", PK_OK, &err);
  pk_matcher *matcher = pk_matcher_new(rules);
  const char *two = "Ole deltog. Per deltog.";
  ck_assert_int_eq(pk_match_starting_by(matcher, pk_rules_at(rules, 0), two, strlen(two), 0, 4),
                   PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_start(matcher), 0);
  ck_assert_int_eq(pk_match_starting_by(matcher, pk_rules_at(rules, 0), two, strlen(two), 1, 11),
                   PK_MATCH_NONE); /* "Per deltog" starts at 12 */
  ck_assert_int_eq(pk_match_starting_by(matcher, pk_rules_at(rules, 0), two, strlen(two), 1, 16),
                   PK_MATCH_FOUND);
  ck_assert_uint_eq(pk_match_start(matcher), 12);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
  /* an any= of no words is still an any=: the rule matches nowhere, not everywhere */
  rules = load("vote v any=| = x", PK_OK, &err);
  ck_assert(pk_rule_has_words(pk_rules_at(rules, 0)));
  ck_assert_uint_eq(pk_rule_next_word(pk_rules_at(rules, 0), text, len, 0), len);
  pk_rules_free(rules);
}
END_TEST

/* The rules whose matches in a line the segmenter may take from the decoder's window:
 * nothing in them reads past the line. */
START_TEST(line_bound_patterns) {
  static const struct {
    const char *rule;
    bool bound;
  } cases[] = {
      {"section.x r = (?m)^\\h*(?<heading>(?=\\p{Lu})(?i:Resum[eé]))(?:\\h*[:.])?\\h*$", true},
      {"section.x r = (?<!\\p{L})(?<heading>Beslutning(?:\\h+i\\h+(?<body>\\p{Lu}[^\\n:.]{1,80}?))?\\h*:)", true},
      {"section.x r = \\bRESUM[ÉE]\\b", true},
      {"section.x r = (?m)^(?<heading>Bilag)(?=[\\p{Lu}\\d]|-\\h)", true},
      {"section.x r = \\bBESLUTNING\\s+I\\b", false},         /* \s holds a newline */
      {"section.x r = (?m)^(?<!\\d\\. Bemærk\\n\\n)\\h*Bemærk", false}, /* looks behind a line */
      {"section.x r = Sag[^:]{1,80}:", false},                /* [^:] holds a newline */
      {"section.x r = Sag$", false},                          /* the subject's end */
      {"section.x r = ^Sag", false},                          /* the subject's start */
      {"section.x r = (?s)Sag.+", false},
      {"section.x r = (*CR)Sag", false},
      {"section.x r = \\GSag", false},
      {"section.x r = Sag\\KX", false},
      {"section.x r = [\\t-~]Sag", false},                   /* a range over the newline */
      {"section.x r = \\p{Cc}Sag", false},
      {"section.x r = \\P{L}Sag", false},
      {"section.x r = (?m)^Sag(?-m)$", false},
      {"section.x r = (?-i:\\p{Lu}[\\p{L}-]*)\\h+deltog", true}, /* case alone turned off */
      {"section.x r = (?m)^Sag(?i-m:$)", false},
      {"section.x r = (?m)^Sag(?^:$)", false},                 /* (?^) turns off (?m) too */
      {"section.x r contains=Sag = Sag", false},              /* contains= reads the rest */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pk_error err;
    pk_rules *rules = load(cases[i].rule, PK_OK, &err);
    ck_assert_msg(pk_rule_line_bound(pk_rules_at(rules, 0)) == cases[i].bound, "%s", cases[i].rule);
    pk_rules_free(rules);
  }
}
END_TEST

/* The literals a pattern's every match holds: the words themselves, in lower case where the
 * pattern takes any case; nothing where a match may do without one, or where the pattern
 * holds what the reader does not know. */
START_TEST(pattern_literals) {
  static const struct {
    const char *pattern;
    const char *literals; /* "~" before a caseless one, ' ' between; NULL: none */
  } cases[] = {
      {"(?m)^\\h*(?<heading>(?=\\p{Lu})(?i:Resum[eé]|Tema)(?:\\h*[:.])?)\\h*$", "~resum ~tema"},
      {"\\bBESLUTNING\\b", "BESLUTNING"},
      {"(?<!\\p{L})(?<heading>Beslutning(?:\\h+den)?\\h*:)", "Beslutning"},
      {"(?i)(?=referat|protokol)\\b(?:referat|protokol)", "~protokol ~referat"},
      {"[Ii]ndstilling", "ndstilling"},
      {"Sa(?:nr)?:", NULL},                          /* "Sa" and ":" are too short */
      {"Sagsnr(?:ene)?", "Sagsnr"},
      {"(?:Resume)?Indstilling", "Indstilling"},
      {"(?:Resume|)Indstilling", "Indstilling"},
      {"(?:Resume|\\d+)", NULL},                    /* a number may stand instead */
      {"(?<=Beslutning )Godkendt", "Godkendt"},      /* not what it looks behind at */
      {"(?!Godkendt)\\w+", NULL},
      {"Økonomi", "Økonomi"},
      {"(?i:Økonomi)", "~konomi"},                   /* no letter outside ASCII in any case */
      {"(?i:bilag)(?-i)SAG", "~bilagsag"},
      {"(?i)bilag(?-i:SAG)", "~bilagsag"},
      {"Bilag\\x{20}1", "Bilag 1"},
      {"(?&w)er(?(DEFINE)(?<w>(?i:vurdering|analyse)))", "~analyse ~vurdering"},
      {"x(?&w)(?(DEFINE)(?<w>a|b)(?<w>c))", NULL},   /* a name twice: not read */
      {"(\\w+)\\1Sagsnr", NULL},                  /* a backreference */
      {"(?x) S a g s n r", NULL},                    /* extended syntax */
      {"(*UTF)Sagsnr", NULL},
      {"Sag{,3}snr", NULL},                          /* {,3} reads differently by version */
      {"Sag{2}snr", "snr"},
      {"a{x}Sagsnr", "a{x}Sagsnr"},                  /* "{x}" is no repeat */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pk_literal_set set;
    bool some = pk_pattern_literals(cases[i].pattern, &set);
    char got[512] = "";
    /* In the order of the expected string, which is sorted. */
    for (size_t k = 0; k < set.count; k++)
      for (size_t j = k + 1; j < set.count; j++)
        if (strcmp(set.items[j].text, set.items[k].text) < 0) {
          pk_literal t = set.items[j];
          set.items[j] = set.items[k];
          set.items[k] = t;
        }
    for (size_t k = 0; k < set.count; k++) {
      if (k) strcat(got, " ");
      if (set.items[k].caseless) strcat(got, "~");
      strcat(got, set.items[k].text);
    }
    if (cases[i].literals) ck_assert_msg(some && strcmp(got, cases[i].literals) == 0, "%s: got \"%s\"",
                                         cases[i].pattern, got);
    else ck_assert_msg(!some && set.count == 0, "%s: got \"%s\"", cases[i].pattern, got);
    pk_literal_set_free(&set);
  }
}
END_TEST

/* The ASCII bytes a pattern's matches may read (literals.h): a byte outside them is a
 * barrier no match crosses on its way to its literal.  More bytes than needed are safe,
 * fewer are not: every class, escape and lookaround counts, and what is not read is all. */
START_TEST(pattern_reads) {
  static const struct {
    const char *pattern;
    const char *read;    /* bytes that must be read */
    const char *barrier; /* bytes that must not be */
  } cases[] = {
      {"(?<!\\p{L})\\p{Lu}[\\p{L}-]*s\\h+beslutning\\h+den\\b", "Aa-z \t", ",.:\n0"},
      {"[^,]*Sagsnr", "\n.Sa", ","},
      {"(?i:[k])Sagsnr", "kKSs", "\n,"},
      {"(?i)[\\x{212A}]Sagsnr", "kKxXzZ", ","},          /* KELVIN SIGN is k in any case */
      {"(?i:\\p{Lu})Sagsnr", "aA", ","},
      {"\\DSagsnr\\p{L}", "a,\n", "0"},
      {"[\\d\\x41-\\x43]Sagsnr", "0AB", "D,"},
      {"[[:alpha:]]Sagsnr", ",0", ""},                     /* POSIX classes: not read */
      {".Sagsnr", "\n,", ""},
      {"(?=[^\\n]*:)Sagsnr", ":", "\n"},
      {"(?!,)Sagsnr(?<=;Sagsnr)", ",;", "."},             /* assertions count too */
      {"\\GSagsnr", ",\n", ""},                         /* where a search starts matters */
      {"Sagsnr(?&w)(?(DEFINE)(?<w>[=]))", "=", ","},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pk_literal_set set;
    ck_assert_msg(pk_pattern_literals(cases[i].pattern, &set), "%s", cases[i].pattern);
    for (const char *c = cases[i].read; *c; c++)
      ck_assert_msg(set.reads[*c >> 6] >> (*c & 63) & 1, "%s: '%c' not read", cases[i].pattern, *c);
    for (const char *c = cases[i].barrier; *c; c++)
      ck_assert_msg(!(set.reads[*c >> 6] >> (*c & 63) & 1), "%s: '%c' read", cases[i].pattern, *c);
    pk_literal_set_free(&set);
  }
}
END_TEST

/* How far a match may start before its literal: the most bytes what comes before it reads
 * (a class's character four, a letter in any case three); none where that is unbounded. */
START_TEST(pattern_leads) {
  static const struct {
    const char *pattern;
    size_t lead; /* PK_LEAD_ANY: no bound */
  } cases[] = {
      {"Sagsnr", 0},
      {"x?Sagsnr", 1},
      {"\\d{1,3}\\.\\h?Sagsnr", 17},
      {"(?i:referat|dagsorden)\\s+(?:til|for)", 0},
      {"(?i:k)\\h?Sagsnr", 7},                      /* KELVIN SIGN's three bytes, for k */
      {"(?:ab|cde)fghij", 3},
      {"(?<!\\p{L})(?=\\p{Lu})(?:Direktionens )?Indstilling", 13},
      {"(?&w)Sagsnr(?(DEFINE)(?<w>ab|c))", 2},
      {"a+Sagsnr", PK_LEAD_ANY},
      {"[^\\n]*:\\h*Sagsnr", PK_LEAD_ANY},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    pk_literal_set set;
    ck_assert_msg(pk_pattern_literals(cases[i].pattern, &set), "%s", cases[i].pattern);
    ck_assert_msg(set.lead == cases[i].lead, "%s: lead %zu", cases[i].pattern, set.lead);
    pk_literal_set_free(&set);
  }
}
END_TEST

/* The bytes a pattern's matches start with: a try at one place that starts otherwise
 * fails.  Unknown (false) where a match may be empty or the reader gives up. */
START_TEST(pattern_first_bytes) {
  static const struct {
    const char *pattern;
    const char *first; /* bytes that must start a match; NULL: unknown */
    const char *not;   /* bytes that must not */
  } cases[] = {
      {"(?:[*]\\h*)?(?i:pkt|nr)?\\h*(?<number>\\d{1,3})\\.", "*PpNn \t09", "Aa.\n"},
      {"(?=\\p{Lu})(?<title>\\p{Lu}[^\\n]+)", "AZ", "az09"},       /* the lookahead: not read */
      {"(?i:åbent?|lukket)\\h", "Ll", "AaBb"},                   /* å: no ASCII letter */
      {"(?i:\\x{212A}elvin)", "Kk", "0 "},                        /* KELVIN SIGN is k */
      {"(?<!\\d)(?&w)x(?(DEFINE)(?<w>[A-C]))", "ABC", "Dx"},
      {"(?m)^\\h*$", NULL, ""},                                   /* may be empty */
      {"(?:a|)b", "ab", "c"},
      {"a{0}b", "b", "a"},
      {"(\\w)\\1", NULL, ""},                                    /* a backreference */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    uint64_t first[4] = {0};
    bool known = pk_pattern_first_bytes(cases[i].pattern, first);
    ck_assert_msg(known == (cases[i].first != NULL), "%s", cases[i].pattern);
    for (const char *c = cases[i].first; c && *c; c++)
      ck_assert_msg(first[*c >> 6] >> (*c & 63) & 1, "%s: '%c' does not start", cases[i].pattern, *c);
    for (const char *c = cases[i].not; known && *c; c++)
      ck_assert_msg(!(first[*c >> 6] >> (*c & 63) & 1), "%s: '%c' starts", cases[i].pattern, *c);
  }
}
END_TEST

/* Whether TEXT is UTF-8 without NUL bytes, as the reader hands text on to the rules. */
static bool valid_utf8(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  for (size_t i = 0; i < len;) {
    unsigned n = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3
               : (s[i] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n || !s[i] || i + n > len || (n == 2 && s[i] < 0xC2)) return false;
    for (unsigned k = 1; k < n; k++)
      if ((s[i + k] & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

static size_t next_char_at(const char *text, size_t len, size_t at) {
  at++;
  while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}

/* Every built-in rule's matches in every fixture and invented layout, one after the other
 * as the segmenter searches them: a scanned search finds each one the plain search finds,
 * and no rule tried at a line's start matches where its literals do not stand. */
START_TEST(scanned_search_finds_what_the_search_finds) {
  const char *srcdir = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  pk_matcher *matcher = pk_matcher_new(rules);
  static const char *const DIRS[] = {"fixtures", "tests/layouts", "tests/holdout"};
  size_t files = 0, scanned_rules = 0;
  for (size_t d = 0; d < sizeof DIRS / sizeof *DIRS; d++) {
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/%s/*.txt", srcdir, DIRS[d]);
    glob_t found;
    if (glob(pattern, 0, NULL, &found) != 0) continue;
    for (size_t f = 0; f < found.gl_pathc; f++, files++) {
      size_t len;
      char *text = read_all(found.gl_pathv[f], &len);
      if (!valid_utf8(text, len)) { /* the reader's to decode: not a rule's subject */
        free(text);
        continue;
      }
      pk_scan *scan = pk_scan_new(rules, text, len);
      ck_assert_ptr_nonnull(scan);
      for (size_t r = 0; r < pk_rules_size(rules); r++) {
        const pk_rule *rule = pk_rules_at(rules, r);
        if (!rule) continue;
        scanned_rules++;
        for (size_t from = 0; from <= len;) {
          pk_match_result plain = pk_match(matcher, rule, text, len, from, false);
          size_t start = plain == PK_MATCH_FOUND ? pk_match_start(matcher) : 0;
          size_t end = plain == PK_MATCH_FOUND ? pk_match_end(matcher) : 0;
          pk_match_result scanned = pk_match_scanned(matcher, rule, scan, from);
          ck_assert_msg(scanned == plain, "%s in %s from %zu: %d, scanned %d", pk_rule_name(rule),
                        found.gl_pathv[f], from, plain, scanned);
          if (plain != PK_MATCH_FOUND) break;
          ck_assert_msg(pk_match_start(matcher) == start && pk_match_end(matcher) == end,
                        "%s in %s from %zu", pk_rule_name(rule), found.gl_pathv[f], from);
          from = end > from ? end : next_char_at(text, len, from);
        }
        for (size_t at = 0; at < len;) {
          const char *newline = memchr(text + at, '\n', len - at);
          size_t line_end = newline ? (size_t)(newline - text) : len;
          if (pk_match(matcher, rule, text, line_end, at, true) == PK_MATCH_FOUND)
            ck_assert_msg(pk_scan_may_hold(scan, rule, at, line_end), "%s at %zu of %s",
                          pk_rule_name(rule), at, found.gl_pathv[f]);
          at = line_end + 1;
        }
      }
      pk_scan_free(scan);
      free(text);
    }
    globfree(&found);
  }
  ck_assert_uint_gt(files, 10);
  ck_assert_uint_gt(scanned_rules, 100);
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
  tcase_add_test(tc, a_name_twice_in_one_set_is_an_error);
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
  tcase_add_test(tc, line_bound_patterns);
  tcase_add_test(tc, any_words_found);
  tcase_add_test(tc, pattern_literals);
  tcase_add_test(tc, pattern_reads);
  tcase_add_test(tc, pattern_first_bytes);
  tcase_add_test(tc, pattern_leads);
  tcase_add_test(tc, scanned_search_finds_what_the_search_finds);
  /* That one searches every rule through every fixture and invented layout (317 of them
   * now): some 12 s, about 22 s under the sanitizers. */
  tcase_set_timeout(tc, 90);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(rules_suite()); }

/* test_stylesheet.c: the classes a page's style sheet hides, and an HTML page's elements
 * of those classes dropped as wrapper (a print view's "Luk vinduet"), at every chunk
 * size: libxml2's push parser takes a script's or style's end tag cut by a piece's end
 * for text, so the HTML reader holds a tag begun back until it ends. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/punktum.h"
#include "../parser/html.h"
#include "../parser/stylesheet.h"
#include "chunks.h"
#include "runner.h"

static pk_hidden_classes read_css(const char *css) {
  pk_hidden_classes hidden = {0};
  pk_stylesheet_read(&hidden, css, strlen(css));
  return hidden;
}

START_TEST(one_class_selectors_that_hide) {
  pk_hidden_classes hidden = read_css(
      "body { font-family: Arial }\n"
      ".noprint { display: none }\n"
      "/* .commented { display:none } */\n"
      "div.skjul, .tilbage{color:red;DISPLAY : NONE;}\n"
      ".shown { display: block }\n"
      ".a .b { display: none }\n"
      "#menu, ul > li.x { display: none }\n"
      ".gone{visibility:hidden}");
  ck_assert(pk_stylesheet_hides(&hidden, "noprint"));
  ck_assert(pk_stylesheet_hides(&hidden, "col  skjul"));
  ck_assert(pk_stylesheet_hides(&hidden, "tilbage"));
  ck_assert(pk_stylesheet_hides(&hidden, "gone"));
  ck_assert(!pk_stylesheet_hides(&hidden, "commented"));
  ck_assert(!pk_stylesheet_hides(&hidden, "shown"));
  ck_assert(!pk_stylesheet_hides(&hidden, "b"));
  ck_assert(!pk_stylesheet_hides(&hidden, "x"));
  ck_assert(!pk_stylesheet_hides(&hidden, "noprintx"));
  ck_assert(!pk_stylesheet_hides(&hidden, ""));
}
END_TEST

START_TEST(media_rules_only_for_print) {
  pk_hidden_classes hidden = read_css(
      "@import url(x.css);\n"
      "@media screen and (max-width: 600px) { .desktop { display: none } }\n"
      "@media print { .knap { display: none } @page { margin: 1cm } }\n"
      ".after { display:none }\n"
      "@font-face { font-family: X; src: url(x.woff) }");
  ck_assert(!pk_stylesheet_hides(&hidden, "desktop"));
  ck_assert(pk_stylesheet_hides(&hidden, "knap"));
  ck_assert(pk_stylesheet_hides(&hidden, "after"));
}
END_TEST

START_TEST(broken_css_ends_quietly) {
  const char *pieces[] = {"", "{", "}", "}}}.x{display:none", ".y{display:none", "@media print {",
                          "/* open comment", ".z", "@", ".w{display:none}}}}{{{.v{display:none}"};
  for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) read_css(pieces[i]);
  pk_hidden_classes hidden = read_css(".w{display:none}}}}{{{.v{display:none}");
  ck_assert(pk_stylesheet_hides(&hidden, "w"));
}
END_TEST

START_TEST(classes_held_are_bounded) {
  pk_buf css = {0};
  for (int i = 0; i < 100; i++) {
    char rule[64];
    snprintf(rule, sizeof rule, ".c%d{display:none}", i);
    ck_assert(pk_buf_append(&css, rule, strlen(rule)));
  }
  pk_hidden_classes hidden = {0};
  pk_stylesheet_read(&hidden, css.data, css.len);
  ck_assert_uint_eq(hidden.count, PK_HIDDEN_CLASSES_MAX);
  ck_assert(pk_stylesheet_hides(&hidden, "c0"));
  pk_buf_free(&css);
}
END_TEST

static bool collect(void *ctx, const char *utf8, size_t len) {
  return pk_buf_append(ctx, utf8, len);
}

static void feed_html(void *ctx, const char *data, size_t len) {
  pk_error err = {0};
  ck_assert_int_eq(pk_html_feed(ctx, data, len, &err), PK_OK);
}

START_TEST(page_elements_of_hidden_classes_are_wrapper) {
  const char *page =
      "<!DOCTYPE html><html><head><script>var x = 1;</script>"
      "<style>.noprint { display: none }</style></head>"
      "<body><div class=\"noprint\">Luk vinduet</div><p class=\"title noprint\">Udskriv</p>"
      "<p class=\"title\">Referat</p><p>1. Godkendelse</p></body></html>";
  for (size_t c = 0; c < CHUNK_SIZE_COUNT; c++) {
    pk_report report = {0};
    pk_buf text = {0};
    pk_html *html = pk_html_new(NULL, collect, &text, &report);
    ck_assert_ptr_nonnull(html);
    FEED_IN_CHUNKS(page, strlen(page), CHUNK_SIZES[c], feed_html, html);
    pk_error err = {0};
    ck_assert_int_eq(pk_html_finish(html, &err), PK_OK);
    ck_assert_msg(text.data != NULL, "chunk size %zu: no text", CHUNK_SIZES[c]);
    ck_assert(memmem(text.data, text.len, "Luk", 3) == NULL);
    ck_assert(memmem(text.data, text.len, "Udskriv", 7) == NULL);
    ck_assert(memmem(text.data, text.len, "Referat", 7) != NULL);
    ck_assert(memmem(text.data, text.len, "Godkendelse", 11) != NULL);
    ck_assert_uint_ge(pk_coverage_removed(&report), strlen("LukvinduetUdskriv"));
    pk_html_free(html);
    pk_buf_free(&text);
    pk_report_free(&report);
  }
}
END_TEST

static Suite *stylesheet_suite(void) {
  Suite *suite = suite_create("stylesheet");
  TCase *tc = tcase_create("stylesheet");
  tcase_add_test(tc, one_class_selectors_that_hide);
  tcase_add_test(tc, media_rules_only_for_print);
  tcase_add_test(tc, broken_css_ends_quietly);
  tcase_add_test(tc, classes_held_are_bounded);
  tcase_add_test(tc, page_elements_of_hidden_classes_are_wrapper);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(stylesheet_suite()); }

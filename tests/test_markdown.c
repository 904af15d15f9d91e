/* test_markdown.c: a Markdown text told from plain text, and its lines without their
 * markup: headings' hashes, strong emphasis, a mail's "*...*", links and images, breaks, escapes; what is
 * taken away weighed as the coverage account weighs it. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/markdown.h"
#include "runner.h"

/* LINE without its markup must read EXPECTED, REMOVED characters taken away. */
static void check_line(const char *line, const char *expected, size_t removed) {
  pk_buf out = {0};
  size_t got = pk_markdown_line(line, strlen(line), &out);
  ck_assert_str_eq(out.data ? out.data : "", expected);
  ck_assert_uint_eq(got, removed);
  pk_buf_free(&out);
}

START_TEST(headings_lose_their_hashes) {
  check_line("## 1. Godkendelse af dagsorden", "1. Godkendelse af dagsorden", 2);
  check_line("### Beslutning ###", "Beslutning", 6);
  check_line("#hashtag", "#hashtag", 0);
  check_line("####### seven", "####### seven", 0);
}
END_TEST

START_TEST(strong_links_images_lose_their_markup) {
  check_line("**Sagsnummer:** 25/00087 · **Åben**", "Sagsnummer: 25/00087 · Åben", 8);
  check_line("se [bilag 3](https://x.dk/b3.pdf) og ![Logo](l.svg)", "se bilag 3 og Logo", 33);
  check_line("[**Referat**](r.pdf)", "Referat", 13);
  check_line("**ikke lukket", "**ikke lukket", 0);
  check_line("[ingen link]", "[ingen link]", 0);
}
END_TEST

START_TEST(breaks_and_escapes) {
  check_line("* * *", "", 3);
  check_line("1\\. Titel", "1. Titel", 1);
  check_line("- et punkt", "- et punkt", 0);
}
END_TEST

START_TEST(mail_emphasis_loses_its_asterisks) {
  check_line("*Pkt. 2: Tilmeldinger til vinterholdene*", "Pkt. 2: Tilmeldinger til vinterholdene", 2);
  check_line("*Beslutning:* Godkendt.", "Beslutning: Godkendt.", 2);
  check_line("* et punkt*", "* et punkt*", 0);
  check_line("Beløb i alt*", "Beløb i alt*", 0);
}
END_TEST

START_TEST(markdown_is_told_from_text) {
  const char *md = "# Udvalget\n\n**Mødedato:** 8. april\n\n## 1. Godkendelse\n";
  ck_assert(pk_markdown_sniff(md, strlen(md)));
  const char *plain = "Referat\n# 1 på listen\nUdvalget\n## noget\n";
  ck_assert(!pk_markdown_sniff(plain, strlen(plain)));
  const char *mail = "*Referat*\n\n*Pkt. 1: Godkendelse*\n*Beslutning:* Godkendt.\n";
  ck_assert(pk_markdown_sniff(mail, strlen(mail)));
  const char *footnotes = "Beløb*\n*) inkl. moms\nI alt*\n";
  ck_assert(!pk_markdown_sniff(footnotes, strlen(footnotes)));
  /* A web page converted with its bold headings marked strong. */
  const char *bold = "1. Budget\n**Resumé**\nTekst.\n**Indstilling**\nAt det godkendes.\n"
                     "**Beslutning**\nGodkendt.\n";
  ck_assert(pk_markdown_sniff(bold, strlen(bold)));
  const char *stars = "** bemærk **\nTekst\n** se bilag\n";
  ck_assert(!pk_markdown_sniff(stars, strlen(stars)));
  /* One line that is a strong emphasis alone is a converter's bold heading: a page's
   * excerpt may hold a single one. */
  const char *one_bold = "Referat\n173. Godkendelse af dagsorden\n\n**Beslutning Udvalget den "
                         "13-06-2018**\n\nGodkendt.\n";
  ck_assert(pk_markdown_sniff(one_bold, strlen(one_bold)));
  const char *bold_word = "Referat\nDet er **vigtigt** at huske.\n";
  ck_assert(!pk_markdown_sniff(bold_word, strlen(bold_word)));
}
END_TEST

static Suite *markdown_suite(void) {
  Suite *suite = suite_create("markdown");
  TCase *tc = tcase_create("markdown");
  tcase_add_test(tc, headings_lose_their_hashes);
  tcase_add_test(tc, strong_links_images_lose_their_markup);
  tcase_add_test(tc, breaks_and_escapes);
  tcase_add_test(tc, mail_emphasis_loses_its_asterisks);
  tcase_add_test(tc, markdown_is_told_from_text);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(markdown_suite()); }

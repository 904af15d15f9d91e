/* test_cleaner.c: wrapper, pages, running headers, printed page numbers, the related-
 * documents list and plain text, each at chunk sizes 1, 2, 3, 7 and whole. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../parser/cleaner.h"
#include "chunks.h"
#include "runner.h"

/* Units as "page|text\n" lines, easy to compare. */
static bool collect(void *ctx, const char *text, size_t len, long page) {
  char prefix[32];
  snprintf(prefix, sizeof prefix, "%ld|", page);
  pk_buf *out = ctx;
  return pk_buf_append_str(out, prefix) && pk_buf_append(out, text, len) &&
         pk_buf_append_char(out, '\n');
}

static unsigned long long removed(const pk_report *report, const char *kind) {
  for (size_t i = 0; i < report->removed_count; i++)
    if (strcmp(report->removed[i].kind, kind) == 0) return report->removed[i].chars;
  return 0;
}

typedef struct run {
  pk_buf units;
  pk_report report;
} run;

static void feed(pk_cleaner *cleaner, const char *data, size_t len) {
  ck_assert(pk_cleaner_text(cleaner, data, len));
}

static run clean_at(const char *input, size_t chunk) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  pk_matcher *matcher = pk_matcher_new(rules);
  run out = {0};
  pk_cleaner *cleaner = pk_cleaner_new(rules, matcher, &out.report, collect, &out.units);
  FEED_IN_CHUNKS(input, strlen(input), chunk, feed, cleaner);
  ck_assert(pk_cleaner_finish(cleaner));
  pk_cleaner_free(cleaner);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
  return out;
}

/* Every chunk size gives UNITS. */
static run expect_units(const char *input, const char *units) {
  run first = {0};
  for (size_t i = 0; i < CHUNK_SIZE_COUNT; i++) {
    run out = clean_at(input, CHUNK_SIZES[i]);
    ck_assert_msg(strcmp(out.units.data ? out.units.data : "", units) == 0,
                  "chunk size %zu:\n%s\nwant:\n%s", CHUNK_SIZES[i], out.units.data, units);
    if (i == 0) {
      first = out;
    } else {
      ck_assert_uint_eq(removed(&out.report, "running_header"), removed(&first.report, "running_header"));
      pk_buf_free(&out.units);
      pk_report_free(&out.report);
    }
  }
  return first;
}

/* expect_units, and the characters removed of KIND. */
static void expect_removed(const char *input, const char *units, const char *kind,
                           unsigned long long count) {
  run out = expect_units(input, units);
  ck_assert_uint_eq(removed(&out.report, kind), count);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}

static const char TRANSCRIPT[] =
    "Referat fra Udvalget for Ting\n\nStørrelse: px\nStarte visningen fra side:\n\n"
    "Download \"Referat fra Udvalget for Ting\"\n\nTranskript\n\n"
    "1 SKOVBY KOMMUNE Referat til Udvalget for Ting\n\n"
    "2 Udvalget for Ting d Punkt et Åben sag Sagsnr.: 1/2 tekst 1\n\n"
    "3 Udvalget for Ting d Andet punkt tekst 2\n\n"
    "4 Udvalget for Ting d Punkt tre tekst 3\n\n"
    "5 Bilag: 1.1. Noget fra 2015\n\n"
    "6\n\n"
    "Relateret titel\n\nRelateret titel med uddrag\n\nLæs mere\n\nEn til\n\nLæs mere\n";

START_TEST(transcript_pages_and_furniture) {
  run out = expect_units(TRANSCRIPT,
                         "1|SKOVBY KOMMUNE Referat til Udvalget for Ting\n"
                         "2|Punkt et Åben sag Sagsnr.: 1/2 tekst\n"
                         "3|Andet punkt tekst\n"
                         "4|Punkt tre tekst\n"
                         "5|Bilag: 1.1. Noget fra 2015\n"
                         "6|\n");
  /* Removed text is counted in characters other than white space, as coverage counts. */
  ck_assert_uint_eq(removed(&out.report, "running_header"), 3 * strlen("UdvalgetforTingd"));
  ck_assert_uint_eq(removed(&out.report, "printed_page_number"), 3);
  ck_assert_uint_eq(removed(&out.report, "page_number"), 6);
  ck_assert_uint_eq(removed(&out.report, "wrapper"),
                    25 + 12 + 23 + 35 + 10); /* the wrapper lines, without white space */
  ck_assert_uint_eq(removed(&out.report, "related_documents"), 14 + 23 + 7 + 5 + 7);
  ck_assert_int_eq(out.report.pages, 6);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(plain_text_is_one_unit_per_line) {
  run out = expect_units("Nr.12 - Titel\n\nBeslutning\nGodkendt.", "0|Nr.12 - Titel\n0|\n0|Beslutning\n0|Godkendt.\n");
  ck_assert_uint_eq(out.report.removed_count, 0);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_mails_quote_marks_are_removed_and_counted) {
  run out = expect_units("Hej\n> Pkt. 1 Godkendelse\n> > Godkendt.\n>\n", "0|Hej\n0|Pkt. 1 Godkendelse\n0|Godkendt.\n0|\n");
  ck_assert_uint_eq(removed(&out.report, "quote_marker"), 4);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_text_wrapped_at_a_width_has_its_paragraphs_joined) {
  /* Lines of a text browser's dump, wrapped at about 60: a title and a paragraph wrapped
   * over lines are each one unit again; short lines and blank lines stay. */
  run out = expect_units(
      "Referat fra mødet i Udvalget for Trafik og Veje den 3. juni\n\n"
      "  22. Trafiksikkerhedsplan 2024-2028 - godkendelse efter den\n"
      "      offentlige høring\n\n"
      "   Beslutning\n"
      "   Planen blev godkendt med de ændringer, som forvaltningen\n"
      "   foreslog i notatet af 20. maj, og den sendes nu videre til\n"
      "   byrådet til endelig vedtagelse på mødet den 25. juni.\n\n"
      "   Sagsfremstilling\n"
      "   Forvaltningen har gennemgået de indkomne høringssvar, og\n"
      "   der er foretaget mindre ændringer i planens afsnit om skole\n"
      "   veje og cykelstier langs de større indfaldsveje til byen.\n\n"
      "   Bilag\n"
      "   1. Høringsnotat\n",
      "0|Referat fra mødet i Udvalget for Trafik og Veje den 3. juni\n0|\n"
      "0|22. Trafiksikkerhedsplan 2024-2028 - godkendelse efter den offentlige høring\n0|\n"
      "0|Beslutning\n"
      "0|Planen blev godkendt med de ændringer, som forvaltningen foreslog i notatet af 20. maj, "
      "og den sendes nu videre til byrådet til endelig vedtagelse på mødet den 25. juni.\n0|\n"
      "0|Sagsfremstilling\n"
      "0|Forvaltningen har gennemgået de indkomne høringssvar, og der er foretaget mindre "
      "ændringer i planens afsnit om skole veje og cykelstier langs de større indfaldsveje til "
      "byen.\n0|\n"
      "0|Bilag\n0|1. Høringsnotat\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_contents_leader_wider_than_the_measure_leaves_the_text_wrapped) {
  /* A document viewer's text layer: the contents entries' dot leaders run past the
   * measure the paragraphs are wrapped at; the text is still wrapped, and a title's word
   * broken at its hyphen is joined. */
  run out = expect_units(
      "01. Godkendelse af dagsorden .....................................................3\n"
      "02. Godkendelse af ny folkeoplysende forening: Aars Padelklub ....................4\n"
      "02. Godkendelse af ny folkeoplysende forening: Aars Padel-\n"
      "klub\n"
      "Aars Padelklub har søgt om godkendelse som folkeoplysende forening\n"
      "med henblik på at kunne opnå tilskud og anvise lokaler. Foreningen\n"
      "har 62 medlemmer, heraf 11 under 25 år. Vedtægterne opfylder krave-\n"
      "ne i loven, og foreningen er åben for alle, der ønsker at spille.\n"
      "Kultur og Fritid har gennemgået ansøgningen og de vedlagte vedtægter\n"
      "samt regnskabet for det første år, og alle krav i folkeoplysnings-\n"
      "lovens bestemmelser om frivillige foreninger anses for at være op-\n"
      "fyldt. Foreningen har desuden en bestyrelse på fem medlemmer og et\n"
      "demokratisk valgt formandskab, og den afholder generalforsamling\n"
      "hvert år i marts måned med indkaldelse på foreningens hjemmeside.\n",
      "0|01. Godkendelse af dagsorden .....................................................3\n"
      "0|02. Godkendelse af ny folkeoplysende forening: Aars Padelklub ....................4\n"
      "0|02. Godkendelse af ny folkeoplysende forening: Aars Padelklub\n"
      "0|Aars Padelklub har søgt om godkendelse som folkeoplysende forening med henblik på at "
      "kunne opnå tilskud og anvise lokaler. Foreningen har 62 medlemmer, heraf 11 under 25 år. "
      "Vedtægterne opfylder kravene i loven, og foreningen er åben for alle, der ønsker at "
      "spille. Kultur og Fritid har gennemgået ansøgningen og de vedlagte vedtægter samt "
      "regnskabet for det første år, og alle krav i folkeoplysningslovens bestemmelser om "
      "frivillige foreninger anses for at være opfyldt. Foreningen har desuden en bestyrelse "
      "på fem medlemmer og et demokratisk valgt formandskab, og den afholder generalforsamling "
      "hvert år i marts måned med indkaldelse på foreningens hjemmeside.\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_line_that_is_not_a_page_continues_the_page) {
  run out = expect_units("Transkript\n1 Forside\n2 Side to\nfortsat tekst\n3 Side tre\n",
                         "1|Forside\n2|Side to\nfortsat tekst\n3|Side tre\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_transcript_broken_to_a_width_has_its_pages_joined_again) {
  /* A transcript saved by a text browser, its page lines broken at 60 columns: a full
   * line's end is the breaking's, so the page is one line again; the short line that ends
   * a paragraph keeps its end. */
  run out = expect_units(
      "Transkript\n"
      "1 Referat fra mødet i Teknik- og Miljøudvalget den 3. maj\n"
      "2021 kl. 16.00 i mødelokale 2 på rådhuset i Lindholt, hvor\n"
      "alle medlemmer var til stede.\n"
      "\n"
      "2 1. Godkendelse af dagsorden Dagsordenen blev godkendt uden\n"
      "bemærkninger fra udvalgets medlemmer. 2. Ny busrute til\n"
      "Skovparken Udvalget godkendte forslaget.\n"
      "Slut.\n",
      "1|Referat fra mødet i Teknik- og Miljøudvalget den 3. maj 2021 kl. 16.00 i mødelokale 2 "
      "på rådhuset i Lindholt, hvor alle medlemmer var til stede.\n"
      "2|1. Godkendelse af dagsorden Dagsordenen blev godkendt uden bemærkninger fra udvalgets "
      "medlemmer. 2. Ny busrute til Skovparken Udvalget godkendte forslaget.\nSlut.\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_lost_page_is_reported) {
  run out = expect_units("Transkript\n1 Forside\n3 Side tre\n", "1|Forside\n3|Side tre\n");
  ck_assert_uint_eq(out.report.diagnostic_count, 1);
  ck_assert_str_eq(out.report.diagnostics[0].message, "transcript pages 2 to 2 are missing");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(two_pages_alike_are_not_a_running_header) {
  /* A header must stand on three pages in a row: two look-alike pages keep their text. */
  run out = expect_units("Transkript\n1 TÅRNBY KOMMUNE notat et\n2 TÅRNBY KOMMUNE notat to\n3 Andet\n",
                         "1|TÅRNBY KOMMUNE notat et\n2|TÅRNBY KOMMUNE notat to\n3|Andet\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_short_transcript_has_its_header_on_every_page_after_the_cover) {
  /* Three pages, the second blank: the two pages with text after the cover share a
   * header of three words, which is all a running header can show in so few pages. */
  run out = expect_units("Transkript\n1 Referat Ældrerådet Dato: 1. maj\n2\n"
                         "3 Ældrerådet Mødedato Side Godkendelse af referat Åben sag\n"
                         "4 Ældrerådet Mødedato Side Orientering om budget Åben sag\n",
                         "1|Referat Ældrerådet Dato: 1. maj\n2|\n"
                         "3|Godkendelse af referat Åben sag\n4|Orientering om budget Åben sag\n");
  ck_assert_uint_eq(removed(&out.report, "running_header"), 2 * 22); /* non-space characters */
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_short_transcript_needs_three_shared_words) {
  /* Two titles that begin alike ("Godkendelse af") are no header, even in a short text. */
  const char *text = "Transkript\n1 Forside\n2 Godkendelse af referat\n3 Godkendelse af regnskab\n";
  run out = expect_units(text, "1|Forside\n2|Godkendelse af referat\n3|Godkendelse af regnskab\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_header_on_two_pages_of_a_longer_transcript_is_text) {
  /* A third page with text that does not share the prefix: not every page bears it. */
  const char *text = "Transkript\n1 Forside\n2 Ældrerådet Mødedato Side et\n"
                     "3 Ældrerådet Mødedato Side to\n4 Bilag til punkt to\n";
  run out = expect_units(text, "1|Forside\n2|Ældrerådet Mødedato Side et\n"
                               "3|Ældrerådet Mødedato Side to\n4|Bilag til punkt to\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_page_number_after_the_header_is_removed) {
  /* "Byrådet 2. maj Side 12": the number right after the header keeps its distance from
   * the transcript page number from page to page, so it is a printed page number. */
  run out = expect_units("Transkript\n1 Forside\n2 Byrådet 2. maj Side 12 Punkt et\n"
                         "3 Byrådet 2. maj Side 13 12 stole\n4 Byrådet 2. maj Side 14 Punkt tre\n",
                         "1|Forside\n2|Punkt et\n3|12 stole\n4|Punkt tre\n");
  ck_assert_uint_eq(removed(&out.report, "printed_page_number"), 6);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(an_indented_transcripts_pages_are_read) {
  /* A crawled page indents every line: the page numbers stand after the indent. */
  expect_removed("    Størrelse: px\n    Transkript\n    1 Forside\n    2 Punkt et\n",
                 "1|Forside\n2|Punkt et\n", "page_number", 2);
}
END_TEST

START_TEST(a_second_transcript_numbers_its_pages_on) {
  /* Two files saved into one: the second's pages are pages, numbered on, not text of the
   * first's last page; its start marker is wrapper, and a warning says where it starts. */
  run out = expect_units("Transkript\n1 Forside\n2 Side to\n\nTranskript\n1 Anden forside\n2 Side to igen\n",
                         "1|Forside\n2|Side to\n3|Anden forside\n4|Side to igen\n");
  ck_assert_uint_eq(removed(&out.report, "wrapper"), 2 * strlen("Transkript"));
  ck_assert_uint_eq(removed(&out.report, "page_number"), 4);
  ck_assert_int_eq(out.report.pages, 4);
  ck_assert_uint_eq(out.report.diagnostic_count, 1);
  ck_assert_msg(strncmp(out.report.diagnostics[0].message, "a second transcript starts after page 2:", 40) == 0,
                "%s", out.report.diagnostics[0].message);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* Every chunk size gives UNITS, with WRAPPER characters removed as wrapper, DIAGNOSTICS
 * diagnostics and PAGES pages. */
static void expect_transcript(const char *input, const char *units, size_t wrapper,
                              size_t diagnostics, long pages) {
  run out = expect_units(input, units);
  ck_assert_uint_eq(removed(&out.report, "wrapper"), wrapper);
  ck_assert_uint_eq(out.report.diagnostic_count, diagnostics);
  ck_assert_int_eq(out.report.pages, pages);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}

START_TEST(a_start_marker_inside_the_pages_is_text) {
  /* "Transkript:" within the minutes, followed by the next page rather than a page 1,
   * starts nothing: it is the page's text, and the pages are numbered as printed. */
  expect_transcript("Transkript\n1 Forside\n2 Side to\nTranskript:\n3 Side tre\n4 Side fire\n",
                    "1|Forside\n2|Side to\nTranskript:\n3|Side tre\n4|Side fire\n",
                    strlen("Transkript"), 0, 4);
}
END_TEST

START_TEST(a_second_transcript_removes_the_wrapper_before_its_marker) {
  /* Lines between the last page and a confirmed marker are the next file's wrapper; a
   * line between the marker and page 1 stays text, after the last page's. */
  expect_transcript("Transkript\n1 Forside\n2 Side to\nDownload referat\nUdskriv\n"
                    "Transkript\n\nDato: 1. maj\n1 Anden forside\n2 Side to igen\n",
                    "1|Forside\n2|Side to\nDato: 1. maj\n3|Anden forside\n4|Side to igen\n",
                    2 * strlen("Transkript") + strlen("Downloadreferat") + strlen("Udskriv"), 1,
                    4);
}
END_TEST

START_TEST(a_second_transcript_may_have_lost_its_first_page_number) {
  /* Page numbers get lost: a marker followed by page 2 (not the next page of this
   * transcript) starts the next transcript all the same; the warnings say so and that
   * page 6 is lost. */
  expect_transcript("Transkript\n1 Forside\n2 To\n3 Tre\n4 Fire\n5 Fem\n\nTranskript\n"
                    "2 Anden side\n3 Tredje\n",
                    "1|Forside\n2|To\n3|Tre\n4|Fire\n5|Fem\n7|Anden side\n8|Tredje\n",
                    2 * strlen("Transkript"), 2, 8);
}
END_TEST

START_TEST(a_start_marker_at_the_end_is_text) {
  /* Nothing confirms a marker on the last line, with or without its newline. */
  const char *units = "1|Forside\n2|Side to\nTranskript\n";
  expect_transcript("Transkript\n1 Forside\n2 Side to\nTranskript\n", units,
                    strlen("Transkript"), 0, 2);
  expect_transcript("Transkript\n1 Forside\n2 Side to\nTranskript", units,
                    strlen("Transkript"), 0, 2);
}
END_TEST

START_TEST(a_second_transcript_after_the_related_list_is_not_removed) {
  /* The related-documents list ran to the end of a file; in two files saved as one, the
   * second's start marker ends it. */
  size_t len = strlen(TRANSCRIPT);
  char *twice = malloc(2 * len + 1);
  memcpy(twice, TRANSCRIPT, len);
  memcpy(twice + len, TRANSCRIPT, len + 1);
  run out = expect_units(twice,
                         "1|SKOVBY KOMMUNE Referat til Udvalget for Ting\n"
                         "2|Punkt et Åben sag Sagsnr.: 1/2 tekst\n"
                         "3|Andet punkt tekst\n"
                         "4|Punkt tre tekst\n"
                         "5|Bilag: 1.1. Noget fra 2015\n"
                         "6|\n"
                         "7|SKOVBY KOMMUNE Referat til Udvalget for Ting\n"
                         "8|Punkt et Åben sag Sagsnr.: 1/2 tekst\n"
                         "9|Andet punkt tekst\n"
                         "10|Punkt tre tekst\n"
                         "11|Bilag: 1.1. Noget fra 2015\n"
                         "12|\n");
  /* The second file's wrapper stands in the first's related list, and goes with it. */
  ck_assert_uint_eq(removed(&out.report, "related_documents"),
                    2 * (14 + 23 + 7 + 5 + 7) + 25 + 12 + 23 + 35);
  ck_assert_uint_eq(removed(&out.report, "wrapper"), 25 + 12 + 23 + 35 + 10 + 10);
  ck_assert_int_eq(out.report.pages, 12);
  free(twice);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* Sheets (form feeds): a header that runs into the first line of its text is removed as on
 * a transcript's pages, and the printed page number ending the text; but not the start of
 * an item's line that the pages share ("1. Punkt" on page after page). */
/* An item's label opening sheet after sheet ("Sag nr. 43", "Sag nr. 45") is no running
 * header: the number after it is no page's. */
START_TEST(an_items_label_atop_each_sheet_is_text) {
  run out = expect_units("Præstø Kommune Referat\nDagsorden\n\f\nSag nr. 41  Lokalplan\ntekst et\n\f\n"
                         "Sag nr. 43  Forslag fra O\ntekst to\n\f\nSag nr. 45  Meddelelser\ntekst tre\n\f\n",
                         "1|Præstø Kommune Referat\n1|Dagsorden\n2|Sag nr. 41 Lokalplan\n2|tekst et\n"
                         "3|Sag nr. 43 Forslag fra O\n3|tekst to\n4|Sag nr. 45 Meddelelser\n4|tekst tre\n");
  ck_assert_uint_eq(removed(&out.report, "running_header"), 0);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

START_TEST(a_sheets_header_in_its_first_line) {
  /* A form feed comes from the reader as a line of its own. */
  run out = expect_units("Udvalget for Ting d Punkt et tekst\n\f\nUdvalget for Ting d Andet punkt 2\n\f\n"
                         "Udvalget for Ting d Tredje punkt 3\n\f\nUdvalget for Ting d Fjerde punkt 4\n\f\n",
                         "1|Punkt et tekst\n2|Andet punkt\n3|Tredje punkt\n4|Fjerde punkt\n");
  ck_assert_uint_gt(removed(&out.report, "running_header"), 0);
  ck_assert_uint_eq(removed(&out.report, "printed_page_number"), 3);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
  /* A sheet of nothing but its header line. */
  out = expect_units("Vestby Kommune Referat\ntekst et\n\f\nVestby Kommune Referat\n\f\n"
                     "Vestby Kommune Referat\ntekst tre\n\f\nVestby Kommune Referat\ntekst fire\n\f\n",
                     "1|tekst et\n3|tekst tre\n4|tekst fire\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
  out = expect_units("1. Punkt et\n\f\n1. Punkt to\n\f\n1. Punkt tre\n\f\n1. Punkt fire\n\f\n",
                     "1|1. Punkt et\n2|1. Punkt to\n3|1. Punkt tre\n4|1. Punkt fire\n");
  ck_assert_uint_eq(removed(&out.report, "running_header"), 0);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* The header line atop all three sheets is furniture; the line under it on the last two
 * (a heading continuing an item) is not: the first sheet carries the header, so it is no
 * cover, and the line it lacks is the pages' text. */
START_TEST(a_line_under_the_header_that_the_first_sheet_lacks_is_text) {
  run out = expect_units("Referat\nMøder i udvalgene\ntekst et\n\f\nReferat\nBeslutning\nGodkendt.\n\f\n"
                         "Referat\nBeslutning\nUdsat.\n\f\n",
                         "1|Møder i udvalgene\n1|tekst et\n2|Beslutning\n2|Godkendt.\n3|Beslutning\n"
                         "3|Udsat.\n");
  ck_assert_uint_eq(removed(&out.report, "running_header"), 3 * 7);
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* A line that closes item after item ("Fraværende: Henrik Dal (D)"), the last line of every
 * sheet too, is the items' text where it also stands inside a sheet's body: a running
 * footer is printed at the foot only.  The footer under it stays furniture. */
START_TEST(a_line_the_items_repeat_inside_a_sheet_is_no_footer) {
  run out = expect_units("Referat\n1. Et\nGodkendt\nFraværende: Henrik Dal (D)\nSide 1 af 3\n\f\n"
                         "2. To\nUdsat\nFraværende: Henrik Dal (D)\n3. Tre\nGodkendt\n"
                         "Fraværende: Henrik Dal (D)\nSide 2 af 3\n\f\n"
                         "4. Fire\nAnbefales\nFraværende: Henrik Dal (D)\nSide 3 af 3\n\f\n",
                         "1|Referat\n1|1. Et\n1|Godkendt\n1|Fraværende: Henrik Dal (D)\n2|2. To\n"
                         "2|Udsat\n2|Fraværende: Henrik Dal (D)\n2|3. Tre\n2|Godkendt\n"
                         "2|Fraværende: Henrik Dal (D)\n3|4. Fire\n3|Anbefales\n"
                         "3|Fraværende: Henrik Dal (D)\n");
  ck_assert_uint_eq(removed(&out.report, "running_footer"), 0);
  ck_assert_uint_eq(removed(&out.report, "printed_page_number"), 3 * strlen("Side1af3"));
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
  /* a running header that a body names too ("Sagen afgøres af" / "Økonomiudvalget") stays
   * furniture: the test is a footer's */
  out = expect_units("Referat\n1. Et\nGodkendt\n\f\nØkonomiudvalget\n4. marts 2024\n2. To\nUdsat\nTekst to\n\f\n"
                     "Økonomiudvalget\n4. marts 2024\n3. Tre\nSagen afgøres af\nØkonomiudvalget\n"
                     "Godkendt\nTekst tre\n\f\nØkonomiudvalget\n4. marts 2024\n4. Fire\nGodkendt\nTekst fire\n\f\n",
                     "1|Referat\n1|1. Et\n1|Godkendt\n2|2. To\n2|Udsat\n2|Tekst to\n3|3. Tre\n"
                     "3|Sagen afgøres af\n3|Økonomiudvalget\n3|Godkendt\n3|Tekst tre\n4|4. Fire\n"
                     "4|Godkendt\n4|Tekst fire\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* A sheet's first line that ends in the sheet's own number ("Plan- og Teknikudvalget
 * 13-05-2014      Side 2") is its header, though no neighbouring sheet shows it (a short
 * document: the first sheet, the cover, has none); a line ending in another page's number
 * is text. */
START_TEST(a_header_that_prints_its_sheets_number_is_removed) {
  run out = expect_units("Referat\ntekst et\n\f\nPlan- og Teknikudvalget  13-05-2014      Side 2\n"
                         "Beslutning\nGodkendt.\n\f\n",
                         "1|Referat\n1|tekst et\n2|Beslutning\n2|Godkendt.\n");
  ck_assert_uint_eq(removed(&out.report, "running_header"), /* its characters but spaces */
                    strlen("Plan-ogTeknikudvalget13-05-2014Side2"));
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
  out = expect_units("Referat\ntekst et\n\f\nSagen er beskrevet på Side 7\nGodkendt.\n\f\n",
                     "1|Referat\n1|tekst et\n2|Sagen er beskrevet på Side 7\n2|Godkendt.\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* A bound book's edge, read by OCR as bars at the start of a left-hand page's lines (a
 * letter for one now and then) and at the end of a right-hand page's, is removed and
 * counted; a page where few lines show a bar keeps them. */
START_TEST(a_bound_books_gutter_is_removed) {
  expect_removed("|  Punkt 1. Budget\n|      Udvalget drøftede sagen.\nl      Godkendt.\n|\n|§ 2. Skolen\n\f\n"
                 "Tekst om skolen                |\nBeslutning:                    |\nVedtaget.                      |\n"
                 "                               |\n\f\n",
                 "1|Punkt 1. Budget\n1|Udvalget drøftede sagen.\n1|Godkendt.\n1|\n1|§ 2. Skolen\n"
                 "2|Tekst om skolen\n2|Beslutning:\n2|Vedtaget.\n",
                 "binding_gutter", 9);
  expect_removed("a | b\n| Note\nTekst\nMere tekst\nEndnu mere\n\f\n",
                 "1|a | b\n1|| Note\n1|Tekst\n1|Mere tekst\n1|Endnu mere\n", "binding_gutter", 0);
}
END_TEST

/* pdftotext -layout's text of a page without its form feed (an excerpt of one page): lines
 * set in columns make it read as a page is read, its table rows cell by cell. */
START_TEST(a_layout_page_without_its_form_feed_is_read_as_a_page) {
  run out = expect_units("Referat\n\n 1.     Godkendelse af       Godkendt uden          Rikke\n"
                         "        dagsorden            bemærkninger.\n\n"
                         " 2.     Budget for           Vedtaget.              Lars\n        skolen\n",
                         "0|Referat\n0|\n0|1.\n0|Godkendelse af dagsorden\n0|Godkendt uden bemærkninger.\n"
                         "0|Rikke\n0|\n0|2.\n0|Budget for skolen\n0|Vedtaget.\n0|Lars\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* A PDF's pages pasted as plain text: each page's printed number alone on its line inside
 * an item's text is removed and counted; a sentence that names a page is text. */
START_TEST(a_pasted_pages_number_alone_on_its_line_is_removed) {
  expect_removed("1. Budget\nUdvalget drøftede\nSide 2 af 9\nsagen. Se side 4.\n  Page 3 \nSide 2 af\n",
                 "0|1. Budget\n0|Udvalget drøftede\n0|sagen. Se side 4.\n0|Side 2 af\n",
                 "printed_page_number", 13);
}
END_TEST

/* Pages pasted without their breaks: the line beside a page's printed number alone that
 * holds a date ("Byrådet den 29.03.2016"), before or after it, is the page's running
 * header, removed and counted; a decision's heading dated the same way is text, and a
 * time slot is no date. */
START_TEST(a_pasted_pages_running_header_is_removed) {
  expect_removed("1. Budget\nUdvalget drøftede\nByrådet den 29.03.2016\nSide 2\nsagen.\n"
                 "Side 3\nByrådet den 29.03.2016\nGodkendt.\n",
                 "0|1. Budget\n0|Udvalget drøftede\n0|sagen.\n0|Godkendt.\n",
                 "running_header", 2 * 20);
  expect_removed("1. Budget\nBeslutning i Byrådet den 29.03.2016\nSide 2 af 3\nGodkendt.\n"
                 "Side 3 af 3\n20.30-20.40 - Orientering\n",
                 "0|1. Budget\n0|Beslutning i Byrådet den 29.03.2016\n0|Godkendt.\n"
                 "0|20.30-20.40 - Orientering\n",
                 "running_header", 0);
}
END_TEST

/* A list set with hanging indents (a web page's or Word's no-break spaces after "1." or a
 * bullet) is not a page's columns: its lines stay as they are. */
START_TEST(a_lists_hanging_indent_is_not_a_layout_page) {
  run out = expect_units("1.     Spørgetid for borgerne\n\n·      Spørgsmål skal være generelle\n"
                         "·      Ingen spørgsmål om lukkede sager\n·      Ingen navne\n",
                         "0|1.     Spørgetid for borgerne\n0|\n0|·      Spørgsmål skal være generelle\n"
                         "0|·      Ingen spørgsmål om lukkede sager\n0|·      Ingen navne\n");
  pk_buf_free(&out.units);
  pk_report_free(&out.report);
}
END_TEST

/* An item page's links to its neighbours are removed as navigation: a link under its label
 * ("Næste punkt ›" over "9. Lukket punkt"), one with its arrow ("« 7. Vejbelysning"); the
 * labels stay, and so does the item's own place under a label ("Punkt 5 af 12"). */
START_TEST(an_item_pages_links_to_its_neighbours_are_removed) {
  expect_removed("‹ Forrige punkt\nPunkt 5 af 12\nNæste punkt ›\n\n9. Lukket punkt\n"
                 "« 7. Vejbelysning\n",
                 "0|‹ Forrige punkt\n0|Punkt 5 af 12\n0|Næste punkt ›\n0|\n",
                 "navigation", strlen("9.Lukketpunkt") + strlen("«7.Vejbelysning") - 1);
}
END_TEST

static Suite *cleaner_suite(void) {
  Suite *suite = suite_create("cleaner");
  TCase *tc = tcase_create("clean");
  tcase_add_test(tc, transcript_pages_and_furniture);
  tcase_add_test(tc, an_item_pages_links_to_its_neighbours_are_removed);
  tcase_add_test(tc, plain_text_is_one_unit_per_line);
  tcase_add_test(tc, a_mails_quote_marks_are_removed_and_counted);
  tcase_add_test(tc, a_text_wrapped_at_a_width_has_its_paragraphs_joined);
  tcase_add_test(tc, a_contents_leader_wider_than_the_measure_leaves_the_text_wrapped);
  tcase_add_test(tc, a_line_that_is_not_a_page_continues_the_page);
  tcase_add_test(tc, a_transcript_broken_to_a_width_has_its_pages_joined_again);
  tcase_add_test(tc, a_lost_page_is_reported);
  tcase_add_test(tc, two_pages_alike_are_not_a_running_header);
  tcase_add_test(tc, a_short_transcript_has_its_header_on_every_page_after_the_cover);
  tcase_add_test(tc, a_short_transcript_needs_three_shared_words);
  tcase_add_test(tc, a_header_on_two_pages_of_a_longer_transcript_is_text);
  tcase_add_test(tc, a_page_number_after_the_header_is_removed);
  tcase_add_test(tc, an_indented_transcripts_pages_are_read);
  tcase_add_test(tc, a_second_transcript_numbers_its_pages_on);
  tcase_add_test(tc, a_start_marker_inside_the_pages_is_text);
  tcase_add_test(tc, a_second_transcript_removes_the_wrapper_before_its_marker);
  tcase_add_test(tc, a_second_transcript_may_have_lost_its_first_page_number);
  tcase_add_test(tc, a_start_marker_at_the_end_is_text);
  tcase_add_test(tc, a_second_transcript_after_the_related_list_is_not_removed);
  tcase_add_test(tc, a_sheets_header_in_its_first_line);
  tcase_add_test(tc, an_items_label_atop_each_sheet_is_text);
  tcase_add_test(tc, a_line_under_the_header_that_the_first_sheet_lacks_is_text);
  tcase_add_test(tc, a_header_that_prints_its_sheets_number_is_removed);
  tcase_add_test(tc, a_line_the_items_repeat_inside_a_sheet_is_no_footer);
  tcase_add_test(tc, a_bound_books_gutter_is_removed);
  tcase_add_test(tc, a_layout_page_without_its_form_feed_is_read_as_a_page);
  tcase_add_test(tc, a_lists_hanging_indent_is_not_a_layout_page);
  tcase_add_test(tc, a_pasted_pages_number_alone_on_its_line_is_removed);
  tcase_add_test(tc, a_pasted_pages_running_header_is_removed);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(cleaner_suite()); }

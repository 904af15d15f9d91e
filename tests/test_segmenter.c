/* test_segmenter.c: the whole pipeline into a recording sink: items, numbers, titles,
 * access, sections, decisions, attachments, appendices, the preamble and the document
 * fields; each case at chunk sizes 1, 2, 3, 7 and whole, which must all agree. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../output/sink.h"
#include "../util/buf.h"
#include "chunks.h"
#include "runner.h"

/* The sink writes a compact line per record into a buffer. */
static pk_buf *log_of(pk_sink *sink) { return sink->state; }

static void logf_(pk_sink *sink, const char *a, const char *b) {
  pk_buf_append_str(log_of(sink), a);
  pk_buf_append_str(log_of(sink), b ? b : "-");
}

static bool rec_document(pk_sink *sink, const pk_document *doc) {
  logf_(sink, "document kind=", doc->kind);
  logf_(sink, " municipality=", doc->municipality);
  logf_(sink, " body=", doc->body);
  logf_(sink, " date=", doc->date);
  logf_(sink, " time=", doc->time);
  logf_(sink, "\npreamble=", doc->preamble);
  pk_buf_append_str(log_of(sink), "\n");
  return true;
}

static bool rec_item(pk_sink *sink, const pk_item *item) {
  char pages[64];
  snprintf(pages, sizeof pages, " pages=%ld-%ld", item->span.first_page, item->span.last_page);
  logf_(sink, "item ", item->number);
  logf_(sink, item->number_inferred ? " (inferred) title=" : " title=", item->title);
  logf_(sink, " access=", item->access);
  logf_(sink, " case=", item->case_number);
  logf_(sink, pages, "");
  logf_(sink, "\n  header=", item->header);
  for (size_t i = 0; i < item->section_count; i++) {
    const pk_section *s = &item->sections[i];
    logf_(sink, "\n  section ", s->kind);
    logf_(sink, " [", s->heading);
    logf_(sink, "] body=", s->body);
    logf_(sink, " text=", s->text);
  }
  for (size_t i = 0; i < item->attachment_count; i++) {
    const pk_attachment *a = &item->attachments[i];
    logf_(sink, "\n  attachment ", a->number);
    logf_(sink, " ", a->title);
    logf_(sink, " ref=", a->reference);
    logf_(sink, " access=", a->access);
  }
  pk_buf_append_str(log_of(sink), "\n");
  return true;
}

static bool rec_appendix(pk_sink *sink, const pk_appendix *app) {
  logf_(sink, "appendix ", app->kind);
  logf_(sink, " item=", app->item);
  logf_(sink, " number=", app->number);
  logf_(sink, " title=", app->title);
  logf_(sink, " text=", app->text);
  pk_buf_append_str(log_of(sink), "\n");
  return true;
}

static bool rec_finish(pk_sink *sink, const pk_report *report) {
  char line[128];
  snprintf(line, sizeof line, "end items=%zu pages=%ld diagnostics=%zu\n", report->item_count,
           report->pages, report->diagnostic_count);
  pk_buf_append_str(log_of(sink), line);
  return true;
}

static void rec_destroy(pk_sink *sink) { (void)sink; }

static const pk_sink_ops RECORDER = {rec_document, rec_item, rec_appendix, rec_finish,
                                     rec_destroy};

static void feed(pk_parser *parser, const char *data, size_t len) {
  ck_assert_int_eq(pk_parser_feed(parser, data, len), PK_OK);
}

static char *parse_at(const char *input, size_t chunk) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  pk_buf log = {0};
  pk_sink sink = {.ops = &RECORDER, .out = stdout, .state = &log};
  pk_options options = {.source_name = "test"};
  pk_parser *parser = pk_parser_new(rules, &options, &sink, &err);
  ck_assert_ptr_nonnull(parser);
  FEED_IN_CHUNKS(input, strlen(input), chunk, feed, parser);
  ck_assert_int_eq(pk_parser_finish(parser), PK_OK);
  pk_parser_free(parser);
  pk_rules_free(rules);
  return pk_buf_take(&log);
}

static void expect_parse(const char *input, const char *expected) {
  for (size_t i = 0; i < CHUNK_SIZE_COUNT; i++) {
    char *got = parse_at(input, CHUNK_SIZES[i]);
    ck_assert_msg(strcmp(got, expected) == 0, "chunk size %zu:\n%s\nwant:\n%s", CHUNK_SIZES[i],
                  got, expected);
    free(got);
  }
}

/* A text that is no record: the kind other, and no item at any chunk size. */
static void expect_no_items(const char *input) {
  for (size_t i = 0; i < CHUNK_SIZE_COUNT; i++) {
    char *got = parse_at(input, CHUNK_SIZES[i]);
    ck_assert_msg(strncmp(got, "document kind=other ", 20) == 0 && !strstr(got, "\nitem ") &&
                      strstr(got, "\nend items=0 "),
                  "chunk size %zu:\n%s", CHUNK_SIZES[i], got);
    free(got);
  }
}

/* INPUT, parsed whole, holds NEEDLE in its record (or, with HOLDS false, does not). */
static void expect_holds(const char *input, const char *needle, bool holds) {
  char *got = parse_at(input, 0);
  ck_assert_msg((strstr(got, needle) != NULL) == holds, "%s", got);
  free(got);
}

/* Whether INPUT's parse holds every one of NEEDLES (NULL-ended). */
static void expect_holds_all(const char *input, const char *const *needles) {
  char *got = parse_at(input, 0);
  for (size_t i = 0; needles[i]; i++) ck_assert_msg(strstr(got, needles[i]) != NULL, "%s", got);
  free(got);
}

static const char MINUTES[] =
    "Transkript\n\n"
    "1 SKOVBY KOMMUNE Åbent referat til Kultur- og Fritidsudvalget Mødedato: Onsdag den 4. marts 2020 Mødetidspunkt: 16:30 Mødelokale: Medlemmer: Afbud:\n\n"
    "2 Kultur- og Fritidsudvalget d Godkendelse af dagsorden Åben sag Sagsnr.: 20/101 Sagsansvarlig: abc.kf Fraværende: Afbud: BESLUTNING I KULTUR- OG FRITIDSUDVALGET DEN Godkendt. 1\n\n"
    "3 Kultur- og Fritidsudvalget d Salg af grund - LUKKET SAG Lukket sag Sagsnr.: 20/102 Sagsansvarlig: abc.kf Fraværende: Afbud: 2\n\n"
    "4 Kultur- og Fritidsudvalget d Ny hal Åben sag Sagsnr.: 20/103 Sagsansvarlig: def.kf Fraværende: Afbud: RESUMÉ Hallen er gammel. ØKONOMI Det koster. INDSTILLING Forvaltningen indstiller, at hallen bygges. BILAGSFORTEGNELSE: 1 Åben Tegning af hallen 1234/20 2 Lukket Tilbud 1235/20 BESLUTNING I KULTUR- OG FRITIDSUDVALGET DEN Tiltrådt. 3\n\n"
    "5 Kultur- og Fritidsudvalget d Bilagsoversigt 3. Ny hal 1. Tegning af hallen (1234/20) 4\n\n"
    "6 Bilag: 3.1. Tegning af hallen Udvalg: Kultur- og Fritidsudvalget Mødedato: 4. marts Kl. 16:30 Adgang: Åben Bilagsnr: 1234/20\n\n"
    "7 Tegningen viser hallen.\n\n"
    "8 Bilag: 9.1. Forkert Udvalg: Kultur- og Fritidsudvalget Mødedato: 4. marts Kl. 16:30 Adgang: Åben Bilagsnr: 1/20\n";

/* A council's minutes around the item a test is about: item 1 before it, item 3 after it,
 * as written and as read. */
#define COUNCIL_ITEM_1 "Referat\nByrådet\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
#define COUNCIL_ITEM_1_READ                                                                     \
  "document kind=referat municipality=- body=Byrådet date= time=\npreamble=Referat\nByrådet\n" \
  "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"                          \
  "  header=1. Godkendelse af dagsorden\n  section decision [Beslutning] body=- text=Godkendt.\n"
#define ITEM_3_EVENTUELT "3. Eventuelt\nBeslutning\nIntet.\n"
#define ITEM_3_EVENTUELT_READ                                                                 \
  "item 3 title=Eventuelt access=- case=- pages=0-0\n  header=3. Eventuelt\n"                \
  "  section decision [Beslutning] body=- text=Intet.\nend items=3 pages=0 diagnostics=0\n"

START_TEST(minutes_in_the_sag_page_layout) {
  expect_parse(MINUTES,
      "document kind=referat municipality=Skovby Kommune body=Kultur- og Fritidsudvalget date=2020-03-04 time=16:30\n"
      "preamble=SKOVBY KOMMUNE Åbent referat til Kultur- og Fritidsudvalget Mødedato: Onsdag den 4. marts 2020 Mødetidspunkt: 16:30 Mødelokale: Medlemmer: Afbud:\n"
      "item 1 (inferred) title=Godkendelse af dagsorden access=open case=20/101 pages=2-2\n"
      "  header=Godkendelse af dagsorden Åben sag Sagsnr.: 20/101 Sagsansvarlig: abc.kf Fraværende: Afbud:\n"
      "  section decision [BESLUTNING I KULTUR- OG FRITIDSUDVALGET DEN] body=KULTUR- OG FRITIDSUDVALGET text=Godkendt.\n"
      "item 2 (inferred) title=Salg af grund - LUKKET SAG access=closed case=20/102 pages=3-3\n"
      "  header=Salg af grund - LUKKET SAG Lukket sag Sagsnr.: 20/102 Sagsansvarlig: abc.kf Fraværende: Afbud:\n"
      "item 3 (inferred) title=Ny hal access=open case=20/103 pages=4-4\n"
      "  header=Ny hal Åben sag Sagsnr.: 20/103 Sagsansvarlig: def.kf Fraværende: Afbud:\n"
      "  section summary [RESUMÉ] body=- text=Hallen er gammel.\n"
      "  section economy [ØKONOMI] body=- text=Det koster.\n"
      "  section recommendation [INDSTILLING] body=- text=Forvaltningen indstiller, at hallen bygges.\n"
      "  section attachments [BILAGSFORTEGNELSE:] body=- text=1 Åben Tegning af hallen 1234/20 2 Lukket Tilbud 1235/20\n"
      "  section decision [BESLUTNING I KULTUR- OG FRITIDSUDVALGET DEN] body=KULTUR- OG FRITIDSUDVALGET text=Tiltrådt.\n"
      "  attachment 3.1 Tegning af hallen ref=1234/20 access=open\n"
      "  attachment 3.2 Tilbud ref=1235/20 access=closed\n"
      "appendix unclassified item=- number=- title=- text=Bilagsoversigt 3. Ny hal 1. Tegning af hallen (1234/20)\n"
      "appendix attachment item=3 number=3.1 title=Tegning af hallen text=Bilag: 3.1. Tegning af hallen Udvalg: Kultur- og Fritidsudvalget Mødedato: 4. marts Kl. 16:30 Adgang: Åben Bilagsnr: 1234/20\nTegningen viser hallen.\n"
      "appendix attachment item=- number=9.1 title=Forkert text=Bilag: 9.1. Forkert Udvalg: Kultur- og Fritidsudvalget Mødedato: 4. marts Kl. 16:30 Adgang: Åben Bilagsnr: 1/20\n"
      "end items=3 pages=8 diagnostics=1\n");
}
END_TEST

START_TEST(items_start_inside_a_page) {
  /* An item rule with at=anywhere splits a page; nothing of the page is lost. */
  expect_parse("Transkript\n1 Forside Referat\n"
               "2 Side 3 01/14 Godkendelse J.nr.: a.doc ÅBEN SAG Godkendt. 02/15 Tilskud J.nr.: b.doc Indstilling: Ja.\n"
               "3 mere tekst 03/16 Eventuelt J.nr.: c.doc Intet.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Forside Referat\nSide 3\n"
               "item 01/14 title=Godkendelse access=open case=- pages=2-2\n"
               "  header=01/14 Godkendelse J.nr.: a.doc ÅBEN SAG Godkendt.\n"
               "item 02/15 title=Tilskud access=- case=- pages=2-3\n"
               "  header=02/15 Tilskud J.nr.: b.doc\n"
               "  section recommendation [Indstilling:] body=- text=Ja.\nmere tekst\n"
               "item 03/16 title=Eventuelt access=- case=- pages=3-3\n"
               "  header=03/16 Eventuelt J.nr.: c.doc Intet.\n"
               "end items=3 pages=3 diagnostics=0\n");
}
END_TEST

START_TEST(a_report_has_no_items_and_keeps_its_text) {
  expect_parse("Transkript\n1 EVALUERING af noget\n2 Indhold 1 Indledning\n3 1. Indledning Tekst.\n",
               "document kind=other municipality=- body=- date= time=\n"
               "preamble=EVALUERING af noget\nIndhold 1 Indledning\n1. Indledning Tekst.\n"
               "end items=0 pages=3 diagnostics=0\n");
}
END_TEST

START_TEST(empty_input_is_an_empty_document) {
  expect_parse("", "document kind=other municipality=- body=- date= time=\npreamble=\n"
                   "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_body_restarts_a_contents_list_without_heading) {
  /* Numbered lines with nothing between them form a contents list; entry 7 is listed out
   * of order, and group labels stand between entries.  The body starts where "1." repeats
   * the first entry: everything before it stays in the preamble.  A full stop after a
   * name ("Kommune.") joins the parts of a title.  Group labels give access to the items
   * after them; an item's own access line wins. */
  expect_parse("Referat\nØkonomiudvalget den 4. marts 2020\n\n"
               "Åbne sager\n1 Skovby Kommune. Budget 2021\n2 Nyt rådhus\n7 Sent punkt\n"
               "Lukkede sager\n3 Salg af grund\n\nÅbne sager\n\n"
               "1. Skovby Kommune. Budget 2021\nLukket - 00.01.00-A00-1-20\nSagsfremstilling\nBudgettet er lagt.\n"
               "2. Nyt rådhus\nSagsfremstilling\nRådhuset er gammelt.\nLukkede sager\n"
               "3. Salg af grund\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=Skovby Kommune body=Økonomiudvalget date=2020-03-04 time=\n"
               "preamble=Referat\nØkonomiudvalget den 4. marts 2020\n\nÅbne sager\n1 Skovby Kommune. Budget 2021\n"
               "2 Nyt rådhus\n7 Sent punkt\nLukkede sager\n3 Salg af grund\n\nÅbne sager\n"
               "item 1 title=Skovby Kommune. Budget 2021 access=closed case=- pages=0-0\n"
               "  header=1. Skovby Kommune. Budget 2021\nLukket - 00.01.00-A00-1-20\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet er lagt.\n"
               "item 2 title=Nyt rådhus access=open case=- pages=0-0\n"
               "  header=2. Nyt rådhus\n"
               "  section background [Sagsfremstilling] body=- text=Rådhuset er gammelt.\nLukkede sager\n"
               "item 3 title=Salg af grund access=closed case=- pages=0-0\n"
               "  header=3. Salg af grund\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_last_contents_entry_may_run_into_the_first_item) {
  /* "12. Eventuelt10. Godkendelse": an item glued to a word is taken only where it
   * restarts the contents list; "budget12. Anlæg" inside an item stays text. */
  expect_parse("Punkter\n10. Godkendelse af dagsorden\n11. Budget 2021\n"
               "12. Eventuelt10. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
               "11. Budget 2021\nSagsfremstilling\nPengene er sat af i budget12. Anlæg af sti\n",
               /* No title names it, but it records a decision: minutes. */
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Punkter\n10. Godkendelse af dagsorden\n11. Budget 2021\n12. Eventuelt\n"
               "item 10 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=10. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 11 title=Budget 2021 access=- case=- pages=0-0\n"
               "  header=11. Budget 2021\n"
               "  section background [Sagsfremstilling] body=- text=Pengene er sat af i budget12. Anlæg af sti\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_glued_to_a_sentence_and_inline_in_mixed_case) {
  expect_parse("Dagsorden\n\n1. Ny sti\nResume\nStien er lang.Sagsfremstilling\nStien går langs åen.\n",
               "document kind=dagsorden municipality=- body=- date= time=\n"
               "preamble=Dagsorden\n"
               "item 1 title=Ny sti access=- case=- pages=0-0\n"
               "  header=1. Ny sti\n"
               "  section summary [Resume] body=- text=Stien er lang.\n"
               "  section background [Sagsfremstilling] body=- text=Stien går langs åen.\n"
               "end items=1 pages=0 diagnostics=0\n");
  expect_parse("Transkript\n1 Referat Ældrerådet\n"
               "2 Ny bænk Åben sag Sagsnr.: 20/1 Bilag: Indstilling Forvaltningen indstiller, at bænken "
               "købes. Handicappolitik: Bænken har armlæn. Beslutninger Ældrerådet den Godkendt.\n",
               "document kind=referat municipality=- body=Ældrerådet date= time=\n"
               "preamble=Referat Ældrerådet\n"
               "item 1 (inferred) title=Ny bænk access=open case=20/1 pages=2-2\n"
               "  header=Ny bænk Åben sag Sagsnr.: 20/1 Bilag:\n"
               "  section recommendation [Indstilling] body=- text=Forvaltningen indstiller, at bænken købes.\n"
               "  section other [Handicappolitik:] body=- text=Bænken har armlæn.\n"
               "  section decision [Beslutninger Ældrerådet den] body=Ældrerådet text=Godkendt.\n"
               "end items=1 pages=2 diagnostics=0\n");
  /* Items run together inside a page list their attachments after "Bilag:". */
  expect_parse("Transkript\n1 Dagsorden 1. Godkendelse af referat Beslutning: Godkendt. 2. Valg af "
               "formand Beslutning: Anna blev valgt. 3. Orientering Resumé: Til orientering Bilag: "
               "Notat om budget\n",
               "document kind=dagsorden municipality=- body=- date= time=\n"
               "preamble=Dagsorden\n"
               "item 1 title=Godkendelse af referat access=- case=- pages=1-1\n"
               "  header=1. Godkendelse af referat\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 2 title=Valg af formand access=- case=- pages=1-1\n"
               "  header=2. Valg af formand\n"
               "  section decision [Beslutning:] body=- text=Anna blev valgt.\n"
               "item 3 title=Orientering access=- case=- pages=1-1\n"
               "  header=3. Orientering\n"
               "  section summary [Resumé:] body=- text=Til orientering\n"
               "  section attachments [Bilag:] body=- text=Notat om budget\n"
               "end items=3 pages=1 diagnostics=0\n");
}
END_TEST

START_TEST(the_municipality_is_named_in_the_text) {
  /* In the genitive, by its municipal plan, after another capitalised word. */
  expect_parse("Referat\nMødet handlede om Skovby Kommunes budget.\n",
               "document kind=referat municipality=Skovby Kommune body=- date= time=\n"
               "preamble=Referat\nMødet handlede om Skovby Kommunes budget.\n"
               "end items=0 pages=0 diagnostics=0\n");
  expect_parse("Referat\nTidsplan for Skovby Kommuneplan 2021\n",
               "document kind=referat municipality=Skovby Kommune body=- date= time=\n"
               "preamble=Referat\nTidsplan for Skovby Kommuneplan 2021\n"
               "end items=0 pages=0 diagnostics=0\n");
  expect_parse("Referat\nSekretær: Administration Skovby Kommune\n",
               "document kind=referat municipality=Skovby Kommune body=- date= time=\n"
               "preamble=Referat\nSekretær: Administration Skovby Kommune\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(metadata_the_text_lost_is_read_from_the_site_title) {
  /* The document-sharing site's title keeps the body that the transcript lost. */
  expect_parse("Referat Skatteudvalget tirsdag den 3. maj\n\nStørrelse: px\n\nTranskript\n\n"
               "1 Referat tirsdag den 3. maj 2022 Rådhuset\n",
               "document kind=referat municipality=- body=Skatteudvalget date=2022-05-03 time=\n"
               "preamble=Referat tirsdag den 3. maj 2022 Rådhuset\n"
               "end items=0 pages=1 diagnostics=0\n");
  /* The date, a blank first line of the wrapper skipped. */
  expect_parse("\n  \nReferat Skatteudvalget 3. maj 2022\nTranskript\n1 Referat Skatteudvalget Rådhuset\n",
               "document kind=referat municipality=- body=Skatteudvalget date=2022-05-03 time=\n"
               "preamble=Referat Skatteudvalget Rådhuset\n"
               "end items=0 pages=1 diagnostics=0\n");
  /* What the text gives comes first. */
  expect_parse("Referat Skatteudvalget\n\nTranskript\n\n1 Referat Ældrerådet 3. maj 2022\n",
               "document kind=referat municipality=- body=Ældrerådet date=2022-05-03 time=\n"
               "preamble=Referat Ældrerådet 3. maj 2022\n"
               "end items=0 pages=1 diagnostics=0\n");
}
END_TEST

START_TEST(a_decision_sentence_makes_minutes_of_an_untitled_page) {
  /* Indented under its heading. */
  expect_parse("Udvalgsmøde\n\n1. Ny sti\n\nBeslutning\n\n  Godkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Udvalgsmøde\n"
               "item 1 title=Ny sti access=- case=- pages=0-0\n"
               "  header=1. Ny sti\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
  /* Not a decision: a word that starts with one, and a report's history. */
  expect_parse("Punkter\n\n1. Udsattepolitik 2019-2022\n\nSagsfremstilling\nPolitikken skal fornyes.\n",
               "document kind=other municipality=- body=- date= time=\n"
               "preamble=Punkter\n"
               "item 1 title=Udsattepolitik 2019-2022 access=- case=- pages=0-0\n"
               "  header=1. Udsattepolitik 2019-2022\n"
               "  section background [Sagsfremstilling] body=- text=Politikken skal fornyes.\n"
               "end items=1 pages=0 diagnostics=0\n");
  expect_parse("Evaluering af klimatilpasning\n\nRegnvandsbassin ved Engvej: Godkendt i 2018, anlægges 2020.\n",
               "document kind=other municipality=- body=- date= time=\n"
               "preamble=Evaluering af klimatilpasning\n\n"
               "Regnvandsbassin ved Engvej: Godkendt i 2018, anlægges 2020.\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(labels_and_case_numbers_end_where_they_end) {
  /* "Udvalget for ..." is no "Udvalg" label; initials after the case number are not part
   * of it; a case number cut off after the year is none. */
  expect_parse("Udvalget for teknik og miljø\n\n1. Ny sti\nSagsnr.: 19/2484/MKJ\nSagsfremstilling\nTekst.\n"
               "2. Ny bro\nSagsnummer: 23/ Teknik\nSagsfremstilling\nTekst.\n",
               "document kind=other municipality=- body=- date= time=\n"
               "preamble=Udvalget for teknik og miljø\n"
               "item 1 title=Ny sti access=- case=19/2484 pages=0-0\n"
               "  header=1. Ny sti\nSagsnr.: 19/2484/MKJ\n"
               "  section background [Sagsfremstilling] body=- text=Tekst.\n"
               "item 2 title=Ny bro access=- case=- pages=0-0\n"
               "  header=2. Ny bro\nSagsnummer: 23/ Teknik\n"
               "  section background [Sagsfremstilling] body=- text=Tekst.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(access_in_parentheses_before_the_title) {
  /* "2. (Lukket) Title"; a committee in capitals with its article. */
  expect_parse("REFERAT\nØKONOMIUDVALGET\n\n1. (Åben) Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
               "2. (Lukket) Salg af grund\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=ØKONOMIUDVALGET date= time=\n"
               "preamble=REFERAT\nØKONOMIUDVALGET\n"
               "item 1 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=1. (Åben) Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Salg af grund access=closed case=- pages=0-0\n"
               "  header=2. (Lukket) Salg af grund\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(decision_labels_of_each_body_run_into_the_text) {
  /* A minute book's text layer: "Resume" after the KLE journal number (the case number);
   * "Beslutning" run into the first body's label; each body's label "<Body>, dd.mm.yyyy"
   * with its decision on the same line. */
  expect_parse("Byrådet 20-03-2019\nPunkt 4: Ny skolevej\n27.00.00-A00-3-19 Resume Vejen skal bygges.\n"
               "Beslutning Teknikudvalget, 02.03.2019 Anbefales.\nByrådet, 20.03.2019 Godkendt.\n",
               "document kind=referat municipality=- body=Byrådet date=2019-03-20 time=\n"
               "preamble=Byrådet 20-03-2019\n"
               "item 4 title=Ny skolevej access=- case=27.00.00-A00-3-19 pages=0-0\n"
               "  header=Punkt 4: Ny skolevej\n27.00.00-A00-3-19\n"
               "  section summary [Resume] body=- text=Vejen skal bygges.\n"
               "  section decision [Beslutning] body=- text=\n"
               "  section decision [Teknikudvalget, 02.03.2019] body=Teknikudvalget text=Anbefales.\n"
               "  section decision [Byrådet, 20.03.2019] body=Byrådet text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

/* Each deciding body's label at a line's start, with a colon, its decision on the same line,
 * under one "Beslutning:": "<Body>, <date>:" with the month in words, and the council's
 * bare name ("Byrådet:"), as a magistrate city's minutes print them.  Not a list of a
 * body's members ("Byrådet: Helle Thorsen (A), Niels Juhl (V)"). */
START_TEST(each_bodys_label_and_colon_opens_its_decision) {
  expect_parse("Byrådet\nReferat af mødet den 26. februar 2024\n\nPunkt 2. Regnskab 2023\nÅben sag\n"
               "Beslutning:\nMagistraten, 19. februar 2024: Anbefales.\n"
               "Byrådet: Godkendt som indstillet med 26 stemmer for og 3 imod (Ø).\n"
               "Fraværende: Bente Lau (F).\n\nPunkt 3. Valg til Ældrerådet\nSagsfremstilling\n"
               "Byrådet: Helle Thorsen (A), Niels Juhl (V)\nBeslutning:\nByrådet: Godkendt.\n",
               "document kind=referat municipality=- body=Byrådet date=2024-02-26 time=\n"
               "preamble=Byrådet\nReferat af mødet den 26. februar 2024\n"
               "item 2 title=Regnskab 2023 access=open case=- pages=0-0\n"
               "  header=Punkt 2. Regnskab 2023\nÅben sag\n"
               "  section decision [Beslutning:] body=- text=\n"
               "  section decision [Magistraten, 19. februar 2024:] body=Magistraten text=Anbefales.\n"
               "  section decision [Byrådet:] body=Byrådet text=Godkendt som indstillet med 26 stemmer "
               "for og 3 imod (Ø).\nFraværende: Bente Lau (F).\n"
               "item 3 title=Valg til Ældrerådet access=- case=- pages=0-0\n"
               "  header=Punkt 3. Valg til Ældrerådet\n"
               "  section background [Sagsfremstilling] body=- text=Byrådet: Helle Thorsen (A), Niels "
               "Juhl (V)\n"
               "  section decision [Beslutning:] body=- text=\n"
               "  section decision [Byrådet:] body=Byrådet text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
  /* a hearing's answers and a timeline name bodies with a colon too: no decisions */
  expect_holds("Referat\nByrådet\n\n3. Kvalitetsstandard for hjemmepleje 2025\nHøring\nÆldrerådet: Rådet "
               "anbefaler forslaget, men ønsker flere besøg om natten.\nHandicaprådet: Godkender "
               "forslaget uden bemærkninger.\nTidsplan\nByrådet: Endelig beslutning om kontrakt i "
               "juni.\nBeslutning\nUdsat til næste møde.\n",
               "  section decision [Beslutning] body=- text=Udsat til næste møde.\nend items=1", true);
}
END_TEST

/* A § 17, stk. 4 committee names itself by its paragraph: its decision's heading has the
 * body all the same. */
START_TEST(a_paragraph_committees_decision_heading) {
  expect_holds("Referat\nByrådet\n\n2. Lokalplan 1088\nBeslutning i § 17, stk. 4-udvalget for Havnen den "
               "28. oktober 2021\nUdvalget anbefaler planen vedtaget.\n",
               "section decision [Beslutning i § 17, stk. 4-udvalget for Havnen den 28. oktober 2021] "
               "body=§ 17, stk. 4-udvalget for Havnen text=Udvalget anbefaler planen vedtaget.",
               true);
}
END_TEST

START_TEST(two_items_run_together_on_a_page) {
  /* A page that starts with item 1 and runs into item 2 chooses numbered-inline; a title
   * ends before a lettered list or the item's history ("<udvalg> den <date>, pkt. N"); the
   * meeting's decision is headed "<Body>s møde <date> Punkt N:". */
  expect_parse("Transkript\n1 Referat Byrådet\n"
               "2 1. Meddelelser a) Mødet flyttes. Byrådets møde 4. maj 2020 Punkt 1: Taget til "
               "efterretning. 2. Budgetopfølgning for året Økonomiudvalget den 2. april 2020, pkt. 4 "
               "Sagen er kort.\n",
               "document kind=referat municipality=- body=Byrådet date=2020-05-04 time=\n"
               "preamble=Referat Byrådet\n"
               "item 1 title=Meddelelser access=- case=- pages=2-2\n"
               "  header=1. Meddelelser a) Mødet flyttes.\n"
               "  section decision [Byrådets møde 4. maj 2020 Punkt 1:] body=- text=Taget til efterretning.\n"
               "item 2 title=Budgetopfølgning for året access=- case=- pages=2-2\n"
               "  header=2. Budgetopfølgning for året Økonomiudvalget den 2. april 2020, pkt. 4 Sagen er kort.\n"
               "end items=2 pages=2 diagnostics=0\n");
}
END_TEST

START_TEST(a_detected_profile_does_not_shut_out_other_item_rules) {
  /* "Beslutningstema" chooses web-nr, whose items read "Nr.N - Title"; the numbered
   * lines explain the page (each is followed by its headings), so they start the items. */
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\n"
               "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
               "2. Ny hal\n\nBeslutningstema\n\nHallen er gammel.\n\nBeslutning\n\nTiltrådt.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Ny hal access=- case=- pages=0-0\n"
               "  header=2. Ny hal\n"
               "  section summary [Beslutningstema] body=- text=Hallen er gammel.\n"
               "  section decision [Beslutning] body=- text=Tiltrådt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_item_number_may_stand_on_a_line_of_its_own) {
  /* The number in a bullet, the title on the next line: an item rule that looks ahead. */
  expect_parse("Referat\n\nUdvalg: Økonomiudvalget\n"
               "  \u2022 1\n    Spørgetid\n    Sagsid.: 22/1\n\n    Beslutning\n\n    Ingen spørgsmål.\n"
               "  \u2022 2\n    Budget 2023\n    Sagsid.: 22/9\n\n    Sagsfremstilling\n\n    Budgettet er lagt.\n"
               "\n    Beslutning\n\n    Godkendt.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date= time=\n"
               "preamble=Referat\n"
               "\n"
               "Udvalg: Økonomiudvalget\n"
               "item 1 title=Spørgetid access=- case=22/1 pages=0-0\n"
               "  header=• 1\n"
               "    Spørgetid\n"
               "    Sagsid.: 22/1\n"
               "  section decision [Beslutning] body=- text=Ingen spørgsmål.\n"
               "item 2 title=Budget 2023 access=- case=22/9 pages=0-0\n"
               "  header=• 2\n"
               "    Budget 2023\n"
               "    Sagsid.: 22/9\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet er lagt.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(title_less_items_start_at_their_case_header) {
  expect_parse("Referat\nKommunalbestyrelsen\nDato: 10-10-2022\n"
               "Sagsnr.: 22/131\nBeslutning i Kommunalbestyrelsen den 10-10-2022\nGodkendt.\n"
               "Sagsnr.: 22/36\nResume\nKirkeskatten fastsættes.\nBeslutning i Kommunalbestyrelsen den 10-10-2022\nGodkendt.\n",
               "document kind=referat municipality=- body=Kommunalbestyrelsen date=2022-10-10 time=\n"
               "preamble=Referat\n"
               "Kommunalbestyrelsen\n"
               "Dato: 10-10-2022\n"
               "item 1 (inferred) title=- access=- case=22/131 pages=0-0\n"
               "  header=Sagsnr.: 22/131\n"
               "  section decision [Beslutning i Kommunalbestyrelsen den 10-10-2022] body=Kommunalbestyrelsen text=Godkendt.\n"
               "item 2 (inferred) title=- access=- case=22/36 pages=0-0\n"
               "  header=Sagsnr.: 22/36\n"
               "  section summary [Resume] body=- text=Kirkeskatten fastsættes.\n"
               "  section decision [Beslutning i Kommunalbestyrelsen den 10-10-2022] body=Kommunalbestyrelsen text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(numbered_items_of_plain_text_are_read_by_their_numbering) {
  /* No headings: each title ends in a full stop and its minutes follow in plain lines;
   * three numbers rising by one, each with text after it, are the evidence. */
  expect_parse("Referat fra Seniorrådets møde\n\nDagsorden:\n\n"
               "1.Valg af ordstyrer.\nLisbet er ordstyrer.\n\n"
               "2.Godkendelse af dagsorden.\nGodkendt med en tilføjelse.\n\n"
               "3.Meddelelser.\nIngen.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat fra Seniorrådets møde\n"
               "\n"
               "Dagsorden:\n"
               "item 1 title=Valg af ordstyrer. access=- case=- pages=0-0\n"
               "  header=1.Valg af ordstyrer.\n"
               "Lisbet er ordstyrer.\n"
               "item 2 title=Godkendelse af dagsorden. access=- case=- pages=0-0\n"
               "  header=2.Godkendelse af dagsorden.\n"
               "  section decision [] body=- text=Godkendt med en tilføjelse.\n"
               "item 3 title=Meddelelser. access=- case=- pages=0-0\n"
               "  header=3.Meddelelser.\n"
               "Ingen.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_numbered_list_on_a_news_page_is_no_item) {
  /* No kind named, no decision: the fallback profile's numbered lines are items only
   * where matter follows them. */
  expect_parse("Byrådet holder møde tirsdag den 15. september 2020 med nedenstående punkter:\n"
               "  1. Førstebehandling af budget 2021-2025\n"
               "  2. Udskiftning af motorer\n"
               "Mødet er åbent for alle.\n",
               "document kind=other municipality=- body=Byrådet date=2020-09-15 time=\n"
               "preamble=Byrådet holder møde tirsdag den 15. september 2020 med nedenstående punkter:\n"
               "  1. Førstebehandling af budget 2021-2025\n"
               "  2. Udskiftning af motorer\n"
               "Mødet er åbent for alle.\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_agenda_that_lists_its_items_only_has_none) {
  /* The list's last entry has a greeting under it, and nothing after it is an item: it is
   * the list's, as the entries before it are (an agenda's list is no items' text). */
  expect_parse("Skolebestyrelsen\nDagsorden\n1. Godkendelse af dagsorden\n2. Meddelelser\n3. Budget\n"
               "4. Eventuelt\nMed venlig hilsen\nAnne Jensen\n",
               "document kind=dagsorden municipality=- body=Skolebestyrelsen date= time=\n"
               "preamble=Skolebestyrelsen\nDagsorden\n1. Godkendelse af dagsorden\n2. Meddelelser\n"
               "3. Budget\n4. Eventuelt\nMed venlig hilsen\nAnne Jensen\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(title_less_items_are_read_by_their_template_of_headings) {
  /* No numbers, titles or case numbers: an item opens at the first heading, at a heading
   * the item already has, and at one that opens a case after the item's decision. */
  expect_parse("Kommunalbestyrelsen\nReferat 25. marts 2025 kl. 17.00\nIndhold\n"
               "Beslutning i Kommunalbestyrelsen den 25-03-2025\nDagsorden godkendt.\n"
               "Beslutningstema\nUdpegning af et medlem.\nSagsfremstilling\nEt medlem er udtrådt.\n"
               "Beslutning i Kommunalbestyrelsen den 25-03-2025\nGodkendt.\n"
               "Beslutningstema\nNy udpegning til Handicaprådet.\nSagsfremstilling\nDH indstiller.\n",
               "document kind=referat municipality=- body=Kommunalbestyrelsen date=2025-03-25 time=17:00\n"
               "preamble=Kommunalbestyrelsen\n"
               "Referat 25. marts 2025 kl. 17.00\n"
               "Indhold\n"
               "item 1 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=\n"
               "  section decision [Beslutning i Kommunalbestyrelsen den 25-03-2025] body=Kommunalbestyrelsen text=Dagsorden godkendt.\n"
               "item 2 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=\n"
               "  section summary [Beslutningstema] body=- text=Udpegning af et medlem.\n"
               "  section background [Sagsfremstilling] body=- text=Et medlem er udtrådt.\n"
               "  section decision [Beslutning i Kommunalbestyrelsen den 25-03-2025] body=Kommunalbestyrelsen text=Godkendt.\n"
               "item 3 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=\n"
               "  section summary [Beslutningstema] body=- text=Ny udpegning til Handicaprådet.\n"
               "  section background [Sagsfremstilling] body=- text=DH indstiller.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

/* How json_of hands the input over. */
typedef enum { VIA_MEMORY, VIA_STREAM, VIA_FILE } input_path;

/* A stream over INPUT: an unseekable one (fmemopen has no descriptor, so pk_parse_stream
 * treats it as a pipe and spools what exceeds PK_MEMORY_INPUT_MAX), or a regular
 * temporary file (read again after hashing). */
START_TEST(labelled_items_run_together_after_their_contents) {
  /* "Punkt N: Title" inside transcript pages: the contents page lists them (a page number
   * after each title), the body restarts the list at item 1 and holds item 2 on the same
   * page; a title ends before its access mark, and "pr. 31. juli" is no sentence. */
  expect_parse("Transkript\n1 Referat Skovby Byråd den 9. september 2024\n"
               "2 Indholdsfortegnelse Punkt 1: Godkendelse af dagsorden 3 Punkt 2: Budget pr. 31. juli 2024 3\n"
               "3 Punkt 1: Godkendelse af dagsorden Åbent punkt Sag nr.: 24/1 Beslutning: Godkendt. "
               "Punkt 2: Budget pr. 31. juli 2024 Åbent punkt Sag nr.: 24/2 Sagsfremstilling: Forbruget er lavt. "
               "Beslutning: Taget til efterretning.\n",
               "document kind=referat municipality=- body=Byråd date=2024-09-09 time=\n"
               "preamble=Referat Skovby Byråd den 9. september 2024\n"
               "Indholdsfortegnelse Punkt 1: Godkendelse af dagsorden 3 Punkt 2: Budget pr. 31. juli 2024 3\n"
               "item 1 title=Godkendelse af dagsorden access=open case=24/1 pages=3-3\n"
               "  header=Punkt 1: Godkendelse af dagsorden Åbent punkt Sag nr.: 24/1\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 2 title=Budget pr. 31. juli 2024 access=open case=24/2 pages=3-3\n"
               "  header=Punkt 2: Budget pr. 31. juli 2024 Åbent punkt Sag nr.: 24/2\n"
               "  section background [Sagsfremstilling:] body=- text=Forbruget er lavt.\n"
               "  section decision [Beslutning:] body=- text=Taget til efterretning.\n"
               "end items=2 pages=3 diagnostics=0\n");
}
END_TEST

START_TEST(an_inline_contents_list_of_a_years_numbers_is_restarted_by_the_body) {
  /* A council numbering its items through the year ("130.", "131.") in a transcript's
   * page: each contents entry's title ends at the next entry's number, three digits too,
   * and the body restarts the list at its first. */
  expect_holds_all("Skovby Kommune Referat Kommunalbestyrelsen Mødedato: 23. september 2008 "
                   "Indholdsfortegnelse 130. Budget 2009-2012, 1. behandling 131. Lokalplan 012, "
                   "endelig vedtagelse 130. Budget 2009-2012, 1. behandling Sagsfremstilling "
                   "Budgettet er i balance. Beslutning i Kommunalbestyrelsen den 23. september "
                   "2008 Oversendt til 2. behandling. 131. Lokalplan 012, endelig vedtagelse "
                   "Sagsfremstilling Planen har været i høring. Beslutning i Kommunalbestyrelsen "
                   "den 23. september 2008 Vedtaget.\n",
                   (const char *const[]){"item 130 title=Budget 2009-2012, 1. behandling access",
                                         "item 131 title=Lokalplan 012, endelig vedtagelse access",
                                         "end items=2 ", NULL});
  /* ... and a meeting system's label in capitals heads the list; an entry's access mark
   * ("Lukket punkt") is no reference to the number after it */
  expect_holds_all("UDVALG Økonomiudvalget MØDE Referat STARTTIDSPUNKT 13-06-2018 13:00:00 PUNKTER "
                   "173. Godkendelse af dagsorden 174. Personaleredegørelse 175. Salg af ejendom - "
                   "Lukket punkt 176. Salg af bygning - Lukket punkt 173. Godkendelse af dagsorden "
                   "Beslutning Økonomiudvalget den 13-06-2018 Godkendt. 174. Personaleredegørelse "
                   "Sagsfremstilling Redegørelsen beskriver personalet. Beslutning Økonomiudvalget "
                   "den 13-06-2018 Taget til efterretning.\n",
                   (const char *const[]){"item 173 title=Godkendelse af dagsorden access",
                                         "item 174 title=Personaleredegørelse access",
                                         "end items=2 ", NULL});
}
END_TEST

START_TEST(a_bare_number_and_title_before_a_dated_decision_heading_start_an_item) {
  /* A transcript of minutes with no case labels: the number has no stop, but the deciding
   * body's dated heading after the title says an item's header stands there. */
  expect_holds_all("Skovby Kommune Økonomiudvalget Referat Mødedato: 08-09-2010 Medlemmer: "
                   "Lars Thorup (V), formand, Else Bach (V) 202 Takster for dagtilbud 2011 "
                   "Beslutning Økonomiudvalget den 08-09-2010 Anbefales godkendt. For stemte: V "
                   "og C (6) Imod stemte: A (3) Fraværende: Ingen 203 Tillægsbevilling til "
                   "Skovby Idrætscenter Beslutning Økonomiudvalget den 08-09-2010 Ansøgningen "
                   "blev imødekommet med 5 stemmer mod 3. Imod stemte A. Fraværende: Ingen 204 "
                   "Kvartalsvis budgetopfølgning pr. 30. juni 2010 Beslutning Økonomiudvalget "
                   "den 08-09-2010 Taget til efterretning. Fraværende: Ingen Side 1 af 2\n",
                   (const char *const[]){
                       "item 202 title=Takster for dagtilbud 2011 access",
                       "item 203 title=Tillægsbevilling til Skovby Idrætscenter access",
                       "item 204 title=Kvartalsvis budgetopfølgning pr. 30. juni 2010 access",
                       "end items=3 ", NULL});
  /* A title run into its item's first sentence ends where that sentence's subject and verb
   * open it ("Budgetopfølgningen viser ...", "Planerne giver ..."). */
  expect_holds_all("Skovby Kommune Byrådet Beslutningsprotokol Møde den 23. juni 2011 85. Meddelelser "
                   "Borgmesteren orienterede om omfartsvejen. Beslutning i Byrådet den 23-06-2011 "
                   "Taget til efterretning. 86. Budgetopfølgning pr. 30. april 2011 "
                   "Budgetopfølgningen viser et forventet merforbrug på 8,4 mio. kr. Beslutning i "
                   "Byrådet den 23-06-2011 Godkendt. 87. Lokalplan nr. 1037, vindmøller ved Ertebølle "
                   "Planerne giver mulighed for fire vindmøller. Beslutning i Byrådet den 23-06-2011 "
                   "Godkendt. Side 1 af 3\n",
                   (const char *const[]){"item 86 title=Budgetopfølgning pr. 30. april 2011 access",
                                         "item 87 title=Lokalplan nr. 1037, vindmøller ved Ertebølle access",
                                         NULL});
  /* (review) a group's label in capitals heads no contents list; a number after "nr." or
   * "kr." ends no title; a past told with its reason is no decision; the preparing
   * committee, named by its own word, does not decide for the council */
  expect_holds_all("Referat af bestyrelsesmødet den 12. marts 2024\n\nÅBNE PUNKTER\n"
                   "1. Godkendelse af dagsorden\n\n2. Regnskab for 2023\nKassereren fremlagde "
                   "regnskabet, som blev godkendt.\n\n3. Valg af revisor\nJens Hansen blev "
                   "genvalgt.\n\nLUKKEDE PUNKTER\n4. Personalesag\nDrøftet.\n",
                   (const char *const[]){"item 1 title=Godkendelse af dagsorden", "item 4 title=Personalesag",
                                         NULL});
  expect_holds_all("Referat af Byrådets møde den 5. maj 2020\n1. Godkendelse af dagsorden Beslutning "
                   "Godkendt. 2. Lokalplan nr. 143. Boliger ved Skovvej Sagsfremstilling "
                   "Forvaltningen har udarbejdet et forslag til lokalplan. Beslutning Vedtaget. 3. "
                   "Eventuelt Beslutning Intet.\n",
                   (const char *const[]){"item 2 title=Lokalplan nr. 143. Boliger ved Skovvej access",
                                         "end items=3 ", NULL});
  expect_holds("BESLUTNINGSPROTOKOL\nMødet den 8. oktober 1985.\n\n1. Skoledistrikt\nSagen blev "
               "udsat, da udvalget på sidste møde ønskede flere oplysninger om\nelevtallet. "
               "Forvaltningen har nu indhentet oplysningerne.\nGodkendt.\n\n2. Skolemælk\n"
               "Forvaltningen orienterede om ordningen.\nTaget til efterretning.\n",
               "  section decision [] body=- text=Godkendt.\n", true);
  expect_holds("BESLUTNINGSPROTOKOL\nByrådets møde den 8. oktober 1985.\n\n1. Skoledistrikt\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole.\nEt enigt "
               "økonomiudvalg anbefalede forslaget.\nByrådet godkendte herefter forslaget med 15 "
               "stemmer mod 4.\n\n2. Skolemælk\nForvaltningen orienterede om ordningen.\n"
               "Taget til efterretning.\n",
               "  section decision [] body=- text=Byrådet godkendte herefter", true);
  /* A typewriter's label alone with the case number to its right: the title is the next
   * line, not the case number. */
  expect_holds_all("Referat\nMøde tirsdag den 24. marts 1987.\n\n"
                   "Punkt 4.                     Sagsnr. 00.01.10-A00-2-87\n"
                   "Valg af medlem til socialudvalget.\nSom nyt medlem valgtes Else Thorsen (C).\n\n"
                   "Punkt 5.                     Sagsnr. 00.01.10-A00-2-88\n"
                   "Foreløbigt regnskab for 1986.\nTil efterretning.\n",
                   (const char *const[]){
                       "item 4 title=Valg af medlem til socialudvalget. access=- case=00.01.10-A00-2-87",
                       "item 5 title=Foreløbigt regnskab for 1986. access", NULL});
  /* A council's minute book names itself "BYRÅDSPROTOKOL": minutes. */
  expect_holds("BYRÅDSPROTOKOL\nMøde tirsdag den 24. marts 1987.\n\nPunkt 4.\nValg af medlem.\n"
               "Som nyt medlem valgtes Else Thorsen (C).\n\nPunkt 5.\nRegnskab for 1986.\n"
               "Til efterretning.\n",
               "item 5 title=Regnskab for 1986. access", true);
  /* A typewritten title's journal number, its first digit read as a letter by OCR, is no
   * part of the title. */
  expect_holds("BESLUTNINGSPROTOKOL\nMødet den 8. oktober 1985.\n\n"
               "1. Skoledistrikt for Ladegårdsparken     J.nr. l7.0l.05\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole.\nGodkendt.\n\n"
               "2. Budgetopfølgning\nTaget til efterretning.\n",
               "item 1 title=Skoledistrikt for Ladegårdsparken access", true);
}
END_TEST

START_TEST(bare_items_before_the_first_with_content_are_items) {
  /* Under a contents heading, items with nothing under them are contents entries, unless
   * they number on into the first item with content and no body restarts the list. */
  expect_parse("Dagsorden - Skovby Byråd den 4. maj 2020\n\nIndholdsfortegnelse\n\n"
               "1. Godkendelse af dagsorden\n\n2. Meddelelser\n\n3. Ny hal\n\nBeslutningstema\n\n"
               "Hallen er gammel.\n\nIndstilling\n\nForvaltningen indstiller, at hallen bygges.\n",
               "document kind=dagsorden municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Dagsorden - Skovby Byråd den 4. maj 2020\n"
               "\n"
               "Indholdsfortegnelse\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "item 2 title=Meddelelser access=- case=- pages=0-0\n"
               "  header=2. Meddelelser\n"
               "item 3 title=Ny hal access=- case=- pages=0-0\n"
               "  header=3. Ny hal\n"
               "  section summary [Beslutningstema] body=- text=Hallen er gammel.\n"
               "  section recommendation [Indstilling] body=- text=Forvaltningen indstiller, at hallen bygges.\n"
               "end items=3 pages=0 diagnostics=0\n");
  /* A contents list the body restarts stays the preamble's, whatever its titles hold
   * ("2. behandling" opens a title with an ordinal). */
  expect_parse("Dagsorden - Skovby Byråd den 4. maj 2020\n\nPkt. Tekst\n\n"
               "342 Godkendelse af dagsorden\n\n343 2. behandling af budget\n\n"
               "342. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
               "343. 2. behandling af budget\n\nBeslutning\n\nVedtaget.\n",
               "document kind=dagsorden municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Dagsorden - Skovby Byråd den 4. maj 2020\n"
               "\n"
               "Pkt. Tekst\n"
               "\n"
               "342 Godkendelse af dagsorden\n"
               "\n"
               "343 2. behandling af budget\n"
               "item 342 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=342. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 343 title=2. behandling af budget access=- case=- pages=0-0\n"
               "  header=343. 2. behandling af budget\n"
               "  section decision [Beslutning] body=- text=Vedtaget.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_list_inside_an_item_goes_on_past_a_line_that_is_no_title) {
  /* "2. 30 km/t" is no title but the list's second point: "3. Grønne regnbede" is its
   * third, not item 3. */
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\n"
               "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
               "2. Trafikplan\n\nSagsfremstilling\n\nPlanen har tre dele:\n\n1. Flere cykler\n\n"
               "2. 30 km/t i bymidten\n\n3. Grønne regnbede på Torvet\n\nBeslutning\n\nAnbefales.\n\n"
               "3. Regnvandsbassin\n\nBeslutning\n\nGodkendt.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Trafikplan access=- case=- pages=0-0\n"
               "  header=2. Trafikplan\n"
               "  section background [Sagsfremstilling] body=- text=Planen har tre dele:\n"
               "\n"
               "1. Flere cykler\n"
               "\n"
               "2. 30 km/t i bymidten\n"
               "\n"
               "3. Grønne regnbede på Torvet\n"
               "  section decision [Beslutning] body=- text=Anbefales.\n"
               "item 3 title=Regnvandsbassin access=- case=- pages=0-0\n"
               "  header=3. Regnvandsbassin\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_rows_of_a_table_of_items_are_items) {
  /* Cells separated by TABs, a row an item: its number, its title, then its text. */
  expect_parse("Referat\r\nÆldrerådets møde den 2. februar 2022\r\n\r\n"
               "Pkt.\tEmne\tReferat\tAnsvarlig\r\n"
               "1.\tGodkendelse af dagsorden\tGodkendt.\t\r\n"
               "2.\tHøring: Kvalitetsstandard 2022\tRådet afgiver høringssvar:\tAase\r\n"
               "\t\t1. Rengøring hver uge.\t\r\n"
               "3.\tEventuelt\tIntet.\t\r\n",
               "document kind=referat municipality=- body=- date=2022-02-02 time=\n"
               "preamble=Referat\n"
               "Ældrerådets møde den 2. februar 2022\n"
               "\n"
               "Pkt.\tEmne\tReferat\tAnsvarlig\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1.\tGodkendelse af dagsorden\n"
               "  section decision [] body=- text=Godkendt.\n"
               "item 2 title=Høring: Kvalitetsstandard 2022 access=- case=- pages=0-0\n"
               "  header=2.\tHøring: Kvalitetsstandard 2022\tRådet afgiver høringssvar:\tAase\n"
               "\t\t1. Rengøring hver uge.\n"
               "item 3 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=3.\tEventuelt\tIntet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_labelled_item_below_the_lists_first_number_restarts_it) {
  /* A contents list in two columns, its first entry left on the heading's line: "42
   * Takster 1996" and "43 Ældretandpleje 44 ..." read as bare entries; the body's "Sag nr.
   * 41", labelled and below the list's first number, restarts it. */
  const char *doc = "RIBE AMT BESLUTNINGSPROTOKOL\nSocial- og sundhedsudvalget\n\n"
                    "Indhold:  41 Psykiatriplan 1995-98\n          42 Takster 1996\n"
                    "          43 Ældretandpleje   44 Krisecentret\n\n"
                    "Sag nr. 41  Psykiatriplan for Ribe Amt 1995-98\nForslaget indebærer udbygning.\n"
                    "Udvalgets beslutning:\nAnbefales.\n\n"
                    "Sag nr. 42  Takster for amtets plejehjem 1996\nTaksterne er beregnet.\n"
                    "Udvalgets beslutning:\nGodkendt.\n\n"
                    "Sag nr. 43  Omsorgstandpleje\nUdvalgets beslutning:\nDrøftet.\n\n"
                    "Sag nr. 44  Krisecentret\nUdvalgets beslutning:\nGodkendt.\n";
  expect_holds(doc, "item 41 title=Psykiatriplan for Ribe Amt 1995-98 ", true);
  expect_holds(doc, "item 44 title=Krisecentret ", true);
}
END_TEST

START_TEST(a_bodys_decision_dated_after_a_comma) {
  /* "Byrådets beslutning, 24. april 2013" heads the council's decision as "... den 24.
   * april 2013" does. */
  const char *doc = "Referat af møde i Byrådet\n\n1. Ændring af Styrelsesvedtægt\nÅben sag\n"
                    "Som følge af ny udvalgsstruktur ændres vedtægtens § 8.\n\n"
                    "Byrådets beslutning, 24. april 2013\nEnstemmigt vedtaget.\n";
  expect_holds(doc, "section decision [Byrådets beslutning, 24. april 2013] body=Byrådet "
                    "text=Enstemmigt vedtaget.", true);
}
END_TEST

START_TEST(a_decision_in_a_tables_last_cell) {
  /* A Word table saved as text, its "Beslutning" column after a TAB on the row's last line:
   * the cell opens the item's decision as a line would. */
  const char *doc = "Hammel Sogns Menighedsråd\nBeslutningsprotokol\n\nPkt.\tDagsorden\tBeslutning\n"
                    "1.\tGodkendelse af dagsorden\tGodkendt.\n2.\tKvartalsrapport for 3. kvartal\n"
                    "Kassereren gennemgik rapporten.\tKvartalsrapporten blev enstemmigt godkendt.\n"
                    "3.\tMeddelelser\nFormanden orienterede.\tTil efterretning.\n";
  expect_holds(doc, "section decision [] body=- text=Kvartalsrapporten blev enstemmigt godkendt.", true);
  expect_holds(doc, "section decision [] body=- text=Til efterretning.", true);
}
END_TEST

START_TEST(a_contents_entrys_page_number_may_say_side) {
  /* "Meddelelser ........ side 1": the page number after its word ends a contents entry as
   * a bare number does, so the body's "Pkt. 1." restarts the list. */
  const char *doc = "Referat af byrådets møde\n\nDagsorden:\n1. Meddelelser ............ side 1\n"
                    "2. Salg af grund .......... side 1\n3. Personalesag ........... side 2\n\n"
                    "Pkt. 1.  Meddelelser.\nBorgmesteren orienterede.\nByrådets beslutning:\n"
                    "Til efterretning.\n\nPkt. 2.  Salg af grund.\nDer er indkommet to tilbud.\n"
                    "Byrådets beslutning:\nVedtaget.\n\nPkt. 3.  Personalesag.\nBehandlet for "
                    "lukkede døre.\n";
  expect_holds(doc, "item 1 title=Meddelelser. ", true);
  expect_holds(doc, "item 3 title=Personalesag. ", true);
  expect_holds(doc, "item 3 title=Personalesag ....", false);
  /* OCR's "l" for the one after the page's word */
  char *ocr = strdup(doc);
  memcpy(strstr(ocr, "side 1"), "side l", 6);
  expect_holds(ocr, "item 1 title=Meddelelser. ", true);
  free(ocr);
}
END_TEST

START_TEST(a_contents_list_keeps_its_page_numbers_and_group_labels) {
  /* Between the entries: group labels and page numbers, the last glued to the next list's
   * heading; none of it is text of an entry, and a contents heading is no item. */
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\nÅbne punkter\n\n"
               "§ 45 Godkendelse af dagsorden\n\n5\n\n§ 46 Budget\n\n6\n\nLukkede punkter\n\n"
               "§ 47 Køb af ejendom\n\n7Indholdsfortegnelse lukket møde\n\n"
               "§ 45 Godkendelse af dagsorden\n\nBeslutning:\n\nGodkendt.\n\n"
               "§ 46 Budget\n\nØkonomiudvalgets behandling den 17. juni 2019:\n\nAnbefales.\n\n"
               "Forretningsudvalgets beslutning den 20. juni 2019\n\nGodkendt.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "\n"
               "Åbne punkter\n"
               "\n"
               "§ 45 Godkendelse af dagsorden\n"
               "\n"
               "5\n"
               "\n"
               "§ 46 Budget\n"
               "\n"
               "6\n"
               "\n"
               "Lukkede punkter\n"
               "\n"
               "§ 47 Køb af ejendom\n"
               "\n"
               "7Indholdsfortegnelse lukket møde\n"
               "item 45 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=§ 45 Godkendelse af dagsorden\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 46 title=Budget access=open case=- pages=0-0\n"
               "  header=§ 46 Budget\n"
               "  section other [Økonomiudvalgets behandling den 17. juni 2019:] body=- text=Anbefales.\n"
               "  section decision [Forretningsudvalgets beslutning den 20. juni 2019] body=Forretningsudvalget text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(items_numbered_with_a_parenthesis) {
  expect_parse("Referat af skolebestyrelsens møde den 4. maj 2020\n\n"
               "1) Godkendelse af dagsorden\nGodkendt.\n\n2) Meddelelser fra skoleleder\n"
               "Der er ansat to nye lærere.\n\n3) Evt.\nIntet.\n",
               "document kind=referat municipality=- body=- date=2020-05-04 time=\n"
               "preamble=Referat af skolebestyrelsens møde den 4. maj 2020\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1) Godkendelse af dagsorden\n"
               "  section decision [] body=- text=Godkendt.\n"
               "item 2 title=Meddelelser fra skoleleder access=- case=- pages=0-0\n"
               "  header=2) Meddelelser fra skoleleder\n"
               "Der er ansat to nye lærere.\n"
               "item 3 title=Evt. access=- case=- pages=0-0\n"
               "  header=3) Evt.\n"
               "Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

/* The same page with its items numbered "(1) Title." or "#1 Title.". */
static void expect_village_minutes(const char *first, const char *second) {
  char input[512], expected[1024];
  snprintf(input, sizeof input, "Referat fra Lokalrådets møde 18. september 2006\n\n%s Ændring af "
           "rådets retningslinier.\nFormanden ændres.\n\n%s Godkendelse af referat.\nGodkendt\n",
           first, second);
  snprintf(expected, sizeof expected,
           "document kind=referat municipality=- body=- date=2006-09-18 time=\n"
           "preamble=Referat fra Lokalrådets møde 18. september 2006\n"
           "item 1 title=Ændring af rådets retningslinier. access=- case=- pages=0-0\n"
           "  header=%s Ændring af rådets retningslinier.\nFormanden ændres.\n"
           "item 2 title=Godkendelse af referat. access=- case=- pages=0-0\n"
           "  header=%s Godkendelse af referat.\n  section decision [] body=- text=Godkendt\n"
           "end items=2 pages=0 diagnostics=0\n", first, second);
  expect_parse(input, expected);
}

/* "1 - Title." as a village council's page numbers its items, titles ending in a full stop. */
START_TEST(items_numbered_with_a_dash_and_ending_in_a_full_stop) {
  expect_village_minutes("(1)", "(2)");
  expect_village_minutes("#1", "#2");
  expect_village_minutes("## 1.", "## 2."); /* Markdown headings, too few to be Markdown */
  expect_parse("Referat fra Lokalrådets møde 18. september 2006\n\n"
               "1 - Ændring af rådets retningslinier.\nFormanden ændres til næstformanden.\n\n"
               "2 - Godkendelse af referat fra de sidste 2 møder.\nGodkendt og underskrevet\n",
               "document kind=referat municipality=- body=- date=2006-09-18 time=\n"
               "preamble=Referat fra Lokalrådets møde 18. september 2006\n"
               "item 1 title=Ændring af rådets retningslinier. access=- case=- pages=0-0\n"
               "  header=1 - Ændring af rådets retningslinier.\n"
               "Formanden ændres til næstformanden.\n"
               "item 2 title=Godkendelse af referat fra de sidste 2 møder. access=- case=- pages=0-0\n"
               "  header=2 - Godkendelse af referat fra de sidste 2 møder.\n"
               "  section decision [] body=- text=Godkendt og underskrevet\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

/* A site's menu and its breadcrumb repeat a word of the heading lexicon ("Politik"): that
 * is no template of headings opening items, and the page's one numbered item is read. */
START_TEST(a_menu_word_repeated_is_no_template_of_headings) {
  expect_parse("Forside\nPolitik\nSøg\nMenu\nIndstillinger\n\nSkovby Kommune\nForside\nPolitik\n"
               "Udvalg\n\n6. Ansøgning om dispensation fra lokalplan 27\nÅben sag\n\nBaggrund\n"
               "Ejeren søger om dispensation.\nIndstilling\nAdministrationen indstiller, at der gives "
               "afslag.\nBeslutning i Planudvalget den 13-05-2024\nGodkendt.\n",
               "document kind=referat municipality=Skovby Kommune body=Planudvalget date=2024-05-13 time=\n"
               "preamble=Forside\nPolitik\nSøg\nMenu\nIndstillinger\n\nSkovby Kommune\nForside\nPolitik\nUdvalg\n"
               "item 6 title=Ansøgning om dispensation fra lokalplan 27 access=open case=- pages=0-0\n"
               "  header=6. Ansøgning om dispensation fra lokalplan 27\nÅben sag\n"
               "  section background [Baggrund] body=- text=Ejeren søger om dispensation.\n"
               "  section recommendation [Indstilling] body=- text=Administrationen indstiller, at der gives afslag.\n"
               "  section decision [Beslutning i Planudvalget den 13-05-2024] body=Planudvalget text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

/* An export that says each item's title again on the first line under it (FirstAgenda's):
 * that line is the title's echo, in the item's header, even where it reads as a heading. */
START_TEST(a_title_said_again_under_its_item_is_no_heading) {
  expect_parse("Referat af Teknisk Udvalgs møde den 6. marts 2018\n\n1. Bemærkninger til dagsordenen\n\n"
               "Bemærkninger til dagsordenen\n\nBeslutning\nIngen.\n\n2. Økonomi\n\nØkonomi\nPunkttype\n\n"
               "Beslutning\nTaget til efterretning.\n",
               "document kind=referat municipality=- body=- date=2018-03-06 time=\n"
               "preamble=Referat af Teknisk Udvalgs møde den 6. marts 2018\n"
               "item 1 title=Bemærkninger til dagsordenen access=- case=- pages=0-0\n"
               "  header=1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n"
               "  section decision [Beslutning] body=- text=Ingen.\n"
               "item 2 title=Økonomi access=- case=- pages=0-0\n"
               "  header=2. Økonomi\n\nØkonomi\nPunkttype\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

/* Decision headings that name the body and the date, in capitals as some exports print
 * every heading ("BESLUTNING: BYRÅDET DEN 29-06-2016"). */
START_TEST(decision_headings_with_body_and_date_in_capitals) {
  expect_parse("Referat af Byrådets møde den 29. juni 2016\n\n174. Godkendelse af dagsorden\n\n"
               "SAGSGANG OG SAGSTYPE\nByrådet, beslutningssag\n\nBESLUTNING: BYRÅDET DEN 29-06-2016\n"
               "Godkendt.\n\n175. Vederlag til byrådets medlemmer\n\nBESLUTNING BYRÅDET DEN 29-06-2016\n"
               "Vedtaget.\n",
               "document kind=referat municipality=- body=Byrådet date=2016-06-29 time=\n"
               "preamble=Referat af Byrådets møde den 29. juni 2016\n"
               "item 174 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=174. Godkendelse af dagsorden\n"
               "  section other [SAGSGANG OG SAGSTYPE] body=- text=Byrådet, beslutningssag\n"
               "  section decision [BESLUTNING: BYRÅDET DEN 29-06-2016] body=BYRÅDET text=Godkendt.\n"
               "item 175 title=Vederlag til byrådets medlemmer access=- case=- pages=0-0\n"
               "  header=175. Vederlag til byrådets medlemmer\n"
               "  section decision [BESLUTNING BYRÅDET DEN 29-06-2016] body=BYRÅDET text=Vedtaget.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

/* Headings any rule reads alone on a line, run into their text after a colon; not a
 * field's value in capitals, an empty field, or the absent under a decision. */
START_TEST(headings_of_a_kind_run_into_their_text_after_a_colon) {
  expect_parse("Referat af Byrådets møde den 31. oktober 2018\n\n1. Valg af stedfortræder\n"
               "Sagsfremstilling: Et medlem har forfald i mere end en måned.\nSagsforløb: BMU - ØU - KB\n"
               "Økonomi: Sagen har ingen økonomiske konsekvenser.\nFraværende: Afbud:\n"
               "Beslutning i Byrådet den 31-10-2018: Godkendt.\nFraværende: Jens Hansen (V)\n",
               "document kind=referat municipality=- body=Byrådet date=2018-10-31 time=\n"
               "preamble=Referat af Byrådets møde den 31. oktober 2018\n"
               "item 1 title=Valg af stedfortræder access=- case=- pages=0-0\n"
               "  header=1. Valg af stedfortræder\n"
               "  section background [Sagsfremstilling:] body=- text=Et medlem har forfald i mere end en "
               "måned.\nSagsforløb: BMU - ØU - KB\n"
               "  section economy [Økonomi:] body=- text=Sagen har ingen økonomiske konsekvenser.\n"
               "Fraværende: Afbud:\n"
               "  section decision [Beslutning i Byrådet den 31-10-2018:] body=Byrådet text=Godkendt.\n"
               "Fraværende: Jens Hansen (V)\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

/* A page of short minutes whose lines ran into one: items numbered on, each title its
 * first sentence, the minutes after it (at=text: not in a transcript's pages). */
START_TEST(short_minutes_run_into_one_line_are_read_by_their_sentences) {
  expect_parse("Referat fra Lokalrådets møde 18. september 2006 1. Ændring af rådets retningslinier. "
               "Formanden ændres til næstformanden, og rådet vælger selv sin formand fremover. 2. Valg "
               "af formand. Valg: Formand Mogens Thomsen, næstformand Hans Weber og kasserer Jan Friis. "
               "3. Godkendelse af referat fra de sidste 2 møder. Godkendt og underskrevet af alle. 4. "
               "Kort drøftelse af fællesmødet den 24. august. Forskellige synspunkter blev fremført om "
               "skolen og hallen.\n",
               "document kind=referat municipality=- body=- date=2006-09-18 time=\n"
               "preamble=Referat fra Lokalrådets møde 18. september 2006\n"
               "item 1 title=Ændring af rådets retningslinier access=- case=- pages=0-0\n"
               "  header=1. Ændring af rådets retningslinier. Formanden ændres til næstformanden, og "
               "rådet vælger selv sin formand fremover.\n"
               "item 2 title=Valg af formand access=- case=- pages=0-0\n"
               "  header=2. Valg af formand. Valg: Formand Mogens Thomsen, næstformand Hans Weber og "
               "kasserer Jan Friis.\n"
               "item 3 title=Godkendelse af referat fra de sidste 2 møder access=- case=- pages=0-0\n"
               "  header=3. Godkendelse af referat fra de sidste 2 møder.\n"
               "  section decision [] body=- text=Godkendt og underskrevet af alle.\n"
               "item 4 title=Kort drøftelse af fællesmødet den 24. august access=- case=- pages=0-0\n"
               "  header=4. Kort drøftelse af fællesmødet den 24. august. Forskellige synspunkter blev "
               "fremført om skolen og hallen.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

/* A line before the items that only looks numbered higher — a date with its month in
 * capitals, a sentence after "Punkt 42," — is no item, so items 1, 2, 3 still rise. */
START_TEST(a_date_or_a_sentence_numbered_high_does_not_block_the_items) {
  static const char *const STRAY[] = {
      "12. Marts 2024", "Punkt 42, Henvendelse fra et medlem blev behandlet som punkt 2."};
  for (size_t i = 0; i < sizeof STRAY / sizeof *STRAY; i++) {
    char input[512], expected[1024];
    snprintf(input, sizeof input, "Referat\n%s\n\n1. Godkendelse af dagsorden\nGodkendt.\n\n"
             "2. Budget 2024\nBudgettet blev vedtaget.\n", STRAY[i]);
    snprintf(expected, sizeof expected,
             "document kind=referat municipality=- body=- date=%s time=\n"
             "preamble=Referat\n%s\n"
             "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
             "  header=1. Godkendelse af dagsorden\n  section decision [] body=- text=Godkendt.\n"
             "item 2 title=Budget 2024 access=- case=- pages=0-0\n"
             "  header=2. Budget 2024\n  section decision [] body=- text=Budgettet blev vedtaget.\n"
             "end items=2 pages=0 diagnostics=0\n", i == 0 ? "2024-03-12" : "", STRAY[i]);
    expect_parse(input, expected);
  }
}
END_TEST

/* The rules read words however many blanks part them (a justified line, runs of no-break
 * spaces), though they write one space. */
START_TEST(headings_read_through_runs_of_blanks) {
  expect_parse("Referat af Byrådets møde den 29. juni 2016\n\n174. Godkendelse af dagsorden\n\n"
               "Beslutning  i  Byrådet  den 29-06-2016\nGodkendt.\n",
               "document kind=referat municipality=- body=Byrådet date=2016-06-29 time=\n"
               "preamble=Referat af Byrådets møde den 29. juni 2016\n"
               "item 174 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=174. Godkendelse af dagsorden\n"
               "  section decision [Beslutning i Byrådet den 29-06-2016] body=Byrådet "
               "text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_agenda_planned_by_the_clock) {
  /* Each item opens with its time slot; a treatment after the slot is no title. */
  expect_parse("Referat af skolebestyrelsens møde den 25. marts 2019\n\n"
               "19.00-19.15 - Drøftelse\n\nSe skriftlig orientering.\n\n"
               "19.15-19.45 Godkendelse af regnskab\n\nRegnskabet blev godkendt.\n\n"
               "19.45-20.00\n\nLegeplads og arbejdslørdag.\n",
               "document kind=referat municipality=- body=- date=2019-03-25 time=\n"
               "preamble=Referat af skolebestyrelsens møde den 25. marts 2019\n"
               "item 1 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=19.00-19.15 - Drøftelse\n"
               "\n"
               "Se skriftlig orientering.\n"
               "item 2 (inferred) title=Godkendelse af regnskab access=- case=- pages=0-0\n"
               "  header=19.15-19.45 Godkendelse af regnskab\n"
               "  section decision [] body=- text=Regnskabet blev godkendt.\n"
               "item 3 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=19.45-20.00\n"
               "\n"
               "Legeplads og arbejdslørdag.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_empty_first_slot_runs_on_into_the_schedule) {
  /* A slot with nothing under it whose end is the next slot's start is the schedule's
   * first item, not a contents list's entry. */
  expect_parse("Referat fra skolebestyrelsens møde den 25. marts 2019\n\n"
               "19.00-19.15 - Drøftelse\n\n19.15-19.45 - Drøftelse\n\nSe skriftlig orientering.\n\n"
               "19.45-20.00\n\nLegeplads og arbejdslørdag.\n\n"
               "20.00-20.15 - Orientering\n\nSkolefesten bliver den 12. juni.\n",
               "document kind=referat municipality=- body=- date=2019-03-25 time=\n"
               "preamble=Referat fra skolebestyrelsens møde den 25. marts 2019\n"
               "item 1 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=19.00-19.15 - Drøftelse\n"
               "item 2 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=19.15-19.45 - Drøftelse\n\nSe skriftlig orientering.\n"
               "item 3 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=19.45-20.00\n\nLegeplads og arbejdslørdag.\n"
               "item 4 (inferred) title=- access=- case=- pages=0-0\n"
               "  header=20.00-20.15 - Orientering\n\nSkolefesten bliver den 12. juni.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_contents_entry_wrapped_at_a_line_end_is_restarted_by_the_body) {
  /* The body repeats the first entry's number and its whole title, of which the list
   * printed the start on its first line. */
  expect_parse("Handicaprådet\nOnsdag den 25-10-2017 kl. 16:15\n\nIndholdsfortegnelse:\n\n"
               "36 Høring: Forslag til lokalplan 512.18 -\nboligområde ved Møllebakken i Helsinge\n"
               "37 Hvem skal modtage årets handicappris?\n38 Forretningsorden for Handicaprådet\n\n"
               "Medlemmer:\nBente Hansen, Jonna Præst\n\n"
               "36. Høring: Forslag til lokalplan 512.18 - boligområde ved Møllebakken i Helsinge\n\n"
               "Sagsfremstilling\nHandicaprådet afgiver høringssvar.\n\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=Handicaprådet date=2017-10-25 time=16:15\n"
               "preamble=Handicaprådet\nOnsdag den 25-10-2017 kl. 16:15\n\nIndholdsfortegnelse:\n\n"
               "36 Høring: Forslag til lokalplan 512.18 -\nboligområde ved Møllebakken i Helsinge\n"
               "37 Hvem skal modtage årets handicappris?\n38 Forretningsorden for Handicaprådet\n\n"
               "Medlemmer:\nBente Hansen, Jonna Præst\n"
               "item 36 title=Høring: Forslag til lokalplan 512.18 - boligområde ved Møllebakken i "
               "Helsinge access=- case=- pages=0-0\n"
               "  header=36. Høring: Forslag til lokalplan 512.18 - boligområde ved Møllebakken i Helsinge\n"
               "  section background [Sagsfremstilling] body=- text=Handicaprådet afgiver høringssvar.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_that_end_a_line_of_other_text) {
  /* A heading at the end of a line after other text, its section on the next line; not
   * a field's value ("Sagstype Beslutning", "Punkttype: Beslutning"). */
  expect_parse("Referat\nØkonomiudvalget\nMødedato: 12. marts 2024\n\n"
               "1. Godkendelse af dagsorden\nÅbent punkt Beslutning\nGodkendt.\n\n"
               "2. Budgetopfølgning\nSagsnr.: 24/1022 Beslutningstema\n"
               "Udvalget skal godkende budgetopfølgningen. Sagstype Beslutning\n"
               "Punkttype: Beslutning\nIndstilling\n"
               "Direktionen indstiller, at budgetopfølgningen godkendes.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2024-03-12 time=\n"
               "preamble=Referat\nØkonomiudvalget\nMødedato: 12. marts 2024\n"
               "item 1 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\nÅbent punkt\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Budgetopfølgning access=- case=24/1022 pages=0-0\n"
               "  header=2. Budgetopfølgning\nSagsnr.: 24/1022\n"
               "  section summary [Beslutningstema] body=- text=Udvalget skal godkende "
               "budgetopfølgningen. Sagstype Beslutning\nPunkttype: Beslutning\n"
               "  section recommendation [Indstilling] body=- text=Direktionen indstiller, at "
               "budgetopfølgningen godkendes.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(minutes_of_an_agenda_take_its_titles) {
  /* "Ad 1." answers the agenda's "1. Title": the item has the agenda's title. */
  expect_parse("Referat fra lokalrådsmødet den 15. januar 2024\n\nDagsorden:\n"
               "1. Godkendelse af dagsorden\n2. Trafiksikkerhed på Skolevej\n3. Evt.\n\nReferat:\n\n"
               "Ad 1.\nGodkendt.\n\nAd 2.\nVi skriver til vejafdelingen.\n\nAd 3.\nIntet.\n",
               "document kind=referat municipality=- body=- date=2024-01-15 time=\n"
               "preamble=Referat fra lokalrådsmødet den 15. januar 2024\n"
               "\n"
               "Dagsorden:\n"
               "1. Godkendelse af dagsorden\n"
               "2. Trafiksikkerhed på Skolevej\n"
               "3. Evt.\n"
               "\n"
               "Referat:\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=Ad 1.\n"
               "  section decision [] body=- text=Godkendt.\n"
               "item 2 title=Trafiksikkerhed på Skolevej access=- case=- pages=0-0\n"
               "  header=Ad 2.\n"
               "Vi skriver til vejafdelingen.\n"
               "item 3 title=Evt. access=- case=- pages=0-0\n"
               "  header=Ad 3.\n"
               "Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_page_no_kind_rule_names_is_minutes_by_its_decisions) {
  /* No "Referat" or "Dagsorden" names the page; its items' decisions have text. */
  expect_parse("Handicaprådet\n\nMødet den 29. januar 2018\n\n"
               "1. Trafikplan\n\nSagsfremstilling\n\nPlanen har tre dele.\n\nBeslutning:\n\nAnbefales.\n",
               "document kind=referat municipality=- body=Handicaprådet date=2018-01-29 time=\n"
               "preamble=Handicaprådet\n"
               "\n"
               "Mødet den 29. januar 2018\n"
               "item 1 title=Trafikplan access=- case=- pages=0-0\n"
               "  header=1. Trafikplan\n"
               "  section background [Sagsfremstilling] body=- text=Planen har tre dele.\n"
               "  section decision [Beslutning:] body=- text=Anbefales.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_title_ends_before_the_case_header_it_runs_into) {
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\n"
               "1. Godkendelse af dagsorden J.nr.: A10.\n\nBeslutning\n\nGodkendt.\n\n"
               "2. Budget rammebesparelse 09/11998\n\nBeslutning\n\nVedtaget.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden J.nr.: A10.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Budget rammebesparelse access=- case=- pages=0-0\n"
               "  header=2. Budget rammebesparelse 09/11998\n"
               "  section decision [Beslutning] body=- text=Vedtaget.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_composed_from_the_lexicon) {
  /* "Sagens baggrund", "Tidsplan og videre proces": lines made only of the heading
   * lexicon's words.  "Økonomi og Strategi", a department's name in title case, and a
   * sentence of lexicon words are text. */
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\n"
               "1. Ny skole\n\nSagens baggrund\n\nSkolen er gammel.\n\nAnsvarlig\n\nØkonomi og Strategi\n\n"
               "Tidsplan og videre proces\n\nDer bygges i 2021.\n\nBeslutning\n\nGodkendt.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "item 1 title=Ny skole access=- case=- pages=0-0\n"
               "  header=1. Ny skole\n"
               "  section background [Sagens baggrund] body=- text=Skolen er gammel.\n"
               "\n"
               "Ansvarlig\n"
               "\n"
               "Økonomi og Strategi\n"
               "  section other [Tidsplan og videre proces] body=- text=Der bygges i 2021.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(short_minutes_after_a_colon_and_ad_numbers) {
  /* "1. Title: Godkendt." holds the title before the colon; "4. Lokalplan 12: Boliger
   * ved Søen", with no sentence after the colon, is a title with a colon in it.  "Ad 2.
   * Title" is a numbered title.  The two forms' rules start the items together (the
   * decoder joins them: their numbers rise as one sequence). */
  expect_parse("Referat af skolebestyrelsesmøde den 4. maj 2020\n\n"
               "1. Godkendelse af dagsorden: Godkendt.\n"
               "2. Meddelelser: Der er nyt om skolen. Vi har fået penge.\n"
               "3. Lokalplan 12: Boliger ved Søen\n\nBeslutning\n\nAnbefales.\n\n"
               "Ad 4. Eventuelt\n\nIntet.\n",
               "document kind=referat municipality=- body=- date=2020-05-04 time=\n"
               "preamble=Referat af skolebestyrelsesmøde den 4. maj 2020\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden:\n"
               "  section decision [] body=- text=Godkendt.\n"
               "item 2 title=Meddelelser access=- case=- pages=0-0\n"
               "  header=2. Meddelelser: Der er nyt om skolen. Vi har fået penge.\n"
               "item 3 title=Lokalplan 12: Boliger ved Søen access=- case=- pages=0-0\n"
               "  header=3. Lokalplan 12: Boliger ved Søen\n"
               "  section decision [Beslutning] body=- text=Anbefales.\n"
               "item 4 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=Ad 4. Eventuelt\n"
               "\n"
               "Intet.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_beside_their_text_as_pdf_raw_reads_them) {
  /* pdftotext -raw puts a template's label column on the line of its text. */
  expect_parse("Referat - Skovby Byråd den 4. maj 2020\n\n"
               "1. Ny skole\n\nBeslutningstema Byrådet skal tage stilling til en ny skole.\n"
               "Indstilling. Direktionen indstiller, at skolen bygges.\n"
               "Indstilling Til Byrådet Fra Direktionen\n"
               "Beslutning Godkendt.\n",
               "document kind=referat municipality=- body=Byråd date=2020-05-04 time=\n"
               "preamble=Referat - Skovby Byråd den 4. maj 2020\n"
               "item 1 title=Ny skole access=- case=- pages=0-0\n"
               "  header=1. Ny skole\n"
               "  section summary [Beslutningstema] body=- text=Byrådet skal tage stilling til en ny skole.\n"
               "  section recommendation [Indstilling.] body=- text=Direktionen indstiller, at skolen bygges.\n"
               "Indstilling Til Byrådet Fra Direktionen\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(ocr_misreadings_of_the_case_label) {
  /* OCR reads "J.nr.:" as "] .nr.:" (glued to the title) or "I.nr.:". */
  expect_parse("Havnsø Kommune Det Lokale Fritidsråd Referat Dato: 3. maj 2011\n"
               "12 Åbne sager: 01/14 Godkendelse af referat] .nr.: F:1.doc ÅBEN SAG Godkendt. "
               "02/15 Tilskud til sommerlejr I.nr.: F:2.doc ÅBEN SAG Beslutning: Vedtaget.\n",
               "document kind=referat municipality=Havnsø Kommune body=Det Lokale Fritidsråd date=2011-05-03 time=\n"
               "preamble=Havnsø Kommune Det Lokale Fritidsråd Referat Dato: 3. maj 2011\n"
               "12 Åbne sager:\n"
               "item 01/14 title=Godkendelse af referat access=open case=- pages=0-0\n"
               "  header=01/14 Godkendelse af referat] .nr.: F:1.doc ÅBEN SAG Godkendt.\n"
               "item 02/15 title=Tilskud til sommerlejr access=open case=- pages=0-0\n"
               "  header=02/15 Tilskud til sommerlejr I.nr.: F:2.doc ÅBEN SAG\n"
               "  section decision [Beslutning:] body=- text=Vedtaget.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_title_line_with_a_full_stop_inside_is_no_prose) {
  /* "Vejle Kommune. Budget 2015" on a line of its own is a title of two parts, not a
   * sentence run on: the body's item 4 repeats the contents list's first entry, so the
   * list (its group label and a wrapped entry between) is the preamble. */
  expect_parse("Referat\n\nIndhold:\n\nÅbne\n4. Vejle Kommune. Budget 2015\n5. Ny skole i Byen\n\n\n"
               "Orienteringssager\n6. Status på udbud\nog drift\n7. Jobcafe for ledige\n\nÅbne\n\n"
               "4. Vejle Kommune. Budget 2015\nSagsfremstilling\nBudgettet fremlægges.\n\n"
               "Beslutning\nGodkendt.\n",
               "document kind=referat municipality=Vejle Kommune body=- date= time=\n"
               "preamble=Referat\n\nIndhold:\n\nÅbne\n4. Vejle Kommune. Budget 2015\n5. Ny skole i Byen\n"
               "\n\nOrienteringssager\n6. Status på udbud\nog drift\n7. Jobcafe for ledige\n\nÅbne\n"
               "item 4 title=Vejle Kommune. Budget 2015 access=open case=- pages=0-0\n"
               "  header=4. Vejle Kommune. Budget 2015\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet fremlægges.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_heading_wrapped_before_its_item_reference_starts_no_item) {
  /* "pkt. 421:" in small letters at a line's start goes on from the decision heading
   * above it, wrapped at its comma; it is no label of item 421. */
  expect_parse("Referat\n\n12. Kommuneplan - Godkendelse\n\nIndstilling\nDirektionen indstiller, at "
               "planen godkendes.\n\nBeslutning fra Plan, Miljø og Teknik, 9. februar 2021,\npkt. 421:"
               "\n\nIndstillingen anbefales med en korrektion.\n\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=- date=2021-02-09 time=\n"
               "preamble=Referat\n"
               "item 12 title=Kommuneplan - Godkendelse access=- case=- pages=0-0\n"
               "  header=12. Kommuneplan - Godkendelse\n"
               "  section recommendation [Indstilling] body=- text=Direktionen indstiller, at planen "
               "godkendes.\n"
               "  section decision [Beslutning fra Plan, Miljø og Teknik, 9. februar 2021,] body=- "
               "text=pkt. 421:\n\nIndstillingen anbefales med en korrektion.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_glued_to_their_text_on_indented_lines) {
  /* A page's text indented as a text browser or a nested block sets it: a heading glued
   * to its first word is found after the line's blanks as well. */
  expect_parse("  Referat\n  1 : Godkendelse af dagsorden\n  Sagsnr:\n  BilagIngen bilag.\n"
               "  BeslutningGodkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1 : Godkendelse af dagsorden\n  Sagsnr:\n"
               "  section attachments [Bilag] body=- text=Ingen bilag.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(group_lines_of_a_contents_list_are_its_furniture) {
  /* "C. Sager til drøftelse/forberedelse" and a lettered "D. Orientering" between the
   * entries group them; they are no entry's text, so the body's item 1 restarts the list. */
  expect_parse("Referat\n\nA. Sager til afgørelse\nNr. 1 - Budget 2018\nNr. 2 - Ny skole\n"
               "C. Sager til drøftelse/forberedelse\nNr. 3 - Vejplan\nNr. 4 - Trafik\nD. Orientering\n"
               "Nr. 5 - Status\n\nA. Sager til afgørelse\nNr. 1 - Budget 2018\nResumé\n"
               "Budgettet fremlægges.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "\n"
               "A. Sager til afgørelse\n"
               "Nr. 1 - Budget 2018\n"
               "Nr. 2 - Ny skole\n"
               "C. Sager til drøftelse/forberedelse\n"
               "Nr. 3 - Vejplan\n"
               "Nr. 4 - Trafik\n"
               "D. Orientering\n"
               "Nr. 5 - Status\n"
               "\n"
               "A. Sager til afgørelse\n"
               "item 1 title=Budget 2018 access=- case=- pages=0-0\n"
               "  header=Nr. 1 - Budget 2018\n"
               "  section summary [Resumé] body=- text=Budgettet fremlægges.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

/* An agenda's open and closed contents lists, an entry's number, title and page number
 * each on a line of their own, the closed list's heading glued to the open one's last page
 * number. */
#define OPEN_AND_CLOSED_LISTS                                                                      \
  "Dagsorden\n\nIndholdsfortegnelse åbent møde\n\n1.\n\nGodkendelse af dagsorden\n\n3\n\n2.\n\n"       \
  "Meddelelser\n\n4Indholdsfortegnelse lukket møde\n\n3.\n\nSalg af grund (Lukket punkt)\n\n"

START_TEST(a_contents_heading_glued_to_a_page_number_explains_no_item) {
  /* "4Indholdsfortegnelse lukket møde": the open list's last page number glued to the
   * closed list's heading is no item; the body's "1." under its title is. */
  expect_parse(OPEN_AND_CLOSED_LISTS "5\n\n\n1.\nGodkendelse af dagsorden\n\nÅbent\n\nBeslutning i "
               "Forretningsudvalget fredag den 14. august 2020, pkt. 1\n\nGodkendt.\n",
               "document kind=dagsorden municipality=- body=Forretningsudvalget date=2020-08-14 time=\n"
               "preamble=" OPEN_AND_CLOSED_LISTS
               "5\n"
               "item 1 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=1.\n"
               "Godkendelse af dagsorden\n"
               "\n"
               "Åbent\n"
               "  section decision [Beslutning i Forretningsudvalget fredag den 14. august 2020, pkt. 1] body=Forretningsudvalget text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_item_page_repeats_its_entry_of_the_meetings_list) {
  /* A site's page of item 3 shows the meeting's list above it: item 3 repeats its own
   * entry, not the first, and the list is the preamble (not item 5 "Eventuelt" holding
   * item 3's text). */
  expect_parse("Økonomiudvalget\nReferat 12-03-2019\n\n1. Godkendelse af dagsorden\n2. Meddelelser\n"
               "3. Budget 2020\n4. Lokalplan 12\n5. Eventuelt\n\n3. Budget 2020\n\nSagsfremstilling\n"
               "Budgettet fremlægges.\n\nBeslutning\nGodkendt.\n\n4. Lokalplan 12\n\nBeslutning\n"
               "Godkendt.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2019-03-12 time=\n"
               "preamble=Økonomiudvalget\n"
               "Referat 12-03-2019\n"
               "\n"
               "1. Godkendelse af dagsorden\n"
               "2. Meddelelser\n"
               "3. Budget 2020\n"
               "4. Lokalplan 12\n"
               "5. Eventuelt\n"
               "item 3 title=Budget 2020 access=- case=- pages=0-0\n"
               "  header=3. Budget 2020\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet fremlægges.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 4 title=Lokalplan 12 access=- case=- pages=0-0\n"
               "  header=4. Lokalplan 12\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(headings_of_the_lexicon_in_capitals) {
  /* A template's headings printed in capitals are the same headings. */
  expect_parse("Referat\n\n1. Budget 2020\n\nDIREKTIONEN INDSTILLER,\nat budgettet godkendes.\n\n"
               "RETSREGLER OG ANDRE FORSKRIFTER\nKommunestyrelsesloven.\n\nPERSONALEMÆSSIGE "
               "KONSEKVENSER\nIngen.\n\nBEMÆRKNINGER TIL DAGSORDENEN\nIngen.\n\nBeslutning\n"
               "Godkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 1 title=Budget 2020 access=- case=- pages=0-0\n"
               "  header=1. Budget 2020\n"
               "  section recommendation [DIREKTIONEN INDSTILLER,] body=- text=at budgettet godkendes.\n"
               "  section other [RETSREGLER OG ANDRE FORSKRIFTER] body=- text=Kommunestyrelsesloven.\n"
               "  section other [PERSONALEMÆSSIGE KONSEKVENSER] body=- text=Ingen.\n"
               "  section other [BEMÆRKNINGER TIL DAGSORDENEN] body=- text=Ingen.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_transcript_run_into_one_line_with_dot_leaders) {
  /* A document-sharing site's transcript as one line: the contents list's dot leaders end
   * its titles (a full stop inside one is the title's), "Sags ID:" ends a body title, and
   * the body restarts the list at item 1. */
  expect_parse("GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 "
               "18:00 Indholdsfortegnelse 1 (Åben) Meddelelser fra formanden ........4 2 (Åben) "
               "Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse ........4 3 (Åben) "
               "Anlægsbevilling til skoler ........8 1 (Åben) Meddelelser fra formanden Sags ID: "
               "EMN-2015-01234 Resumé Borgmesteren orienterede om sommerens arrangementer. "
               "Beslutning Taget til efterretning. 2 (Åben) Lokalplan 367 for Gyldenlundsvej. "
               "Endelig vedtagelse Sags ID: EMN-2015-01235 Resumé Lokalplanen har været i høring. "
               "Indstilling Økonomiudvalget indstiller, at lokalplanen vedtages. Beslutning "
               "Godkendt. 3 (Åben) Anlægsbevilling til skoler Sags ID: EMN-2015-01236 Resumé Der "
               "søges om bevilling.\n",
               "document kind=referat municipality=Gentofte Kommune body=Kommunalbestyrelsen date=2015-08-31 time=18:00\n"
               "preamble=GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 Indholdsfortegnelse 1 (Åben) Meddelelser fra formanden ........4 2 (Åben) Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse ........4 3 (Åben) Anlægsbevilling til skoler ........8\n"
               "item 1 title=Meddelelser fra formanden access=open case=EMN-2015-01234 pages=0-0\n"
               "  header=1 (Åben) Meddelelser fra formanden Sags ID: EMN-2015-01234\n"
               "  section summary [Resumé] body=- text=Borgmesteren orienterede om sommerens arrangementer.\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "item 2 title=Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse access=open case=EMN-2015-01235 pages=0-0\n"
               "  header=2 (Åben) Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse Sags ID: EMN-2015-01235\n"
               "  section summary [Resumé] body=- text=Lokalplanen har været i høring.\n"
               "  section recommendation [Indstilling] body=- text=Økonomiudvalget indstiller, at lokalplanen vedtages.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 3 title=Anlægsbevilling til skoler access=open case=EMN-2015-01236 pages=0-0\n"
               "  header=3 (Åben) Anlægsbevilling til skoler Sags ID: EMN-2015-01236\n"
               "  section summary [Resumé] body=- text=Der søges om bevilling.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(unnumbered_items_whose_second_has_only_a_decision) {
  /* Items with no number: a title line, then headings.  The second item has only its
   * decision: under a title line after the first item's decision, it opens an item of its
   * own (not a second body's decision), and the template's headings are no items' titles. */
  expect_parse("Økonomiudvalget\nReferat 12-03-2019\n\nBudget 2020 - Beslutningssag\n\n"
               "Sagsfremstilling\nBudgettet fremlægges.\n\nBeslutning\nGodkendt.\n\n"
               "Lokalplan 12 - Orienteringssag\n\nBeslutning\nTaget til efterretning.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2019-03-12 time=\n"
               "preamble=Økonomiudvalget\n"
               "Referat 12-03-2019\n"
               "item 1 (inferred) title=Budget 2020 - Beslutningssag access=- case=- pages=0-0\n"
               "  header=Budget 2020 - Beslutningssag\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet fremlægges.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 (inferred) title=Lokalplan 12 - Orienteringssag access=- case=- pages=0-0\n"
               "  header=Lokalplan 12 - Orienteringssag\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_line_in_capitals_opening_with_a_heading_word_is_no_heading) {
  /* "VEDTAGELSE AF FORRETNINGSORDEN": a heading word beside its text needs text in small
   * letters after it ("Beslutning Godkendt."); a line all in capitals is the section's
   * own subtitle, not a decision heading "VEDTAGELSE". */
  expect_parse("Referat\n\n1. Budget\n\nSagsfremstilling\nTekst.\n\nVEDTAGELSE AF FORRETNINGSORDEN\n"
               "Bestyrelsen drøftede udkastet.\n\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 1 title=Budget access=- case=- pages=0-0\n"
               "  header=1. Budget\n"
               "  section background [Sagsfremstilling] body=- text=Tekst.\n"
               "\n"
               "VEDTAGELSE AF FORRETNINGSORDEN\n"
               "Bestyrelsen drøftede udkastet.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_contents_list_with_dot_leaders_has_no_items) {
  /* Only the contents list of a transcript run into one line, an entry's title broken
   * over a line: each entry's dot leader and page number are the list's furniture, the
   * last entry's too, so no entry is an item. */
  expect_parse("GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 "
               "Indholdsfortegnelse 1 (Åben) Meddelelser fra formanden ..........4 2 (Åben) Lokalplan "
               "367 for Gyldenlundsvej. Endelig vedtagelse .........4 3 (Åben) Høring om fredning af "
               "Hellerup Strandpark ........5 4 (Åben) Anlægsbevilling Digitalisering af folkeskoler "
               "2015 ..........8 5 (Åben) Kommissorium for\nopgaveudvalg om Ungepolitik for Gentofte "
               "Kommune.........16 6 (Åben) Kommissorium for opgav\n",
               "document kind=referat municipality=Gentofte Kommune body=Kommunalbestyrelsen date=2015-08-31 time=18:00\n"
               "preamble=GENTOFTE KOMMUNE Referat af møde i Kommunalbestyrelsen Mødetidspunkt 31-08-2015 18:00 Indholdsfortegnelse 1 (Åben) Meddelelser fra formanden ..........4 2 (Åben) Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse .........4 3 (Åben) Høring om fredning af Hellerup Strandpark ........5 4 (Åben) Anlægsbevilling Digitalisering af folkeskoler 2015 ..........8 5 (Åben) Kommissorium for\n"
               "opgaveudvalg om Ungepolitik for Gentofte Kommune.........16 6 (Åben) Kommissorium for opgav\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_page_number_over_the_bodys_first_item_is_no_item) {
  /* "52" alone, the closed list's last page number, over "Pkt. 1 Godkendelse af
   * dagsorden": a line that numbers an item itself is no title under a number line. */
  expect_parse(OPEN_AND_CLOSED_LISTS "52\n\n\nPkt. 1 Godkendelse af dagsorden\n\nÅbent\n\nBeslutning i "
               "Forretningsudvalget den 14. august 2020, pkt. 1\n\nGodkendt.\n",
               "document kind=dagsorden municipality=- body=Forretningsudvalget date=2020-08-14 time=\n"
               "preamble=" OPEN_AND_CLOSED_LISTS
               "52\n"
               "item 1 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=Pkt. 1 Godkendelse af dagsorden\n"
               "\n"
               "Åbent\n"
               "  section decision [Beslutning i Forretningsudvalget den 14. august 2020, pkt. 1] body=Forretningsudvalget text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(case_labelled_entries_under_group_labels_are_a_contents_list) {
  /* "Sag nr. 57: Title" entries under "Åbne" and "Efterretningssager": the group labels
   * are the list's furniture, no titles over case lines, and the body's "Sag nr. 57"
   * restarts the list. */
  expect_parse("Arbejdsmarkedsudvalget\nReferat\n\nÅbne\nSag nr. 57: Beskæftigelsesplan 2014\n"
               "Sag nr. 58: Mål på ungeområdet 2014-2015\n\nEfterretningssager\nSag nr. 60: "
               "Erhvervsklimaanalyser\nSag nr. 61: Resultatoversigt 2013\n\nÅbne\n\nSag nr. 57: "
               "Beskæftigelsesplan 2014\n15.20G00 - 2013/01963\n\nSagsfremstilling\nPlanen "
               "fremlægges.\n\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=Arbejdsmarkedsudvalget date= time=\n"
               "preamble=Arbejdsmarkedsudvalget\n"
               "Referat\n"
               "\n"
               "Åbne\n"
               "Sag nr. 57: Beskæftigelsesplan 2014\n"
               "Sag nr. 58: Mål på ungeområdet 2014-2015\n"
               "\n"
               "Efterretningssager\n"
               "Sag nr. 60: Erhvervsklimaanalyser\n"
               "Sag nr. 61: Resultatoversigt 2013\n"
               "\n"
               "Åbne\n"
               "item 57 title=Beskæftigelsesplan 2014 access=open case=- pages=0-0\n"
               "  header=Sag nr. 57: Beskæftigelsesplan 2014\n"
               "15.20G00 - 2013/01963\n"
               "  section background [Sagsfremstilling] body=- text=Planen fremlægges.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(items_under_a_contents_list_their_rule_does_not_read) {
  /* The list's lines ("1 Valg af mødeleder." and its page number) are no starts of the
   * rule that reads the body ("1.Valg af mødeleder."): under the contents heading with no
   * entry read yet, a line of text in capitals under a start is the item's own. */
  expect_parse("Referat fra Seniorrådets møde\n\nIndholdsfortegnelse\n\n1 Valg af mødeleder.\n3\n"
               "2 Valg af referent.\n4\n\n1.Valg af mødeleder.\nLisbet er mødeleder.\n\n2.Valg af "
               "referent.\nJørgen er referent.\n\n3.Godkendelse af dagsorden.\nGodkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat fra Seniorrådets møde\n"
               "\n"
               "Indholdsfortegnelse\n"
               "\n"
               "1 Valg af mødeleder.\n"
               "3\n"
               "2 Valg af referent.\n"
               "4\n"
               "item 1 title=Valg af mødeleder. access=- case=- pages=0-0\n"
               "  header=1.Valg af mødeleder.\n"
               "Lisbet er mødeleder.\n"
               "item 2 title=Valg af referent. access=- case=- pages=0-0\n"
               "  header=2.Valg af referent.\n"
               "Jørgen er referent.\n"
               "item 3 title=Godkendelse af dagsorden. access=- case=- pages=0-0\n"
               "  header=3.Godkendelse af dagsorden.\n"
               "  section decision [] body=- text=Godkendt.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_page_of_one_item_under_its_one_entry) {
  /* A contents list of one entry, with its dot leader and page number, over the item:
   * the item repeats the entry being read, and the entry is the preamble's. */
  expect_parse("Indholdsfortegnelse\n\n1. Spørgetid for borgerne .............................. 3\n\n"
               "1.      Spørgetid for borgerne\n\nSag 306-2009-600\n\nSagsfremstilling\n"
               "Spørgetiden er indført for at styrke nærdemokratiet.\n",
               "document kind=other municipality=- body=- date= time=\n"
               "preamble=Indholdsfortegnelse\n"
               "\n"
               "1. Spørgetid for borgerne .............................. 3\n"
               "item 1 title=Spørgetid for borgerne access=- case=- pages=0-0\n"
               "  header=1.      Spørgetid for borgerne\n"
               "\n"
               "Sag 306-2009-600\n"
               "  section background [Sagsfremstilling] body=- text=Spørgetiden er indført for at styrke nærdemokratiet.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_body_restarts_a_list_whichever_rule_reads_it) {
  /* The list's entries ending in a full stop are one rule's, the others another's: the
   * line where "1. Udpegning ..." comes again is where the body begins, so the list's last
   * entry ("4. Eventuelt") has no item matter past it, and the item is item 1. */
  expect_parse("Odense Byråd\nReferat\n\nIndholdsfortegnelse\n\n1. Udpegning af et nyt medlem til "
               "bestyrelsen for I/S Infra Service.\n2. Beretning nr. 225 vedrørende "
               "åbningsbalancen.\n3. Orientering om status på anlægsprojekter\n4. Eventuelt\n\n"
               "1. Udpegning af et nyt medlem til bestyrelsen for I/S Infra Service.\nÅbent - "
               "00.01.00A04 - 2007/34364\n\nSAGSRESUMÉ\n\nBorgmesteren foreslår et nyt medlem.\n\n"
               "BESLUTNING\n\nGodkendt.\n",
               "document kind=referat municipality=- body=Byråd date= time=\n"
               "preamble=Odense Byråd\n"
               "Referat\n"
               "\n"
               "Indholdsfortegnelse\n"
               "\n"
               "1. Udpegning af et nyt medlem til bestyrelsen for I/S Infra Service.\n"
               "2. Beretning nr. 225 vedrørende åbningsbalancen.\n"
               "3. Orientering om status på anlægsprojekter\n"
               "4. Eventuelt\n"
               "item 1 title=Udpegning af et nyt medlem til bestyrelsen for I/S Infra Service. access=- case=- pages=0-0\n"
               "  header=1. Udpegning af et nyt medlem til bestyrelsen for I/S Infra Service.\n"
               "Åbent - 00.01.00A04 - 2007/34364\n"
               "  section summary [SAGSRESUMÉ] body=- text=Borgmesteren foreslår et nyt medlem.\n"
               "  section decision [BESLUTNING] body=- text=Godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_case_line_over_a_numbered_title_heads_that_item) {
  /* "Sagsnr.: 19/01234" / "1. Godkendelse af dagsorden": the case line heads the item the
   * number starts; only in a title-less export does a case line open an item itself (not
   * "Sagsnr: 14/110" under item 2's title). */
  expect_parse("Referat\n\nSagsnr.: 19/01234\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
               "Sagsnr.: 19/01235\n2. Forslag om anlægsprojekter\n\nSagsnr: 14/110\n\nBaggrund\n"
               "Forslaget er stillet af A.\n\nBeslutning\nForslaget blev forkastet.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 1 title=Godkendelse af dagsorden access=- case=19/01234 pages=0-0\n"
               "  header=Sagsnr.: 19/01234\n"
               "1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Forslag om anlægsprojekter access=- case=19/01235 pages=0-0\n"
               "  header=Sagsnr.: 19/01235\n"
               "2. Forslag om anlægsprojekter\n"
               "\n"
               "Sagsnr: 14/110\n"
               "  section background [Baggrund] body=- text=Forslaget er stillet af A.\n"
               "  section decision [Beslutning] body=- text=Forslaget blev forkastet.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(minutes_run_on_after_their_agendas_overview) {
  /* One paragraph: the agenda's overview, then the minutes run on as sentences.  The
   * overview says where each title ends ("1. Godkendelse af dagsorden Dagsordenen blev
   * godkendt."), and that the numbers after it are the items it lists: the decoder now
   * reads the document so (it had no item).  KNOWN GAP, recorded as it is: the segmenter
   * then starts the items at the overview's entries inside the line, not at the minutes'
   * restart, so item 4 holds the minutes. */
  expect_parse("Referat af bestyrelsesmøde i Skovbo Skole torsdag den 12. marts 2019 kl. 19.00 Til "
               "stede: Anne, Bo, Carl Afbud: Dorte Dagsorden: 1. Godkendelse af dagsorden 2. "
               "Godkendelse af referat 3. Skolens økonomi 4. Eventuelt Referat: 1. Godkendelse af "
               "dagsorden Dagsordenen blev godkendt. 2. Godkendelse af referat Referatet blev "
               "godkendt uden bemærkninger. 3. Skolens økonomi Skolelederen gennemgik budgettet. "
               "Der er et mindre overskud. 4. Eventuelt Intet.\n",
               "document kind=referat municipality=- body=Skovbo Skole date=2019-03-12 time=19:00\n"
               "preamble=Referat af bestyrelsesmøde i Skovbo Skole torsdag den 12. marts 2019 kl. 19.00 Til stede: Anne, Bo, Carl Afbud: Dorte Dagsorden:\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "item 2 title=Godkendelse af referat access=- case=- pages=0-0\n"
               "  header=2. Godkendelse af referat\n"
               "item 3 title=Skolens økonomi access=- case=- pages=0-0\n"
               "  header=3. Skolens økonomi\n"
               "item 4 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=4. Eventuelt Referat: 1. Godkendelse af dagsorden Dagsordenen blev godkendt. 2. Godkendelse af referat Referatet blev godkendt uden bemærkninger. 3. Skolens økonomi Skolelederen gennemgik budgettet. Der er et mindre overskud. 4. Eventuelt Intet.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_item_after_a_numbered_list_under_a_heading_over_its_case_fields) {
  /* Item 2's attachments "1." "2." under its Bilag heading, then "3." over "Sagsnr.:": the
   * decoder, which sees the case line under it, starts item 3 there; the numbers alone
   * would carry the list on to a third entry. */
  expect_parse("Referat\n\n1. Godkendelse af dagsorden\nSagsnr.: 1-00-1-25\nBeslutning\nGodkendt.\n\n"
               "2. Akutklinik i Skibelund\nSagsnr.: 1-30-72-118-24\nBeslutning\nTiltrådt.\nBilag\n"
               "1. Skitseprojekt\n2. Notat om trafik\n\n3. Uddannelsespulje 2025\nSagsnr.: 1-15-0-20-24\n"
               "Beslutning\nTiltrådt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 1 title=Godkendelse af dagsorden access=- case=1-00-1-25 pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "Sagsnr.: 1-00-1-25\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Akutklinik i Skibelund access=- case=1-30-72-118-24 pages=0-0\n"
               "  header=2. Akutklinik i Skibelund\n"
               "Sagsnr.: 1-30-72-118-24\n"
               "  section decision [Beslutning] body=- text=Tiltrådt.\n"
               "  section attachments [Bilag] body=- text=1. Skitseprojekt\n"
               "2. Notat om trafik\n"
               "item 3 title=Uddannelsespulje 2025 access=- case=1-15-0-20-24 pages=0-0\n"
               "  header=3. Uddannelsespulje 2025\n"
               "Sagsnr.: 1-15-0-20-24\n"
               "  section decision [Beslutning] body=- text=Tiltrådt.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_list_inside_an_item_goes_on_past_the_next_items_number) {
  /* Item 1's list "1." to "4." under its decision: "2." to "4." rise above item 1 but are
   * the list's, and items 2 to 4 after it are the items; the decoder reads the list as
   * the segmenter does, not as items whose numbers rise (it read "2. Cykelstier" as item
   * 2, then dropped the real items 2 and 3 as falling, and the headings' template read
   * the page, without titles). */
  static const char text[] =
  "Referat - Teknik- og Miljøudvalget den 3. maj 2021\n\n1. Godkendelse af dagsorden\n\n"
  "Sagsfremstilling\n\nUdvalget orienteres om sagen.\n\nBeslutning i Teknik- og Miljøudvalget den 03-05-2021\n\n"
  "Godkendt.\n\nForvaltningen har set på fire forhold:\n1. Trafiksikkerhed\n2. Cykelstier\n3. Parkering\n4. Støj\n\n"
  "2. Meddelelser\n\nSagsfremstilling\n\nUdvalget orienteres om sagen.\n\n"
  "Beslutning i Teknik- og Miljøudvalget den 03-05-2021\n\nTaget til efterretning.\n\n"
  "3. Ny busrute til Skovparken\n\nIndstilling\n\nDirektøren indstiller, at busruten oprettes.\n\n"
  "Sagsfremstilling\n\nUdvalget orienteres om sagen.\n\nBeslutning i Teknik- og Miljøudvalget den 03-05-2021\n\n"
  "Godkendt.\n\n4. Eventuelt\n\nSagsfremstilling\n\nUdvalget orienteres om sagen.\n\n"
  "Beslutning i Teknik- og Miljøudvalget den 03-05-2021\n\nIntet.\n\n";
  expect_parse(text,
               "document kind=referat municipality=- body=Teknik- og Miljøudvalget date=2021-05-03 time=\n"
               "preamble=Referat - Teknik- og Miljøudvalget den 3. maj 2021\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section background [Sagsfremstilling] body=- text=Udvalget orienteres om sagen.\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-05-2021] body=Teknik- og Miljøudvalget text=Godkendt.\n"
               "\n"
               "Forvaltningen har set på fire forhold:\n"
               "1. Trafiksikkerhed\n"
               "2. Cykelstier\n"
               "3. Parkering\n"
               "4. Støj\n"
               "item 2 title=Meddelelser access=- case=- pages=0-0\n"
               "  header=2. Meddelelser\n"
               "  section background [Sagsfremstilling] body=- text=Udvalget orienteres om sagen.\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-05-2021] body=Teknik- og Miljøudvalget text=Taget til efterretning.\n"
               "item 3 title=Ny busrute til Skovparken access=- case=- pages=0-0\n"
               "  header=3. Ny busrute til Skovparken\n"
               "  section recommendation [Indstilling] body=- text=Direktøren indstiller, at busruten oprettes.\n"
               "  section background [Sagsfremstilling] body=- text=Udvalget orienteres om sagen.\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-05-2021] body=Teknik- og Miljøudvalget text=Godkendt.\n"
               "item 4 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=4. Eventuelt\n"
               "  section background [Sagsfremstilling] body=- text=Udvalget orienteres om sagen.\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-05-2021] body=Teknik- og Miljøudvalget text=Intet.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(numbered_titles_ending_in_a_stop_with_the_minute_after_them) {
  /* A parish council's minutes: "N. Title. Minute." a line each; the title is the first
   * sentence, a number inside it ("4. kvartal") is no item, and "3. Meddelelser." over
   * its list is the line. */
  expect_parse("Referat af menighedsrådsmøde den 13. marts 2024\n\n"
               "1. Godkendelse af dagsorden. Dagsordenen blev godkendt.\n\n"
               "2. Regnskab 2023. Kassereren gennemgik regnskabet. Det blev godkendt.\n\n"
               "3. Meddelelser.\na) Præsten: Der er 14 konfirmander til maj.\n\n"
               "4. Kvartalsrapport 4. kvartal. Taget til efterretning.\n\n5. Eventuelt. Intet.\n",
               "document kind=referat municipality=- body=- date=2024-03-13 time=\n"
               "preamble=Referat af menighedsrådsmøde den 13. marts 2024\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden.\n"
               "  section decision [] body=- text=Dagsordenen blev godkendt.\n"
               "item 2 title=Regnskab 2023 access=- case=- pages=0-0\n"
               "  header=2. Regnskab 2023. Kassereren gennemgik regnskabet. Det blev godkendt.\n"
               "item 3 title=Meddelelser access=- case=- pages=0-0\n"
               "  header=3. Meddelelser.\n"
               "a) Præsten: Der er 14 konfirmander til maj.\n"
               "item 4 title=Kvartalsrapport 4. kvartal access=- case=- pages=0-0\n"
               "  header=4. Kvartalsrapport 4. kvartal.\n"
               "  section decision [] body=- text=Taget til efterretning.\n"
               "item 5 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=5. Eventuelt. Intet.\n"
               "end items=5 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_page_filed_under_the_sites_minutes_is_minutes) {
  /* A club's page: its menu lists "Vedtægter" (a title word of other texts), but the
   * breadcrumb files the page under "Referater" and names a meeting. */
  expect_parse("Hjem\nNyheder\nVedtægter\nReferater\nKontakt\n"
               "Du er her: Om klubben > Referater > Bestyrelsesmøde 27. februar 2024\n"
               "Bestyrelsesmøde 27. februar 2024\n\n"
               "A. Godkendelse af referat fra 23. januar\nGodkendt uden bemærkninger.\n\n"
               "B. Økonomi\nRegnskabet viser et underskud.\nBeslutning: Regnskabet godkendt.\n\n"
               "C. Klubhuset\nDer er indhentet to tilbud.\nBeslutning: Vi søger fonde først.\n",
               "document kind=referat municipality=- body=- date=2024-02-27 time=\n"
               "preamble=Hjem\n"
               "Nyheder\n"
               "Vedtægter\n"
               "Referater\n"
               "Kontakt\n"
               "Du er her: Om klubben > Referater > Bestyrelsesmøde 27. februar 2024\n"
               "Bestyrelsesmøde 27. februar 2024\n"
               "item A title=Godkendelse af referat fra 23. januar access=- case=- pages=0-0\n"
               "  header=A. Godkendelse af referat fra 23. januar\n"
               "  section decision [] body=- text=Godkendt uden bemærkninger.\n"
               "item B title=Økonomi access=- case=- pages=0-0\n"
               "  header=B. Økonomi\n"
               "Regnskabet viser et underskud.\n"
               "  section decision [Beslutning:] body=- text=Regnskabet godkendt.\n"
               "item C title=Klubhuset access=- case=- pages=0-0\n"
               "  header=C. Klubhuset\n"
               "Der er indhentet to tilbud.\n"
               "  section decision [Beslutning:] body=- text=Vi søger fonde først.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_typed_agenda_as_ocr_read_it) {
  /* A 1983 agenda's OCR text, saved as text: its title letter-spaced on a line of its own,
   * and OCR's "l." for item 1 (repaired, counted); "83/40l" inside a case number stays. */
  expect_parse(
               "      D A G S O R D E N\n"
               "\n"
               "      til byrådets møde tirsdag den 25. oktober 1983\n"
               "\n"
               " l.    Godkendelse af dagsorden.\n"
               "       Sag nr. 83/400\n"
               "\n"
               " 2.    Meddelelser.\n"
               "       Sag nr. 83/401\n"
               "\n"
               " 3.    Budget 1984.\n"
               "       Sag nr. 83/412\n"
               "\n"
               " 4.    Salg af grund, Havnevej 9.\n"
               "       Sag nr. 83/40l\n",
               "document kind=dagsorden municipality=- body=- date=1983-10-25 time=\n"
               "preamble=D A G S O R D E N\n"
               "\n"
               "      til byrådets møde tirsdag den 25. oktober 1983\n"
               "item 1 title=Godkendelse af dagsorden. access=- case=83/400 pages=0-0\n"
               "  header=1.    Godkendelse af dagsorden.\n"
               "       Sag nr. 83/400\n"
               "item 2 title=Meddelelser. access=- case=83/401 pages=0-0\n"
               "  header=2.    Meddelelser.\n"
               "       Sag nr. 83/401\n"
               "item 3 title=Budget 1984. access=- case=83/412 pages=0-0\n"
               "  header=3.    Budget 1984.\n"
               "       Sag nr. 83/412\n"
               "item 4 title=Salg af grund, Havnevej 9. access=- case=83/40 pages=0-0\n"
               "  header=4.    Salg af grund, Havnevej 9.\n"
               "       Sag nr. 83/40l\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_closed_mark_cut_short_before_the_title) {
  /* An item page: "Pkt. 14 (L) Title", the closed mark cut short between number and title. */
  expect_parse(
               "Økonomiudvalget - Referat\n"
               "\n"
               "Mødedato: 21.08.2024\n"
               "\n"
               "Pkt. 14 (L) Salg af erhvervsgrund, Lindegårdsvej 22-24\n"
               "\n"
               "Lukket sag\n"
               "Acadre sagsnr.: 24/9917\n"
               "\n"
               "Beslutning i Økonomiudvalget den 21.08.2024\n"
               "Indstillingen blev godkendt.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2024-08-21 time=\n"
               "preamble=Økonomiudvalget - Referat\n"
               "\n"
               "Mødedato: 21.08.2024\n"
               "item 14 title=Salg af erhvervsgrund, Lindegårdsvej 22-24 access=closed case=24/9917 pages=0-0\n"
               "  header=Pkt. 14 (L) Salg af erhvervsgrund, Lindegårdsvej 22-24\n"
               "\n"
               "Lukket sag\n"
               "Acadre sagsnr.: 24/9917\n"
               "  section decision [Beslutning i Økonomiudvalget den 21.08.2024] body=Økonomiudvalget text=Indstillingen blev godkendt.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_number_over_the_year_under_the_title) {
  /* A regional committee's agenda: each title on its own line, "Sag 12/2024" under it (the
   * cases numbered over the year), then its access. */
  expect_parse(
               "DAGSORDEN\n"
               "Udvalget for Sundhedsinnovation\n"
               "\n"
               "Godkendelse af dagsorden\n"
               "Sag 11/2024\n"
               "Åben sag\n"
               "\n"
               "INDSTILLING\n"
               "Koncerndirektionen indstiller, at dagsordenen godkendes.\n"
               "\n"
               "Telemedicinsk opfølgning af patienter\n"
               "Sag 12/2024\n"
               "Åben sag\n"
               "\n"
               "INDSTILLING\n"
               "Koncerndirektionen indstiller, at opfølgningen udbredes.\n",
               "document kind=dagsorden municipality=- body=- date= time=\n"
               "preamble=DAGSORDEN\n"
               "Udvalget for Sundhedsinnovation\n"
               "item 11/2024 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=Godkendelse af dagsorden\n"
               "Sag 11/2024\n"
               "Åben sag\n"
               "  section recommendation [INDSTILLING] body=- text=Koncerndirektionen indstiller, at dagsordenen godkendes.\n"
               "item 12/2024 title=Telemedicinsk opfølgning af patienter access=open case=- pages=0-0\n"
               "  header=Telemedicinsk opfølgning af patienter\n"
               "Sag 12/2024\n"
               "Åben sag\n"
               "  section recommendation [INDSTILLING] body=- text=Koncerndirektionen indstiller, at opfølgningen udbredes.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_list_of_the_agendas_points_as_links_heads_its_entries) {
  /* "Punkter på dagsordenen" heads the points as links, each with its file's date and
   * size under it: a contents list, and the item is the one whose text follows it. */
  expect_parse(
               "Social- og Sundhedsudvalget\n"
               "Dagsorden\n"
               "Mødedato: 08.04.2025 kl. 14:00\n"
               "Punkter på dagsordenen\n"
               "1. Godkendelse af dagsorden\n"
               "Offentliggjort 03.04.2025 (PDF, 96 KB)\n"
               "2. Budgetopfølgning pr. 28. februar 2025\n"
               "Offentliggjort 03.04.2025 (PDF, 412 KB)\n"
               "3. Meddelelser\n"
               "Offentliggjort 03.04.2025 (PDF, 61 KB)\n"
               "1. Godkendelse af dagsorden\n"
               "Sagsnr.: 25/00912\n"
               "Åbent punkt\n"
               "Indstilling\n"
               "Direktøren indstiller, at dagsordenen godkendes.\n",
               "document kind=dagsorden municipality=- body=Social- og Sundhedsudvalget date=2025-04-08 time=14:00\n"
               "preamble=Social- og Sundhedsudvalget\n"
               "Dagsorden\n"
               "Mødedato: 08.04.2025 kl. 14:00\n"
               "Punkter på dagsordenen\n"
               "1. Godkendelse af dagsorden\n"
               "Offentliggjort 03.04.2025 (PDF, 96 KB)\n"
               "2. Budgetopfølgning pr. 28. februar 2025\n"
               "Offentliggjort 03.04.2025 (PDF, 412 KB)\n"
               "3. Meddelelser\n"
               "Offentliggjort 03.04.2025 (PDF, 61 KB)\n"
               "item 1 title=Godkendelse af dagsorden access=open case=25/00912 pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "Sagsnr.: 25/00912\n"
               "Åbent punkt\n"
               "  section recommendation [Indstilling] body=- text=Direktøren indstiller, at dagsordenen godkendes.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_journal_code_between_the_number_and_the_title) {
  /* "Punkt 67 - 00.01.00-A00-11-24 - Title": the journal plan's code between the item's
   * number and its title is the case number. */
  expect_parse(
               "Referat\n"
               "Kultur- og Fritidsudvalget\n"
               "\n"
               "Punkt 67 - 00.01.00-A00-11-24 - Godkendelse af dagsorden\n"
               "Åbent punkt\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "Punkt 68 - 00.30.10-Ø09-3-24 - Budgetopfølgning pr. 30. september 2024\n"
               "Åbent punkt\n"
               "Beslutning\n"
               "Taget til efterretning.\n",
               "document kind=referat municipality=- body=Kultur- og Fritidsudvalget date= time=\n"
               "preamble=Referat\n"
               "Kultur- og Fritidsudvalget\n"
               "item 67 title=Godkendelse af dagsorden access=open case=00.01.00-A00-11-24 pages=0-0\n"
               "  header=Punkt 67 - 00.01.00-A00-11-24 - Godkendelse af dagsorden\n"
               "Åbent punkt\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 68 title=Budgetopfølgning pr. 30. september 2024 access=open case=00.30.10-Ø09-3-24 pages=0-0\n"
               "  header=Punkt 68 - 00.30.10-Ø09-3-24 - Budgetopfølgning pr. 30. september 2024\n"
               "Åbent punkt\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_item_page_whose_title_a_page_title_repeats) {
  /* An item page with the decision before the case's text: the headings' template would
   * open a second item at "Sagsfremstilling", but the rule's start in the browser's page
   * title stands above the first heading (the menu's "Politik" between them heads nothing),
   * and the page's own heading repeats the title alone: the rest named meeting and site. */
  expect_parse(
               "Punkt 7. Udbud af vintertjeneste - Teknik- og Miljøudvalget 14-05-2025 - Hedeby Kommune\n"
               "Menu\n"
               "Politik\n"
               "Forside\n"
               "Politik\n"
               "Udbud af vintertjeneste\n"
               "Referat\n"
               "Punkt 7\n"
               "Åbent punkt\n"
               "Udskriv punkt\n"
               "Resumé\n"
               "Kontrakterne om snerydning udløber.\n"
               "Indstilling\n"
               "Direktøren indstiller, at vintertjenesten udbydes.\n"
               "Beslutning i Teknik- og Miljøudvalget den 14-05-2025\n"
               "Godkendt.\n"
               "Fraværende: Anders Møllgaard (C)\n"
               "Sagsfremstilling\n"
               "Kommunen har i dag seks kontrakter.\n",
               "document kind=referat municipality=Hedeby Kommune body=Teknik- og Miljøudvalget date=2025-05-14 time=\n"
               "preamble=\n"
               "item 7 title=Udbud af vintertjeneste access=- case=- pages=0-0\n"
               "  header=Punkt 7. Udbud af vintertjeneste - Teknik- og Miljøudvalget 14-05-2025 - Hedeby Kommune\n"
               "Menu\n"
               "  section other [Politik] body=- text=Forside\n"
               "  section other [Politik] body=- text=Udbud af vintertjeneste\n"
               "Referat\n"
               "Punkt 7\n"
               "Åbent punkt\n"
               "Udskriv punkt\n"
               "  section summary [Resumé] body=- text=Kontrakterne om snerydning udløber.\n"
               "  section recommendation [Indstilling] body=- text=Direktøren indstiller, at vintertjenesten udbydes.\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 14-05-2025] body=Teknik- og Miljøudvalget text=Godkendt.\n"
               "Fraværende: Anders Møllgaard (C)\n"
               "  section background [Sagsfremstilling] body=- text=Kommunen har i dag seks kontrakter.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(bullet_marks_each_point_the_template_reads) {
  /* Unnumbered points, each behind a bullet glyph, with text between some bullet lines
   * and the "Referat:" under them: the template of headings finds their items, the bullet
   * lines name them. */
  expect_parse(
               "Seniorrådet\n"
               "Referat fra mødet tirsdag 3. marts 2025 kl. 10-12\n"
               "\n"
               "•  Godkendelse af dagsorden\n"
               "Referat:   Godkendt.\n"
               "\n"
               "•  Nyt fra formanden\n"
               "Formanden har deltaget i dialogmødet med udvalget.\n"
               "Referat:\n"
               "Orienteringen blev taget til efterretning.\n"
               "\n"
               "•  Eventuelt\n"
               "Referat:   Intet.\n",
               "document kind=referat municipality=- body=Seniorrådet date=2025-03-03 time=\n"
               "preamble=Seniorrådet\n"
               "Referat fra mødet tirsdag 3. marts 2025 kl. 10-12\n"
               "item 1 (inferred) title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=•  Godkendelse af dagsorden\n"
               "  section other [Referat:] body=- text=Godkendt.\n"
               "item 2 (inferred) title=Nyt fra formanden access=- case=- pages=0-0\n"
               "  header=•  Nyt fra formanden\n"
               "Formanden har deltaget i dialogmødet med udvalget.\n"
               "  section decision [Referat:] body=- text=Orienteringen blev taget til "
               "efterretning.\n"
               "item 3 (inferred) title=Eventuelt access=- case=- pages=0-0\n"
               "  header=•  Eventuelt\n"
               "  section other [Referat:] body=- text=Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(item_page_links_to_its_neighbours_start_no_item) {
  /* An item page with its links to the items before and after it, under its text: "« 7.
   * ...", "9. Lukket punkt »", a numbered title under "‹ Forrige punkt" and "Næste punkt ›",
   * a related case at another meeting.  The cleaner removes the links as navigation: none
   * starts an item. */
  expect_parse(
               "Teknik- og Miljøudvalget\n"
               "Referat 2. april 2025\n"
               "\n"
               "8. Ny affaldsordning for sommerhuse\n"
               "\n"
               "Sagsnr.: 25/1180\n"
               "\n"
               "Sagsfremstilling\n"
               "Sommerhusene får fra 2026 samme ordning som helårshuse.\n"
               "\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "« 7. Vejbelysning i Nørreby\n"
               "9. Lukket punkt »\n"
               "\n"
               "‹ Forrige punkt\n"
               "7. Vejbelysning i Nørreby\n"
               "Næste punkt ›\n"
               "Punkt nr. 9 - Lukket punkt\n"
               "\n"
               "Relaterede sager\n"
               "Punkt 12, Byrådet 24.04.2025: Ny affaldsordning for sommerhuse\n",
               "document kind=referat municipality=- body=Teknik- og Miljøudvalget date=2025-04-02 time=\n"
               "preamble=Teknik- og Miljøudvalget\n"
               "Referat 2. april 2025\n"
               "item 8 title=Ny affaldsordning for sommerhuse access=- case=25/1180 pages=0-0\n"
               "  header=8. Ny affaldsordning for sommerhuse\n"
               "\n"
               "Sagsnr.: 25/1180\n"
               "  section background [Sagsfremstilling] body=- text=Sommerhusene får fra 2026 samme ordning som helårshuse.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "\n"
               "\n"
               "‹ Forrige punkt\n"
               "Næste punkt ›\n"
               "\n"
               "Relaterede sager\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_part_number_under_the_attachments_heading_lists_an_attachment) {
  /* "2.1 Takstblad 2026" under item 2's "Bilag:" heading lists an attachment: no item 2.1
   * (the items are "Punkt N -", the attachments numbered by the item's parts). */
  expect_parse(
               "Bestyrelsesmøde i Vestforsyning A/S, 4. marts 2025\n"
               "\n"
               "Punkt 1 - Godkendelse af dagsorden\n"
               "Beslutning:\n"
               "Godkendt.\n"
               "\n"
               "Punkt 2 - Takster 2026\n"
               "Sagsfremstilling:\n"
               "Taksterne stiger med 2 procent.\n"
               "Bilag:\n"
               "2.1 Takstblad 2026\n"
               "2.2 Notat om beregningen\n"
               "Beslutning:\n"
               "Godkendt.\n"
               "\n"
               "Punkt 3 - Eventuelt\n"
               "Intet.\n",
               "document kind=referat municipality=- body=- date=2025-03-04 time=\n"
               "preamble=Bestyrelsesmøde i Vestforsyning A/S, 4. marts 2025\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=Punkt 1 - Godkendelse af dagsorden\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 2 title=Takster 2026 access=- case=- pages=0-0\n"
               "  header=Punkt 2 - Takster 2026\n"
               "  section background [Sagsfremstilling:] body=- text=Taksterne stiger med 2 procent.\n"
               "  section attachments [Bilag:] body=- text=2.1 Takstblad 2026\n"
               "2.2 Notat om beregningen\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 3 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=Punkt 3 - Eventuelt\n"
               "Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_agenda_post_lists_its_items) {
  /* An agenda posted as its list of items under a sentence that names the meeting, no
   * contents heading over it, a closing line under the last: the entries are the items
   * (under "Dagsorden" alone they are an overview: an_agenda_that_lists_its_items_only_has_none). */
  expect_parse(
               "DAGSORDEN til landsbyrådets møde tirsdag d. 13. februar 2024 kl. 19.00.\n"
               "\n"
               "Punkt 1 - Godkendelse af dagsorden\n"
               "Punkt 2 - Godkendelse af referat fra d. 9. januar\n"
               "Punkt 3 - Nyt fra formanden\n"
               "Punkt 4 - Evt.\n"
               "\n"
               "Har du et punkt, så skriv til Hanne.\n",
               "document kind=dagsorden municipality=- body=- date=2024-02-13 time=19:00\n"
               "preamble=DAGSORDEN til landsbyrådets møde tirsdag d. 13. februar 2024 kl. 19.00.\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=Punkt 1 - Godkendelse af dagsorden\n"
               "item 2 title=Godkendelse af referat fra d. 9. januar access=- case=- pages=0-0\n"
               "  header=Punkt 2 - Godkendelse af referat fra d. 9. januar\n"
               "item 3 title=Nyt fra formanden access=- case=- pages=0-0\n"
               "  header=Punkt 3 - Nyt fra formanden\n"
               "item 4 title=Evt. access=- case=- pages=0-0\n"
               "  header=Punkt 4 - Evt.\n"
               "\n"
               "Har du et punkt, så skriv til Hanne.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_dash_before_a_small_letter_opens_the_minutes_unless_a_colon_follows) {
  /* "N. Title – minutes" a line each: the minutes may open with a small letter
   * ("fastsat til ..."); a dash before a small letter with a colon after it is the
   * title's own ("Vaskeriet - nyt bookingsystem: Vi har ..."). */
  expect_parse(
               "Referat fra bestyrelsesmøde mandag d. 8/1 2024 kl. 19.30 i klubhuset\n"
               "\n"
               "1. Godkendelse af referat – godkendt uden bemærkninger.\n"
               "2. Økonomi – MK gennemgik resultatet for 2023. Overskud på ca. 64.000 kr.\n"
               "3. Generalforsamling 2024 – fastsat til torsdag 22/2 kl. 19.00 i cafeteriet. LH skriver beretning.\n"
               "4. Vaskeriet - nyt bookingsystem: Vi har fået et tilbud. Det skal på afdelingsmødet.\n"
               "5. Næste møde – mandag 5/2 kl. 19.30.\n",
               "document kind=referat municipality=- body=- date= time=19:30\n"
               "preamble=Referat fra bestyrelsesmøde mandag d. 8/1 2024 kl. 19.30 i klubhuset\n"
               "item 1 title=Godkendelse af referat access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af referat – godkendt uden bemærkninger.\n"
               "item 2 title=Økonomi access=- case=- pages=0-0\n"
               "  header=2. Økonomi – MK gennemgik resultatet for 2023. Overskud på ca. 64.000 kr.\n"
               "item 3 title=Generalforsamling 2024 access=- case=- pages=0-0\n"
               "  header=3. Generalforsamling 2024 – fastsat til torsdag 22/2 kl. 19.00 i cafeteriet. LH skriver beretning.\n"
               "item 4 title=Vaskeriet - nyt bookingsystem access=- case=- pages=0-0\n"
               "  header=4. Vaskeriet - nyt bookingsystem: Vi har fået et tilbud. Det skal på afdelingsmødet.\n"
               "item 5 title=Næste møde access=- case=- pages=0-0\n"
               "  header=5. Næste møde – mandag 5/2 kl. 19.30.\n"
               "end items=5 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(ad_with_a_roman_numeral_answers_the_agenda) {
  /* "Ad I." ... "Ad III." after an agenda in Roman numerals: the minutes' items. */
  expect_parse(
               "Referat af ældrerådsmøde torsdag den 5. september 2024\n"
               "\n"
               "Dagsorden\n"
               "I. Godkendelse af dagsorden\n"
               "II. Orientering fra ældrechefen\n"
               "III. Eventuelt\n"
               "\n"
               "Ad I. Godkendelse af dagsorden\n"
               "Godkendt.\n"
               "\n"
               "Ad II. Orientering fra ældrechefen\n"
               "Ældrechefen orienterede om madservice.\n"
               "\n"
               "Ad III. Eventuelt\n"
               "Intet.\n",
               "document kind=referat municipality=- body=- date=2024-09-05 time=\n"
               "preamble=Referat af ældrerådsmøde torsdag den 5. september 2024\n"
               "\n"
               "Dagsorden\n"
               "I. Godkendelse af dagsorden\n"
               "II. Orientering fra ældrechefen\n"
               "III. Eventuelt\n"
               "item I title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=Ad I. Godkendelse af dagsorden\n"
               "  section decision [] body=- text=Godkendt.\n"
               "item II title=Orientering fra ældrechefen access=- case=- pages=0-0\n"
               "  header=Ad II. Orientering fra ældrechefen\n"
               "Ældrechefen orienterede om madservice.\n"
               "item III title=Eventuelt access=- case=- pages=0-0\n"
               "  header=Ad III. Eventuelt\n"
               "Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_column_before_the_number_is_no_part_of_the_title) {
  /* The committee that sends the item on ("ØK  23   Title") or the time it is taken up
   * ("16:15    24.  Title"), in a column before the number: the number and title after it. */
  expect_parse(
               "Kommunalbestyrelsen\n"
               "Referat af mødet 26. februar 2025\n"
               "\n"
               "KB  22   Godkendelse af dagsorden\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "ØK  23   Budgetopfølgning pr. 31. januar 2025\n"
               "Beslutning\n"
               "Taget til efterretning.\n"
               "\n"
               "16:15    24.  Temadrøftelse: Energiø Bornholm\n"
               "Beslutning\n"
               "Drøftet.\n",
               "document kind=referat municipality=- body=Kommunalbestyrelsen date=2025-02-26 time=\n"
               "preamble=Kommunalbestyrelsen\n"
               "Referat af mødet 26. februar 2025\n"
               "item 22 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=KB  22   Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 23 title=Budgetopfølgning pr. 31. januar 2025 access=- case=- pages=0-0\n"
               "  header=ØK  23   Budgetopfølgning pr. 31. januar 2025\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "item 24 title=Temadrøftelse: Energiø Bornholm access=- case=- pages=0-0\n"
               "  header=16:15    24.  Temadrøftelse: Energiø Bornholm\n"
               "  section decision [Beslutning] body=- text=Drøftet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_web_tables_rows_keep_their_cells_beside_long_paragraphs) {
  /* A web page with a table of items (TAB-parted cells) and a few long paragraphs of like
   * length: no text wrapped at a width (its measure would be 221 characters), so the
   * rows keep their cells and the titles end at the access cell. */
  expect_parse(
               "Teknisk Udvalg\n"
               "\n"
               "Referat\n"
               "\n"
               "Mødedato\t10-03-2025\n"
               "Tidspunkt\t15:00 - 17:40\n"
               "\n"
               "Nr.\tPunkt\tAdgang\tSagsnr.\n"
               "1\tGodkendelse af dagsorden\tÅben\t25/3088\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "2\tForslag til lokalplan for boliger ved åen\tÅben\t24/18842\n"
               "Resumé\n"
               "Lokalplanforslaget giver mulighed for op til 60 boliger i to til tre etager på den tidligere gartnerigrund, og det har været i offentlig høring i otte uger med i alt fjorten høringssvar fra naboer og foreninger.\n"
               "Beslutning\n"
               "Indstillingen blev godkendt, idet udvalget samtidig bad om en redegørelse for trafikken på Åvej og for skolevejen i området, inden planen sendes videre til byrådet til endelig vedtagelse sammen med tillægget.\n"
               "\n"
               "3\tTrafiksikkerhedsplan 2025-2028\tÅben\t24/22410\n"
               "Resumé\n"
               "Udvalget skal prioritere de projekter, der indgår i det første år af planen, og forvaltningen har vurderet projekterne efter uheldsdata, trafikmængder og henvendelser fra skoler, lokalråd og forældrebestyrelser.\n"
               "Beslutning\n"
               "Godkendt.\n",
               "document kind=referat municipality=- body=- date=2025-03-10 time=15:00\n"
               "preamble=Teknisk Udvalg\n"
               "\n"
               "Referat\n"
               "\n"
               "Mødedato\t10-03-2025\n"
               "Tidspunkt\t15:00 - 17:40\n"
               "\n"
               "Nr.\tPunkt\tAdgang\tSagsnr.\n"
               "item 1 title=Godkendelse af dagsorden access=open case=25/3088 pages=0-0\n"
               "  header=1\tGodkendelse af dagsorden\tÅben\t25/3088\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Forslag til lokalplan for boliger ved åen access=open case=24/18842 pages=0-0\n"
               "  header=2\tForslag til lokalplan for boliger ved åen\tÅben\t24/18842\n"
               "  section summary [Resumé] body=- text=Lokalplanforslaget giver mulighed for op til 60 boliger i to til tre etager på den tidligere gartnerigrund, og det har været i offentlig høring i otte uger med i alt fjorten høringssvar fra naboer og foreninger.\n"
               "  section decision [Beslutning] body=- text=Indstillingen blev godkendt, idet udvalget samtidig bad om en redegørelse for trafikken på Åvej og for skolevejen i området, inden planen sendes videre til byrådet til endelig vedtagelse sammen med tillægget.\n"
               "item 3 title=Trafiksikkerhedsplan 2025-2028 access=open case=24/22410 pages=0-0\n"
               "  header=3\tTrafiksikkerhedsplan 2025-2028\tÅben\t24/22410\n"
               "  section summary [Resumé] body=- text=Udvalget skal prioritere de projekter, der indgår i det første år af planen, og forvaltningen har vurderet projekterne efter uheldsdata, trafikmængder og henvendelser fra skoler, lokalråd og forældrebestyrelser.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_folded_items_button_before_its_number) {
  /* A page of folded items prints the button that opens each before its number: "+  14
   * Title". */
  expect_parse(
               "Byrådet\n"
               "Referat 25-02-2025\n"
               "\n"
               "Punkter\n"
               "\n"
               "+  14   Godkendelse af dagsorden\n"
               "Sagsnr.\n"
               "00.01.00-A00-1-25\n"
               "\n"
               "Beslutning\n"
               "Dagsordenen blev godkendt.\n"
               "\n"
               "+  15   Meddelelser\n"
               "Sagsnr.\n"
               "00.01.00-G01-2-25\n"
               "\n"
               "Beslutning\n"
               "Taget til efterretning.\n",
               "document kind=referat municipality=- body=Byrådet date=2025-02-25 time=\n"
               "preamble=Byrådet\n"
               "Referat 25-02-2025\n"
               "\n"
               "Punkter\n"
               "item 14 title=Godkendelse af dagsorden access=- case=00.01.00-A00-1-25 pages=0-0\n"
               "  header=+  14   Godkendelse af dagsorden\n"
               "Sagsnr.\n"
               "00.01.00-A00-1-25\n"
               "  section decision [Beslutning] body=- text=Dagsordenen blev godkendt.\n"
               "item 15 title=Meddelelser access=- case=00.01.00-G01-2-25 pages=0-0\n"
               "  header=+  15   Meddelelser\n"
               "Sagsnr.\n"
               "00.01.00-G01-2-25\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_time_column_over_numbered_rows) {
  /* An agenda table flattened a cell to a line: each row's time slot stands on the line
   * over its numbered title.  The rows are the items, titled; the slots are a column. */
  expect_parse(
               "Skolebestyrelsen\n"
               "Dagsorden 3. juni 2025\n"
               "\n"
               "Tid\n"
               "Punkt\n"
               "Ansvarlig\n"
               "17.00-17.10\n"
               "1. Godkendelse af dagsorden\n"
               "Formand\n"
               "17.10-17.40\n"
               "2. Budget 2025\n"
               "Orientering ved skolelederen.\n"
               "Leder\n"
               "17.40-17.50\n"
               "Pause\n"
               "17.50-18.20\n"
               "3. Trivselsmåling\n"
               "Drøftelse.\n"
               "Alle\n",
               "document kind=dagsorden municipality=- body=Skolebestyrelsen date=2025-06-03 time=\n"
               "preamble=Skolebestyrelsen\n"
               "Dagsorden 3. juni 2025\n"
               "\n"
               "Tid\n"
               "Punkt\n"
               "Ansvarlig\n"
               "17.00-17.10\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "Formand\n"
               "17.10-17.40\n"
               "item 2 title=Budget 2025 access=- case=- pages=0-0\n"
               "  header=2. Budget 2025\n"
               "Orientering ved skolelederen.\n"
               "Leder\n"
               "17.40-17.50\n"
               "Pause\n"
               "17.50-18.20\n"
               "item 3 title=Trivselsmåling access=- case=- pages=0-0\n"
               "  header=3. Trivselsmåling\n"
               "Drøftelse.\n"
               "Alle\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_short_case_number_alone_is_no_part_of_the_title) {
  /* A case number early in the year has two or three digits after its year ("24/44");
   * alone on the line under the title it is the item's case number, not the title's end. */
  expect_parse(
               "Byrådet\n"
               "Dagsorden 26. september 2024\n"
               "\n"
               "Nr\n"
               "Titel\n"
               "Sagsnr\n"
               "Adgang\n"
               "1\n"
               "Meddelelser\n"
               "24/102\n"
               "Åben\n"
               "2\n"
               "Personalesag\n"
               "24/44\n"
               "Lukket\n",
               "document kind=dagsorden municipality=- body=Byrådet date=2024-09-26 time=\n"
               "preamble=Byrådet\n"
               "Dagsorden 26. september 2024\n"
               "\n"
               "Nr\n"
               "Titel\n"
               "Sagsnr\n"
               "Adgang\n"
               "item 1 title=Meddelelser access=open case=24/102 pages=0-0\n"
               "  header=1\n"
               "Meddelelser\n"
               "24/102\n"
               "Åben\n"
               "item 2 title=Personalesag access=closed case=24/44 pages=0-0\n"
               "  header=2\n"
               "Personalesag\n"
               "24/44\n"
               "Lukket\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(the_number_in_parentheses_after_the_title) {
  /* A page's heading names the body, a dash and the kind ("Økonomiudvalget – dagsorden");
   * each item's number follows its title in parentheses ("Salg af byggegrunde (punkt 2)"). */
  expect_parse(
               "Økonomiudvalget – dagsorden\n"
               "\n"
               "Mandag den 7. april 2025 kl. 16.00\n"
               "\n"
               "Godkendelse af dagsorden (punkt 1)\n"
               "Sagsnr. 25-008112\n"
               "Indstilling\n"
               "Forvaltningen indstiller, at dagsordenen godkendes.\n"
               "\n"
               "Salg af byggegrunde (punkt 2)\n"
               "Sagsnr. 25-007095\n"
               "Sagsfremstilling\n"
               "Kommunen udbyder fire grunde.\n",
               "document kind=dagsorden municipality=- body=Økonomiudvalget date=2025-04-07 time=16:00\n"
               "preamble=Økonomiudvalget – dagsorden\n"
               "\n"
               "Mandag den 7. april 2025 kl. 16.00\n"
               "item 1 title=Godkendelse af dagsorden access=- case=25-008112 pages=0-0\n"
               "  header=Godkendelse af dagsorden (punkt 1)\n"
               "Sagsnr. 25-008112\n"
               "  section recommendation [Indstilling] body=- text=Forvaltningen indstiller, at dagsordenen godkendes.\n"
               "item 2 title=Salg af byggegrunde access=- case=25-007095 pages=0-0\n"
               "  header=Salg af byggegrunde (punkt 2)\n"
               "Sagsnr. 25-007095\n"
               "  section background [Sagsfremstilling] body=- text=Kommunen udbyder fire grunde.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_paragraph_sign_after_under_is_a_reference) {
  /* "under § 43" in a sentence refers to a paragraph of the protocol; it opens none (the
   * paragraphs run on inside a transcript's page lines, "§ 40 Godkendelse af dagsorden"). */
  expect_parse(
               "Referat af menighedsrådsmøde 14. juni 2022 Til stede: alle. Desuden deltog: Kirkegårdsleder Kim Lorenzen under § 43 Beslutningsprotokollen føres af sekretær Dorthe Frandsen § 40 Godkendelse af dagsorden Beslutning: Godkendt. § 41 Kvartalsrapport Beslutning: Godkendt. § 42 Budget 2023 Beslutning: Budgetforslaget blev vedtaget.\n"
               "§ 43 Kirkegården Beslutning: Rådet godkendte planen. § 44 Orgel Beslutning: Udsat.\n",
               "document kind=referat municipality=- body=- date=2022-06-14 time=\n"
               "preamble=Referat af menighedsrådsmøde 14. juni 2022 Til stede: alle. Desuden deltog: Kirkegårdsleder Kim Lorenzen under § 43 Beslutningsprotokollen føres af sekretær Dorthe Frandsen\n"
               "item 40 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=§ 40 Godkendelse af dagsorden\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 41 title=Kvartalsrapport access=- case=- pages=0-0\n"
               "  header=§ 41 Kvartalsrapport\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 42 title=Budget 2023 access=- case=- pages=0-0\n"
               "  header=§ 42 Budget 2023\n"
               "  section decision [Beslutning:] body=- text=Budgetforslaget blev vedtaget.\n"
               "item 43 title=Kirkegården access=- case=- pages=0-0\n"
               "  header=§ 43 Kirkegården\n"
               "  section decision [Beslutning:] body=- text=Rådet godkendte planen.\n"
               "item 44 title=Orgel access=- case=- pages=0-0\n"
               "  header=§ 44 Orgel\n"
               "  section decision [Beslutning:] body=- text=Udsat.\n"
               "end items=5 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_boards_labels_inside_a_page_line) {
  /* A small board's labels run into a transcript's page line after each point's title or
   * a sentence ("Baggrund: ...", "Referat: ..."): headings; "servicelovens § 97" is a
   * reference inside a title, not the next paragraph. */
  expect_parse(
               "REFERAT fra møde i Handicaprådet onsdag den 7. juni 2017 kl. 15.00 Til stede: alle. Ad 1. Godkendelse af dagsorden Referat: Dagsordenen blev godkendt. Ad 2. Tilgængelighed på Rådhuset Baggrund: Rådet gennemgik adgangsforholdene. Referat: Finn Bach orienterede. Ad 3. Høring om ledsagelse efter servicelovens § 97 Baggrund: Forslaget er i høring. Referat: Rådet kan ikke anbefale forslaget.\n",
               "document kind=referat municipality=- body=Handicaprådet date=2017-06-07 time=15:00\n"
               "preamble=REFERAT fra møde i Handicaprådet onsdag den 7. juni 2017 kl. 15.00 Til stede: alle. Ad\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section other [Referat:] body=- text=Dagsordenen blev godkendt. Ad\n"
               "item 2 title=Tilgængelighed på Rådhuset access=- case=- pages=0-0\n"
               "  header=2. Tilgængelighed på Rådhuset\n"
               "  section background [Baggrund:] body=- text=Rådet gennemgik adgangsforholdene.\n"
               "  section other [Referat:] body=- text=Finn Bach orienterede. Ad\n"
               "item 3 title=Høring om ledsagelse efter servicelovens § 97 access=- case=- pages=0-0\n"
               "  header=3. Høring om ledsagelse efter servicelovens § 97\n"
               "  section background [Baggrund:] body=- text=Forslaget er i høring.\n"
               "  section other [Referat:] body=- text=Rådet kan ikke anbefale forslaget.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_calendar_of_meetings_in_blocks_has_no_items) {
  /* A page of meetings, a block each: the body, the date, the place, the links to its
   * papers ("Dagsorden | Referat").  It is no record: its paragraphs are no items. */
  expect_no_items(
               "Politiske møder\n"
               "Her kan du se, hvornår byrådet og udvalgene holder møde, og finde dagsordener og referater.\n"
               "\n"
               "Byrådet\n"
               "Onsdag 26. juni 2024 kl. 17.00\n"
               "Byrådssalen, Vejle Rådhus\n"
               "Dagsorden\n"
               "\n"
               "Økonomiudvalget\n"
               "Mandag 17. juni 2024 kl. 08.00\n"
               "Mødelokale 1, Vejle Rådhus\n"
               "Dagsorden\n"
               "\n"
               "Byrådet\n"
               "Onsdag 29. maj 2024 kl. 17.00\n"
               "Dagsorden | Referat\n"
               "\n"
               "Spørgetid for borgere\n"
               "Før hvert byrådsmøde er der spørgetid, hvor du kan stille spørgsmål til byrådet.\n"
               "\n"
               "Se byrådsmøderne live\n"
               "Byrådets møder bliver transmitteret og kan ses bagefter i fem år.\n");
}
END_TEST

START_TEST(a_list_of_minutes_to_download_is_no_record) {
  /* A board's page: its members, its rules of procedure, then its minutes to download, a
   * line each with the meeting's date ("Bestyrelsesmøde 12. marts 2024 - referat (pdf, 210
   * KB)").  It is no record: the paragraphs of its rules are no items. */
  expect_no_items(
               "Bestyrelse\n"
               "\n"
               "Museets bestyrelse har det overordnede ansvar for museets drift, økonomi og strategi og ansætter museumsdirektøren. Bestyrelsen mødes 4-5 gange årligt.\n"
               "\n"
               "Bestyrelsens medlemmer\n"
               "Formand: Jens Peder Aabling, udpeget af kommunen\n"
               "Næstformand: Hanne Sig Østergaard, udpeget af Museumsforeningen\n"
               "Kasserer: Thomas Damsgaard, udpeget af erhvervslivet\n"
               "Søren Hald, udpeget af Lokalhistorisk Samråd\n"
               "Sekretær for bestyrelsen: museumsdirektør Peter Lund Kragh\n"
               "\n"
               "Forretningsorden for bestyrelsen (uddrag)\n"
               "§ 1. Konstituering\n"
               "Bestyrelsen konstituerer sig selv med formand og næstformand på første møde.\n"
               "§ 2. Indkaldelse\n"
               "Formanden indkalder til møde med mindst 8 dages varsel.\n"
               "§ 3. Referat\n"
               "Der udarbejdes beslutningsreferat, som godkendes på næste møde.\n"
               "\n"
               "Referater\n"
               "Bestyrelsesmøde 12. marts 2024 - referat (pdf, 210 KB)\n"
               "Bestyrelsesmøde 28. november 2023 - referat (pdf, 188 KB)\n"
               "Bestyrelsesmøde 19. september 2023 - referat (pdf, 176 KB)\n");
}
END_TEST

START_TEST(a_word_ending_like_a_reference_word_before_a_paragraph) {
  /* Only a whole word refers ("under § 43", "servicelovens § 97"); "status § 43" and
   * "økonomi § 45" end a title and open the next paragraph. */
  expect_parse(
               "Referat af menighedsrådsmøde 14. juni 2022 Til stede: Birthe Lauesen, Hans Peter Moos, Inge Lise Schmidt, Jens Kristian Damm og Marianne Nissen. Afbud: Lone Ravn. Desuden deltog kirkegårdslederen Kim Lorenzen og organisten Dorthe Frandsen under hele mødet, og sognepræsten deltog under punkterne om kirkegården. § 41 Kvartalsrapport Beslutning: Godkendt. § 42 Orientering om status § 43 Valg af kirkeværge Beslutning: Karin Thaysen blev valgt. § 44 Kirkegårdens økonomi § 45 Eventuelt Beslutning: Intet.\n",
               "document kind=referat municipality=- body=- date=2022-06-14 time=\n"
               "preamble=Referat af menighedsrådsmøde 14. juni 2022 Til stede: Birthe Lauesen, Hans Peter Moos, Inge Lise Schmidt, Jens Kristian Damm og Marianne Nissen. Afbud: Lone Ravn. Desuden deltog kirkegårdslederen Kim Lorenzen og organisten Dorthe Frandsen under hele mødet, og sognepræsten deltog under punkterne om kirkegården.\n"
               "item 41 title=Kvartalsrapport access=- case=- pages=0-0\n"
               "  header=§ 41 Kvartalsrapport\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 42 title=Orientering om status access=- case=- pages=0-0\n"
               "  header=§ 42 Orientering om status\n"
               "item 43 title=Valg af kirkeværge access=- case=- pages=0-0\n"
               "  header=§ 43 Valg af kirkeværge\n"
               "  section decision [Beslutning:] body=- text=Karin Thaysen blev valgt.\n"
               "item 44 title=Kirkegårdens økonomi access=- case=- pages=0-0\n"
               "  header=§ 44 Kirkegårdens økonomi\n"
               "item 45 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=§ 45 Eventuelt\n"
               "  section decision [Beslutning:] body=- text=Intet.\n"
               "end items=5 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_date_alone_under_the_title_is_no_case_number) {
  /* A table flattened a cell to a line: "14/05" under the title is its date column, no
   * case number ("24/44" is one). */
  char *got = parse_at("Skolebestyrelsen\nReferat\n\nNr\nPunkt\nDato\n1\nGodkendelse af "
                       "dagsorden\n14/05\nBeslutning\nGodkendt.\n2\nTrivselsmåling\n14/05\n"
                       "Beslutning\nTaget til efterretning.\n",
                       0);
  ck_assert_msg(strstr(got, "item 1 title=Godkendelse af dagsorden access=- case=- ") &&
                    strstr(got, "item 2 title=Trivselsmåling access=- case=- "),
                "%s", got);
  free(got);
}
END_TEST

/* Minute books print an item's decision under its text with no heading ("Godkendtes.",
 * "Bevilgedes med 5 stemmer mod 3."): the line starts a decision section without a heading;
 * a line that only opens with the word ("Godkendt budget 1964 udgør ...") does not. */
START_TEST(a_decision_without_a_heading_starts_at_its_outcome_line) {
  expect_parse(
               "Forhandlingsprotokol for Sognerådet\n"
               "\n"
               "Møde torsdag den 12. marts 1964.\n"
               "\n"
               "1. Protokollen fra sidste møde.\n"
               "Oplæstes uden bemærkninger.\n"
               "Godkendtes.\n"
               "\n"
               "2. Andragende om tilskud til juletræsfest.\n"
               "Foreningen søger om 250 kr.\n"
               "Bevilgedes med 5 stemmer mod 3.\n"
               "Martin Skov var fraværende.\n"
               "\n"
               "3. Godkendt budget for vejvæsenet.\n"
               "Godkendt budget 1964 udgør 14.800 kr. efter vejudvalgets oplæg.\n",
               "document kind=referat municipality=- body=Sognerådet date=1964-03-12 time=\n"
               "preamble=Forhandlingsprotokol for Sognerådet\n"
               "\n"
               "Møde torsdag den 12. marts 1964.\n"
               "item 1 title=Protokollen fra sidste møde. access=- case=- pages=0-0\n"
               "  header=1. Protokollen fra sidste møde.\n"
               "Oplæstes uden bemærkninger.\n"
               "  section decision [] body=- text=Godkendtes.\n"
               "item 2 title=Andragende om tilskud til juletræsfest. access=- case=- pages=0-0\n"
               "  header=2. Andragende om tilskud til juletræsfest.\n"
               "Foreningen søger om 250 kr.\n"
               "  section decision [] body=- text=Bevilgedes med 5 stemmer mod 3.\n"
               "Martin Skov var fraværende.\n"
               "item 3 title=Godkendt budget for vejvæsenet. access=- case=- pages=0-0\n"
               "  header=3. Godkendt budget for vejvæsenet.\n"
               "Godkendt budget 1964 udgør 14.800 kr. efter vejudvalgets oplæg.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

/* What a committee's protocol calls the decision: "Protokol:" at a line's start, the decision
 * after it.  "Resultat:" is no decision label (a budget's text says it as often); an
 * election under it is no outcome line either. */
START_TEST(a_protocol_labels_the_decision) {
  expect_parse(
               "Referat\n"
               "Teknik- og Miljøudvalget\n"
               "\n"
               "88. Forslag til spildevandsplan\n"
               "Sagsfremstilling: Planen omfatter 11 oplande.\n"
               "Protokol: Indstilles til byrådets godkendelse.\n"
               "\n"
               "89. Valg af dirigent\n"
               "Resultat:\n"
               "Niels Aagaard blev valgt.\n",
               "document kind=referat municipality=- body=Teknik- og Miljøudvalget date= time=\n"
               "preamble=Referat\n"
               "Teknik- og Miljøudvalget\n"
               "item 88 title=Forslag til spildevandsplan access=- case=- pages=0-0\n"
               "  header=88. Forslag til spildevandsplan\n"
               "  section background [Sagsfremstilling:] body=- text=Planen omfatter 11 oplande.\n"
               "  section decision [Protokol:] body=- text=Indstilles til byrådets godkendelse.\n"
               "item 89 title=Valg af dirigent access=- case=- pages=0-0\n"
               "  header=89. Valg af dirigent\n"
               "Resultat:\n"
               "  section decision [] body=- text=Niels Aagaard blev valgt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

/* "Afstemning:" alone on its line over the vote's own lines ("For: 7", "Imod: 2") heads the
 * vote printed under the decision, not a section of another kind. */
START_TEST(a_vote_label_over_for_and_against_lines) {
  expect_parse(
               "Referat\n"
               "Kommunalbestyrelsen\n"
               "\n"
               "3. Tilskud til museets magasin\n"
               "Beslutning\n"
               "Sagen blev sat under afstemning.\n"
               "Afstemning:\n"
               "For: 7\n"
               "Imod: 2\n"
               "Tilskuddet blev bevilget.\n",
               "document kind=referat municipality=- body=Kommunalbestyrelsen date= time=\n"
               "preamble=Referat\n"
               "Kommunalbestyrelsen\n"
               "item 3 title=Tilskud til museets magasin access=- case=- pages=0-0\n"
               "  header=3. Tilskud til museets magasin\n"
               "  section decision [Beslutning] body=- text=Sagen blev sat under afstemning.\n"
               "  section vote [Afstemning:] body=- text=For: 7\n"
               "Imod: 2\n"
               "Tilskuddet blev bevilget.\n"
               "end items=1 pages=0 diagnostics=0\n");
}
END_TEST

/* Lines that open with an outcome's word but are no decision: a past told ("Budgettet blev
 * vedtaget i oktober 2023"), a count ("Godkendt: 24"), a section of history ("Historik"), a
 * sign-off ("Referatet er godkendt af formanden"); a board's one-word label right over a
 * decision ("Referat:") heads it. */
START_TEST(a_told_past_a_count_or_a_sign_off_starts_no_decision) {
  expect_parse(
               "Referat fra Bestyrelsens møde\n"
               "\n"
               "1. Budgetopfølgning\n"
               "Sagsfremstilling\n"
               "Budgettet blev vedtaget i oktober 2023 med en ramme på 4 mio. kr.\n"
               "Godkendt: 24 ansøgninger. Afvist: 3.\n"
               "\n"
               "2. Lokalplan for Engvej\n"
               "Historik\n"
               "Planen blev vedtaget af byrådet i 2019.\n"
               "\n"
               "3. Meddelelser\n"
               "Referat:\n"
               "Orienteringen blev taget til efterretning.\n"
               "\n"
               "4. Eventuelt\n"
               "Intet.\n"
               "Referatet er godkendt af formanden den 14. april 2025.\n",
               "document kind=referat municipality=- body=- date=2025-04-14 time=\n"
               "preamble=Referat fra Bestyrelsens møde\n"
               "item 1 title=Budgetopfølgning access=- case=- pages=0-0\n"
               "  header=1. Budgetopfølgning\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet blev vedtaget i "
               "oktober "
               "2023 med en ramme på 4 mio. kr.\n"
               "Godkendt: 24 ansøgninger. Afvist: 3.\n"
               "item 2 title=Lokalplan for Engvej access=- case=- pages=0-0\n"
               "  header=2. Lokalplan for Engvej\n"
               "  section other [Historik] body=- text=Planen blev vedtaget af byrådet i 2019.\n"
               "item 3 title=Meddelelser access=- case=- pages=0-0\n"
               "  header=3. Meddelelser\n"
               "  section decision [Referat:] body=- text=Orienteringen blev taget til "
               "efterretning.\n"
               "item 4 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=4. Eventuelt\n"
               "Intet.\n"
               "Referatet er godkendt af formanden den 14. april 2025.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(item_numbers_run_on_past_999) {
  /* A council that numbers its items through the year reaches four digits: 1000 runs on
   * from 999 (and 1002 after it, 1001 being closed). */
  expect_parse(
               "Referat\n"
               "Byrådet\n"
               "\n"
               "998. Godkendelse af dagsorden\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "999. Budget\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "1000. Eventuelt\n"
               "Beslutning\n"
               "Intet.\n"
               "\n"
               "1002. Personalesag\n"
               "Beslutning\n"
               "Intet.\n",
               "document kind=referat municipality=- body=Byrådet date= time=\n"
               "preamble=Referat\n"
               "Byrådet\n"
               "item 998 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=998. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 999 title=Budget access=- case=- pages=0-0\n"
               "  header=999. Budget\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 1000 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=1000. Eventuelt\n"
               "  section decision [Beslutning] body=- text=Intet.\n"
               "item 1002 title=Personalesag access=- case=- pages=0-0\n"
               "  header=1002. Personalesag\n"
               "  section decision [Beslutning] body=- text=Intet.\n"
               "end items=4 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(year_at_a_line_start_is_no_item) {
  /* A year at a line's start ("2023. Regnskab ...") neither runs on from item 2 nor is
   * labelled: the list under item 2 is its text, and item 3 follows. */
  expect_parse(
               COUNCIL_ITEM_1
               "2. Budget\n"
               "Sagsfremstilling\n"
               "Tallene:\n"
               "2023. Regnskab viste overskud\n"
               "2024. Budgettet holder\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               ITEM_3_EVENTUELT,
               COUNCIL_ITEM_1_READ
               "item 2 title=Budget access=- case=- pages=0-0\n"
               "  header=2. Budget\n"
               "  section background [Sagsfremstilling] body=- text=Tallene:\n"
               "2023. Regnskab viste overskud\n"
               "2024. Budgettet holder\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               ITEM_3_EVENTUELT_READ);
}
END_TEST

START_TEST(items_numbered_with_a_parenthesis_run_together) {
  /* A transcript's page line of items numbered "1)", "2)": each title ends before the
   * deciding body's label ("Skoleudvalget, 02-03-2021"), the opening of the item's first
   * sentence ("Forvaltningen foreslår") or a member's presence ("Hans Berg (V) deltog"). */
  expect_parse(
               "Referat Skoleudvalget Dato: 02-03-2021 Sted: Rådhuset 1) Godkendelse af "
               "dagsorden Skoleudvalget, 02-03-2021 Godkendt. 2) Tilskud til lejrskole "
               "Forvaltningen foreslår, at der gives 20.000 kr. til 6. klasse. Skoleudvalget, "
               "02-03-2021 Indstillingen blev godkendt. 3) Lokaletilskud til Vester Rideklub "
               "Hans Berg (V) deltog ikke i behandlingen. Skoleudvalget, 02-03-2021 Godkendt. "
               "Side 1 af 1\n",
               "document kind=referat municipality=- body=Skoleudvalget date=2021-03-02 time=\n"
               "preamble=Referat Skoleudvalget Dato: 02-03-2021 Sted: Rådhuset\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1) Godkendelse af dagsorden\n"
               "  section decision [Skoleudvalget, 02-03-2021] body=Skoleudvalget text=Godkendt.\n"
               "item 2 title=Tilskud til lejrskole access=- case=- pages=0-0\n"
               "  header=2) Tilskud til lejrskole Forvaltningen foreslår, at der gives 20.000 kr. "
               "til 6. klasse.\n"
               "  section decision [Skoleudvalget, 02-03-2021] body=Skoleudvalget "
               "text=Indstillingen blev godkendt.\n"
               "item 3 title=Lokaletilskud til Vester Rideklub access=- case=- pages=0-0\n"
               "  header=3) Lokaletilskud til Vester Rideklub Hans Berg (V) deltog ikke i "
               "behandlingen.\n"
               "  section decision [Skoleudvalget, 02-03-2021] body=Skoleudvalget text=Godkendt. "
               "Side 1 af 1\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_case_number_after_sag_is_no_item) {
  /* "Sag 2311 ..." under an item lists cases: four digits after a case's label are no item
   * number, and item 3 follows item 2. */
  expect_parse(
               COUNCIL_ITEM_1
               "2. Orientering om administrative afgørelser\n"
               "Sag 2311 Tilbygning til enfamiliehus, Storegade 4\n"
               "Sag 2318 Carport, Vestervej 12\n"
               "Sag 2320 Dispensation fra lokalplan 45\n"
               "Beslutning\n"
               "Taget til efterretning.\n"
               "\n"
               ITEM_3_EVENTUELT,
               COUNCIL_ITEM_1_READ
               "item 2 title=Orientering om administrative afgørelser access=- case=- pages=0-0\n"
               "  header=2. Orientering om administrative afgørelser\n"
               "Sag 2311 Tilbygning til enfamiliehus, Storegade 4\n"
               "Sag 2318 Carport, Vestervej 12\n"
               "Sag 2320 Dispensation fra lokalplan 45\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               ITEM_3_EVENTUELT_READ);
}
END_TEST

START_TEST(a_list_in_parentheses_in_the_preamble_opens_no_items) {
  /* "1) Rundvisning ..., 2) Frokost ..., 3) ..." in a sentence of the preamble is a list: the
   * items are the numbered lines under it. */
  expect_parse(
               "Referat\n"
               "Økonomiudvalget\n"
               "Mødet blev holdt i tre dele: 1) Rundvisning på Rådhuset ved direktøren, 2) "
               "Frokost i kantinen, 3) Ordinært møde med nedenstående dagsorden.\n"
               "\n"
               "1. Godkendelse af dagsorden\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "2. Budget 2025\n"
               "Sagsfremstilling\n"
               "Forvaltningen indstiller budgettet.\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               ITEM_3_EVENTUELT,
               "document kind=referat municipality=- body=Økonomiudvalget date= time=\n"
               "preamble=Referat\n"
               "Økonomiudvalget\n"
               "Mødet blev holdt i tre dele: 1) Rundvisning på Rådhuset ved direktøren, 2) "
               "Frokost i kantinen, 3) Ordinært møde med nedenstående dagsorden.\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Budget 2025 access=- case=- pages=0-0\n"
               "  header=2. Budget 2025\n"
               "  section background [Sagsfremstilling] body=- text=Forvaltningen indstiller "
               "budgettet.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               ITEM_3_EVENTUELT_READ);
}
END_TEST

START_TEST(a_list_in_parentheses_in_an_item_is_its_text) {
  /* "at 1) Budgettet ..., 5) Takster hæves, 6) ..." in a recommendation is its text: item 5
   * is the line "5. Eventuelt". */
  expect_parse(
               "Referat\n"
               "Økonomiudvalget\n"
               "\n"
               "4. Budget 2025\n"
               "Sagsfremstilling\n"
               "Forvaltningen indstiller, at 1) Budgettet godkendes som fremlagt, 2) Rammen for "
               "anlæg hæves, 3) Kassen styrkes, 4) Anlæg udskydes, 5) Takster hæves, 6) Gebyrer "
               "fastholdes.\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "5. Eventuelt\n"
               "Beslutning\n"
               "Intet.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date= time=\n"
               "preamble=Referat\n"
               "Økonomiudvalget\n"
               "item 4 title=Budget 2025 access=- case=- pages=0-0\n"
               "  header=4. Budget 2025\n"
               "  section background [Sagsfremstilling] body=- text=Forvaltningen indstiller, at "
               "1) Budgettet godkendes som fremlagt, 2) Rammen for anlæg hæves, 3) Kassen "
               "styrkes, 4) Anlæg udskydes, 5) Takster hæves, 6) Gebyrer fastholdes.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 5 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=5. Eventuelt\n"
               "  section decision [Beslutning] body=- text=Intet.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_running_header_with_the_body_and_date_is_no_decision) {
  /* A page's running header "Kultur- og Fritidsudvalget, 14-06-2022 Side 2 af 3" inside a
   * paragraph is no deciding body's label. */
  expect_parse(
               "Referat\n"
               "Kultur- og Fritidsudvalget\n"
               "\n"
               "1. Godkendelse af dagsorden\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "2. Underskudsgaranti\n"
               "Sagsfremstilling\n"
               "Foreningen søger om garanti på 150.000 kr. til festivalen, og\n"
               "Kultur- og Fritidsudvalget, 14-06-2022 Side 2 af 3\n"
               "forvaltningen anbefaler at give den.\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "3. Eventuelt\n"
               "Sagsfremstilling\n"
               "Ingen sager. Formanden orienterede om\n"
               "Kultur- og Fritidsudvalget, 14-06-2022 Side 3 af 3\n"
               "sommerferien.\n"
               "Beslutning\n"
               "Intet.\n",
               "document kind=referat municipality=- body=Kultur- og Fritidsudvalget "
               "date=2022-06-14 time=\n"
               "preamble=Referat\n"
               "Kultur- og Fritidsudvalget\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Underskudsgaranti access=- case=- pages=0-0\n"
               "  header=2. Underskudsgaranti\n"
               "  section background [Sagsfremstilling] body=- text=Foreningen søger om garanti "
               "på 150.000 kr. til festivalen, og\n"
               "Kultur- og Fritidsudvalget, 14-06-2022 Side 2 af 3\n"
               "forvaltningen anbefaler at give den.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 3 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=3. Eventuelt\n"
               "  section background [Sagsfremstilling] body=- text=Ingen sager. Formanden "
               "orienterede om\n"
               "Kultur- og Fritidsudvalget, 14-06-2022 Side 3 af 3\n"
               "sommerferien.\n"
               "  section decision [Beslutning] body=- text=Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_body_and_date_after_a_preposition_is_no_decision) {
  /* "Høringssvar fra Handicaprådet, 14-03-2023 Rådet bakker op ..." names a reply: the body
   * and date after "fra" are no decision's label. */
  expect_parse(
               "Referat\n"
               "Social- og Sundhedsudvalget\n"
               "\n"
               "1. Godkendelse af dagsorden\n"
               "Beslutning\n"
               "Godkendt.\n"
               "\n"
               "2. Ny rehabiliteringsplan\n"
               "Sagsfremstilling\n"
               "Planen har været i høring. Høringssvar fra Handicaprådet, 14-03-2023 Rådet bakker "
               "op om planen, men ønsker flere pladser.\n"
               "Indstilling\n"
               "Forvaltningen indstiller, at planen godkendes.\n"
               "Beslutning\n"
               "Godkendt.\n",
               "document kind=referat municipality=- body=Social- og Sundhedsudvalget "
               "date=2023-03-14 time=\n"
               "preamble=Referat\n"
               "Social- og Sundhedsudvalget\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Ny rehabiliteringsplan access=- case=- pages=0-0\n"
               "  header=2. Ny rehabiliteringsplan\n"
               "  section background [Sagsfremstilling] body=- text=Planen har været i høring. "
               "Høringssvar fra Handicaprådet, 14-03-2023 Rådet bakker op om planen, men ønsker "
               "flere pladser.\n"
               "  section recommendation [Indstilling] body=- text=Forvaltningen indstiller, at "
               "planen godkendes.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(decision_heading_naming_a_joint_body_inside_a_page_line) {
  /* "Beslutning i <Body> den <date>" inside a transcript's page line heads the decision
   * after it, for bodies named by more endings than udvalg and råd ("Beredskabs-
   * kommissionen"), and ends the item's title. */
  expect_parse(
               "Referat Beredskabskommissionen Mødedato: 3. marts 2022 Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Budget 2023 3. Ny brandbil Side 1 af 2\n"
               "1. Godkendelse af dagsorden Beslutning i Beredskabskommissionen den 03-03-2022 Godkendt. 2. Budget 2023 Indstilling Direktøren indstiller, at budgettet godkendes. Beslutning i Beredskabskommissionen den 03-03-2022 Tiltrådt. 3. Ny brandbil Beslutning i Teknik- og Miljøudvalget den 3. marts 2022 Anbefales. Side 2 af 2\n",
               "document kind=referat municipality=- body=Beredskabskommissionen date=2022-03-03 time=\n"
               "preamble=Referat Beredskabskommissionen Mødedato: 3. marts 2022 Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Budget 2023 3. Ny brandbil Side 1 af 2\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning i Beredskabskommissionen den 03-03-2022] body=Beredskabskommissionen text=Godkendt.\n"
               "item 2 title=Budget 2023 access=- case=- pages=0-0\n"
               "  header=2. Budget 2023\n"
               "  section recommendation [Indstilling] body=- text=Direktøren indstiller, at budgettet godkendes.\n"
               "  section decision [Beslutning i Beredskabskommissionen den 03-03-2022] body=Beredskabskommissionen text=Tiltrådt.\n"
               "item 3 title=Ny brandbil access=- case=- pages=0-0\n"
               "  header=3. Ny brandbil\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 3. marts 2022] body=Teknik- og Miljøudvalget text=Anbefales. Side 2 af 2\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_label_of_one_word_heads_the_decision_on_its_line) {
  /* "Resultat: Beretningen blev godkendt ..." : a label of one word before a decision that
   * opens its line heads that decision; not a section's own label ("Indstilling:"). */
  expect_parse(
               "Referat af ordinær generalforsamling i Grundejerforeningen Engen\n"
               "\n"
               "1. Valg af dirigent\n"
               "Resultat: Jens Bak blev valgt.\n"
               "\n"
               "2. Beretning\n"
               "Formanden aflagde beretning.\n"
               "Resultat: Beretningen blev godkendt med applaus.\n"
               "\n"
               "3. Indkomne forslag\n"
               "Indstilling: Godkendes.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat af ordinær generalforsamling i Grundejerforeningen Engen\n"
               "item 1 title=Valg af dirigent access=- case=- pages=0-0\n"
               "  header=1. Valg af dirigent\n"
               "  section decision [Resultat:] body=- text=Jens Bak blev valgt.\n"
               "item 2 title=Beretning access=- case=- pages=0-0\n"
               "  header=2. Beretning\n"
               "Formanden aflagde beretning.\n"
               "  section decision [Resultat:] body=- text=Beretningen blev godkendt med applaus.\n"
               "item 3 title=Indkomne forslag access=- case=- pages=0-0\n"
               "  header=3. Indkomne forslag\n"
               "  section recommendation [Indstilling:] body=- text=Godkendes.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(decisions_without_a_heading_in_more_forms) {
  /* A minute book's decisions under no heading, in more forms: old words ("Bifaldt",
   * "Nægtet", "Henlagt"), a continuation ("Nægtet, da ...", OCR's "ti1 et ... møde"), an
   * amendment's fate and then "Herefter vedtoges ...", an election ("Valgt blev ..."), the
   * body's act ("Udvalget drøftede ..."); not the case's history ("Byrådet godkendte den
   * 3. maj 1979 ...", "Budgettet blev vedtaget, da ...", "... valgtes Rambøll efter udbud i
   * 2020"), what is to come ("Herefter vedtages ...") or a label of a plan's state
   * ("Lokalplan: Vedtaget."). */
  expect_parse(
               "Referat af møde i Sognerådet\n"
               "\n"
               "Mødet onsdag den 4. marts 1981.\n"
               "\n"
               "1. Skrivelse fra amtet om vejbidrag.\n"
               "Bifaldt enstemmigt.\n"
               "\n"
               "2. Ansøgning om gratis leje af gymnastiksalen.\n"
               "Nægtet, da salen er udlejet.\n"
               "\n"
               "3. Forslag om nyt fortov.\n"
               "Ændringsforslaget fra K faldt med 3 stemmer mod 6.\n"
               "Herefter vedtoges udvalgets indstilling med 6 stemmer mod 3.\n"
               "\n"
               "4. Sammenlægning med nabokommunen.\n"
               "Sagen udsattes ti1 et ekstraordinært møde.\n"
               "\n"
               "5. Valg af vurderingsmand.\n"
               "Valgt blev gårdejer Peder Holm.\n"
               "\n"
               "6. Parkeringsstrategi.\n"
               "Udvalget drøftede strategien og bad forvaltningen om et oplæg.\n"
               "\n"
               "7. Lokalplan for Engvej.\n"
               "Byrådet godkendte den 3. maj 1979 en helhedsplan for området.\n"
               "\n"
               "8. Lokalplan for Bakken.\n"
               "Lokalplan: Vedtaget.\n"
               "\n"
               "9. Budget 2024.\n"
               "Budgettet blev vedtaget, da forligspartierne var enige.\n"
               "Herefter vedtages planen endeligt af byrådet.\n"
               "\n"
               "10. Valg af rådgiver.\n"
               "Som rådgiver valgtes Rambøll efter udbud i 2020.\n",
               "document kind=referat municipality=- body=Sognerådet date=1981-03-04 time=\n"
               "preamble=Referat af møde i Sognerådet\n"
               "\n"
               "Mødet onsdag den 4. marts 1981.\n"
               "item 1 title=Skrivelse fra amtet om vejbidrag. access=- case=- pages=0-0\n"
               "  header=1. Skrivelse fra amtet om vejbidrag.\n"
               "  section decision [] body=- text=Bifaldt enstemmigt.\n"
               "item 2 title=Ansøgning om gratis leje af gymnastiksalen. access=- case=- pages=0-0\n"
               "  header=2. Ansøgning om gratis leje af gymnastiksalen.\n"
               "  section decision [] body=- text=Nægtet, da salen er udlejet.\n"
               "item 3 title=Forslag om nyt fortov. access=- case=- pages=0-0\n"
               "  header=3. Forslag om nyt fortov.\n"
               "  section decision [] body=- text=Ændringsforslaget fra K faldt med 3 stemmer mod 6. Herefter vedtoges udvalgets indstilling med 6 stemmer mod 3.\n"
               "item 4 title=Sammenlægning med nabokommunen. access=- case=- pages=0-0\n"
               "  header=4. Sammenlægning med nabokommunen.\n"
               "  section decision [] body=- text=Sagen udsattes ti1 et ekstraordinært møde.\n"
               "item 5 title=Valg af vurderingsmand. access=- case=- pages=0-0\n"
               "  header=5. Valg af vurderingsmand.\n"
               "  section decision [] body=- text=Valgt blev gårdejer Peder Holm.\n"
               "item 6 title=Parkeringsstrategi. access=- case=- pages=0-0\n"
               "  header=6. Parkeringsstrategi.\n"
               "  section decision [] body=- text=Udvalget drøftede strategien og bad forvaltningen om et oplæg.\n"
               "item 7 title=Lokalplan for Engvej. access=- case=- pages=0-0\n"
               "  header=7. Lokalplan for Engvej.\n"
               "Byrådet godkendte den 3. maj 1979 en helhedsplan for området.\n"
               "item 8 title=Lokalplan for Bakken. access=- case=- pages=0-0\n"
               "  header=8. Lokalplan for Bakken.\n"
               "Lokalplan: Vedtaget.\n"
               "item 9 title=Budget 2024. access=- case=- pages=0-0\n"
               "  header=9. Budget 2024.\n"
               "Budgettet blev vedtaget, da forligspartierne var enige.\n"
               "Herefter vedtages planen endeligt af byrådet.\n"
               "item 10 title=Valg af rådgiver. access=- case=- pages=0-0\n"
               "  header=10. Valg af rådgiver.\n"
               "Som rådgiver valgtes Rambøll efter udbud i 2020.\n"
               "end items=10 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_body_decision_heading_inside_a_line_but_not_a_title_or_an_object) {
  /* "Beslutning i <Body> den <date>" heads a decision inside a page line, but not inside a
   * title ("Klage over Beslutning i ...") nor as a sentence's object ("... modtaget
   * Beslutning i Planklagenævnet den 12. maj 2021, som ..."). */
  expect_parse(
               "Referat Teknik- og Miljøudvalget Side 1 af 1\n"
               "1. Godkendelse af dagsorden Beslutning i Teknik- og Miljøudvalget den 03-06-2021 Godkendt. 2. Klage over Beslutning i Teknisk Udvalg den 5. maj 2021 Sagsfremstilling Klagen er modtaget. Kommunen har modtaget Beslutning i Planklagenævnet den 12. maj 2021, som ophæver afgørelsen. 3. Eventuelt Beslutning i Teknik- og Miljøudvalget den 03-06-2021 Intet.\n",
               "document kind=referat municipality=- body=Teknik- og Miljøudvalget date=2021-06-03 time=\n"
               "preamble=Referat Teknik- og Miljøudvalget Side 1 af 1\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-06-2021] body=Teknik- og Miljøudvalget text=Godkendt.\n"
               "item 2 title=Klage over Beslutning i Teknisk Udvalg den 5. maj 2021 access=- case=- pages=0-0\n"
               "  header=2. Klage over Beslutning i Teknisk Udvalg den 5. maj 2021\n"
               "  section background [Sagsfremstilling] body=- text=Klagen er modtaget. Kommunen har modtaget Beslutning i Planklagenævnet den 12. maj 2021, som ophæver afgørelsen.\n"
               "item 3 title=Eventuelt access=- case=- pages=0-0\n"
               "  header=3. Eventuelt\n"
               "  section decision [Beslutning i Teknik- og Miljøudvalget den 03-06-2021] body=Teknik- og Miljøudvalget text=Intet.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(punkt_nr_on_its_own_line_over_the_title) {
  /* "Punkt nr. 41" alone on its line, the title on the next. */
  expect_parse("Referat\n\nPunkt nr. 41\nGodkendelse af dagsorden\nÅbent punkt\nBeslutning\nGodkendt.\n\n"
               "Punkt nr. 42\nSalg af grund\nLukket punkt\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "item 41 title=Godkendelse af dagsorden access=open case=- pages=0-0\n"
               "  header=Punkt nr. 41\n"
               "Godkendelse af dagsorden\n"
               "Åbent punkt\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 42 title=Salg af grund access=closed case=- pages=0-0\n"
               "  header=Punkt nr. 42\n"
               "Salg af grund\n"
               "Lukket punkt\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_news_page_titled_the_minutes_of_a_general_meeting_is_minutes) {
  /* Filed under the site's news, but its breadcrumb names it the minutes of a meeting. */
  expect_parse("Nyheder › Referat af ordinær generalforsamling 2025\n\n"
               "Punkt 1 – Valg af dirigent\nHenrik Aagaard blev valgt.\n\n"
               "Punkt 2 – Formandens beretning\nBeretningen blev godkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Nyheder › Referat af ordinær generalforsamling 2025\n"
               "item 1 title=Valg af dirigent access=- case=- pages=0-0\n"
               "  header=Punkt 1 – Valg af dirigent\n"
               "  section decision [] body=- text=Henrik Aagaard blev valgt.\n"
               "item 2 title=Formandens beretning access=- case=- pages=0-0\n"
               "  header=Punkt 2 – Formandens beretning\n"
               "  section decision [] body=- text=Beretningen blev godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(items_lettered_in_small_letters) {
  /* A housing board letters its items "a." "b." "e)"; a numbered list inside item b is its. */
  expect_parse("REFERAT\naf afdelingsbestyrelsesmøde den 15. januar 2025\n\n"
               "a. Godkendelse af referat\nVedtaget uden bemærkninger.\n\n"
               "b. Ejendomsmesteren orienterer\nClaus orienterede om:\n1. Tagrenderne er renset.\n"
               "2. Der har været 2 vandskader.\nTaget til efterretning.\n\n"
               "c) Udskiftning af vaskemaskiner\nBeslutning: Vedtaget.\n",
               "document kind=referat municipality=- body=- date=2025-01-15 time=\n"
               "preamble=REFERAT\n"
               "af afdelingsbestyrelsesmøde den 15. januar 2025\n"
               "item a title=Godkendelse af referat access=- case=- pages=0-0\n"
               "  header=a. Godkendelse af referat\n"
               "  section decision [] body=- text=Vedtaget uden bemærkninger.\n"
               "item b title=Ejendomsmesteren orienterer access=- case=- pages=0-0\n"
               "  header=b. Ejendomsmesteren orienterer\n"
               "Claus orienterede om:\n"
               "1. Tagrenderne er renset.\n"
               "2. Der har været 2 vandskader.\n"
               "  section decision [] body=- text=Taget til efterretning.\n"
               "item c title=Udskiftning af vaskemaskiner access=- case=- pages=0-0\n"
               "  header=c) Udskiftning af vaskemaskiner\n"
               "  section decision [Beslutning:] body=- text=Vedtaget.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST


START_TEST(a_reports_contents_with_page_numbers_then_its_sections_is_no_items) {
  /* "1. Indledning 2": a short title, its page number after it and no dot leader; the
   * sections restart the list ("1. Indledning"), so it was a contents list, and what
   * follows is a report's sections, no items (the case line gave one). */
  expect_parse("Kærby Kommune\nRevisionsberetning nr. 18\n\nIndhold\n1. Indledning 2\n"
               "2. Konklusion på revisionen 2\n3. Bemærkninger til årsregnskabet 3\n\nSide 1 af 6\n"
               "Kærby Kommune – Revisionsberetning nr. 18 – 2023\n\n1. Indledning\n1.1 Formål\n"
               "Vi har revideret årsregnskabet for 2023.\n1.2 Sagsnr. og behandling\n"
               "Sagsnr.: 23/007414\n\n2. Konklusion på revisionen\n"
               "Revisionen har ikke givet anledning til forbehold.\nIndstilling til byrådet\n"
               "Vi anbefaler, at byrådet tager beretningen til efterretning.\n\n"
               "3. Bemærkninger til årsregnskabet\nAnlægskartoteket var ikke afstemt.\n\nSide 2 af 6\n"
               "Kærby Kommune – Revisionsberetning nr. 18 – 2023\n",
               "document kind=other municipality=Kærby Kommune body=- date= time=\n"
               "preamble=Kærby Kommune\n"
               "Revisionsberetning nr. 18\n"
               "\n"
               "Indhold\n"
               "1. Indledning 2\n"
               "2. Konklusion på revisionen 2\n"
               "3. Bemærkninger til årsregnskabet 3\n"
               "\n"
               "Kærby Kommune – Revisionsberetning nr. 18 – 2023\n"
               "\n"
               "1. Indledning\n"
               "1.1 Formål\n"
               "Vi har revideret årsregnskabet for 2023.\n"
               "1.2 Sagsnr. og behandling\n"
               "Sagsnr.: 23/007414\n"
               "\n"
               "2. Konklusion på revisionen\n"
               "Revisionen har ikke givet anledning til forbehold.\n"
               "Indstilling til byrådet\n"
               "Vi anbefaler, at byrådet tager beretningen til efterretning.\n"
               "\n"
               "3. Bemærkninger til årsregnskabet\n"
               "Anlægskartoteket var ikke afstemt.\n"
               "\n"
               "Kærby Kommune – Revisionsberetning nr. 18 – 2023\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_title_every_meeting_has_ends_before_its_text_on_a_transcript_page) {
  /* "Punkt 7 Eventuelt Trine Laub spurgte ...": nothing marks where the title ends but
   * its words, which every meeting's list has. */
  expect_parse("Transkript\n1 Referat af bestyrelsesmøde Punkt 1 Godkendelse af dagsorden (B) "
               "Beslutning: Godkendt.\n2 Punkt 2 Takster 2025 (D) Beslutning: Drøftet. Punkt 3 "
               "Eventuelt Trine Laub spurgte til ferieplanen.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat af bestyrelsesmøde\n"
               "item 1 title=Godkendelse af dagsorden (B) access=- case=- pages=1-1\n"
               "  header=Punkt 1 Godkendelse af dagsorden (B)\n"
               "  section decision [Beslutning:] body=- text=Godkendt.\n"
               "item 2 title=Takster 2025 (D) access=- case=- pages=2-2\n"
               "  header=Punkt 2 Takster 2025 (D)\n"
               "  section decision [Beslutning:] body=- text=Drøftet.\n"
               "item 3 title=Eventuelt access=- case=- pages=2-2\n"
               "  header=Punkt 3 Eventuelt Trine Laub spurgte til ferieplanen.\n"
               "end items=3 pages=2 diagnostics=0\n");
}
END_TEST

START_TEST(a_labelled_number_before_a_title_over_its_case_line) {
  /* "Sag 4 Godkendelse af dagsorden" / "Åben" / "Sagsnr.: ...": the label and the number
   * are the item's, not its title's; a neighbour's link under "Næste punkt" repeats the
   * next one's line with nothing under it. */
  expect_parse("Referat fra mødet 6. maj 2025\n\nSag 4 Godkendelse af dagsorden\nÅben\nSagsnr.: 25/7702\n\n"
               "Beslutning\nGodkendt.\n\nNæste punkt ›\n   Sag 5 Ny tildelingsmodel\n\n"
               "Sag 5 Ny tildelingsmodel\nÅben\nSagsnr.: 25/4471\n\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=- date=2025-05-06 time=\n"
               "preamble=Referat fra mødet 6. maj 2025\n"
               "item 4 title=Godkendelse af dagsorden access=open case=25/7702 pages=0-0\n"
               "  header=Sag 4 Godkendelse af dagsorden\n"
               "Åben\n"
               "Sagsnr.: 25/7702\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "\n"
               "Næste punkt ›\n"
               "item 5 title=Ny tildelingsmodel access=open case=25/4471 pages=0-0\n"
               "  header=Sag 5 Ny tildelingsmodel\n"
               "\n"
               "Sag 5 Ny tildelingsmodel\n"
               "Åben\n"
               "Sagsnr.: 25/4471\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(unnumbered_titles_over_colon_headings_of_a_board) {
  /* A daycare board's minutes: a title line, then "Orientering:", "Drøftelse:" and
   * "Beslutning:" lines; after an item's decision, a title over a heading opens the next. */
  expect_parse("Referat – forældrebestyrelsesmøde\n\nVelkommen og godkendelse af dagsorden\n"
               "Beslutning:\nDagsordenen blev godkendt.\n\nNyt fra ledelsen\nOrientering:\n"
               "Der er ansat en ny pædagog.\nDrøftelse:\nAmira spurgte til legepladsen.\n\n"
               "Sygdom og hjemsendelse af børn\nOrientering:\nMange børn har været syge.\n"
               "Beslutning:\nSusanne skriver et opslag.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat – forældrebestyrelsesmøde\n"
               "item 1 (inferred) title=Velkommen og godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=Velkommen og godkendelse af dagsorden\n"
               "  section decision [Beslutning:] body=- text=Dagsordenen blev godkendt.\n"
               "item 2 (inferred) title=Nyt fra ledelsen access=- case=- pages=0-0\n"
               "  header=Nyt fra ledelsen\n"
               "  section other [Orientering:] body=- text=Der er ansat en ny pædagog.\n"
               "  section other [Drøftelse:] body=- text=Amira spurgte til legepladsen.\n"
               "item 3 (inferred) title=Sygdom og hjemsendelse af børn access=- case=- pages=0-0\n"
               "  header=Sygdom og hjemsendelse af børn\n"
               "  section other [Orientering:] body=- text=Mange børn har været syge.\n"
               "  section decision [Beslutning:] body=- text=Susanne skriver et opslag.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_inline_heading_after_a_sentence_ending_in_a_year) {
  /* "... i december 2025. Sagsfremstilling Budgettet ...": the year's full stop ends a
   * sentence; it numbers no point of an outline ("1. Resume"). */
  expect_parse("Transkript\n1 Dagsorden Udvalg\n2 Udvalg 3. juni 2025 1. Godkendelse af dagsorden "
               "Sagsnr.: 1-00-41-25 Indstilling Administrationen indstiller, at udvalget orienteres "
               "i december 2025. Sagsfremstilling Budgettet for 2026 er 58,3 mio. kr.\n",
               "document kind=dagsorden municipality=- body=- date=2025-06-03 time=\n"
               "preamble=Dagsorden Udvalg\n"
               "Udvalg 3. juni 2025\n"
               "item 1 title=Godkendelse af dagsorden access=- case=1-00-41-25 pages=2-2\n"
               "  header=1. Godkendelse af dagsorden Sagsnr.: 1-00-41-25\n"
               "  section recommendation [Indstilling] body=- text=Administrationen indstiller, at udvalget orienteres i december 2025.\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet for 2026 er 58,3 mio. kr.\n"
               "end items=1 pages=2 diagnostics=0\n");
}
END_TEST

START_TEST(an_overview_by_groups_cut_off_before_the_body_has_no_items) {
  /* A page's excerpt that ends in its overview: lettered group labels ("A. Sager til
   * afgørelse i byrådet") are list furniture, and the entries of the next group ("7 ...",
   * whose numbers fall back below 17's) are the list's too: no item has text. */
  expect_parse("Referat\ntil\nmødet i Økonomiudvalget\nden 26. april 2017 kl. 08:30\n\n"
               "A. Sager til afgørelse i byrådet\n1 Boliger ved Rugårdsvej\n"
               "2 Vederlag til udvalgsmedlemmer\n3 Børnehus Syd\n4 Etablering af SFO2\n"
               "17 Investeringsprojekter\nB. Sager til afgørelse i udvalget\n7 Parkering ved letbanen\n"
               "8 Udpegning af bestyrelsesmedlem\nC. Sager til drøftelse/forberedelse\n"
               "10 Reviderede kriterier for \n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2017-04-26 time=08:30\n"
               "preamble=Referat\n"
               "til\n"
               "mødet i Økonomiudvalget\n"
               "den 26. april 2017 kl. 08:30\n"
               "\n"
               "A. Sager til afgørelse i byrådet\n"
               "1 Boliger ved Rugårdsvej\n"
               "2 Vederlag til udvalgsmedlemmer\n"
               "3 Børnehus Syd\n"
               "4 Etablering af SFO2\n"
               "17 Investeringsprojekter\n"
               "B. Sager til afgørelse i udvalget\n"
               "7 Parkering ved letbanen\n"
               "8 Udpegning af bestyrelsesmedlem\n"
               "C. Sager til drøftelse/forberedelse\n"
               "10 Reviderede kriterier for\n"
               "end items=0 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_inline_vedtagelse_after_a_sentence_is_the_decision) {
  /* A transcript's page: "... at dagsordenen godkendes. Vedtagelse Godkendt." */
  expect_parse("Transkript\n1 Referat af bestyrelsesmøde\n2 21/25 Godkendelse af dagsorden J. nr "
               "Indstilling at dagsordenen godkendes. Vedtagelse Godkendt. 3\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat af bestyrelsesmøde\n"
               "item 21/25 title=Godkendelse af dagsorden access=- case=- pages=2-2\n"
               "  header=21/25 Godkendelse af dagsorden J. nr\n"
               "  section recommendation [Indstilling] body=- text=at dagsordenen godkendes.\n"
               "  section decision [Vedtagelse] body=- text=Godkendt. 3\n"
               "end items=1 pages=2 diagnostics=0\n");
}
END_TEST



START_TEST(a_lettered_group_of_closed_cases_is_list_furniture) {
  /* An overview in lettered groups, its last "E. Lukkede sager": the entries above it are
   * the list's, and the body restarts it. */
  expect_parse("Referat\n\nA. Sager til afgørelse i byrådet\n1 Lokalplan for Havnekaj Nord\n"
               "2 Kulturpuljen 2024\nD. Orientering\n3 Status på byfornyelsen\nE. Lukkede sager\n"
               "4 Køb af ejendommen Kanalgade 19\n\n1. Lokalplan for Havnekaj Nord\nÅbent - 01.02.05-P16-8-23\n"
               "RESUMÉ\nForslaget har været i høring.\nBESLUTNING\nUdvalget anbefaler indstillingen.\n\n"
               "2. Kulturpuljen 2024\nÅbent - 18.15.00-Ø40-1-24\nBESLUTNING\nGodkendt.\n",
               "document kind=referat municipality=- body=- date= time=\n"
               "preamble=Referat\n"
               "\n"
               "A. Sager til afgørelse i byrådet\n"
               "1 Lokalplan for Havnekaj Nord\n"
               "2 Kulturpuljen 2024\n"
               "D. Orientering\n"
               "3 Status på byfornyelsen\n"
               "E. Lukkede sager\n"
               "4 Køb af ejendommen Kanalgade 19\n"
               "item 1 title=Lokalplan for Havnekaj Nord access=open case=- pages=0-0\n"
               "  header=1. Lokalplan for Havnekaj Nord\n"
               "Åbent - 01.02.05-P16-8-23\n"
               "  section summary [RESUMÉ] body=- text=Forslaget har været i høring.\n"
               "  section decision [BESLUTNING] body=- text=Udvalget anbefaler indstillingen.\n"
               "item 2 title=Kulturpuljen 2024 access=open case=- pages=0-0\n"
               "  header=2. Kulturpuljen 2024\n"
               "Åbent - 18.15.00-Ø40-1-24\n"
               "  section decision [BESLUTNING] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_excerpt_that_ends_in_an_items_title) {
  /* A page's first kilobytes end right after item 2's title: the run of numbers with text
   * after each still reads, its last start having nothing after it but the cut. */
  expect_parse("Referat fra Lokalrådets møde 18. september 2006\n\n"
               "1. Ændring af rådets retningslinier.\n\nFormanden ændres til næstformanden.\n\n"
               "2. Valg af formand, næstformand og kasserer.\n",
               "document kind=referat municipality=- body=- date=2006-09-18 time=\n"
               "preamble=Referat fra Lokalrådets møde 18. september 2006\n"
               "item 1 title=Ændring af rådets retningslinier. access=- case=- pages=0-0\n"
               "  header=1. Ændring af rådets retningslinier.\n"
               "\n"
               "Formanden ændres til næstformanden.\n"
               "item 2 title=Valg af formand, næstformand og kasserer. access=- case=- pages=0-0\n"
               "  header=2. Valg af formand, næstformand og kasserer.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST



START_TEST(the_body_glued_to_the_overviews_last_entry_restarts_the_list) {
  /* A meeting system's page: its overview's last entry runs into the body's first item
   * ("... - Lukket punkt18. Godkendelse af dagsorden"); the body's second item then numbers
   * on from it, not from the overview's last (the template of headings read three items
   * with no titles). */
  expect_parse("Referat\n"
               "\n"
               "PUNKTER\n"
               "\n"
               "18. Godkendelse af dagsorden\n"
               "19. Naturpleje 2024-2026\n"
               "20. Erstatning for vådområdeprojekt ved Hvidemose - Lukket punkt18. Godkendelse af dagsorden\n"
               "\n"
               "Godkendelse af dagsorden\n"
               "\n"
               "Sagsgang og sagstype\n"
               "Klima-, Natur- og Landdistriktsudvalget\n"
               " \n"
               "Beslutningssag\n"
               "\n"
               "Indstilling\n"
               "Direktøren for Teknik og Miljø indstiller at:\n"
               " 1. dagsordenen for mødet den 4. marts 2024 bliver godkendt.\n"
               "\n"
               "Beslutning i Klima-, Natur- og Landdistriktsudvalget den 04-03-2024\n"
               "Godkendt, idet punkt 21 blev behandlet før punkt 20.\n"
               "19. Naturpleje 2024-2026\n"
               "\n"
               "Naturpleje 2024-2026\n"
               "\n"
               "Indstilling\n"
               "Direktøren for Teknik og Miljø indstiller, at udvalget beslutter, at:\n"
               " 1. puljen fordeles efter model B.\n"
               "\n"
               "Beslutning i Klima-, Natur- og Landdistriktsudvalget den 04-03-2024\n"
               "Godkendt med den ændring, at rammen til vandhuller nedsættes til 200.000 kr. årligt.  \n"
               " \n"
               "Niels Aagaard (V) tog forbehold.\n"
               "\n"
               "Beskrivelse af sagen\n"
               "Udvalget bad om et oplæg.\n",
               "document kind=referat municipality=- body=Natur- og Landdistriktsudvalget date= time=\n"
               "preamble=Referat\n"
               "\n"
               "PUNKTER\n"
               "\n"
               "18. Godkendelse af dagsorden\n"
               "19. Naturpleje 2024-2026\n"
               "20. Erstatning for vådområdeprojekt ved Hvidemose - Lukket punkt\n"
               "item 18 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=18. Godkendelse af dagsorden\n"
               "\n"
               "Godkendelse af dagsorden\n"
               "  section other [Sagsgang og sagstype] body=- text=Klima-, Natur- og Landdistriktsudvalget\n"
               " \n"
               "Beslutningssag\n"
               "  section recommendation [Indstilling] body=- text=Direktøren for Teknik og Miljø indstiller at:\n"
               " 1. dagsordenen for mødet den 4. marts 2024 bliver godkendt.\n"
               "  section decision [Beslutning i Klima-, Natur- og Landdistriktsudvalget den 04-03-2024] body=Klima-, Natur- og Landdistriktsudvalget text=Godkendt, idet punkt 21 blev behandlet før punkt 20.\n"
               "item 19 title=Naturpleje 2024-2026 access=- case=- pages=0-0\n"
               "  header=19. Naturpleje 2024-2026\n"
               "\n"
               "Naturpleje 2024-2026\n"
               "  section recommendation [Indstilling] body=- text=Direktøren for Teknik og Miljø indstiller, at udvalget beslutter, at:\n"
               " 1. puljen fordeles efter model B.\n"
               "  section decision [Beslutning i Klima-, Natur- og Landdistriktsudvalget den 04-03-2024] body=Klima-, Natur- og Landdistriktsudvalget text=Godkendt med den ændring, at rammen til vandhuller nedsættes til 200.000 kr. årligt.  \n"
               " \n"
               "Niels Aagaard (V) tog forbehold.\n"
               "  section background [Beskrivelse af sagen] body=- text=Udvalget bad om et oplæg.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(an_agenda_overview_on_a_transcript_page_is_no_items) {
  /* Numbers rise inside the page, but nothing names the text minutes, no decision is
   * recorded and no item matter follows a number: an overview, not items. */
  expect_parse("Transkript\n1 Gudenåkomitéen Viborg Kommune Prinsens Allé\n"
               "2 Møde den 12. december 2014 Punkter: 1. Velkomst v./ Flemming Lund 2. Godkendelse "
               "af punkter 3. Orientering om Vandråd Randers Fjord 4. Kvælstof i Gudenåen\n",
               "document kind=other municipality=Viborg Kommune body=Vandråd date=2014-12-12 time=\n"
               "preamble=Gudenåkomitéen Viborg Kommune Prinsens Allé\n"
               "Møde den 12. december 2014 Punkter: 1. Velkomst v./ Flemming Lund 2. Godkendelse af punkter 3. Orientering om Vandråd Randers Fjord 4. Kvælstof i Gudenåen\n"
               "end items=0 pages=2 diagnostics=0\n");
}
END_TEST

START_TEST(a_heading_after_the_title_in_a_page_line_opens_the_body) {
  /* A page's lines run into one: the title, cut where the contents list ends it, runs on
   * into its decision's heading ("Beslutning", "Byrådet den ...:"), which opens the body
   * as at a line's start. */
  expect_parse("Skovby Kommune Byrådet REFERAT Ordinært møde tirsdag den 15. marts 2011 kl. 18.30 "
               "i Byrådssalen Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Salg af grund ved "
               "skolen 3. Orientering om vejene Side 1 af 2\n"
               "Byrådet 15. marts 2011 Side 2 af 2 1. Godkendelse af dagsorden Beslutning Godkendt. "
               "2. Salg af grund ved skolen Byrådet den 15. marts 2011: Punktet blev trukket af "
               "dagsordenen. 3. Orientering om vejene Sagsfremstilling Vejene er slidte. Beslutning "
               "Taget til efterretning.\n",
               "document kind=referat municipality=Skovby Kommune body=Byrådet date=2011-03-15 "
               "time=18:30\n"
               "preamble=Skovby Kommune Byrådet REFERAT Ordinært møde tirsdag den 15. marts 2011 kl. "
               "18.30 i Byrådssalen Indholdsfortegnelse 1. Godkendelse af dagsorden 2. Salg af grund "
               "ved skolen 3. Orientering om vejene Side 1 af 2\n"
               "Byrådet 15. marts 2011 Side 2 af 2\n"
               "item 1 title=Godkendelse af dagsorden access=- case=- pages=0-0\n"
               "  header=1. Godkendelse af dagsorden\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "item 2 title=Salg af grund ved skolen access=- case=- pages=0-0\n"
               "  header=2. Salg af grund ved skolen\n"
               "  section decision [Byrådet den 15. marts 2011:] body=Byrådet text=Punktet blev "
               "trukket af dagsordenen.\n"
               "item 3 title=Orientering om vejene access=- case=- pages=0-0\n"
               "  header=3. Orientering om vejene\n"
               "  section background [Sagsfremstilling] body=- text=Vejene er slidte.\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

START_TEST(a_minute_books_numbered_items_end_their_titles_with_a_full_stop) {
  /* "Nr. 12.   Meddelelser.": the number's label says an item starts, whatever ends its
   * title (a numbered sentence without it is prose). */
  expect_parse("ØSTBY SOGNERÅD\nReferat af møde den 4. maj 1971\n\n"
               "Nr. 12.   Meddelelser.\n\nFormanden oplæste en skrivelse fra amtet.\n"
               "Meddelelsen toges til efterretning.\n\n"
               "Nr. 13.   Andragende fra idrætsforeningen om tilskud.\n\nGodkendtes.\n\n"
               "Nr. 14.   Valg af kasserer.\n\nValgt blev gårdejer Hans Lund.\n",
               "document kind=referat municipality=- body=SOGNERÅD date=1971-05-04 time=\n"
               "preamble=ØSTBY SOGNERÅD\nReferat af møde den 4. maj 1971\n"
               "item 12 title=Meddelelser. access=- case=- pages=0-0\n"
               "  header=Nr. 12.   Meddelelser.\n\nFormanden oplæste en skrivelse fra amtet.\n"
               "  section decision [] body=- text=Meddelelsen toges til efterretning.\n"
               "item 13 title=Andragende fra idrætsforeningen om tilskud. access=- case=- "
               "pages=0-0\n"
               "  header=Nr. 13.   Andragende fra idrætsforeningen om tilskud.\n"
               "  section decision [] body=- text=Godkendtes.\n"
               "item 14 title=Valg af kasserer. access=- case=- pages=0-0\n"
               "  header=Nr. 14.   Valg af kasserer.\n"
               "  section decision [] body=- text=Valgt blev gårdejer Hans Lund.\n"
               "end items=3 pages=0 diagnostics=0\n");
  /* The minute book's own name says minutes: "Forhandlingsprotokol", "Mødeprotokol". */
  char *got = parse_at("ØSTBY SOGNERÅD - Forhandlingsprotokol\nMøde den 4. maj 1971\n\n"
                       "Nr. 12.   Meddelelser.\n\nMeddelelsen toges til efterretning.\n\n"
                       "Nr. 13.   Andragende fra idrætsforeningen om tilskud.\n\nGodkendtes.\n",
                       0);
  ck_assert_msg(strncmp(got, "document kind=referat ", 22) == 0 && strstr(got, "\nitem 13 "),
                "%s", got);
  free(got);
  /* A minute book that names no kind tells its meeting in the past: a decision in the old
   * past passive ("vedtoges"), who led the meeting; OCR's "ti1" and "m0det" too. */
  got = parse_at("HALS KOMMUNALBESTYRELSE\n\nOrdinært m0de tirsdag den 14. maj 1974.\n\n"
                 "Borgmester P. Kjærsgaard ledede m0det.\n\nPkt. 1. Meddelelser.\n\n"
                 "Meddelelserne toges ti1 efterretning.\n\nPkt. 2. Kloakering af Hou by.\n\n"
                 "Udvalgets indstilling vedtoges med 12 stemmer mod 4.\n", 0);
  ck_assert_msg(strncmp(got, "document kind=referat ", 22) == 0 && strstr(got, "\nitem 2 "),
                "%s", got);
  free(got);
  /* ... nor a news item that tells who was present */
  expect_no_items("Nyheder\n\nLørdag blev det nye lokalcenter i Nordby indviet.\n\nTil stede var "
                  "borgmester Hans Jensen og formanden for ældrerådet.\n\n1. Program\n\nTaler "
                  "og kaffe.\n");
  /* ... but not a history of a law ("Loven vedtoges i 1970") */
  expect_no_items("Kommunalreformen\n\nLoven om kommunernes inddeling vedtoges i 1970 efter "
                  "lange forhandlinger.\n\n1. Baggrund\n\nReformen samlede 1.100 kommuner.\n");
  /* ... but not a sentence about one, and a wrapped "nr. 87." in an item's text starts none */
  expect_no_items("Nyheder\n\nByrådets forhandlingsprotokol fra mødet kan ses på kommunens "
                  "hjemmeside.\n\nSognerådets forhandlingsprotokol 1912-1930 er nu "
                  "digitaliseret.\n");
  got = parse_at("Referat\nByrådet\n\n1. Lokalplan for Engvej\nSagsfremstilling\nOmrådet er "
                 "omfattet af lokalplan\nnr. 87. Lokalplanen udlægger området til boliger.\n"
                 "Beslutning\nGodkendt.\n\n2. Salg af grund\nBeslutning\nGodkendt.\n", 0);
  ck_assert_msg(!strstr(got, "\nitem 87 ") && strstr(got, "\nitem 2 "), "%s", got);
  free(got);
}
END_TEST

START_TEST(a_title_in_a_page_line_ends_before_a_sentence_of_a_definite_noun_and_its_verb) {
  /* "Punkt 1 Budget 1993 - 2. behandling Budgetforslaget blev 1. behandlet ...": the
   * item's first sentence opens with a noun in its definite form and a finite verb, which
   * a title has not (a title names a thing: "Budget", "Henvendelse fra ..."). */
  char *got = parse_at("Brørup Kommune Kommunalbestyrelsen Referat af ordinært møde tirsdag den "
                       "22. september 1992 Punkt 1 Budget 1993 - 2. behandling Budgetforslaget "
                       "blev 1. behandlet på kommunalbestyrelsens møde den 25. august 1992. "
                       "Forslaget balancerer. Kommunalbestyrelsen den 22. september 1992: "
                       "Budgetforslaget blev vedtaget. Punkt 2 Henvendelse fra Grundejerforeningen "
                       "Søndermarken om vejbelysning Grundejerforeningen anmoder om, at der "
                       "opsættes 6 nye lysmaster på stamvejen, da vejen er utryg for skolebørn. "
                       "Kommunalbestyrelsen den 22. september 1992: Henvendelsen oversendes til "
                       "teknisk udvalg. Punkt 3 Ansøgning fra Brørup Håndboldklub om tilskud "
                       "Klubben ansøger om 85.000 kr. til udskiftning af lysanlægget i hallen. "
                       "Kommunalbestyrelsen den 22. september 1992: Ansøgningen blev ikke "
                       "imødekommet. Side 1 af 3\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 1 title=Budget 1993 - 2. behandling access") &&
                    strstr(got, "\nitem 2 title=Henvendelse fra Grundejerforeningen Søndermarken "
                                "om vejbelysning access") &&
                    strstr(got, "\nitem 3 title=Ansøgning fra Brørup Håndboldklub om tilskud "
                                "access"),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_committee_named_by_an_adjective_or_joined_names_heads_its_decision_inline) {
  /* "Teknisk udvalg den 7. september 1992:", "Kultur- og fritidsudvalget den 3. september
   * 1992:" inside a page line head decisions as "Økonomiudvalget den ...:" does. */
  char *got = parse_at("Referat Punkt 1 Lokalplan nr. 31 Lokalplanforslaget har været fremlagt. "
                       "Teknisk udvalg den 7. september 1992: Udvalget indstiller lokalplanen til "
                       "vedtagelse. Kommunalbestyrelsen den 22. september 1992: Vedtaget. Punkt 2 "
                       "Ansøgning om tilskud Klubben ansøger om 85.000 kr. Kultur- og "
                       "fritidsudvalget den 3. september 1992: Udvalget kan ikke anbefale "
                       "ansøgningen. Kommunalbestyrelsen den 22. september 1992: Afslået.\n",
                       0);
  ck_assert_msg(strstr(got, "  section decision [Teknisk udvalg den 7. september 1992:] "
                            "body=Teknisk udvalg text=Udvalget indstiller") &&
                    strstr(got, "  section decision [Kultur- og fritidsudvalget den 3. september "
                                "1992:] body=Kultur- og fritidsudvalget text=Udvalget kan ikke"),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_labelled_item_in_a_page_line_with_its_access_mark_or_a_chairs_report) {
  /* "Punkt 6 (Lukket punkt) Salg af byggegrund": the access mark stands between the
   * number and the title; "Formanden for skole- og kulturudvalget orienterede": the one
   * who acts is named with what they chair, before the verb that opens the text. */
  char *got = parse_at("Referat Punkt 5 Skolestruktur - status fra arbejdsgruppen Formanden for "
                       "skole- og kulturudvalget orienterede om arbejdsgruppens foreløbige "
                       "overvejelser om elevtallet på Lindknud Skole og om en eventuel fælles "
                       "overbygning med Brørup Skole fra skoleåret 1994/95. Kommunalbestyrelsen "
                       "den 22. september 1992: Drøftedes. Punkt 6 (Lukket punkt) Salg af "
                       "byggegrund, Industrivej 9 Kommunalbestyrelsen den 22. september 1992: "
                       "Godkendt med 13 stemmer.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 5 title=Skolestruktur - status fra arbejdsgruppen access=-") &&
                    strstr(got, "\nitem 6 title=Salg af byggegrund, Industrivej 9 access=closed"),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_bare_number_and_title_before_the_case_label_in_a_page_line) {
  /* "2016 1 Anlægsbevilling til udvidelse af Kvaglund Skole Sagsnr. 16/8841 Sagsresumé
   * ...": no mark after the number, but the case label after the title says an item's
   * header; "Økonomiudvalget den 12. september 2016 Anbefales." after a sentence heads the
   * committee's decision as with a colon. */
  char *got = parse_at("Esbjerg Kommune Referat Byrådet Mødedato: 19. september 2016 Side 1 af 4\n"
                       "Byrådet 19. september 2016 1 Anlægsbevilling til udvidelse af Kvaglund "
                       "Skole Sagsnr. 16/8841 Sagsresumé Elevtallet forventes at stige. Indstilling "
                       "Direktøren indstiller, at der gives en anlægsbevilling. Økonomiudvalget den "
                       "12. september 2016 Anbefales. Byrådet den 19. september 2016 Godkendt med 28 "
                       "stemmer for. 2 undlod at stemme (Ø). 2 Budget 2017-2020, 1. behandling "
                       "Sagsnr. 16/2210 Sagsresumé Budgetforslaget er i balance. Byrådet den 19. "
                       "september 2016 Oversendt til 2. behandling. Side 2 af 4\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 1 title=Anlægsbevilling til udvidelse af Kvaglund Skole "
                            "access=- case=16/8841") &&
                    strstr(got, "\nitem 2 title=Budget 2017-2020, 1. behandling access=- "
                                "case=16/2210") &&
                    strstr(got, "  section decision [Økonomiudvalget den 12. september 2016] "
                                "body=Økonomiudvalget text=Anbefales.") &&
                    strstr(got, "  section decision [Byrådet den 19. september 2016] "
                                "body=Byrådet text=Godkendt med 28"),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_minute_books_ad_numbers_run_on_as_sentences_after_its_agenda) {
  /* "ad 2.  Kirkegårdsudvalget havde fremsendt ...": the minute runs on after the number;
   * the title is the agenda's.  The page number over the running head ("48" / "SKOVBY
   * SOGNERÅD - Forhandlingsprotokol") starts no item. */
  char *got = parse_at("                                      47\n"
                       "   SKOVBY SOGNERÅD  -  Forhandlingsprotokol\n\n"
                       "Møde i præstegården tirsdag den 7. april 1981 kl. 19.30.\n\nDagsorden:\n"
                       " 1. Protokollen fra mødet den 10. marts.\n 2. Kirkegårdens takster 1981/82.\n"
                       " 3. Valg af kirkeværge.\n\n"
                       "ad 1.  Protokollen blev oplæst og godkendt uden bemærkninger.\n\n"
                       "ad 2.  Kirkegårdsudvalget havde fremsendt forslag til nye takster. Pastor "
                       "Bjerre fandt stigningen for stor. Vedtaget med 6 stemmer mod 2.\n\n"
                       "                                      48\n"
                       "   SKOVBY SOGNERÅD  -  Forhandlingsprotokol\n\n"
                       "ad 3.  Kirkeværgens valgperiode udløber den 1. maj. Aage Nissen blev "
                       "genvalgt.\n\nMødet hævet.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 1 title=Protokollen fra mødet den 10. marts. access") &&
                    strstr(got, "\nitem 2 title=Kirkegårdens takster 1981/82. access") &&
                    strstr(got, "\nitem 3 title=Valg af kirkeværge. access") &&
                    !strstr(got, "\nitem 47 ") && !strstr(got, "\nitem 48 "),
                "%s", got);
  free(got);
  /* A one-line title after "Ad 2." stays the item's title. */
  got = parse_at("Referat\n\nAd 1. Godkendelse af dagsorden\n\nGodkendt.\n\n"
                 "Ad 2. Budget 2025 – status\n\nTaget til efterretning.\n", 0);
  ck_assert_msg(strstr(got, "\nitem 2 title=Budget 2025 – status access"), "%s", got);
  free(got);
}
END_TEST

START_TEST(a_decision_told_in_a_sentence_of_a_minute_books_paragraph) {
  /* A minute book runs each item's minute on as one paragraph: its decision is a
   * sentence inside it, which starts a decision section without a heading. */
  char *got = parse_at("SKOVBY SOGNERÅD - Forhandlingsprotokol\n\nMøde den 7. april 1981.\n\n"
                       "Dagsorden:\n 1. Kirkegårdens takster.\n 2. Meddelelser.\n\n"
                       "ad 1.  Kirkegårdsudvalget havde fremsendt forslag til nye takster. Pastor "
                       "Bjerre fandt stigningen for stor. Vedtaget med 6 stemmer mod 2.\n\n"
                       "ad 2.  Formanden oplæste et brev fra provstiet. Meddelelserne toges til "
                       "efterretning.\n",
                       0);
  ck_assert_msg(strstr(got, "  section decision [] body=- text=Vedtaget med 6 stemmer mod 2.\n") &&
                    strstr(got, "  section decision [] body=- text=Meddelelserne toges til "
                                "efterretning.\n"),
                "%s", got);
  free(got);
  /* ... and a letter read out and noted, as OCR reads it ("ti1") */
  expect_holds("SKOVBY SOGNERÅD\n\nAar 1968 holdt sognerådet møde.\n\nDagsorden:\n1. Skrivelse "
               "fra amtet.\n2. Budget.\n\nad 1.\nSkrivelsen oplæstes og toges ti1 "
               "efterretning.\n\nad 2.\nBudgettet vedtoges.\n",
               "  section decision [] body=- text=Skrivelsen oplæstes og toges ti1 "
               "efterretning.\n", true);
  /* ... and an outcome with its adverb after it, its vote's count on the next line */
  expect_holds("Referat\n\nSag nr. 1. Vejkryds\nTeknisk udvalg har indstillet, at krydset "
               "ombygges.\nTeknisk udvalgs indstilling vedtoges herefter med\n22 stemmer mod 2."
               "\n\nSag nr. 2. Budget\nBudgettet vedtoges.\n",
               "  section decision [] body=- text=Teknisk udvalgs indstilling vedtoges "
               "herefter med\n22 stemmer mod 2.\n", true);
  /* ... not the minutes' own reading at the end, under any name for them */
  expect_holds("SKOVBY SOGNERÅD\n\nAar 1968 holdt sognerådet møde.\n\nDagsorden:\n1. Budget.\n"
               "2. Eventuelt.\n\nad 1.\nBudgettet vedtoges.\n\nad 2.\nMødeprotokollen oplæstes "
               "og godkendtes.\n",
               "text=Mødeprotokollen", false);
  /* ... a majority's act, or a body's as one, with its parties ("Et flertal (A og F)
   * godkendte", "Et enigt udvalg anbefalede"), and an item that went with its reason */
  expect_holds("BESLUTNINGSPROTOKOL\nMødet den 8. oktober 1985.\n\n1. Skoledistrikt\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole. Et flertal (A og F) "
               "godkendte forvaltningens forslag. Et mindretal (V og C) stemte imod.\n\n"
               "2. Musikskolen\nForvaltningen foreslår et tilskud. Et enigt udvalg anbefalede "
               "tilskuddet.\n\n3. Skolemælk\nPunktet udgik, da spørgsmålet var besvaret "
               "skriftligt.\n",
               "  section decision [] body=- text=Et flertal (A og F) godkendte forvaltningens "
               "forslag. Et mindretal (V og C) stemte imod.\n", true);
  expect_holds("BESLUTNINGSPROTOKOL\nMødet den 8. oktober 1985.\n\n1. Skoledistrikt\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole. Et enigt udvalg "
               "anbefalede forslaget.\n\n2. Skolemælk\nPunktet udgik, da spørgsmålet var "
               "besvaret skriftligt.\n",
               "  section decision [] body=- text=Et enigt udvalg anbefalede forslaget.\n", true);
  expect_holds("BESLUTNINGSPROTOKOL\nMødet den 8. oktober 1985.\n\n1. Skoledistrikt\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole. Godkendt.\n\n"
               "2. Skolemælk\nPunktet udgik, da spørgsmålet var besvaret skriftligt.\n",
               "  section decision [] body=- text=Punktet udgik, da spørgsmålet var besvaret "
               "skriftligt.\n", true);
  /* An agenda that tells of another meeting held is no minute book. */
  expect_holds("Dagsorden:\n\n1. Skolestruktur\nForvaltningen holdt et møde med "
               "skolebestyrelsen den 3. marts 2022, og forvaltningen indstiller, at "
               "strukturen godkendes.\n\n2. Budget\nForvaltningen indstiller, at budgettet "
               "godkendes.\n",
               "document kind=dagsorden ", true);
  /* Not in an item whose text has headings: its decision is under them. */
  got = parse_at("Referat\n\n1. Takster\nSagsfremstilling\nUdvalget har fremsendt forslag. "
                 "Taksterne blev vedtaget med 6 stemmer mod 2 i 2019. Godkendt.\n\n"
                 "2. Meddelelser\nIntet.\n", 0);
  ck_assert_msg(!strstr(got, "section decision"), "%s", got);
  free(got);
}
END_TEST

START_TEST(page_line_titles_and_labels_the_definite_noun_must_not_cut) {
  /* A title's dash or colon before a definite noun and its verb is the title's own ("Borgerforslag
   * - Svømmehallen skal bevares", "Status: Projektet er forsinket"); a surname in -sen is no
   * definite noun ("Anne Jensen blev valgt"). */
  char *got = parse_at("Skovby Kommune Byrådet Referat Ordinært møde tirsdag den 15. marts 2011 "
                       "Punkt 1 Valg af næstformand Anne Jensen blev valgt med 9 stemmer. "
                       "Byrådet den 15. marts 2011: Godkendt. Punkt 2 Borgerforslag - Svømmehallen "
                       "skal bevares Sagsfremstilling Der er indsamlet 2.000 underskrifter. "
                       "Beslutning Oversendt til kultur- og fritidsudvalget. Punkt 3 Status: "
                       "Projektet er forsinket Sagsfremstilling Entreprenøren er gået konkurs. "
                       "Beslutning Taget til efterretning. Side 1 af 3\n",
                       0);
  ck_assert_msg(!strstr(got, "title=Valg af næstformand Anne access") &&
                    strstr(got, "\nitem 2 title=Borgerforslag - Svømmehallen skal bevares access") &&
                    strstr(got, "\nitem 3 title=Status: Projektet er forsinket access"),
                "%s", got);
  free(got);
  /* A committee's dated label before the page's footer heads no decision. */
  got = parse_at("Referat Punkt 1 Anlægsbevilling til skolen Sagsfremstilling Udgiften er anslået til "
                 "18,5 mio. kr. Økonomiudvalget den 12. september 2016 Side 3 af 4\n"
                 "Beslutning Godkendt.\n",
                 0);
  ck_assert_msg(!strstr(got, "[Økonomiudvalget den 12. september 2016]"), "%s", got);
  free(got);
}
END_TEST

START_TEST(a_bare_number_item_starts_at_the_last_number_before_its_title) {
  /* "... Godkendt. For: 25 Imod: 2 Undlod: 0 2 Budget 2017-2020 Sagsnr. 16/2210": the item
   * starts at the number next to its title, not at a count or an appendix's number before. */
  char *got = parse_at("Esbjerg Kommune Referat Byrådet Mødedato: 19. september 2016 Side 1 af 4\n"
                       "Byrådet 19. september 2016 1 Anlægsbevilling til udvidelse af Kvaglund "
                       "Skole Sagsnr. 16/8841 Sagsresumé Elevtallet forventes at stige med 120 "
                       "elever frem mod 2020, og skolen har i dag 24 klasser. Udvidelsen omfatter 6 "
                       "klasselokaler. Indstilling Direktøren indstiller, at der gives en "
                       "anlægsbevilling. Økonomiudvalget den 12. september 2016 Anbefales. Byrådet "
                       "den 19. september 2016 Godkendt. For: 25 Imod: 2 Undlod: 0 2 Budget "
                       "2017-2020, 1. behandling Sagsnr. 16/2210 Sagsresumé Budgetforslaget er i "
                       "balance. Byrådet den 19. september 2016 Oversendt til 2. behandling. Bilag 4 "
                       "Skitseprojekt for udvidelsen 3 Salg af grund på Industrivej Sagsnr. 16/3310 "
                       "Sagsresumé Grunden sælges. Byrådet den 19. september 2016 Godkendt.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 2 title=Budget 2017-2020, 1. behandling access") &&
                    strstr(got, "\nitem 3 title=Salg af grund på Industrivej access") &&
                    !strstr(got, "\nitem 4 "),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_contents_lists_title_cuts_a_page_lines_title_only_at_a_word_end) {
  /* The list's "SALG AF GRUND VED SKOLEN" agrees with "Salg af grund ved Kærsø" in its
   * first words only: the title is not cut inside "Kærsø" (nor inside its "æ"). */
  char *got = parse_at("Skovby Kommune Byrådet REFERAT Ordinært møde tirsdag den 15. marts 2011 kl. "
                       "18.30 INDHOLDSFORTEGNELSE 1. GODKENDELSE AF DAGSORDEN 2. SALG AF GRUND VED "
                       "SKOLEN 3. ORIENTERING OM VEJENE Side 1 af 2\n"
                       "Byrådet 15. marts 2011 Side 2 af 2 1. Godkendelse af dagsorden Beslutning "
                       "Godkendt. 2. Salg af grund ved Kærsø Byrådet den 15. marts 2011: Udsat 3. "
                       "Orientering om vejene Sagsfremstilling Vejene er slidte. Beslutning Taget "
                       "til efterretning.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 2 title=Salg af grund ved Kærsø access"), "%s", got);
  free(got);
  /* Nor where only a number follows the list's title: the list's entry lost it. */
  got = parse_at("Skovby Boligselskab Bestyrelsen REFERAT Ordinært møde tirsdag den 15. marts 2011 "
                 "Indholdsfortegnelse 1. GODKENDELSE AF DAGSORDEN 2. GODKENDELSE AF REFERAT FRA MØDE "
                 "NR. 3. ÅRSREGNSKAB Side 1 af 2\n"
                 "Bestyrelsen 15. marts 2011 Side 2 af 2 1. GODKENDELSE AF DAGSORDEN Beslutning: "
                 "Godkendt. 2. GODKENDELSE AF "
                 "REFERAT FRA MØDE NR. 111 Indstilling: Referatet godkendes. Beslutning: Godkendt. "
                 "3. ÅRSREGNSKAB Indstilling: Regnskabet godkendes. Beslutning: Godkendt.\n",
                 0);
  ck_assert_msg(strstr(got, "\nitem 2 title=GODKENDELSE AF REFERAT FRA MØDE NR. 111 access"), "%s",
                got);
  free(got);
}
END_TEST

START_TEST(a_minute_books_one_sentence_title_after_ad_stays_its_title) {
  /* Without an agenda, "ad 1. Protokollen fra mødet den 10. marts." over its minute is the
   * item's title: only a second sentence on the line, or a sentence's opening, runs on. */
  char *got = parse_at("SKOVBY SOGNERÅD - Forhandlingsprotokol\n\nMøde den 7. april 1981.\n\n"
                       "ad 1. Protokollen fra mødet den 10. marts.\n"
                       "Protokollen blev oplæst og godkendt.\n\n"
                       "ad 2. Ansøgning fra idrætsforeningen om tilskud til klubhuset.\n"
                       "Foreningen søger om 20.000 kr. Vedtaget med 6 stemmer mod 2.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 1 title=Protokollen fra mødet den 10. marts. access") &&
                    strstr(got, "\nitem 2 title=Ansøgning fra idrætsforeningen om tilskud til "
                                "klubhuset. access"),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_title_cut_short_keeps_its_echo_and_its_own_words_in_the_header) {
  /* The body opens at a title's end only where the title was cut short, at its own copy
   * (not "Økonomi" inside "Økonomiudvalget"), and the title said again under its start
   * line stays the header's, after a cut field ("Sagsnr.: ...") as before. */
  expect_parse("Referat\nByrådet\n\n"
               "1. Bemærkninger til dagsordenen Sagsnr.: 00.01.00-A00-1-11\n"
               "Bemærkninger til dagsordenen\nBeslutning\nIngen bemærkninger.\n",
               "document kind=referat municipality=- body=Byrådet date= time=\n"
               "preamble=Referat\nByrådet\n"
               "item 1 title=Bemærkninger til dagsordenen access=- case=00.01.00-A00-1-11 "
               "pages=0-0\n"
               "  header=1. Bemærkninger til dagsordenen Sagsnr.: 00.01.00-A00-1-11\n"
               "Bemærkninger til dagsordenen\n"
               "  section decision [Beslutning] body=- text=Ingen bemærkninger.\n"
               "end items=1 pages=0 diagnostics=0\n");
  expect_parse("Referat\nØkonomiudvalget\n\n"
               "Økonomiudvalget 15-03-2011 - Punkt 1 Økonomi\nØkonomi\nSagsfremstilling\n"
               "Budgettet holder.\nBeslutning\nTaget til efterretning.\n\n"
               "Økonomiudvalget 15-03-2011 - Punkt 2 Salg af grund\nSagsfremstilling\n"
               "Grunden sælges.\nBeslutning\nGodkendt.\n",
               "document kind=referat municipality=- body=Økonomiudvalget date=2011-03-15 time=\n"
               "preamble=Referat\nØkonomiudvalget\n"
               "item 1 title=Økonomi access=- case=- pages=0-0\n"
               "  header=Økonomiudvalget 15-03-2011 - Punkt 1 Økonomi\nØkonomi\n"
               "  section background [Sagsfremstilling] body=- text=Budgettet holder.\n"
               "  section decision [Beslutning] body=- text=Taget til efterretning.\n"
               "item 2 title=Salg af grund access=- case=- pages=0-0\n"
               "  header=Økonomiudvalget 15-03-2011 - Punkt 2 Salg af grund\n"
               "  section background [Sagsfremstilling] body=- text=Grunden sælges.\n"
               "  section decision [Beslutning] body=- text=Godkendt.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

static FILE *stream_of(const char *input, size_t len, input_path via) {
  if (via == VIA_STREAM) return fmemopen((void *)input, len, "rb");
  FILE *file = tmpfile();
  ck_assert_ptr_nonnull(file);
  ck_assert_uint_eq(fwrite(input, 1, len, file), len);
  rewind(file);
  return file;
}

/* The JSON document INPUT gives through the path VIA. */
static char *json_of(const char *input, size_t len, input_path via) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  char *json = NULL;
  size_t json_len = 0;
  FILE *out = open_memstream(&json, &json_len);
  pk_sink *sink = pk_sink_new(PK_FORMAT_JSON, out);
  pk_options options = {.source_name = "test"};
  pk_status status;
  if (via == VIA_MEMORY) {
    status = pk_parse_memory(rules, input, len, &options, sink, &err);
  } else {
    FILE *in = stream_of(input, len, via);
    status = pk_parse_stream(rules, in, &options, sink, &err);
    fclose(in);
  }
  ck_assert_int_eq(status, PK_OK);
  pk_sink_free(sink);
  fclose(out);
  pk_rules_free(rules);
  return json;
}

/* A transcript's page lines run a contents list of items numbered with their access in
 * brackets ("1 (Åben) Meddelelser 2 (Åben) ...") into the items themselves; each title
 * ends before the next such number, and each body's decision is labelled with commas and
 * the body's own item number ("Teknisk Udvalg, 10. februar 2014, pkt. 4:").  A page's
 * running header naming the municipality before the body is no decision label. */
START_TEST(items_numbered_with_their_access_run_on_after_their_contents) {
  expect_parse(
      "Bøgeskov Kommune Referat Byrådet Mødedato: 3. marts 2014 Indholdsfortegnelse 1 (Åben) "
      "Meddelelser og orientering 2 (Åben) Ny cykelsti ved Skovvej 3 (Lukket) Salg af grund 1 "
      "(Åben) Meddelelser og orientering Byrådet, 3. marts 2014, pkt. 1: Taget til "
      "efterretning. 2 (Åben) Ny cykelsti ved Skovvej Sagsfremstilling Stien koster 2 mio. kr. "
      "og anlægges i 2015. Teknisk Udvalg, 10. februar 2014, pkt. 4: Anbefales. Side 1 af 2\n"
      "Bøgeskov Kommune Byrådet 03.03.2014 Byrådet, 3. marts 2014, pkt. 2: Godkendt med 15 "
      "stemmer mod 4. 3 (Lukket) Salg af grund Byrådet, 3. marts 2014, pkt. 3: Godkendt. Side 2 "
      "af 2\n",
      "document kind=referat municipality=Bøgeskov Kommune body=Byrådet date=2014-03-03 time=\n"
      "preamble=Bøgeskov Kommune Referat Byrådet Mødedato: 3. marts 2014 Indholdsfortegnelse 1 "
      "(Åben) Meddelelser og orientering 2 (Åben) Ny cykelsti ved Skovvej 3 (Lukket) Salg af "
      "grund\n"
      "item 1 title=Meddelelser og orientering access=open case=- pages=0-0\n"
      "  header=1 (Åben) Meddelelser og orientering\n"
      "  section decision [Byrådet, 3. marts 2014, pkt. 1:] body=Byrådet text=Taget til "
      "efterretning.\n"
      "item 2 title=Ny cykelsti ved Skovvej access=open case=- pages=0-0\n"
      "  header=2 (Åben) Ny cykelsti ved Skovvej\n"
      "  section background [Sagsfremstilling] body=- text=Stien koster 2 mio. kr. og anlægges i "
      "2015.\n"
      "  section decision [Teknisk Udvalg, 10. februar 2014, pkt. 4:] body=Teknisk Udvalg "
      "text=Anbefales. Side 1 af 2\n"
      "Bøgeskov Kommune Byrådet 03.03.2014\n"
      "  section decision [Byrådet, 3. marts 2014, pkt. 2:] body=Byrådet text=Godkendt med 15 "
      "stemmer mod 4.\n"
      "item 3 title=Salg af grund access=closed case=- pages=0-0\n"
      "  header=3 (Lukket) Salg af grund\n"
      "  section decision [Byrådet, 3. marts 2014, pkt. 3:] body=Byrådet text=Godkendt. Side 2 af "
      "2\n"
      "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

/* A vote table read one cell a line ("For" / "25" / "Imod") under an item labelled
 * "Punkt 3": the count over "Imod" is no item 25 that would shut out items 4 and 5. */
START_TEST(a_count_of_a_table_under_a_labelled_item_is_no_item) {
  expect_parse("Byrådet\nBeslutningsprotokol\nPunkt 3\nTakster for affald\nTaksten stiger.\n"
               "Byrådets beslutning 23.11.2022:\nFor\n25\nImod\n4\nIndstillingen blev "
               "vedtaget.\nPunkt 4\nParkering i midtbyen\nByrådets beslutning 23.11.2022:\n"
               "Forslaget blev forkastet.\n",
               "document kind=referat municipality=- body=Byrådet date=2022-11-23 time=\n"
               "preamble=Byrådet\n"
               "Beslutningsprotokol\n"
               "item 3 title=Takster for affald access=- case=- pages=0-0\n"
               "  header=Punkt 3\n"
               "Takster for affald\n"
               "Taksten stiger.\n"
               "  section decision [Byrådets beslutning 23.11.2022:] body=Byrådet text=For\n"
               "25\n"
               "Imod\n"
               "4\n"
               "Indstillingen blev vedtaget.\n"
               "item 4 title=Parkering i midtbyen access=- case=- pages=0-0\n"
               "  header=Punkt 4\n"
               "Parkering i midtbyen\n"
               "  section decision [Byrådets beslutning 23.11.2022:] body=Byrådet "
               "text=Forslaget blev forkastet.\n"
               "end items=2 pages=0 diagnostics=0\n");
}
END_TEST

/* A body's decision labelled in the genitive inside a transcript's page line ("...
 * dækningsafgiften Kommunalbestyrelsens beslutning: Forslaget forkastedes"): a decision
 * heading, and the end of the title before it; not a sentence's object ("i henhold til
 * Byrådets beslutning: ..."). */
START_TEST(a_genitive_decision_label_inside_a_page_line) {
  expect_parse(
      "Bøgeskov Kommune Kommunalbestyrelsen Mødet den 23. juni 1997 Side 1 af 2 Pkt. 61 "
      "Meddelelser Borgmesteren orienterede om amtets godkendelse af takstbladet. "
      "Kommunalbestyrelsens beslutning: Til efterretning. Pkt. 62 Forslag fra Konservative om "
      "nedsættelse af dækningsafgiften Kommunalbestyrelsens beslutning: Forslaget forkastedes "
      "med 5 stemmer mod 10. Pkt. 63 Vandforsyningsplan 1997-2005 Planen blev udarbejdet i "
      "henhold til Byrådets beslutning: En plan for hele kommunen. Kommunalbestyrelsens beslutning: "
      "Punktet udgik. Side 1 af 2\n",
      "document kind=referat municipality=Bøgeskov Kommune body=Kommunalbestyrelsen "
      "date=1997-06-23 time=\n"
      "preamble=Bøgeskov Kommune Kommunalbestyrelsen Mødet den 23. juni 1997 Side 1 af 2\n"
      "item 61 title=Meddelelser access=- case=- pages=0-0\n"
      "  header=Pkt. 61 Meddelelser Borgmesteren orienterede om amtets godkendelse af "
      "takstbladet.\n"
      "  section decision [Kommunalbestyrelsens beslutning:] body=Kommunalbestyrelsen text=Til "
      "efterretning.\n"
      "item 62 title=Forslag fra Konservative om nedsættelse af dækningsafgiften access=- case=- "
      "pages=0-0\n"
      "  header=Pkt. 62 Forslag fra Konservative om nedsættelse af dækningsafgiften\n"
      "  section decision [Kommunalbestyrelsens beslutning:] body=Kommunalbestyrelsen "
      "text=Forslaget forkastedes med 5 stemmer mod 10.\n"
      "item 63 title=Vandforsyningsplan 1997-2005 access=- case=- pages=0-0\n"
      "  header=Pkt. 63 Vandforsyningsplan 1997-2005 Planen blev udarbejdet i henhold til "
      "Byrådets beslutning: En plan for hele kommunen.\n"
      "  section decision [Kommunalbestyrelsens beslutning:] body=Kommunalbestyrelsen "
      "text=Punktet udgik. Side 1 af 2\n"
      "end items=3 pages=0 diagnostics=0\n");
}
END_TEST

/* An access mark before the number ("Lukket punkt: 3.") is no label the items after it
 * must keep: "4." and "5." go on as items. */
/* A body's labelled decision named inside a sentence is the sentence's object: no decision
 * section ("... en opfølgning på Byrådets beslutning: ...", "... i Økonomiudvalget, 4.
 * februar 2013, pkt. 2: ..."). */
START_TEST(a_decision_label_inside_a_sentence_is_no_heading) {
  char *got = parse_at("Referat\n\n1. Skolestruktur\nSagsfremstilling\nSagen er en opfølgning på "
                       "Byrådets beslutning: Vestskolen lukkes. Forvaltningen bemærker, at sagen "
                       "var på dagsordenen i Økonomiudvalget, 4. februar 2013, pkt. 2: Her blev den "
                       "udsat.\nBeslutning\nGodkendt.\n",
                       0);
  ck_assert_msg(strstr(got, "  section decision [Beslutning] body=- text=Godkendt.\n") &&
                    !strstr(got, "section decision [Byrådets") && !strstr(got, "[Økonomiudvalget"),
                "%s", got);
  free(got);
}
END_TEST

/* A dated decision heading whose decision the reader ran into its line, the date in words:
 * the heading ends at the date (pdftotext -layout of a margin-label layout). */
START_TEST(a_worded_date_ends_a_run_in_decision_heading) {
  expect_holds("Referat\n\nPunkt 1 Budget 2024\n\nBeslutning i Forretningsudvalget den 12. "
               "september 2023 Anbefales over for regionsrådet.\nFraværende: Mette Lund (V)\n",
               "section decision [Beslutning i Forretningsudvalget den 12. september 2023] "
               "body=Forretningsudvalget text=Anbefales over for regionsrådet.", true);
}
END_TEST

/* Københavns older layout: the committee's decision "i mødet den ..." */
START_TEST(a_bodys_decision_in_its_meeting) {
  expect_holds("REFERAT\n\n1. Forslag til lokalplan (2016-0140287)\n\nINDSTILLING OG BESLUTNING\n"
               "Forvaltningen indstiller, at udvalget anbefaler forslaget.\n\nTeknik- og "
               "Miljøudvalgets beslutning i mødet den 5. september 2016\nIndstillingen blev "
               "anbefalet.\n",
               "section decision [Teknik- og Miljøudvalgets beslutning i mødet den 5. september "
               "2016] body=Teknik- og Miljøudvalget text=Indstillingen blev anbefalet.", true);
}
END_TEST

START_TEST(an_access_mark_before_the_number_is_no_label) {
  char *got = parse_at("Referat\n\n1. Budget\nBeslutning\nGodkendt.\n\n2. Skole\nBeslutning\n"
                       "Godkendt.\n\nLukket punkt: 3. Salg af ejendom\nBeslutning\nGodkendt.\n\n"
                       "4. Budget 2025\nBeslutning\nGodkendt.\n\n5. Eventuelt\nBeslutning\n"
                       "Intet.\n",
                       0);
  ck_assert_msg(strstr(got, "\nitem 4 title=Budget 2025 ") && strstr(got, "\nitem 5 title=Eventuelt "),
                "%s", got);
  free(got);
}
END_TEST

START_TEST(a_document_in_memory_parses_as_from_a_stream) {
  /* Same digest, ids, size and items, on either side of the bound for holding an input in
   * memory: pk_parse_stream holds up to PK_MEMORY_INPUT_MAX bytes, and past it hashes
   * first and then reads again (a file) or spools (a pipe, after the part it holds). */
  pk_buf long_input = {0};
  while (long_input.len < PK_MEMORY_INPUT_MAX + 2) pk_buf_append_str(&long_input, MINUTES);
  const size_t lengths[] = {strlen(MINUTES), 200 * 1024, PK_MEMORY_INPUT_MAX,
                            PK_MEMORY_INPUT_MAX + 1};
  for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
    size_t len = lengths[i]; /* a cut inside a character is replaced alike on every path */
    char *from_memory = json_of(long_input.data, len, VIA_MEMORY);
    ck_assert_ptr_nonnull(strstr(from_memory, "\"sha256\""));
    for (input_path via = VIA_STREAM; via <= VIA_FILE; via++) {
      char *from_stream = json_of(long_input.data, len, via);
      ck_assert_msg(strcmp(from_memory, from_stream) == 0, "length %zu, path %d differs", len,
                    (int)via);
      free(from_stream);
    }
    free(from_memory);
  }
  pk_buf_free(&long_input);
  /* No bytes at all, and no buffer for them: an empty document, as from an empty stream. */
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  pk_buf log = {0};
  pk_sink sink = {.ops = &RECORDER, .out = stdout, .state = &log};
  ck_assert_int_eq(pk_parse_memory(rules, NULL, 0, NULL, &sink, &err), PK_OK);
  ck_assert_str_eq(log.data, "document kind=other municipality=- body=- date= time=\npreamble=\n"
                             "end items=0 pages=0 diagnostics=0\n");
  pk_buf_free(&log);
  pk_rules_free(rules);
}
END_TEST

static Suite *segmenter_suite(void) {
  Suite *suite = suite_create("segmenter");
  TCase *tc = tcase_create("segment");
  tcase_add_test(tc, minutes_in_the_sag_page_layout);
  tcase_add_test(tc, items_start_inside_a_page);
  tcase_add_test(tc, a_report_has_no_items_and_keeps_its_text);
  tcase_add_test(tc, empty_input_is_an_empty_document);
  tcase_add_test(tc, the_body_restarts_a_contents_list_without_heading);
  tcase_add_test(tc, the_last_contents_entry_may_run_into_the_first_item);
  tcase_add_test(tc, headings_glued_to_a_sentence_and_inline_in_mixed_case);
  tcase_add_test(tc, the_municipality_is_named_in_the_text);
  tcase_add_test(tc, each_bodys_label_and_colon_opens_its_decision);
  tcase_add_test(tc, a_paragraph_committees_decision_heading);
  tcase_add_test(tc, two_items_run_together_on_a_page);
  tcase_add_test(tc, metadata_the_text_lost_is_read_from_the_site_title);
  tcase_add_test(tc, a_decision_sentence_makes_minutes_of_an_untitled_page);
  tcase_add_test(tc, labels_and_case_numbers_end_where_they_end);
  tcase_add_test(tc, access_in_parentheses_before_the_title);
  tcase_add_test(tc, decision_labels_of_each_body_run_into_the_text);
  tcase_add_test(tc, a_detected_profile_does_not_shut_out_other_item_rules);
  tcase_add_test(tc, an_item_number_may_stand_on_a_line_of_its_own);
  tcase_add_test(tc, title_less_items_start_at_their_case_header);
  tcase_add_test(tc, numbered_items_of_plain_text_are_read_by_their_numbering);
  tcase_add_test(tc, a_numbered_list_on_a_news_page_is_no_item);
  tcase_add_test(tc, an_agenda_that_lists_its_items_only_has_none);
  tcase_add_test(tc, title_less_items_are_read_by_their_template_of_headings);
  tcase_add_test(tc, labelled_items_run_together_after_their_contents);
  tcase_add_test(tc, bare_items_before_the_first_with_content_are_items);
  tcase_add_test(tc, a_list_inside_an_item_goes_on_past_a_line_that_is_no_title);
  tcase_add_test(tc, the_rows_of_a_table_of_items_are_items);
  tcase_add_test(tc, a_contents_list_keeps_its_page_numbers_and_group_labels);
  tcase_add_test(tc, a_contents_entrys_page_number_may_say_side);
  tcase_add_test(tc, a_decision_in_a_tables_last_cell);
  tcase_add_test(tc, a_bodys_decision_dated_after_a_comma);
  tcase_add_test(tc, a_labelled_item_below_the_lists_first_number_restarts_it);
  tcase_add_test(tc, items_numbered_with_a_parenthesis);
  tcase_add_test(tc, items_numbered_with_a_dash_and_ending_in_a_full_stop);
  tcase_add_test(tc, a_menu_word_repeated_is_no_template_of_headings);
  tcase_add_test(tc, a_title_said_again_under_its_item_is_no_heading);
  tcase_add_test(tc, decision_headings_with_body_and_date_in_capitals);
  tcase_add_test(tc, headings_of_a_kind_run_into_their_text_after_a_colon);
  tcase_add_test(tc, short_minutes_run_into_one_line_are_read_by_their_sentences);
  tcase_add_test(tc, a_date_or_a_sentence_numbered_high_does_not_block_the_items);
  tcase_add_test(tc, headings_read_through_runs_of_blanks);
  tcase_add_test(tc, an_agenda_planned_by_the_clock);
  tcase_add_test(tc, an_empty_first_slot_runs_on_into_the_schedule);
  tcase_add_test(tc, a_contents_entry_wrapped_at_a_line_end_is_restarted_by_the_body);
  tcase_add_test(tc, headings_that_end_a_line_of_other_text);
  tcase_add_test(tc, minutes_of_an_agenda_take_its_titles);
  tcase_add_test(tc, a_page_no_kind_rule_names_is_minutes_by_its_decisions);
  tcase_add_test(tc, a_title_ends_before_the_case_header_it_runs_into);
  tcase_add_test(tc, headings_composed_from_the_lexicon);
  tcase_add_test(tc, ocr_misreadings_of_the_case_label);
  tcase_add_test(tc, headings_beside_their_text_as_pdf_raw_reads_them);
  tcase_add_test(tc, short_minutes_after_a_colon_and_ad_numbers);
  tcase_add_test(tc, an_agenda_overview_on_a_transcript_page_is_no_items);
  tcase_add_test(tc, the_body_glued_to_the_overviews_last_entry_restarts_the_list);
  tcase_add_test(tc, an_excerpt_that_ends_in_an_items_title);
  tcase_add_test(tc, a_lettered_group_of_closed_cases_is_list_furniture);
  tcase_add_test(tc, an_inline_vedtagelse_after_a_sentence_is_the_decision);
  tcase_add_test(tc, an_overview_by_groups_cut_off_before_the_body_has_no_items);
  tcase_add_test(tc, an_inline_heading_after_a_sentence_ending_in_a_year);
  tcase_add_test(tc, unnumbered_titles_over_colon_headings_of_a_board);
  tcase_add_test(tc, a_labelled_number_before_a_title_over_its_case_line);
  tcase_add_test(tc, a_title_every_meeting_has_ends_before_its_text_on_a_transcript_page);
  tcase_add_test(tc, a_reports_contents_with_page_numbers_then_its_sections_is_no_items);
  tcase_add_test(tc, items_lettered_in_small_letters);
  tcase_add_test(tc, a_news_page_titled_the_minutes_of_a_general_meeting_is_minutes);
  tcase_add_test(tc, punkt_nr_on_its_own_line_over_the_title);
  tcase_add_test(tc, an_item_after_a_numbered_list_under_a_heading_over_its_case_fields);
  tcase_add_test(tc, minutes_run_on_after_their_agendas_overview);
  tcase_add_test(tc, a_case_line_over_a_numbered_title_heads_that_item);
  tcase_add_test(tc, the_body_restarts_a_list_whichever_rule_reads_it);
  tcase_add_test(tc, a_page_of_one_item_under_its_one_entry);
  tcase_add_test(tc, items_under_a_contents_list_their_rule_does_not_read);
  tcase_add_test(tc, case_labelled_entries_under_group_labels_are_a_contents_list);
  tcase_add_test(tc, a_page_number_over_the_bodys_first_item_is_no_item);
  tcase_add_test(tc, a_contents_list_with_dot_leaders_has_no_items);
  tcase_add_test(tc, unnumbered_items_whose_second_has_only_a_decision);
  tcase_add_test(tc, a_line_in_capitals_opening_with_a_heading_word_is_no_heading);
  tcase_add_test(tc, a_transcript_run_into_one_line_with_dot_leaders);
  tcase_add_test(tc, headings_of_the_lexicon_in_capitals);
  tcase_add_test(tc, an_item_page_repeats_its_entry_of_the_meetings_list);
  tcase_add_test(tc, group_lines_of_a_contents_list_are_its_furniture);
  tcase_add_test(tc, a_contents_heading_glued_to_a_page_number_explains_no_item);
  tcase_add_test(tc, headings_glued_to_their_text_on_indented_lines);
  tcase_add_test(tc, a_heading_wrapped_before_its_item_reference_starts_no_item);
  tcase_add_test(tc, a_title_line_with_a_full_stop_inside_is_no_prose);
  tcase_add_test(tc, items_numbered_with_their_access_run_on_after_their_contents);
  tcase_add_test(tc, a_count_of_a_table_under_a_labelled_item_is_no_item);
  tcase_add_test(tc, a_genitive_decision_label_inside_a_page_line);
  tcase_add_test(tc, a_decision_label_inside_a_sentence_is_no_heading);
  tcase_add_test(tc, a_worded_date_ends_a_run_in_decision_heading);
  tcase_add_test(tc, a_bodys_decision_in_its_meeting);
  tcase_add_test(tc, an_access_mark_before_the_number_is_no_label);
  tcase_add_test(tc, a_document_in_memory_parses_as_from_a_stream);
  tcase_add_test(tc, a_heading_after_the_title_in_a_page_line_opens_the_body);
  tcase_add_test(tc, a_minute_books_numbered_items_end_their_titles_with_a_full_stop);
  tcase_add_test(tc, a_title_in_a_page_line_ends_before_a_sentence_of_a_definite_noun_and_its_verb);
  tcase_add_test(tc, a_committee_named_by_an_adjective_or_joined_names_heads_its_decision_inline);
  tcase_add_test(tc, a_labelled_item_in_a_page_line_with_its_access_mark_or_a_chairs_report);
  tcase_add_test(tc, a_bare_number_and_title_before_the_case_label_in_a_page_line);
  tcase_add_test(tc, a_minute_books_ad_numbers_run_on_as_sentences_after_its_agenda);
  tcase_add_test(tc, a_decision_told_in_a_sentence_of_a_minute_books_paragraph);
  tcase_add_test(tc, an_inline_contents_list_of_a_years_numbers_is_restarted_by_the_body);
  tcase_add_test(tc, a_bare_number_and_title_before_a_dated_decision_heading_start_an_item);
  tcase_add_test(tc, page_line_titles_and_labels_the_definite_noun_must_not_cut);
  tcase_add_test(tc, a_bare_number_item_starts_at_the_last_number_before_its_title);
  tcase_add_test(tc, a_contents_lists_title_cuts_a_page_lines_title_only_at_a_word_end);
  tcase_add_test(tc, a_minute_books_one_sentence_title_after_ad_stays_its_title);
  tcase_add_test(tc, a_title_cut_short_keeps_its_echo_and_its_own_words_in_the_header);
  tcase_add_test(tc, a_list_inside_an_item_goes_on_past_the_next_items_number);
  tcase_add_test(tc, numbered_titles_ending_in_a_stop_with_the_minute_after_them);
  tcase_add_test(tc, a_page_filed_under_the_sites_minutes_is_minutes);
  tcase_add_test(tc, a_typed_agenda_as_ocr_read_it);
  tcase_add_test(tc, the_closed_mark_cut_short_before_the_title);
  tcase_add_test(tc, a_number_over_the_year_under_the_title);
  tcase_add_test(tc, a_list_of_the_agendas_points_as_links_heads_its_entries);
  tcase_add_test(tc, a_journal_code_between_the_number_and_the_title);
  tcase_add_test(tc, an_item_page_whose_title_a_page_title_repeats);
  tcase_add_test(tc, bullet_marks_each_point_the_template_reads);
  tcase_add_test(tc, item_page_links_to_its_neighbours_start_no_item);
  tcase_add_test(tc, a_part_number_under_the_attachments_heading_lists_an_attachment);
  tcase_add_test(tc, an_agenda_post_lists_its_items);
  tcase_add_test(tc, a_dash_before_a_small_letter_opens_the_minutes_unless_a_colon_follows);
  tcase_add_test(tc, ad_with_a_roman_numeral_answers_the_agenda);
  tcase_add_test(tc, a_column_before_the_number_is_no_part_of_the_title);
  tcase_add_test(tc, a_web_tables_rows_keep_their_cells_beside_long_paragraphs);
  tcase_add_test(tc, a_folded_items_button_before_its_number);
  tcase_add_test(tc, a_time_column_over_numbered_rows);
  tcase_add_test(tc, a_short_case_number_alone_is_no_part_of_the_title);
  tcase_add_test(tc, the_number_in_parentheses_after_the_title);
  tcase_add_test(tc, a_paragraph_sign_after_under_is_a_reference);
  tcase_add_test(tc, a_boards_labels_inside_a_page_line);
  tcase_add_test(tc, a_calendar_of_meetings_in_blocks_has_no_items);
  tcase_add_test(tc, a_list_of_minutes_to_download_is_no_record);
  tcase_add_test(tc, a_word_ending_like_a_reference_word_before_a_paragraph);
  tcase_add_test(tc, a_date_alone_under_the_title_is_no_case_number);
  tcase_add_test(tc, a_decision_without_a_heading_starts_at_its_outcome_line);
  tcase_add_test(tc, a_protocol_labels_the_decision);
  tcase_add_test(tc, a_vote_label_over_for_and_against_lines);
  tcase_add_test(tc, a_told_past_a_count_or_a_sign_off_starts_no_decision);
  tcase_add_test(tc, item_numbers_run_on_past_999);
  tcase_add_test(tc, year_at_a_line_start_is_no_item);
  tcase_add_test(tc, items_numbered_with_a_parenthesis_run_together);
  tcase_add_test(tc, a_case_number_after_sag_is_no_item);
  tcase_add_test(tc, a_list_in_parentheses_in_the_preamble_opens_no_items);
  tcase_add_test(tc, a_list_in_parentheses_in_an_item_is_its_text);
  tcase_add_test(tc, a_running_header_with_the_body_and_date_is_no_decision);
  tcase_add_test(tc, a_body_and_date_after_a_preposition_is_no_decision);
  tcase_add_test(tc, decision_heading_naming_a_joint_body_inside_a_page_line);
  tcase_add_test(tc, a_label_of_one_word_heads_the_decision_on_its_line);
  tcase_add_test(tc, decisions_without_a_heading_in_more_forms);
  tcase_add_test(tc, a_body_decision_heading_inside_a_line_but_not_a_title_or_an_object);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(segmenter_suite()); }

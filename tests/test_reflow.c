/* test_reflow.c: a printed page's soft line ends joined, its hard ones kept: wrapped
 * prose, headings alone on their line, list items, words hyphenated at a line end, the
 * label column pdftotext reads before its values, and the page's measure learnt from a
 * document with lines pdftotext joined at a hyphen; OCR's misreadings repaired. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/punktum.h"
#include "../parser/ocrwords.h"
#include "../parser/reflow.h"
#include "runner.h"

/* The built-in item-label rules, loaded once for the suite (an unchecked fixture): the
 * labels that start a line ("Pkt. 7", "Ad pkt. 4") are the rules' words, as in the
 * cleaner. */
static struct {
  pk_rules *rules;
  pk_matcher *matcher;
  const pk_rule **labels, **case_fields;
  size_t count, case_field_count;
} builtin;

static void builtin_open(void) {
  pk_error err;
  builtin.rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(builtin.rules, &err), PK_OK);
  builtin.matcher = pk_matcher_new(builtin.rules);
  builtin.labels = pk_rules_select(builtin.rules, "item-label", NULL, &builtin.count);
  ck_assert_uint_gt(builtin.count, 0);
  builtin.case_fields = pk_rules_select(builtin.rules, "case-field", NULL, &builtin.case_field_count);
  ck_assert_uint_gt(builtin.case_field_count, 0);
}

static void builtin_close(void) {
  free(builtin.labels);
  free(builtin.case_fields);
  pk_matcher_free(builtin.matcher);
  pk_rules_free(builtin.rules);
}

/* Whether one of RULES[0, COUNT) matches TEXT[0, LEN) at its start. */
static bool builtin_match(const pk_rule **rules, size_t count, const char *text, size_t len) {
  for (size_t i = 0; i < count; i++)
    if (pk_match(builtin.matcher, rules[i], text, len, 0, true) == PK_MATCH_FOUND) return true;
  return false;
}

static bool builtin_item_label(void *ctx, const char *line, size_t len) {
  (void)ctx;
  return builtin_match(builtin.labels, builtin.count, line, len);
}

static bool builtin_case_field(void *ctx, const char *field, size_t len) {
  (void)ctx;
  return builtin_match(builtin.case_fields, builtin.case_field_count, field, len);
}

/* TEXT reflowed at MEASURE, as a malloc'd string; *HYPHENS gets the hyphens dropped.  No
 * heading lexicon: only the rules' item labels and case fields. */
static char *reflow(const char *text, size_t measure, unsigned long long *hyphens) {
  pk_buf out = {0};
  unsigned long long dropped = 0;
  pk_heading_words labels = {NULL, builtin_item_label, NULL, builtin_case_field};
  ck_assert(pk_reflow(text, strlen(text), measure, &labels, &out, &dropped));
  if (hyphens) *hyphens = dropped;
  return out.data ? pk_buf_take(&out) : calloc(1, 1);
}

static void check_reflow(const char *text, size_t measure, const char *expected) {
  char *got = reflow(text, measure, NULL);
  ck_assert_str_eq(got, expected);
  free(got);
}

START_TEST(wrapped_prose_is_one_line) {
  check_reflow("Forvaltningen har undersøgt, om stien kan anlægges langs bækken uden at\n"
               "skade engen, og finder at det kan lade sig gøre.",
               75, "Forvaltningen har undersøgt, om stien kan anlægges langs bækken uden at "
                   "skade engen, og finder at det kan lade sig gøre.");
}
END_TEST

START_TEST(a_heading_stays_alone) {
  check_reflow("Beslutning\nGodkendt som indstillet af forvaltningen.", 60,
               "Beslutning\nGodkendt som indstillet af forvaltningen.");
  /* A full line ending a sentence, then a short line: a paragraph, then a heading. */
  check_reflow("Udvalget drøftede sagen grundigt og besluttede at sende den videre til byrådet.\n"
               "Indstilling\nForvaltningen indstiller, at sagen godkendes.", 82,
               "Udvalget drøftede sagen grundigt og besluttede at sende den videre til byrådet.\n"
               "Indstilling\nForvaltningen indstiller, at sagen godkendes.");
}
END_TEST

/* The lexicon the cleaner asks its rules for, here a word of its own. */
static bool test_heading(void *ctx, const char *word, size_t len) {
  (void)ctx;
  /* the rules' lexicon wants a capital first, and takes a line in capitals */
  return (len == strlen("Sagsfremstilling") && memcmp(word, "Sagsfremstilling", len) == 0) ||
         (len == strlen("Beslutning") && (memcmp(word, "Beslutning", len) == 0 ||
                                          memcmp(word, "BESLUTNING", len) == 0));
}

static void check_reflow_headings(const char *text, size_t measure, const char *expected) {
  pk_heading_words headings = {test_heading, builtin_item_label, NULL, builtin_case_field};
  pk_buf out = {0};
  unsigned long long dropped = 0;
  ck_assert(pk_reflow(text, strlen(text), measure, &headings, &out, &dropped));
  ck_assert_str_eq(out.data, expected);
  pk_buf_free(&out);
}

/* A line that opens with a heading word of the lexicon and goes on with the body and the
 * date ("Beslutning Byrådet den 26-06-2013") starts a line under an item's numbered title,
 * however near the measure the title came: a title goes on in small letters or a name,
 * not in a section's heading.  Under a line of prose it runs on as before. */
/* A capitalised line that ends in a date ("Sundheds- og Omsorgsudvalgets beslutning i
 * mødet den 13. marts 2019", "Byrådet den 26-06-2013:") ends there, however near the measure
 * it came: a heading or a label over what follows, where a sentence would have gone on in
 * small letters or ended in a stop. */
START_TEST(a_line_ending_in_a_date_ends_there) {
  /* (a label that names its body's heading: the lexicon's "Beslutning" after a genitive) */
  check_reflow_headings("Sundheds- og Omsorgsudvalgets beslutning i mødet den 13. marts 2019\n"
                        "Indstillingen blev godkendt uden afstemning, idet Det Konservative "
                        "Folkeparti tog\nforbehold for finansieringen.",
                        82,
                        "Sundheds- og Omsorgsudvalgets beslutning i mødet den 13. marts 2019\n"
                        "Indstillingen blev godkendt uden afstemning, idet Det Konservative "
                        "Folkeparti tog forbehold for finansieringen.");
  check_reflow("Økonomiudvalgets og Byrådets beslutning i mødet den 26-06-2013:\nGodkendt.", 64,
               "Økonomiudvalgets og Byrådets beslutning i mødet den 26-06-2013:\nGodkendt.");
  /* prose that breaks after its date above a name runs on */
  check_reflow("Kommunalbestyrelsen godkendte på sit møde den 15. december 2021\n"
               "Handleplan for klimatilpasning og skybrudssikring af bymidten.",
               70,
               "Kommunalbestyrelsen godkendte på sit møde den 15. december 2021 Handleplan for "
               "klimatilpasning og skybrudssikring af bymidten.");
  /* a sentence that goes on after its date runs on */
  check_reflow("Planen blev sendt i høring af Plan- og Miljøudvalget den 13. marts 2019\n"
               "med en frist på otte uger.",
               76,
               "Planen blev sendt i høring af Plan- og Miljøudvalget den 13. marts 2019 med en "
               "frist på otte uger.");
}
END_TEST

START_TEST(a_heading_line_under_a_numbered_title) {
  const char *text = "145. Udpegning af bestyrelsesmedlem til Frederikssund Forsyning A/S\n"
                     "Beslutning Byrådet den 26-06-2013\n"
                     "Byrådet udpegede Finn Lau (V) som nyt bestyrelsesmedlem.";
  check_reflow_headings(text, 80, text);
  check_reflow_headings("Pkt. 7 Udpegning af bestyrelsesmedlem til Frederikssund Forsyning\n"
                        "Beslutning i Byrådet den 26-06-2013",
                        72,
                        "Pkt. 7 Udpegning af bestyrelsesmedlem til Frederikssund Forsyning\n"
                        "Beslutning i Byrådet den 26-06-2013");
  /* a title's second line that opens with a word of the lexicon but no body and date */
  check_reflow_headings("45. Godkendelse af takster og gebyrer for ældreområdet i forbindelse med\n"
                        "Beslutning om budget 2025-2028",
                        80,
                        "45. Godkendelse af takster og gebyrer for ældreområdet i forbindelse med "
                        "Beslutning om budget 2025-2028");
  /* a body's heading ("FORRETNINGSUDVALGETS BESLUTNING", "Byrådets beslutning") under a
   * title in capitals that came near the measure */
  check_reflow_headings("3. FORSLAG FRA DANSK FOLKEPARTI OM GRATIS PARKERING VED HOSPITALERNE\n"
                        "FORRETNINGSUDVALGETS BESLUTNING\nFor stemte: O (1), i alt 1",
                        82,
                        "3. FORSLAG FRA DANSK FOLKEPARTI OM GRATIS PARKERING VED HOSPITALERNE\n"
                        "FORRETNINGSUDVALGETS BESLUTNING\nFor stemte: O (1), i alt 1");
  check_reflow_headings("12. Forslag til lokalplan nr. 1295 for boliger ved Grejsdalsvej, endelig\n"
                        "Byrådets beslutning",
                        76,
                        "12. Forslag til lokalplan nr. 1295 for boliger ved Grejsdalsvej, endelig\n"
                        "Byrådets beslutning");
  /* a decision's dated heading after a paragraph's last sentence, however full that came
   * (a web page's text wrapped at 75 characters) */
  check_reflow_headings("kunne indhentes et nyt tilbud på slamhåndtering. Tilbuddet foreligger nu.\n"
                        "Beslutning i Byrådet den 26. oktober 2021\nUdsat.",
                        75,
                        "kunne indhentes et nyt tilbud på slamhåndtering. Tilbuddet foreligger nu.\n"
                        "Beslutning i Byrådet den 26. oktober 2021\nUdsat.");
  /* ... not a sentence that opens with a word of the lexicon and ends in a date */
  check_reflow_headings("Forvaltningen har holdt to møder med grundejerne i løbet af sommeren i byen.\n"
                        "Sagen blev drøftet på et borgermøde, som forvaltningen holdt den 4. marts 2024",
                        75,
                        "Forvaltningen har holdt to møder med grundejerne i løbet af sommeren i byen. "
                        "Sagen blev drøftet på et borgermøde, som forvaltningen holdt den 4. marts 2024");
  /* a body's decision named in the genitive, the meeting and its date after it
   * ("Økonomiudvalgets beslutning i mødet den 17. januar 2023"), under a numbered title */
  check_reflow_headings("1. Principper for budget 2024 (2023-0004512)\n"
                        "Økonomiudvalgets beslutning i mødet den 17. januar 2023\n"
                        "Indstillingen blev tiltrådt uden afstemning.",
                        60,
                        "1. Principper for budget 2024 (2023-0004512)\n"
                        "Økonomiudvalgets beslutning i mødet den 17. januar 2023\n"
                        "Indstillingen blev tiltrådt uden afstemning.");
  /* a numbered title whose own sentence ends (typed minute books end titles in a stop)
   * above its text's first line, full as it is */
  check_reflow_headings("Pkt. 63. Ansøgning om tilskud til Sakskøbing Sejlklub.\n"
                        "Klubben søger om 75.000 kr. til renovering af klubhuset. Kul-\n"
                        "tur- og Fritidsudvalget har anbefalet, at der gives afslag.",
                        63,
                        "Pkt. 63. Ansøgning om tilskud til Sakskøbing Sejlklub.\n"
                        "Klubben søger om 75.000 kr. til renovering af klubhuset. Kultur- og "
                        "Fritidsudvalget har anbefalet, at der gives afslag.");
  /* ... not a list of items run into lines, whose line ends in the next item's number */
  check_reflow_headings("2. Vuggestueafsnit Kærnen 3. Dagtilbudsområdet organisering, udvikling og "
                        "ledelse 4.\nRessourcetildelingsmodel for daginstitutioner 5. Dagplejedistrikter "
                        "6. Udtræden af skolebestyrelsen",
                        96,
                        "2. Vuggestueafsnit Kærnen 3. Dagtilbudsområdet organisering, udvikling og "
                        "ledelse 4. Ressourcetildelingsmodel for daginstitutioner 5. Dagplejedistrikter "
                        "6. Udtræden af skolebestyrelsen");
  /* ... but a title's second line in small letters, or two words that are no body's
   * heading, go on */
  check_reflow_headings("12. Forslag til lokalplan nr. 1295 for boliger ved Grejsdalsvej til\n"
                        "OFFENTLIG BESLUTNING",
                        76,
                        "12. Forslag til lokalplan nr. 1295 for boliger ved Grejsdalsvej til "
                        "OFFENTLIG BESLUTNING");
  check_reflow_headings("145. Udpegning af bestyrelsesmedlem til Frederikssund Forsyning og\n"
                        "Havn A/S",
                        72,
                        "145. Udpegning af bestyrelsesmedlem til Frederikssund Forsyning og "
                        "Havn A/S");
}
END_TEST

START_TEST(a_word_alone_under_a_full_title) {
  /* A heading word of the lexicon, and a label with its stop, stay lines of their own under
   * a title set to the measure; another capitalised word is the title's. */
  const char *text = "4. Pulje til bedre tilgængelighed i foreninger – fordeling 2025\n"
                     "Sagsfremstilling\nPuljen er på 150.000 kr.";
  pk_heading_words headings = {test_heading, builtin_item_label, NULL, builtin_case_field};
  pk_buf out = {0};
  unsigned long long dropped = 0;
  ck_assert(pk_reflow(text, strlen(text), 64, &headings, &out, &dropped));
  ck_assert_str_eq(out.data, text);
  pk_buf_free(&out);
  check_reflow("2. Dimensionering af social- og sundhedsuddannelserne ved skolerne\nSagsnr.\n24/118",
               66, "2. Dimensionering af social- og sundhedsuddannelserne ved skolerne\nSagsnr.\n24/118");
  check_reflow("2. Dimensionering af social- og sundhedsuddannelserne ved skolerne\nSagsfremstilling",
               66, "2. Dimensionering af social- og sundhedsuddannelserne ved skolerne Sagsfremstilling");
  /* A paragraph's last word with its stop is the paragraph's; so is a title's, where a
   * vowel stands before the stop (no label cut short: "Sagsnr."). */
  check_reflow("Der mangler hjælpere til oprydning søndag, og der kommer et opslag på\nFacebook.",
               70, "Der mangler hjælpere til oprydning søndag, og der kommer et opslag på Facebook.");
  check_reflow("1. Udpegning af et nyt medlem til bestyrelsen for I/S Infra\nService.", 60,
               "1. Udpegning af et nyt medlem til bestyrelsen for I/S Infra Service.");
}
END_TEST

/* A capitalised line short of the measure that ends in a colon labels what follows it:
 * under a title that came near the measure it stays a line of its own; a wrapped
 * sentence's last words ending in a colon ("følgende:", or after "... ordlyden i") run on. */
START_TEST(a_label_line_under_a_title_near_the_measure) {
  check_reflow("Forslag fra Venstre om gratis parkering i midtbyen om lørdagen\n"
               "Byrådets beslutning 23.11.2022:\nForslaget blev forkastet.", 77,
               "Forslag fra Venstre om gratis parkering i midtbyen om lørdagen\n"
               "Byrådets beslutning 23.11.2022:\nForslaget blev forkastet.");
  check_reflow("Forvaltningen indstiller, at Økonomiudvalget over for Byrådet anbefaler\n"
               "følgende:\n1. At planen godkendes.", 77,
               "Forvaltningen indstiller, at Økonomiudvalget over for Byrådet anbefaler "
               "følgende:\n1. At planen godkendes.");
  check_reflow("Sagen blev genoptaget, og forvaltningen har vurderet den på grundlag af ordlyden i\n"
               "Byrådets beslutning:\n\"Forslaget forkastes.\"", 77,
               "Sagen blev genoptaget, og forvaltningen har vurderet den på grundlag af ordlyden i "
               "Byrådets beslutning:\n\"Forslaget forkastes.\"");
  /* A line of fields, each with its colon, is no label: a title broken at its dash runs on
   * into it (a PDF's item head: "... afgørelser -" / "LUKKET SAG Lukket sag Sagsnr.: ..."). */
  check_reflow("Udvalget d Efterretning vedrørende Ankestyrelsens afgørelser -\n"
               "LUKKET SAG Lukket sag Sagsnr.: 15/11238 Fraværende: Afbud:", 68,
               "Udvalget d Efterretning vedrørende Ankestyrelsens afgørelser - "
               "LUKKET SAG Lukket sag Sagsnr.: 15/11238 Fraværende: Afbud:");
}
END_TEST

START_TEST(list_items_and_numbers_start_lines) {
  check_reflow("Der er tre andre ansøgere, som alle har søgt om tilskud til nye baner i år:\n"
               "• Rideklubben\n• Skytteforeningen", 78,
               "Der er tre andre ansøgere, som alle har søgt om tilskud til nye baner i år:\n"
               "• Rideklubben\n• Skytteforeningen");
  check_reflow("6 Odense Letbane - Godkendelse af kontraktindgåelse vedr. letbanetog og tog\n"
               "17 Investeringsprojekter", 78,
               "6 Odense Letbane - Godkendelse af kontraktindgåelse vedr. letbanetog og tog\n"
               "17 Investeringsprojekter");
}
END_TEST

START_TEST(a_protocols_paragraph_and_its_text_start_lines) {
  /* "§ 41" opens a protocol's paragraph after a full line that ends a sentence; its title
   * ends its line where a full line of text follows, but not where the title's last words
   * do ("på Bækkerød" / "Rådhus, etape 2"). */
  check_reflow("Godkendt med tilføjelse af et punkt om orgelrenovering under § 45.\n"
               "§ 41 Kvartalsrapport 1. kvartal 2022 og budgetopfølgning\n"
               "Kassereren fremlagde kvartalsrapporten. Forbruget følger budgettet,\n"
               "dog er udgifterne til el og varme 38 % højere end budgetteret.", 70,
               "Godkendt med tilføjelse af et punkt om orgelrenovering under § 45.\n"
               "§ 41 Kvartalsrapport 1. kvartal 2022 og budgetopfølgning\n"
               "Kassereren fremlagde kvartalsrapporten. Forbruget følger budgettet, "
               "dog er udgifterne til el og varme 38 % højere end budgetteret.");
  /* a value column's next line, a later word's column, a column one off (OCR's spaces) */
  check_reflow("Følgende medlemmer havde meldt afbud:    Morten Sand (C), Hanne Holm (A), Lise Marie\n"
               "                                         Andersen (F)", 86,
               "Følgende medlemmer havde meldt afbud: Morten Sand (C), Hanne Holm (A), Lise Marie "
               "Andersen (F)");
  check_reflow("Sag nr. 12 - Lokalplan nr. 45 for et nyt boligområde i Nørre Brokøbing\n"
               "             Vest med tilhørende kommuneplantillæg", 72,
               "Sag nr. 12 - Lokalplan nr. 45 for et nyt boligområde i Nørre Brokøbing Vest med "
               "tilhørende kommuneplantillæg");
  check_reflow("12. Ansøgning om tilskud til renovering af klubhuset ved Søndermarken\n"
               "     Boldklub og Idrætsforening", 70,
               "12. Ansøgning om tilskud til renovering af klubhuset ved Søndermarken Boldklub og "
               "Idrætsforening");
  check_reflow("36. Anlægsbevilling til renovering af tag og facader på Bækkerød\n"
               "Rådhus, etape 2", 70,
               "36. Anlægsbevilling til renovering af tag og facader på Bækkerød Rådhus, etape 2");
  /* Inside a sentence "§ 97" is a reference the line end broke; a list's point goes on
   * over a name. */
  check_reflow("Ledsagelse bevilges fremover med 10 timer pr. måned, jf. servicelovens\n"
               "§ 97 og kommunens kvalitetsstandard for ledsagelse af voksne borgere.", 70,
               "Ledsagelse bevilges fremover med 10 timer pr. måned, jf. servicelovens "
               "§ 97 og kommunens kvalitetsstandard for ledsagelse af voksne borgere.");
  check_reflow("1. At udvalget anbefaler byrådet at give en anlægsbevilling til\n"
               "Aarhus Kommunes projekt om nye cykelstier langs de større indfaldsveje.", 70,
               "1. At udvalget anbefaler byrådet at give en anlægsbevilling til "
               "Aarhus Kommunes projekt om nye cykelstier langs de større indfaldsveje.");
}
END_TEST

START_TEST(an_indented_line_opens_a_paragraph) {
  /* A typewriter's paragraph opens indented and runs on at the margin: an indented line
   * that opens with a capital under a full line starts a line of its own ("Pkt. 2. Title.
   * J.nr. ..." / "   Regnskabsgennemgangen viser ..."); the lines at the margin run on. */
  check_reflow("Pkt. 2.  Tillægsbevilling til Holbæk Svømmehal.    J.nr. l8.15.04\n"
               "   Regnskabsgennemgangen viser en merudgift til opvarmning og ren-\n"
               "holdelse på 185.000 kr. Fritidsudvalget søger tillægsbevilling.", 65,
               "Pkt. 2. Tillægsbevilling til Holbæk Svømmehal. J.nr. l8.15.04\n"
               "Regnskabsgennemgangen viser en merudgift til opvarmning og renholdelse på "
               "185.000 kr. Fritidsudvalget søger tillægsbevilling.");
  check_reflow("Pkt. 5  Udpegning af medlem til overdragelsesudvalget    Åben sag\n"
               "   Økonomiudvalgets beslutning:", 65,
               "Pkt. 5 Udpegning af medlem til overdragelsesudvalget Åben sag\n"
               "Økonomiudvalgets beslutning:");
  /* a hanging indent's line in small letters goes on, and so does one under a title its
   * last word or comma leaves open */
  check_reflow("3.  Forslag til lokalplan nr. 77 for boliger ved Skovvænget i den østlige del,\n"
               "    Nørre Brokøbing", 80,
               "3. Forslag til lokalplan nr. 77 for boliger ved Skovvænget i den østlige del, "
               "Nørre Brokøbing");
  check_reflow("36. Anlægsbevilling til renovering af tag og facader på Bækkerød\n"
               "    Rådhus, etape 2", 66,
               "36. Anlægsbevilling til renovering af tag og facader på Bækkerød Rådhus, etape 2");
  check_reflow("3.  Forslag til lokalplan nr. 77 for boliger i den østlige del af\n"
               "    Nørre Brokøbing", 66,
               "3. Forslag til lokalplan nr. 77 for boliger i den østlige del af Nørre Brokøbing");
  /* A numbered title whose line ends in a field set off to the right (a journal number,
   * a date) is a header's line: the text under it starts a line even at the margin. */
  check_reflow("1. Skoledistrikt for boligomr&det Ladegårdsparken     J.nr. l7.0l.05\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole.", 68,
               "1. Skoledistrikt for boligomr&det Ladegårdsparken J.nr. l7.0l.05\n"
               "Forvaltningen foreslår, at området henlægges til Østre Skole.");
  /* ... and under an item's label alone on its line (a case number set off to its right),
   * the title's line ends its sentence: the text under it is a paragraph of its own, a
   * full line or one whose capital OCR read as a digit */
  check_reflow("Punkt 2.                               Sagsnr. 17.02.01-S55-1-87\n"
               "Tillægsbevilling til ombygning af Vestre Skole.\n"
               "Økonomiudvalget anbefaler en tillægsbevilling på kr. 1.250.000, som\n"
               "søgt.", 68,
               "Punkt 2. Sagsnr. 17.02.01-S55-1-87\nTillægsbevilling til ombygning af Vestre Skole.\n"
               "Økonomiudvalget anbefaler en tillægsbevilling på kr. 1.250.000, som søgt.");
  check_reflow("Punkt 1.\nLokalplan nr. 143 for et boligområde ved Tingvej.\n"
               "0konomiudvalget har indstillet lokalplanen til endelig vedtagelse\nmed de ændringer.", 68,
               "Punkt 1.\nLokalplan nr. 143 for et boligområde ved Tingvej.\n"
               "0konomiudvalget har indstillet lokalplanen til endelig vedtagelse med de ændringer.");
  /* (a label line with its title after the gap is a title's line: its text goes on) */
  check_reflow("Pkt. 23.   Budgetopfølgning for december måned.\n"
               "Økonomiafdelingen har udarbejdet opgørelse over årets forbrug, og\n"
               "der er et mindreforbrug på drift på 2,3 mio. kr., som foreslås\noverført.", 66,
               "Pkt. 23. Budgetopfølgning for december måned.\n"
               "Økonomiafdelingen har udarbejdet opgørelse over årets forbrug, og "
               "der er et mindreforbrug på drift på 2,3 mio. kr., som foreslås overført.");
  /* ... not a title's word after the label ("Pkt. 5. Regnskab." is a title line), nor a page
   * number set off to the right ("Side 2" is no case's field) */
  check_reflow("Pkt. 5. Regnskab.\nKassereren fremlagde regnskabet for 2024, som viste et stort overskud.\n"
               "Der var ingen bemærkninger til regnskabet fra bestyrelsens medlemmer,\n"
               "og det blev godkendt.", 70,
               "Pkt. 5. Regnskab.\nKassereren fremlagde regnskabet for 2024, som viste et stort "
               "overskud. Der var ingen bemærkninger til regnskabet fra bestyrelsens medlemmer, "
               "og det blev godkendt.");
  check_reflow("1. Ansøgning om tilskud til udvidelse af klubhuset fra     Side 2\n"
               "Skovby Idrætsforening og Skovby Tennisklub for perioden 1986-88.", 70,
               "1. Ansøgning om tilskud til udvidelse af klubhuset fra Side 2 "
               "Skovby Idrætsforening og Skovby Tennisklub for perioden 1986-88.");
  check_reflow("1. Godkendelse af regnskab for 1986 og af budgettet     Side 2\n"
               "for 1987 med de ændringer, som formanden har foreslået.", 60,
               "1. Godkendelse af regnskab for 1986 og af budgettet Side 2 "
               "for 1987 med de ændringer, som formanden har foreslået.");
  check_reflow("1. at udvalget anbefaler byrådet at give en anlægsbevilling til nye\n"
               "   cykelstier langs de større indfaldsveje.", 65,
               "1. at udvalget anbefaler byrådet at give en anlægsbevilling til nye "
               "cykelstier langs de større indfaldsveje.");
}
END_TEST

START_TEST(a_contents_entrys_leader_ends_its_line_before_the_next_entry) {
  /* Full lines, but each ends in its dot leader and page number, and the next entry's
   * number opens the next line; a list set as one paragraph runs on after its leaders. */
  check_reflow("45/2025 - Godkendelse af dagsorden ................................. 2\n"
               "46/2025 - Dispensation fra lokalplan nr. 112 - Strandvejen 14 ....... 2", 72,
               "45/2025 - Godkendelse af dagsorden ................................. 2\n"
               "46/2025 - Dispensation fra lokalplan nr. 112 - Strandvejen 14 ....... 2");
  check_reflow("Indhold 1.2 Referat...2 Bilag 1: Referat af rådmandsmøde om justering af\n"
               "stabsorganiseringen i Socialforvaltningen...6 Bilag 1: Rådmandsindstilling\n"
               "Bilag 2: Oversigt", 76,
               "Indhold 1.2 Referat...2 Bilag 1: Referat af rådmandsmøde om justering af "
               "stabsorganiseringen i Socialforvaltningen...6 Bilag 1: Rådmandsindstilling "
               "Bilag 2: Oversigt");
}
END_TEST

START_TEST(hyphens_at_line_ends) {
  unsigned long long hyphens;
  char *got = reflow("Samarbejdet er tidligere blevet behandlet på byrådsmød-\nerne i juni.", 60, &hyphens);
  ck_assert_str_eq(got, "Samarbejdet er tidligere blevet behandlet på byrådsmøderne i juni.");
  ck_assert_uint_eq(hyphens, 1);
  free(got);
  /* The text's own hyphen before a conjunction stays, a space after it. */
  got = reflow("Sagen er sendt fra forvaltningen til Arbejdsmarkeds-\nog Beskæftigelsesudvalget.", 60, &hyphens);
  ck_assert_str_eq(got, "Sagen er sendt fra forvaltningen til Arbejdsmarkeds- og Beskæftigelsesudvalget.");
  ck_assert_uint_eq(hyphens, 0);
  free(got);
  /* A compound's own hyphen is kept, the compound joined; not on a short line. */
  check_reflow("Planen gælder for hele området omkring Sønderborg og Nord-\nDanmark.", 60,
               "Planen gælder for hele området omkring Sønderborg og Nord-Danmark.");
  check_reflow("Øst-\nVest", 60, "Øst-\nVest");
}
END_TEST

START_TEST(label_column_read_before_its_values) {
  check_reflow("Dato:\nMødested:\n\nTorsdag den 12. april 2018\nHvidovre Stadion\n\nMedlemmer", 90,
               "Dato: Torsdag den 12. april 2018\nMødested: Hvidovre Stadion\n\n\nMedlemmer");
  check_reflow("Sagsnr.:\n\n15/12508\n\nBeslutningstema", 90, "Sagsnr.: 15/12508\n\n\nBeslutningstema");
  /* A heading with a colon above its text is no field, nor an item after a label. */
  check_reflow("Sagsnr.:\n22/131\nBeslutning", 90, "Sagsnr.: 22/131\nBeslutning");
  check_reflow("Lokation:\n\nPunkt 1 Godkendelse af dagsorden\n\nTid:", 90,
               "Lokation:\n\nPunkt 1 Godkendelse af dagsorden\n\nTid:");
  check_reflow("Beslutning:\n\nGodkendt.\n", 90, "Beslutning:\n\nGodkendt.\n");
  check_reflow("Beslutning:\nGodkendt\nIndstilling", 90, "Beslutning:\nGodkendt\nIndstilling");
  check_reflow("Fraværende:\n\n1. Godkendelse af dagsorden\n", 90, "Fraværende:\n\n1. Godkendelse af dagsorden\n");
}
END_TEST

START_TEST(layout_spaces_tidied) {
  check_reflow("     Sagsnr.:           22/3307     \n        Side 3", 0, "Sagsnr.: 22/3307\nSide 3");
}
END_TEST

START_TEST(layout_label_column_read_in_order) {
  check_reflow("Beslutning        Godkendt som indstillet, idet udvalget dog ønsker at få\n"
               "                  en ny vurdering af sagen i efteråret.\n"
               "Indstilling       Forvaltningen indstiller, at sagen godkendes.\n"
               "Mødested:         Rådhuset\n"
               "Tema              Ny udpegning af et medlem og to suppleanter til rådet\n"
               "Udvalget drøftede sagen.", 75,
               "Beslutning\nGodkendt som indstillet, idet udvalget dog ønsker at få en ny vurdering af sagen i efteråret.\n"
               "Indstilling\nForvaltningen indstiller, at sagen godkendes.\n"
               "Mødested: Rådhuset\nTema\nNy udpegning af et medlem og to suppleanter til rådet\n"
               "Udvalget drøftede sagen.");
}
END_TEST

/* A table set side by side: number, title wrapped in its column, minutes in theirs; a row
 * that fits on one line is read the same where the page has rows of more lines.  Rows of
 * prose with a gap in them, and label columns, are left to the reading above. */
START_TEST(layout_table_rows_read_cell_by_cell) {
  check_reflow("   1     Velkomst og godkendelse af        Dagsordenen blev godkendt. Formanden bød\n"
               "         dagsorden                         velkommen til Maja Eskildsen (DN).\n"
               "\n"
               "   2     Høring: Forslag til               Rådet bakker op om projektet.\n"
               "         skovrejsningsprojekt ved\n"
               "         Nørre Vang\n"
               "\n"
               "   3     Eventuelt                         Intet.\n",
               80,
               "1\nVelkomst og godkendelse af dagsorden\nDagsordenen blev godkendt. Formanden bød\n"
               "velkommen til Maja Eskildsen (DN).\n\n"
               "2\nHøring: Forslag til skovrejsningsprojekt ved Nørre Vang\nRådet bakker op om projektet.\n\n"
               "3\nEventuelt\nIntet.\n");
  /* Two columns, the first wrapping in lower case. */
  check_reflow("Godkendelse af           Dagsordenen blev godkendt uden\n"
               "dagsorden                bemærkninger.",
               0, "Godkendelse af dagsorden\nDagsordenen blev godkendt uden\nbemærkninger.");
  /* A margin column beside the text: the item's number and its title broken over short
   * lines (one gap shrunk by OCR), the text going on in its own column. */
  check_reflow("Pkt. 23.          Sagsfremstilling:\n"
               "Vejnavne i        Ved udstykningen skal der fastsættes\n"
               "udstykningen   navne på 3 nye veje.\n"
               "ved Lindegården   Forslaget kommer fra foreningen.\n",
               0, "Pkt. 23. Vejnavne i udstykningen ved Lindegården\nSagsfremstilling:\n"
                  "Ved udstykningen skal der fastsættes\nnavne på 3 nye veje.\nForslaget kommer fra foreningen.\n");
  /* Labels beside their values stay paired. */
  check_reflow("Dato:        9. april 1991\nSted:        Rådhuset\nReferent:    Ole Bak\n", 0,
               "Dato: 9. april 1991\nSted: Rådhuset\nReferent: Ole Bak\n");
  /* A single line with gaps, on a page with no table of two-line rows: one line. */
  check_reflow("   5     Eventuelt                         Intet.", 0, "5 Eventuelt Intet.");
}
END_TEST

/* Lines each holding an item's number and its title ("1    Anlægsbevilling ..."), as a
 * contents list or an item's page sets them, are no margin block of one title broken over
 * the margin, and the number is no label set before its text; the rows of a table of
 * votes ("Parti   For   Imod   Undlod") stay rows (a number at a row's end keeps its gap as
 * a tab, as a page number in the margin does). */
START_TEST(numbered_lines_and_vote_rows_stay_lines) {
  check_reflow("Indholdsfortegnelse\n"
               "1    Anlægsbevilling til ny daginstitution ......... 2\n"
               "2    Takster for affaldshåndtering 2024 ............ 2\n"
               "3    Regional udviklingsstrategi - høring .......... 3\n",
               0,
               "Indholdsfortegnelse\n1 Anlægsbevilling til ny daginstitution ......... 2\n"
               "2 Takster for affaldshåndtering 2024 ............ 2\n"
               "3 Regional udviklingsstrategi - høring .......... 3\n");
  check_reflow("1    Anlægsbevilling til ny daginstitution i Tjæreborg\n"
               "Acadre: 22-31907\n"
               "Sagsfremstilling\n",
               0, "1 Anlægsbevilling til ny daginstitution i Tjæreborg\nAcadre: 22-31907\n"
                  "Sagsfremstilling\n");
  check_reflow("Afstemning:\nParti      For     Imod     Undlod\nA          3       0        0\n"
               "I alt      3       0        0\n",
               0, "Afstemning:\nParti For Imod Undlod\nA 3 0\t0\nI alt 3 0\t0\n");
}
END_TEST

START_TEST(measure_from_full_lines_not_joined_ones) {
  pk_measure *measure = calloc(1, sizeof *measure);
  ck_assert_uint_eq(pk_measure_get(measure), 0);
  static const size_t widths[] = {91, 93, 94, 95, 88, 92, 95, 94, 30, 12, 55, 54, 53, 140, 162, 177, 8};
  for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) pk_measure_add(measure, widths[i]);
  size_t got = pk_measure_get(measure);
  ck_assert_uint_ge(got, 95);
  ck_assert_uint_lt(got, 100);
  /* Lines too short for a page of prose: no measure, nothing reflowed. */
  pk_measure *narrow = calloc(1, sizeof *narrow);
  for (int i = 0; i < 30; i++) pk_measure_add(narrow, 30 + i % 10);
  ck_assert_uint_eq(pk_measure_get(narrow), 0);
  /* Paragraphs each a line, of any length: no measure either. */
  pk_measure *unbroken = calloc(1, sizeof *unbroken);
  static const size_t paragraphs[] = {42, 55, 57, 63, 72, 83, 86, 86, 89, 143, 168, 189, 222};
  for (size_t i = 0; i < sizeof paragraphs / sizeof *paragraphs; i++) pk_measure_add(unbroken, paragraphs[i]);
  ck_assert_uint_eq(pk_measure_get(unbroken), 0);
  free(measure);
  free(narrow);
  free(unbroken);
}
END_TEST

/* LINE repaired as OCR'd text; *REPAIRS the characters changed. */
static void check_repair(const char *line, const char *expected, unsigned long long repairs) {
  char buf[256];
  unsigned long long changed = 0;
  snprintf(buf, sizeof buf, "%s", line);
  size_t len = pk_ocr_repair(buf, strlen(buf), &changed);
  buf[len] = '\0';
  ck_assert_str_eq(buf, expected);
  ck_assert_uint_eq(changed, repairs);
}

START_TEST(ocr_misreadings_repaired_where_no_word_stands) {
  check_repair("Markedsføring af ]obcenter Brønderslevs", "Markedsføring af Jobcenter Brønderslevs", 1);
  check_repair("Godkendelse af referat ] .nr.: T:\\Sag", "Godkendelse af referat J.nr.: T:\\Sag", 1);
  check_repair("ÅBEN SAG J .nr.: 12", "ÅBEN SAG J.nr.: 12", 0);
  check_repair("1O. Budgetopfølgning", "10. Budgetopfølgning", 1);
  check_repair("l. Godkendelse af dagsorden", "1. Godkendelse af dagsorden", 1);
  check_repair("2l. Eventuelt", "21. Eventuelt", 1);
  /* A typewriter's tab after the number; the number after an item's label. */
  check_repair(" l.    Godkendelse af dagsorden.", " 1.    Godkendelse af dagsorden.", 1);
  check_repair("Pkt. 1O7       J.nr. 00.01.00 P 20", "Pkt. 107       J.nr. 00.01.00 P 20", 1);
  check_repair("Pkt. l08", "Pkt. 108", 1);
  check_repair("Punkt IV. Regnskab", "Punkt IV. Regnskab", 0);
  /* Words and numerals stay: nothing becomes an item that was not one. */
  check_repair("I. Indledning", "I. Indledning", 0);
  check_repair("lO. ikke et punkt", "lO. ikke et punkt", 0);
  check_repair("Ol. Hansen mødte", "Ol. Hansen mødte", 0);
  check_repair("[a] og x]y", "[a] og x]y", 0);
}
END_TEST

/* LINE's first word repaired with the built-in OCR lexicon (rule kind ocr-word). */
static void check_word(const char *line, const char *expected, unsigned long long repairs) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  pk_matcher *matcher = pk_matcher_new(rules);
  size_t count;
  const pk_rule **words = pk_rules_select(rules, "ocr-word", NULL, &count);
  ck_assert_uint_gt(count, 0);
  pk_buf buf = {0};
  ck_assert(pk_buf_append_str(&buf, line));
  unsigned long long changed = 0;
  ck_assert(pk_ocr_repair_word(&buf, matcher, words, count, &changed));
  ck_assert_str_eq(buf.data, expected);
  ck_assert_uint_eq(changed, repairs);
  pk_buf_free(&buf);
  free(words);
  pk_matcher_free(matcher);
  pk_rules_free(rules);
}

START_TEST(ocr_misread_heading_words_repaired) {
  check_word("0konomi", "Økonomi", 1);
  check_word("BesIutning: Godkendt.", "Beslutning: Godkendt.", 1);
  check_word("Sagsfrernstilling", "Sagsfremstilling", 1);
  check_word("  Bi1ag", "  Bilag", 1);
  /* A word the lexicon does not know, or one already right, stays as it was. */
  check_word("Børnehaven 0lsen", "Børnehaven 0lsen", 0);
  check_word("2019 blev godt", "2019 blev godt", 0);
  check_word("Indstilling", "Indstilling", 0);
  check_word("Kornmarken", "Kornmarken", 0);
}
END_TEST

START_TEST(ocr_blank_line_inside_a_paragraph) {
  check_reflow("De lokale beskæftigelsesråd får jvf. loven om ansvaret for den aktive\n\n"
               "beskæftigelsesindsats hvert år en bevilling.\n\nBeslutning\n\nGodkendt.", 75,
               "De lokale beskæftigelsesråd får jvf. loven om ansvaret for den aktive "
               "beskæftigelsesindsats hvert år en bevilling.\n\nBeslutning\n\nGodkendt.");
}
END_TEST

static Suite *reflow_suite(void) {
  Suite *suite = suite_create("reflow");
  TCase *tc = tcase_create("reflow");
  tcase_add_unchecked_fixture(tc, builtin_open, builtin_close);
  tcase_add_test(tc, wrapped_prose_is_one_line);
  tcase_add_test(tc, a_heading_stays_alone);
  tcase_add_test(tc, a_heading_line_under_a_numbered_title);
  tcase_add_test(tc, a_line_ending_in_a_date_ends_there);
  tcase_add_test(tc, a_word_alone_under_a_full_title);
  tcase_add_test(tc, a_label_line_under_a_title_near_the_measure);
  tcase_add_test(tc, list_items_and_numbers_start_lines);
  tcase_add_test(tc, a_protocols_paragraph_and_its_text_start_lines);
  tcase_add_test(tc, a_contents_entrys_leader_ends_its_line_before_the_next_entry);
  tcase_add_test(tc, hyphens_at_line_ends);
  tcase_add_test(tc, label_column_read_before_its_values);
  tcase_add_test(tc, layout_spaces_tidied);
  tcase_add_test(tc, layout_label_column_read_in_order);
  tcase_add_test(tc, layout_table_rows_read_cell_by_cell);
  tcase_add_test(tc, numbered_lines_and_vote_rows_stay_lines);
  tcase_add_test(tc, measure_from_full_lines_not_joined_ones);
  tcase_add_test(tc, ocr_misreadings_repaired_where_no_word_stands);
  tcase_add_test(tc, ocr_misread_heading_words_repaired);
  tcase_add_test(tc, ocr_blank_line_inside_a_paragraph);
  tcase_add_test(tc, an_indented_line_opens_a_paragraph);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(reflow_suite()); }

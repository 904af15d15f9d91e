/* test_decisions.c: reading decisions as data by the built-in rules (rules/decisions.rules,
 * parser/decisions.c): each outcome with its phrase, each vote form, minority notes, absent
 * and conflicts.  All texts are invented. */
#include <check.h>
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/decisions.h"
#include "../util/buf.h"
#include "files.h"
#include "runner.h"

static pk_rules *rules;
static pk_matcher *matcher;
static pk_decision_rules set;
static const pk_decision_trace NO_TRACE = {NULL, "1", 0};

static char *pk_strndup_all(const char *text) { return pk_strndup(text, strlen(text)); }

static void setup(void) {
  pk_error err;
  rules = pk_rules_new();
  ck_assert_ptr_nonnull(rules);
  ck_assert_int_eq(pk_rules_add_builtin(rules, &err), PK_OK);
  ck_assert(pk_decision_rules_select(&set, rules, NULL));
  matcher = pk_matcher_new(rules);
  ck_assert_ptr_nonnull(matcher);
}

static void teardown(void) {
  pk_matcher_free(matcher);
  pk_decision_rules_free(&set);
  pk_rules_free(rules);
}

/* A decision section holding TEXT, read. */
static pk_section read_decision(const char *text) {
  pk_section section = {0};
  section.kind = pk_strndup_all("decision");
  section.text = pk_strndup_all(text);
  ck_assert(pk_decision_read(matcher, &set, &section, section.text, &NO_TRACE));
  return section;
}

static void done(pk_section *section) {
  pk_section_free_reading(section);
  free(section->kind);
  free(section->text);
}

static void expect_outcome(const char *text, const char *outcome, const char *phrase) {
  pk_section section = read_decision(text);
  ck_assert_msg(section.outcome && strcmp(section.outcome, outcome) == 0,
                "\"%s\": outcome %s, expected %s", text, section.outcome ? section.outcome : "(null)",
                outcome);
  ck_assert_msg(section.outcome_phrase && strcmp(section.outcome_phrase, phrase) == 0,
                "\"%s\": phrase \"%s\", expected \"%s\"", text,
                section.outcome_phrase ? section.outcome_phrase : "(null)", phrase);
  done(&section);
}

/* TEXT, read as a decision, records one minority note, by WHO. */
static void expect_one_note(const char *text, const char *who) {
  pk_section s = read_decision(text);
  ck_assert_msg(s.note_count == 1 && s.notes[0].who && strcmp(s.notes[0].who, who) == 0,
                "\"%s\": %zu notes, who %s", text, s.note_count,
                s.note_count && s.notes[0].who ? s.notes[0].who : "-");
  done(&s);
}

/* S, read from TEXT, records one vote, with these counts (-1: none printed). */
static void expect_one_vote(const pk_section *s, const char *text, long for_count,
                            long against_count, long abstain_count) {
  ck_assert_msg(s->vote_count == 1, "\"%s\": %zu votes", text, s->vote_count);
  ck_assert_msg(s->votes[0].for_count == for_count && s->votes[0].against_count == against_count &&
                    s->votes[0].abstain_count == abstain_count,
                "\"%s\": %ld/%ld/%ld", text, s->votes[0].for_count, s->votes[0].against_count,
                s->votes[0].abstain_count);
}

/* TEXT records one vote, with these counts. */
static void expect_counts(const char *text, long for_count, long against_count,
                          long abstain_count) {
  pk_section s = read_decision(text);
  expect_one_vote(&s, text, for_count, against_count, abstain_count);
  done(&s);
}

START_TEST(outcomes) {
  expect_outcome("Godkendt.", "approved", "Godkendt");
  /* an amendment's label, its vote and its fall wrapped over lines, then the main vote */
  expect_outcome("Ændringsforslag fra V og C om at bevare Solsikken som selvstændig enhed:\n"
                 "For stemte 3 (V og C). Imod stemte 4 (A, O og F). Forslaget faldt.\n"
                 "Indstillingen blev herefter godkendt med 4 stemmer mod 3.", "approved",
                 "Indstillingen blev herefter godkendt");
  expect_outcome("Indstillingen blev tiltrådt.", "approved", "Indstillingen blev tiltrådt");
  expect_outcome("Godkendt som indstillet.", "approved", "Godkendt som indstillet");
  expect_outcome("Ikke godkendt.", "rejected", "Ikke godkendt");
  expect_outcome("Forslaget faldt.", "rejected", "Forslaget faldt");
  expect_outcome("Der var stemmelighed, og forslaget er dermed bortfaldet.", "rejected",
                 "forslaget er dermed bortfaldet");
  expect_outcome("Indstillet til tilsagn. Alle 12 stemte for.", "recommended",
                 "Indstillet til tilsagn");
  /* What a body decided to do, said by the verb of its infinitive ("besluttede ... at
   * udsætte", "vedtoges det ... at udsætte"), and a motion to refer that passed */
  expect_outcome("Bestyrelsen besluttede med 5 stemmer mod 4 (V og C) at udsætte punktet til "
                 "næste møde.", "postponed", "udsætte");
  expect_outcome("Efter nogen forhandling vedtoges det med 13 stemmer mod 1O at udsætte sagen.",
                 "postponed", "udsætte");
  expect_outcome("Udvalget besluttede at sende forslaget i høring i skolebestyrelserne. V og C "
                 "stemte imod.", "referred", "sende forslaget i høring");
  expect_outcome("Bestyrelsen besluttede at indstille projektet til tilsagn hos "
                 "Erhvervsstyrelsen.", "recommended", "indstille");
  expect_outcome("Bestyrelsen besluttede at give afslag på ansøgningen.", "rejected",
                 "give afslag");
  expect_outcome("Borgmesterens forslag om at henvise sagen til Magistratens 2. afdeling "
                 "vedtoges med 16 stemmer mod 14.", "referred",
                 "forslag om at henvise sagen til Magistratens 2. afdeling vedtoges");
  expect_outcome("Lokalplanforslaget sendes i 8 ugers offentlig høring. Vedtaget med 7 stemmer "
                 "mod 1.", "referred", "Lokalplanforslaget sendes i 8 ugers offentlig høring");
  expect_outcome("Meddelelsen toges ti1 efterretning.", "noted",
                 "Meddelelsen toges ti1 efterretning");
  /* A minute book's past passive of referring, and a grant said given after its vote */
  expect_outcome("Sagen henvistes til teknisk udvalg.", "referred",
                 "Sagen henvistes til teknisk udvalg");
  expect_outcome("Ved afstemningen stemte 8 for og 5 imod. Bevillingen er hermed givet.",
                 "approved", "Bevillingen er hermed givet");
  /* ... not what it decided not to do, nor a motion that fell, nor a decision told as
   * history, nor an infinitive that is not what was decided */
  expect_outcome("Udvalget besluttede ikke at udsætte sagen. Godkendt.", "approved", "Godkendt");
  expect_outcome("Forslaget om at henvise sagen til Økonomiudvalget blev forkastet med 5 stemmer "
                 "mod 20, hvorefter indstillingen blev godkendt.", "approved",
                 "indstillingen blev godkendt");
  expect_outcome("Teknisk Udvalg besluttede på mødet i april at udsætte sagen, og oplysningerne "
                 "foreligger nu. Godkendt.", "approved", "Godkendt");
  expect_outcome("Udvalget besluttede i 2019 at sende planen i høring. Godkendt.", "approved",
                 "Godkendt");
  expect_outcome("Udvalget besluttede at anbefale Byrådet at godkende planen og at sende den i "
                 "høring.", "recommended",
                 "at anbefale Byrådet at godkende planen og at sende de");
  expect_outcome("Udvalget besluttede at anmode forvaltningen om at udsætte projektet. Godkendt.",
                 "approved", "Godkendt");
  expect_outcome("Udvalget besluttede at henvise ansøgeren til puljen for små projekter. "
                 "Ansøgningen blev imødekommet.", "approved", "Ansøgningen blev imødekommet");
  expect_outcome("Udvalget besluttede at afvise ændringsforslaget fra V og godkendte herefter "
                 "indstillingen.", "approved", "godkendte");
  expect_outcome("Mindretallet (V) tager forbehold, indtil budgettet er godkendt. Flertallet "
                 "anbefaler indstillingen.", "recommended", "anbefaler");
  /* ... but the same words as an adjective or a told past are not */
  expect_outcome("De bevilgede midler overføres til 2025. Sagen udsættes.", "postponed",
                 "Sagen udsættes");
  expect_outcome("Udvalget er negativt indstillet til ansøgningen. Sagen udsættes.", "postponed",
                 "Sagen udsættes");
  expect_outcome("Punktet er bortfaldet, da ansøger har trukket ansøgningen.", "withdrawn",
                 "trukket");
  expect_outcome("Udvalget bevilgede enstemmigt 212.000 kr. fordelt som angivet i bilaget.",
                 "approved", "bevilgede");
  expect_outcome("Anbefales.", "recommended", "Anbefales");
  expect_outcome("Indstillingen anbefales over for Byrådet.", "recommended",
                 "Indstillingen anbefales over for Byrådet");
  expect_outcome("Udvalget anbefaler, at indstillingen godkendes.", "recommended", "anbefaler");
  expect_outcome("Taget til efterretning.", "noted", "Taget til efterretning");
  expect_outcome("Drøftet og taget til efterretning.", "noted", "taget til efterretning");
  expect_outcome("Udsat.", "postponed", "Udsat");
  expect_outcome("Oversendes til Økonomiudvalget.", "referred", "Oversendes til Økonomiudvalget");
  expect_outcome("Punktet udgik.", "withdrawn", "Punktet udgik");
  expect_outcome("Godkendt med den ændring, at fristen flyttes til 1. maj 2025.", "amended",
                 "Godkendt med den ændring, at fristen flyttes til 1. maj 2025");
  expect_outcome("Drøftet.", "discussed", "Drøftet");
  expect_outcome("Indstillingen blev herefter godkendt, dog således at fristen forlænges.",
                 "amended", "Indstillingen blev herefter godkendt, dog således at fristen forlænges");
  expect_outcome("Udvalget følger indstillingen.", "approved", "følger indstillingen");
  expect_outcome("Udvalget kan anbefale indstillingen.", "recommended", "kan anbefale");
  expect_outcome("Udvalget besluttede at udsætte sagen.", "postponed", "udsætte");
  expect_outcome("Sagen oversendes til Byrådet med anbefaling.", "recommended",
                 "Sagen oversendes til Byrådet med anbefaling");
  expect_outcome("Godkendtes.", "approved", "Godkendtes");
  expect_outcome("Vejudvalgets forslag vedtoges derefter.", "approved",
                 "Vejudvalgets forslag vedtoges");
  expect_outcome("Hans Jørgen Møllers forslag forkastedes med 3 stemmer mod 5. "
                 "Vejudvalgets forslag vedtoges derefter med 5 stemmer mod 3.",
                 "approved", "Vejudvalgets forslag vedtoges");
  expect_outcome("Rådet bakker op om den reviderede standard.", "approved", "bakker op om");
  expect_outcome("Indstillingen blev herefter godkendt med den vedtagne ændring.", "amended",
                 "Indstillingen blev herefter godkendt med den vedtagne ændring");
  expect_outcome("Enstemmigt anbefalet over for Økonomiudvalget og Byrådet med den ændring, "
                 "at stien forlænges.", "amended",
                 "anbefalet over for Økonomiudvalget og Byrådet med den ændring, at stien "
                 "forlænges");
  expect_outcome("Forslaget om udsættelse blev vedtaget med 10 stemmer mod 8. Sagen blev udsat.",
                 "postponed", "Forslaget om udsættelse blev vedtaget");
  expect_outcome("6 stemte ja, 2 nej. Bent Nyborg blev dermed valgt som næstformand.", "other",
                 "Bent Nyborg blev dermed valgt som næstformand");
}
END_TEST

/* A phrase no rule reads is "other", with the first sentence: never a guess. */
START_TEST(other_is_no_guess) {
  expect_outcome("Ingen bemærkninger. Mødet sluttede.", "other", "Ingen bemærkninger.");
  expect_outcome("Udvalget besøgte skolen", "other", "Udvalget besøgte skolen");
  pk_section empty = read_decision("");
  ck_assert_ptr_null(empty.outcome);
  ck_assert_ptr_null(empty.outcome_phrase);
  done(&empty);
}
END_TEST

/* Where no outcome rule reads a decision, its phrase is its first sentence that tells no
 * one's presence; a proposal that fell is the outcome where nothing else is; more ways to
 * refer a case on. */
START_TEST(outcome_when_little_is_said) {
  expect_outcome("Pia Holm (B) erklærede sig inhabil og forlod mødet. Kommissionen valgte "
                 "tilbud 2. Leveringen sker i maj.",
                 "other", "Kommissionen valgte tilbud 2.");
  expect_outcome("Enhedslistens forslag blev forkastet med 7 stemmer mod 31.", "rejected",
                 "forkastet");
  /* the note's "afvist" is no outcome */
  expect_outcome("Udvalget besluttede at give tilladelse. O tog forbehold, da ansøgningen burde "
                 "være afvist.",
                 "approved", "give tilladelse");
  expect_outcome("Ændringsforslag fra V om at udsætte sagen faldt.", "other",
                 "Ændringsforslag fra V om at udsætte sagen faldt.");
  expect_outcome("Ændringsforslaget faldt. Indstillingen blev herefter godkendt.", "approved",
                 "Indstillingen blev herefter godkendt");
  expect_outcome("Enstemmigt besluttet at sende forslaget videre til Klima- og Miljøudvalget.",
                 "referred", "sende forslaget videre til Klima- og Miljøudvalget");
  expect_outcome("Sagen sendes i naboorientering, inden udvalget træffer afgørelse.", "referred",
                 "Sagen sendes i naboorientering");
  expect_outcome("Indstillingen blev godkendt med de af Socialdemokratiet, SF og Radikale Venstre "
                 "stillede ændringer.",
                 "amended",
                 "Indstillingen blev godkendt med de af Socialdemokratiet, SF og Radikale Venstre "
                 "stillede ændringer");
  expect_outcome("Herefter anbefales kvalitetsstandarderne over for Byrådet med den vedtagne "
                 "ændring.",
                 "amended",
                 "anbefales kvalitetsstandarderne over for Byrådet med den vedtagne ændring");
}
END_TEST

/* The sentence that says what came of it all ("herefter", "dermed") outweighs what the
 * text told before it: a motion that passed, a body's first word. */
START_TEST(the_concluding_sentence_decides) {
  expect_outcome("A, B, F og Ø stillede forslag om at udsætte sagen til næste møde. Forslaget "
                 "blev vedtaget med 7 stemmer mod 3 (V, C og O).\nSagen blev herefter udsat.",
                 "postponed", "Sagen blev herefter udsat");
  expect_outcome("Godkendt. Forslaget sendes herefter i offentlig høring i 8 uger.", "referred",
                 "Forslaget sendes herefter i offentlig høring");
  expect_outcome("Anbefales. Sagen sendes herefter til Byrådet.", "recommended", "Anbefales");
  expect_outcome("Udvalget drøftede sagen. Forslaget blev dermed forkastet.", "rejected",
                 "Forslaget blev dermed forkastet");
  /* a member's motion told in one sentence, its fall in the next: not the decision's */
  expect_outcome("Kim Hvidt (A) stillede forslag om, at taksterne godkendes som anført i\n"
                 "kolonnen \"Forslag\".\n\nFor stemte 2 (A, F)\nImod stemte 3 (V, O)\n\n"
                 "Forslaget blev dermed ikke vedtaget.\n\nHerefter blev indstillingen sat til "
                 "afstemning.\n\nFor stemte 3 (V, O)\nImod stemte 2 (A, F)\n\n"
                 "Indstillingen blev godkendt.",
                 "approved", "Indstillingen blev godkendt");
}
END_TEST

/* An amendment that falls: the outcome is the main proposal's, and both votes are kept in
 * order. */
START_TEST(amendment_falls) {
  pk_section s = read_decision("Ændringsforslag fra V om en lavere ramme blev sat til afstemning. "
                               "For stemte 5 (V). Imod stemte 20 (A, F og Ø). Ændringsforslaget "
                               "faldt. Indstillingen blev herefter godkendt med 20 stemmer mod 5.");
  ck_assert_str_eq(s.outcome, "approved");
  ck_assert_uint_eq(s.vote_count, 2);
  ck_assert_int_eq(s.votes[0].for_count, 5);
  ck_assert_int_eq(s.votes[0].against_count, 20);
  ck_assert_int_eq(s.votes[0].abstain_count, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 1);
  ck_assert_str_eq(s.votes[0].for_groups.values[0], "V");
  ck_assert_uint_eq(s.votes[0].against_groups.count, 3);
  ck_assert_str_eq(s.votes[0].against_groups.values[2], "Ø");
  ck_assert_str_eq(s.votes[0].phrase, "For stemte 5 (V). Imod stemte 20 (A, F og Ø).");
  ck_assert_int_eq(s.votes[1].for_count, 20);
  ck_assert_int_eq(s.votes[1].against_count, 5);
  ck_assert_str_eq(s.votes[1].phrase, "Indstillingen blev herefter godkendt med 20 stemmer mod 5.");
  done(&s);
}
END_TEST

START_TEST(vote_counts) {
  pk_section s = read_decision("Godkendt med 37 stemmer mod 13.");
  ck_assert_str_eq(s.outcome, "approved");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 37);
  ck_assert_int_eq(s.votes[0].against_count, 13);
  ck_assert_int_eq(s.votes[0].abstain_count, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 0);
  ck_assert_str_eq(s.votes[0].phrase, "Godkendt med 37 stemmer mod 13.");
  done(&s);
}
END_TEST

START_TEST(vote_letters) {
  pk_section s = read_decision("Godkendt. For stemte 5 (A, V). Imod stemte: Ø (2). Undlod at stemme: F.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 5);
  ck_assert_int_eq(s.votes[0].against_count, 2);
  ck_assert_int_eq(s.votes[0].abstain_count, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 2);
  ck_assert_str_eq(s.votes[0].for_groups.values[1], "V");
  ck_assert_str_eq(s.votes[0].against_groups.values[0], "Ø");
  ck_assert_str_eq(s.votes[0].abstain_groups.values[0], "F");
  ck_assert_str_eq(s.votes[0].phrase, "For stemte 5 (A, V). Imod stemte: Ø (2). Undlod at stemme: F.");
  done(&s);
}
END_TEST

START_TEST(vote_names) {
  pk_section s = read_decision("For stemte: Socialdemokratiet og Radikale Venstre. Imod stemte: "
                               "Enhedslisten. Indstillingen blev godkendt.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 2);
  ck_assert_str_eq(s.votes[0].for_groups.values[0], "Socialdemokratiet");
  ck_assert_str_eq(s.votes[0].for_groups.values[1], "Radikale Venstre");
  ck_assert_str_eq(s.votes[0].against_groups.values[0], "Enhedslisten");
  done(&s);
  s = read_decision("6 medlemmer (V+A+C+N) anbefaler indstillingen. 1 medlem (O) stemmer imod.");
  ck_assert_str_eq(s.outcome, "recommended");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 6);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 4);
  ck_assert_str_eq(s.votes[0].for_groups.values[3], "N");
  ck_assert_int_eq(s.votes[0].against_count, 1);
  ck_assert_str_eq(s.votes[0].against_groups.values[0], "O");
  done(&s);
}
END_TEST

/* The other ways minutes print a vote. */
START_TEST(vote_forms) {
  pk_section s = read_decision("Indstillingen blev godkendt med 20 stemmer for, 5 stemmer imod og 2 "
                               "undlod at stemme.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 20);
  ck_assert_int_eq(s.votes[0].against_count, 5);
  ck_assert_int_eq(s.votes[0].abstain_count, 2);
  done(&s);
  s = read_decision("Godkendt med 25 stemmer. 2 undlod at stemme (F).");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 25);
  ck_assert_int_eq(s.votes[0].against_count, -1);
  ck_assert_int_eq(s.votes[0].abstain_count, 2);
  ck_assert_str_eq(s.votes[0].abstain_groups.values[0], "F");
  done(&s);
  s = read_decision("Et flertal bestående af A, F og Ø godkendte indstillingen. V og C stemte imod.");
  ck_assert_str_eq(s.outcome, "approved");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 3);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 2);
  ck_assert_str_eq(s.votes[0].against_groups.values[1], "C");
  ck_assert_int_eq(s.votes[0].for_count, -1);
  done(&s);
  s = read_decision("Godkendt med 8 stemmer for. 1 stemte imod (Ø).");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 8);
  ck_assert_int_eq(s.votes[0].against_count, 1);
  ck_assert_str_eq(s.votes[0].against_groups.values[0], "Ø");
  done(&s);
  s = read_decision("Godkendt med stemmerne fra A, V og C. Ø og F stemte imod.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 3);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 2);
  done(&s);
  s = read_decision("Godkendt 7-2.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 7);
  ck_assert_int_eq(s.votes[0].against_count, 2);
  done(&s);
  /* The minute book's "passed against N votes": the side against counted alone. */
  expect_counts("Vedtoges mod 1 stemme (Anders Bøgh).", -1, 1, -1);
  expect_counts("Godkendt mod en stemme.", -1, 1, -1);
  s = read_decision("Indstillingen blev godkendt mod 3 stemmer (V og C).");
  expect_one_vote(&s, "mod 3 stemmer (V og C)", -1, 3, -1);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 2);
  done(&s);
  s = read_decision("Godkendt mod at der stilles sikkerhed.");
  ck_assert_uint_eq(s.vote_count, 0);
  done(&s);
  s = read_decision("Vedtaget med 15 stemmer mod 12 (V, C og O).");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 15);
  ck_assert_int_eq(s.votes[0].against_count, 12);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 3);
  done(&s);
}
END_TEST

/* A unanimous decision records a vote, without counts or groups; beside counts in its
 * sentence it adds none; in a sentence of its own after a counted amendment it is the
 * proposal's vote. */
START_TEST(a_unanimous_decision_is_a_vote_without_counts) {
  pk_section s = read_decision("Enstemmigt godkendt.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, -1);
  ck_assert_int_eq(s.votes[0].against_count, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 0);
  ck_assert_str_eq(s.votes[0].phrase, "Enstemmigt godkendt.");
  done(&s);
  s = read_decision("Ændringsforslaget blev forkastet med 5 stemmer mod 20. Indstillingen blev herefter "
                    "vedtaget enstemmigt.");
  ck_assert_uint_eq(s.vote_count, 2);
  ck_assert_int_eq(s.votes[0].for_count, 5);
  ck_assert_int_eq(s.votes[1].for_count, -1);
  done(&s);
  expect_counts("Vedtaget enstemmigt med 29 stemmer.", 29, -1, -1);
}
END_TEST

/* A vote told twice, its counts first and then each side with its groups and the same
 * count (or the lists first and the counts after), is one vote; a part that only repeats
 * the counts of a vote without lists starts another (two points voted alike). */
START_TEST(a_vote_told_twice_is_one_vote) {
  static const char *const TOLD_TWICE = "Vedtaget med 18 stemmer mod 11. For stemte A og F "
                                        "(18). Imod stemte V, O og C (11). 1 undlod at stemme "
                                        "(\xC3\x98).";
  pk_section s = read_decision(TOLD_TWICE);
  expect_one_vote(&s, TOLD_TWICE, 18, 11, 1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 2);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 3);
  ck_assert_uint_eq(s.votes[0].abstain_groups.count, 1);
  done(&s);
  s = read_decision("Forslaget faldt med 4 stemmer mod 26. For stemte Borgerlisten og O (4).");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 2);
  ck_assert_str_eq(s.votes[0].for_groups.values[0], "Borgerlisten");
  done(&s);
  s = read_decision("Punkt 1 godkendt med 15 stemmer mod 10. "
                    "Punkt 2 godkendt med 15 stemmer mod 10.");
  ck_assert_uint_eq(s.vote_count, 2);
  done(&s);
  s = read_decision("For stemte A og F (18). Imod stemte V, O og C (11). Forslaget blev herefter "
                    "vedtaget med 18 stemmer mod 11.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 3);
  done(&s);
  s = read_decision("Godkendt med 15 stemmer mod 10. For stemte 12 (A, F).");
  ck_assert_uint_eq(s.vote_count, 2);
  done(&s);
}
END_TEST

/* A vote's table, flattened one cell a line or with its cells apart by "|" or tabs: each
 * group goes to the sides it gave votes; the counts are the totals, or the rows' sums. */
START_TEST(vote_tables) {
  pk_section s = read_decision("Indstillingen blev vedtaget.\nAfstemning\nParti\nFor\nImod\n"
                               "Undlod\n"
                               "A\n11\n0\n0\nV\n0\n7\n0\nSlesvigsk Parti\n1\n0\n0\nC\n0\n0\n3\n"
                               "I alt\n12\n7\n3\n");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].for_count, 12);
  ck_assert_int_eq(s.votes[0].against_count, 7);
  ck_assert_int_eq(s.votes[0].abstain_count, 3);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 2);
  ck_assert_str_eq(s.votes[0].for_groups.values[1], "Slesvigsk Parti");
  ck_assert_str_eq(s.votes[0].against_groups.values[0], "V");
  ck_assert_str_eq(s.votes[0].abstain_groups.values[0], "C");
  done(&s);
  static const char *const TABBED = "Godkendt.\nParti\tFor\tImod\tUndlod\nA\t9\t0\t0\n"
                                    "V\t0\t5\t0\nStemmer i alt\t9\t5\t0\n";
  s = read_decision(TABBED);
  expect_one_vote(&s, TABBED, 9, 5, 0);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 1);
  done(&s);
  expect_counts("Godkendt.\nParti | For | Imod\nA | 9 | 0\nV | 0 | 5\n", 9, 5, -1);
  /* one vote is "1 stemme" */
  expect_counts("Ændringsforslaget faldt med 1 stemme mod 26.", 1, 26, -1);
  expect_counts("Forslaget blev forkastet.\nAfstemning om medlemsforslaget\nFor\n5\nImod\n22\n"
                "Undlod\n2\n", 5, 22, 2);
  /* A dash for none, and a header of the sides alone, over rows of parties written out. */
  static const struct {
    const char *text;
    long for_count, against_count, abstain_count;
    const char *first_for, *first_against;
  } DASHED[] = {
      {"Anbefales.\n        For   Imod   Undlod\n   Socialdemokratiet   3    -    -\n"
       "   Det Konservative Folkeparti   -    -    1\n   Venstre   -   2   -\n   I alt   3   2   1\n",
       3, 2, 1, "Socialdemokratiet", "Venstre"},
      {"Godkendt.\nParti  For  Imod  Undlod\nA  \u2013  10  \u2013\nV  7  \u2013  \u2013\n"
       "I alt  7  10  0\n",
       7, 10, 0, "V", "A"},
  };
  for (size_t i = 0; i < sizeof DASHED / sizeof *DASHED; i++) {
    s = read_decision(DASHED[i].text);
    expect_one_vote(&s, DASHED[i].text, DASHED[i].for_count, DASHED[i].against_count,
                    DASHED[i].abstain_count);
    ck_assert_str_eq(s.votes[0].for_groups.values[0], DASHED[i].first_for);
    ck_assert_str_eq(s.votes[0].against_groups.values[0], DASHED[i].first_against);
    done(&s);
  }
}
END_TEST

/* The sides counted in one list, "de øvrige N medlemmer", a count after "stemte for", and
 * a unanimous body ("et enigt råd"). */
START_TEST(votes_counted_in_a_list) {
  static const struct {
    const char *text;
    long for_count, against_count, abstain_count;
  } CASES[] = {
      {"Ændringsforslaget: 14 stemmer for, 27 imod, 3 blanke. Ændringsforslaget "
       "bortfaldt.", 14, 27, 3},
      {"Godkendt. 5 stemte for, 1 imod (Mette Hvid).", 5, 1, -1},
      {"Bent Nyborg blev valgt. 6 stemte ja, 2 nej, 1 stemmeseddel var blank.", 6, 2, 1},
      {"For ændringsforslaget stemte: Jørgen Holm. Imod stemte: de øvrige 12 "
       "medlemmer.", -1, 12, -1},
      {"Forslaget blev forkastet, idet kun Enhedslisten stemte for (3 stemmer). De øvrige 36 "
       "medlemmer stemte imod.", 3, 36, -1},
      {"Regnskabet blev godkendt af en enig generalforsamling.", -1, -1, -1},
      {"Indstillingen blev godkendt med 6 stemmer for, 1 imod (Ø) og 1, der undlod at stemme "
       "(F).", 6, 1, 1},
      {"Godkendt med undtagelse af C, som undlod at stemme.", -1, -1, -1},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
    expect_counts(CASES[i].text, CASES[i].for_count, CASES[i].against_count,
                  CASES[i].abstain_count);
}
END_TEST

/* Numbers that are no vote give none. */
START_TEST(no_invented_votes) {
  static const char *const TEXTS[] = {
      "Godkendt. Sagen forelægges for 2 udvalg i maj.",
      "Godkendt med 3 bemærkninger fra Ældrerådet.",
      "Taget til efterretning. For eksempel kan skolen bruge midlerne i 2026.",
      "Udvalget drøftede mod 2030 målene for klimaplanen.",
      "Godkendt. Der blev stemt om punktet.",
      "Godkendt med 2 stemmer for hver forening i 2025.",
      "Udvalget mødes med 3 borgere og 2 foreninger.",
      "Orienteringen blev givet. 4 medlemmer deltog i besøget.",
      "Taget til efterretning. Ja\t112\nNej\t38\n",          /* a survey's answers */
      "Da der ikke var et enigt udvalg, oversendes sagen til Byrådet.",
      /* a minority's wish, a majority that does not, someone else's objection, a survey */
      "Godkendt. Mindretallet ønskede følgende ført til protokol: Vi er imod.",
      "Godkendt. Et flertal (A, V) støtter ikke forslaget.",
      "Godkendt. Forvaltningen var imod at ændre tidsplanen.",
      "Taget til efterretning.\nJa   Nej   Blank\nBorgere   120   45   3\n"
      "Foreninger   12   4   -\n",
      /* "for"/"imod" and a definite noun in prose, no vote; an office that can not approve */
      "Godkendt. Tilskud for perioden: 250.000 kr.",
      "Godkendt. Kontaktperson for projektet: Hans Jensen",
      "Godkendt. Der er indsigelser imod planen: 3 naboer",
      "Godkendt. Direktøren kan ikke godkende, at fristen forlænges.",
  };
  for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
    pk_section s = read_decision(TEXTS[i]);
    ck_assert_msg(s.vote_count == 0, "\"%s\": %zu votes", TEXTS[i], s.vote_count);
    done(&s);
  }
}
END_TEST

START_TEST(minority_notes) {
  pk_section s = read_decision("Godkendt. V ønskede sin stemme ført til protokol. Hans Jensen (C) "
                               "tog forbehold.\nMindretalsudtalelse fra Ø: Vi kan ikke støtte en "
                               "lavere ramme.");
  ck_assert_str_eq(s.outcome, "approved");
  ck_assert_uint_eq(s.note_count, 3);
  ck_assert_str_eq(s.notes[0].who, "V");
  ck_assert_str_eq(s.notes[0].text, "V ønskede sin stemme ført til protokol.");
  ck_assert_str_eq(s.notes[1].who, "Hans Jensen (C)");
  ck_assert_str_eq(s.notes[1].text, "Hans Jensen (C) tog forbehold.");
  ck_assert_str_eq(s.notes[2].who, "Ø");
  ck_assert_str_eq(s.notes[2].text, "Vi kan ikke støtte en lavere ramme.");
  done(&s);
  s = read_decision("Anbefales. Venstre ønsker følgende ført til protokol: Rammen er for lav.");
  ck_assert_str_eq(s.outcome, "recommended");
  ck_assert_uint_eq(s.note_count, 1);
  ck_assert_str_eq(s.notes[0].who, "Venstre");
  ck_assert_str_eq(s.notes[0].text, "Rammen er for lav.");
  done(&s);
}
END_TEST

START_TEST(absent_and_conflicts) {
  pk_item item = {0};
  ck_assert(pk_presence_read(matcher, &set,
                             "Fraværende: Anna Berg (A) og Peter Holm (V)\nGodkendt. Karen Lund "
                             "deltog ikke i sagens behandling. Ole Dam (F) erklærede sig inhabil.",
                             &item, &NO_TRACE));
  ck_assert_uint_eq(item.absent.count, 3);
  ck_assert_str_eq(item.absent.values[0], "Anna Berg (A)");
  ck_assert_str_eq(item.absent.values[1], "Peter Holm (V)");
  ck_assert_str_eq(item.absent.values[2], "Karen Lund");
  ck_assert_uint_eq(item.conflicts.count, 1);
  ck_assert_str_eq(item.conflicts.values[0], "Ole Dam (F)");
  pk_item_free(&item);
  ck_assert(pk_presence_read(matcher, &set,
                             "Bo Lind (C) deltog ikke i behandlingen af sagen på grund af "
                             "inhabilitet. Inhabil: Eva Sand (A)",
                             &item, &NO_TRACE));
  ck_assert_uint_eq(item.absent.count, 0);
  ck_assert_uint_eq(item.conflicts.count, 2);
  ck_assert_str_eq(item.conflicts.values[0], "Bo Lind (C)");
  ck_assert_str_eq(item.conflicts.values[1], "Eva Sand (A)");
  pk_item_free(&item);
  /* An empty field and "Ingen" name nobody. */
  ck_assert(pk_presence_read(matcher, &set, "Fraværende: Afbud: Ingen", &item, &NO_TRACE));
  ck_assert_uint_eq(item.absent.count, 0);
  pk_item_free(&item);
}
END_TEST

/* LIST holds exactly the NULL-terminated names WANT, in order. */
static void expect_names(const pk_strings *list, const char *const *want, const char *what) {
  size_t count = 0;
  while (want[count]) count++;
  ck_assert_msg(list->count == count, "%s: %zu names, expected %zu", what, list->count, count);
  for (size_t i = 0; i < count; i++) ck_assert_str_eq(list->values[i], want[i]);
}

/* TEXT, read for presence and settled, names exactly ABSENT and CONFLICTS. */
static void expect_presence(const char *text, const char *const *absent,
                            const char *const *conflicts) {
  pk_item item = {0};
  ck_assert(pk_presence_read(matcher, &set, text, &item, &NO_TRACE));
  pk_presence_settle(&item);
  expect_names(&item.absent, absent, "absent");
  expect_names(&item.conflicts, conflicts, "conflicts");
  pk_item_free(&item);
}

/* Who was absent or conflicted, as more minutes print it: a role before the name, "forlod
 * mødet inden dette punkt", "Fraværende under dette punkt:", "deltog som inhabil"; a member
 * with a conflict who left is listed under conflicts only. */
START_TEST(more_presence_forms) {
  static const char *const ABSENT[] = {"Kaj Østergaard", "Lis Krogh (A)", NULL};
  static const char *const CONFLICTS[] = {"Niels Krabbe (V)", "Kristian Berg", "Kurt Vinther (V)",
                                          NULL};
  expect_presence("Rådmand Niels Krabbe (V) erklærede sig inhabil og forlod salen. Kaj "
                  "Østergaard forlod mødet inden dette punkt. Fraværende under dette "
                  "punkt: Lis Krogh (A)\nKristian Berg deltog som inhabil ikke i sagens "
                  "behandling. Kurt Vinther (V) erklærede sig inhabil. Kurt Vinther "
                  "forlod mødet under punktet.",
                  ABSENT, CONFLICTS);
}
END_TEST

/* Presence said in more ways: a title before the name, "deltog ikke under dette punkt",
 * "... i punkt 6", a clause before "erklærede sig inhabil", and inhabilitet given as the
 * reason after "deltog ikke i sagens behandling, idet han ...". */
START_TEST(presence_said_in_more_ways) {
  static const char *const ABSENT[] = {"Knud Aagaard", "Erik Storm (O)", NULL};
  static const char *const CONFLICTS[] = {"Jonas Vestergaard (V)", "Lars Winther (V)",
                                          "Bent Krogh (K)", "Hans Jensen", NULL};
  static const char *const NONE[] = {NULL};
  expect_presence("Knud Aagaard deltog ikke under dette punkt. Erik Storm (O) havde forladt "
                  "mødet og deltog ikke i punkt 6. Borgerrepræsentant Jonas Vestergaard (V) "
                  "erklærede sig inhabil. Lars Winther (V) er medlem af Ungdomsskolebestyrelsen "
                  "og erklærede sig inhabil. Bent Krogh (K) deltog ikke i sagens behandling, "
                  "idet han erklærede sig inhabil. Hans Jensen deltog ikke under punktet, idet han "
                  "erklærede sig inhabil.",
                  ABSENT, CONFLICTS);
  /* the administration or an applicant is no member */
  expect_presence("Forvaltningen er ansøger i sagen og er inhabil. Ansøgeren var inhabil.", NONE,
                  NONE);
  /* a field's label alone on its line, its names on the next (web exports) */
  static const char *const FIELD[] = {"Peter Sand (V)", NULL};
  expect_presence("Inhabil\nPeter Sand (V)\nFraværende\n", NONE, FIELD);
}
END_TEST

/* A member of a joint body is named with the municipality he sits for after his party
 * ("Mette Juul (A), Aalborg"): one name, not two; a second name after it stays a name.  A
 * first name may be cut short. */
START_TEST(a_name_with_its_municipality) {
  static const char *const ABSENT[] = {"Mette Juul (A), Aalborg", "Hans Ravn (V), Læsø",
                                       "Pia Holm (C)", NULL};
  static const char *const NONE[] = {NULL};
  expect_presence("Afbud: Mette Juul (A), Aalborg, Hans Ravn (V), Læsø og Pia Holm (C).",
                  ABSENT, NONE);
  /* a first name cut short ("Kr. Bak", "Chr. Nielsen"), as minute books print it */
  static const char *const SHORT[] = {"Kr. Bak", NULL};
  expect_presence("Sognerådsmedlem Kr. Bak erklærede sig inhabil og deltog ikke i sagens "
                  "behandling.", NONE, SHORT);
  /* a place only after a comma, and with its own name only */
  static const char *const THREE[] = {"Hans Jensen (V)", "Birte Holm (A)", "Madsen", NULL};
  expect_presence("Afbud: Hans Jensen (V), Birte Holm (A) og Madsen.", THREE, NONE);
  static const char *const REPEATED[] = {"Hans Ravn (V)", "Mette Juul (A)", "Hans Ravn (V), Læsø",
                                         NULL};
  expect_presence("Afbud: Hans Ravn (V), Mette Juul (A), Hans Ravn (V), Læsø.", REPEATED, NONE);
  /* ... but not a party's letter ending a sentence before a name */
  static const char *const AFTER_LETTER[] = {"Anker Hvid (V)", NULL};
  expect_presence("Imod stemte V og C. Anker Hvid (V) deltog ikke i behandlingen.", AFTER_LETTER,
                  NONE);
  /* the place between commas before the verb */
  static const char *const PLACED[] = {"Anders Lykke (V), Viborg", NULL};
  expect_presence("Anders Lykke (V), Viborg, deltog ikke i punktet. Næstformanden ledte mødet.",
                  PLACED, NONE);
}
END_TEST

/* A side's groups between its count and its verb, a count after its verb, "for (...) mod",
 * a list of letters broken at a line's end, and a table read into one line, its cells a
 * space apart. */
START_TEST(amended_after_an_adverb_an_object_or_the_vote) {
  /* The changes follow the verb past an adverb, the thing decided (a minute book's order:
   * "vedtoges taksterne med den ændring"), or the vote's counts. */
  expect_outcome("Lokalplanen blev herefter vedtaget endeligt med den ændring, at bæltet udvides.",
                 "amended",
                 "Lokalplanen blev herefter vedtaget endeligt med den ændring, at bæltet udvides");
  expect_outcome("Efter en længere forhandling vedtoges taksterne med den ændring, at prisen "
                 "fastsættes til 145 kr.", "amended",
                 "vedtoges taksterne med den ændring, at prisen fastsættes til 145 kr");
  expect_outcome("Godkendtes med den ændring, at beløbet nedsættes.", "amended",
                 "Godkendtes med den ændring, at beløbet nedsættes");
  expect_outcome("Indstillingen anbefales med 5 stemmer (A, F og Ø) mod 4 (V, O og D) med den "
                 "ændring, at rengøring tilbydes.", "amended",
                 "Indstillingen anbefales med 5 stemmer (A, F og Ø) mod 4 (V, O og D) med den "
                 "ændring, at rengøring tilbydes");
  /* ... not a change told apart from the approval */
  expect_outcome("Godkendt. Forvaltningen arbejder videre med den ændring, der blev drøftet.",
                 "approved", "Godkendt");
}
END_TEST

START_TEST(a_motion_by_a_member_or_wrapped_over_a_line) {
  /* "Forslag fra Knud Falk om at udsætte sagen til augustmødet blev vedtaget": a motion
   * named by who made it, the case's place after; a motion wrapped at a line's end. */
  expect_outcome("Forslag fra Knud Falk om at udsætte sagen til augustmødet blev vedtaget med 5 "
                 "stemmer mod 4. Sagen er udsat.", "postponed",
                 "Forslag fra Knud Falk om at udsætte sagen til augustmødet blev vedtaget");
  expect_outcome("Borgmesterens forslag om at henvise sagen til Magistratens\n2. afdeling til "
                 "nærmere undersøgelse vedtoges med 16 stemmer mod 14.", "referred",
                 "forslag om at henvise sagen til Magistratens 2. afdeling til nærmere "
                 "undersøgelse vedtoges");
  /* ... not one that fell, nor over a paragraph's end */
  expect_outcome("Forslag fra Knud Falk om at udsætte sagen faldt. Indstillingen blev vedtaget.",
                 "approved", "Indstillingen blev vedtaget");
}
END_TEST

START_TEST(minority_notes_by_a_name_before_a_colon_or_told_after_a_reason) {
  static const struct {
    const char *text, *who;
  } CASES[] = {
      /* a member's name before the label's colon */
      {"Ikke imødekommet.\nMindretalsudtalelse fra Kim Lauridsen: Projektet burde have fået "
       "tilskud.", "Kim Lauridsen"},
      {"Godkendt.\nProtokolbemærkning fra Anne Hansen: Jeg er uenig.", "Anne Hansen"},
      /* the minority named in brackets, then what it entered */
      {"Vedtaget med 7 stemmer mod 2. Mindretallet (Grethe Bjerre og Knud Falk) ønskede følgende "
       "ført til protokol: »Vi kan ikke støtte det.«", "Grethe Bjerre og Knud Falk"},
      /* "... stemte imod, da ..., og ønskede dette ført til protokol" */
      {"Vedtaget med 6 stemmer for og 2 imod.\nBente Ravn og Kurt Lauesen stemte imod, da de "
       "finder, at rådet bør kræve 15 timer, og ønskede dette ført til protokol.",
       "Bente Ravn og Kurt Lauesen"},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
    expect_one_note(CASES[i].text, CASES[i].who);
  /* A field's label names no member: "Bemærkning:" is no one's note. */
  pk_section s = read_decision("Godkendt.\nBemærkning: Sagen er afsluttet.");
  ck_assert_uint_eq(s.note_count, 0);
  done(&s);
}
END_TEST

START_TEST(counts_as_ocr_misreads_them) {
  /* A scanned minute book's digits read as letters: "1O" is 10, "l8" is 18, "2I" 21. */
  static const struct {
    const char *text;
    long for_count, against_count, abstain_count;
  } CASES[] = {
      {"Det vedtoges med 13 stemmer mod 1O at udsætte sagen.", 13, 10, -1},
      {"Indstillingen vedtoges med l8 stemmer mod 6.", 18, 6, -1},
      {"Forslaget forkastedes med 6 stemmer mod 2I.", 6, 21, -1},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    pk_section s = read_decision(CASES[i].text);
    expect_one_vote(&s, CASES[i].text, CASES[i].for_count, CASES[i].against_count,
                    CASES[i].abstain_count);
    done(&s);
  }
  /* ... in the lists too: "Imod: 1O" */
  pk_section s = read_decision("Godkendt. For: 12. Imod: 1O.");
  expect_one_vote(&s, "For: 12. Imod: 1O.", 12, 10, -1);
  done(&s);
  /* A word is no count: "I alt", "Ole", a roman "II"; nor a small letter ("1o"). */
  s = read_decision("Godkendt med 5 stemmer mod II.");
  ck_assert_msg(s.vote_count == 0 || s.votes[0].against_count == -1, "II read as a count");
  done(&s);
  s = read_decision("Vedtaget med 1o stemmer mod 2.");
  ck_assert_msg(s.vote_count == 0 || s.votes[0].for_count != 1, "1o read as 1");
  done(&s);
  s = read_decision("Vedtaget med 6 stemmer mod 2I alt 8 stemmer.");
  ck_assert_msg(s.vote_count >= 1 && s.votes[0].against_count == 2, "2I alt read as 21");
  done(&s);
}
END_TEST

START_TEST(vote_groups_placed_anywhere) {
  static const struct {
    const char *text;
    long for_count, against_count, abstain_count;
    const char *against_group;
  } CASES[] = {
      {"Godkendt. 7 stemte for, 2 (O og F) stemte imod.", 7, 2, -1, "O"},
      {"Anbefales. A, F og Ø stemte for (5), V og C stemte imod (4).", 5, 4, -1, "V"},
      {"Indstillingen blev godkendt med 15 stemmer for (A, F, B) mod 12 (V, C, O).", 15, 12,
       -1, "V"},
      {"Vedtaget med 18 stemmer (A, B, F, Ø) mod 11 (V, O,\nC), idet 1 (D) undlod at stemme.",
       18, 11, 1, "V"},
      {"Godkendt.\nParti For Imod Undlod A 3 0 0 V 3 0 0 C 0 1 0 O 0 1 0 F 0 0 1 I alt 6 2 1",
       6, 2, 1, "C"},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    pk_section s = read_decision(CASES[i].text);
    expect_one_vote(&s, CASES[i].text, CASES[i].for_count, CASES[i].against_count,
                    CASES[i].abstain_count);
    ck_assert_msg(s.votes[0].against_groups.count >= 1 &&
                      strcmp(s.votes[0].against_groups.values[0], CASES[i].against_group) == 0,
                  "\"%s\": against groups", CASES[i].text);
    done(&s);
  }
  /* A list broken at a line's end goes on in a group, not in a sentence's first letter. */
  pk_section s = read_decision("Godkendt. For stemte A, F, Ø og B,\nI alt 15 medlemmer. Imod "
                               "stemte V og C (10).");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 4);
  done(&s);
}
END_TEST

/* The parties' old lettered names ("CD", "KrF", "FrP") are groups like today's letters, and
 * a count may carry its groups before its verb ("idet 1 (CD) undlod at stemme"). */
START_TEST(old_party_abbreviations) {
  static const char *const CASES[] = {
      "Forslaget forkastedes med 2 stemmer (Z) mod 27 (S, K, V, SF og RV), idet 1 (CD) "
      "undlod at stemme.",
      "Indstillingen vedtoges med 27 stemmer mod 2 (Z). 1 (CD) undlod at stemme.",
      "Forslaget vedtoges med 20 stemmer mod 2 (FrP og KrF), medens 1 (CD) undlod at stemme.",
  };
  expect_counts("Godkendt med 20 stemmer mod 5, mens 3 blanke.", 20, 5, 3);
  /* one member, named in the singular, and the side's party after a colon */
  pk_section one = read_decision("Forkastet. For stemte 2 medlemmer: V og C. Imod stemte 8 "
                                 "medlemmer: A, B, F og Ø. Undlod at stemme 1 medlem: O.");
  ck_assert(one.vote_count == 1 && one.votes[0].abstain_count == 1 &&
            one.votes[0].abstain_groups.count == 1);
  done(&one);
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    pk_section s = read_decision(CASES[i]);
    ck_assert_msg(s.vote_count == 1 && s.votes[0].abstain_count == 1 &&
                      s.votes[0].abstain_groups.count == 1 &&
                      strcmp(s.votes[0].abstain_groups.values[0], "CD") == 0,
                  "\"%s\": abstain %ld, %zu groups", CASES[i],
                  s.vote_count ? s.votes[0].abstain_count : -2,
                  s.vote_count ? s.votes[0].abstain_groups.count : 0);
    done(&s);
  }
}
END_TEST

/* A party's members named in the genitive are the party's side ("Socialdemokratiets
 * medlemmer stemte imod", "Venstres gruppe, der ønskede sagen udsat, stemte imod"): the
 * party's name the group. */
START_TEST(a_partys_members_in_the_genitive) {
  static const char *const CASES[] = {
      "Budgetforslaget vedtoges derefter med 7 stemmer mod 3, idet Socialdemokratiets "
      "medlemmer stemte imod.",
      "Vedtaget med 6 stemmer mod 3. Socialdemokratiets medlemmer, der ønskede det fulde beløb "
      "bevilget, stemte imod.",
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    pk_section s = read_decision(CASES[i]);
    ck_assert_msg(s.vote_count == 1 && s.votes[0].against_groups.count == 1 &&
                      strcmp(s.votes[0].against_groups.values[0], "Socialdemokratiet") == 0,
                  "\"%s\": %zu votes, %zu against groups", CASES[i], s.vote_count,
                  s.vote_count ? s.votes[0].against_groups.count : 0);
    done(&s);
  }
}
END_TEST

/* The groups of LIST joined by ",", for comparing. */
static const char *joined(const pk_strings *list, pk_buf *out) {
  pk_buf_clear(out);
  for (size_t i = 0; i < list->count; i++) {
    if (i) pk_buf_append(out, ",", 1);
    pk_buf_append(out, list->values[i], strlen(list->values[i]));
  }

  pk_buf_append(out, "", 1);
  return out->data;
}

/* Each party of a side with its own count ("V (8), O (3), C (2)") is a group, its count no
 * part of its name; a minority's side told after the majority's with its verb left out
 * ("Et flertal (C, V) stemte for, et mindretal (A, Ø) imod"). */
START_TEST(sides_with_counts_per_party_or_the_verb_left_out) {
  pk_buf joined_groups = {0};
  pk_section s = read_decision("For ændringsforslaget stemte 13: V (8), O (3), C (2). Imod stemte "
                               "18: A (11), F (3), B (2), Ø (1), Å (1). Ændringsforslaget faldt.");
  ck_assert_uint_ge(s.vote_count, 1);
  ck_assert_str_eq(joined(&s.votes[0].for_groups, &joined_groups), "V,O,C");
  ck_assert_str_eq(joined(&s.votes[0].against_groups, &joined_groups), "A,F,B,Ø,Å");
  done(&s);
  s = read_decision("Indstillingen blev godkendt med 13 stemmer mod 12. Et flertal (C, V, I, Å, B) "
                    "stemte for, et mindretal (A, Ø, F) imod.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_str_eq(joined(&s.votes[0].against_groups, &joined_groups), "A,Ø,F");
  done(&s);
  pk_buf_free(&joined_groups);
}
END_TEST

/* A vote told as a majority and a minority: each side by what its verb says ("afviste",
 * "kan ikke anbefale", "foretrak model 1": a minority that prefers something else is
 * against), and a local list ("Stevnslisten") is a group like a party. */
START_TEST(majority_and_minority_sides) {
  static const struct {
    const char *text;
    long for_count, against_count;
    const char *for_groups, *against_groups;
  } CASES[] = {
      {"Et flertal (A, B, F) afviste ansøgningen. Et mindretal (V, C) stemte for at meddele "
       "dispensation.",
       -1, -1, "V,C", "A,B,F"},
      {"Udvalget valgte model 2 med 4 stemmer mod 2. Mindretallet (V og O) foretrak model 1.", 4,
       2, "", "V,O"},
      {"Et flertal bestående af Venstre, Stevnslisten og Dansk Folkeparti godkendte "
       "indstillingen. Et mindretal bestående af Socialdemokraterne og SF stemte imod.",
       -1, -1, "Venstre,Stevnslisten,Dansk Folkeparti", "Socialdemokraterne,SF"},
      {"Et flertal (A, F og Ø) anbefaler indstillingen. Et mindretal (V og C) kan ikke anbefale "
       "indstillingen.",
       -1, -1, "A,F,Ø", "V,C"},
      {"Et flertal bestående af A, F og Ø anbefaler indstillingen over for Byrådet. "
       "Mindretallet (V) foretrækker, at sagen sendes i udbud.",
       -1, -1, "A,F,Ø", "V"},
      {"Et flertal på 5 (A, F, O) besluttede at udsætte sagen. Et mindretal på 3 (V, C) ønskede "
       "sagen afgjort i dag.",
       5, 3, "A,F,O", "V,C"},
      {"Forslaget vedtoges med 15 stemmer mod 9 (Venstre, Det konservative Folkeparti og "
       "Fremskridtspartiet).",
       15, 9, "", "Venstre,Det konservative Folkeparti,Fremskridtspartiet"},
      {"Godkendt. V og C var imod.", -1, -1, "", "V,C"},
      /* the against side told after the for side, its verb left out */
      {"Indstillingen fulgt. Lokallisten og Venstre stemte for, Socialdemokratiet imod.", -1,
       -1, "Lokallisten,Venstre", "Socialdemokratiet"},
      /* a local list named with its place */
      {"Godkendt.\nFor stemte: V, O og Lokallisten Læsø (6)\nImod stemte: A (3)", 6, 3,
       "V,O,Lokallisten Læsø", "A"},
      /* members named, then their count in brackets */
      {"Godkendt.\nFor stemte: Kirsten Ravn, Bent Lauritsen og Lone Dahl (3).\nImod stemte: Hans "
       "Ove Krog og Per Nyborg (2).",
       3, 2, "", ""},
      /* the side that "could not recommend" after a majority's recommendation */
      {"Anbefales. Et flertal (A, V, B og C) anbefaler indstillingen. O kunne ikke anbefale "
       "indstillingen.",
       -1, -1, "A,V,B,C", "O"},
      {"Godkendt. Venstre kunne ikke tiltræde indstillingen.", -1, -1, "", "Venstre"},
      /* what the side voted for or against told between "For" and its verb */
      {"Ansøgningen blev afvist.\nFor at imødekomme ansøgningen stemte Ø (1).\nImod stemte A og "
       "V (4).", 1, 4, "Ø", "A,V"},
      {"Godkendt. For budgettet stemte 20 (A, F). Imod budgettet stemte 9 (V).", 20, 9, "A,F",
       "V"},
      {"Godkendt. Lokallisten Læsø og Venstre stemte for. A og O stemte imod.", -1, -1,
       "Lokallisten Læsø,Venstre", "A,O"},
  };
  pk_buf got = {0};
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    pk_section s = read_decision(CASES[i].text);
    expect_one_vote(&s, CASES[i].text, CASES[i].for_count, CASES[i].against_count, -1);
    ck_assert_msg(strcmp(joined(&s.votes[0].for_groups, &got), CASES[i].for_groups) == 0,
                  "\"%s\": for groups %s", CASES[i].text, got.data);
    ck_assert_msg(strcmp(joined(&s.votes[0].against_groups, &got), CASES[i].against_groups) == 0,
                  "\"%s\": against groups %s", CASES[i].text, got.data);
    done(&s);
  }
  pk_buf_free(&got);
}
END_TEST

/* Who left before the item ("var gået kl. 17.20 og deltog ikke i punktet") is absent; who
 * did not take part "(inhabil)" or for inhabilitet said after a long object has a conflict. */
START_TEST(presence_with_a_reason) {
  static const char *const ABSENT[] = {"Rasmus Bak (V)", "Jonas Friis (V)", NULL};
  static const char *const CONFLICTS[] = {"Anja Holm (A)", "Karen Vestergaard (V)", NULL};
  expect_presence("Rasmus Bak (V) var gået kl. 17.20 og deltog ikke i punktet. Jonas "
                  "Friis (V) havde forladt mødet og deltog ikke i punktet. Anja Holm "
                  "(A) deltog ikke i behandlingen (inhabil). Karen Vestergaard (V) "
                  "deltog ikke i behandlingen af ansøgningen fra Odder Frivilligcenter "
                  "på grund af inhabilitet.",
                  ABSENT, CONFLICTS);
  /* a match that starts inside the span around the last word and holds the next, over
   * NEAR_BYTES on: "Søren Bak (O) ... deltog ikke" after a long line's earlier "deltog" */
  static const char *const LATER[] = {"Søren Bak (O)", NULL};
  static const char *const EARLIER[] = {"Kim Holm (V)", NULL};
  pk_buf line = {0};
  pk_buf_append_str(&line, "Kim Holm (V) deltog ikke i behandlingen af punktet på grund af "
                           "inhabilitet. ");
  for (int i = 0; i < 8; i++) pk_buf_append_str(&line, "der var en lang drøftelse af sagen i "
                                                        "udvalget og ");
  pk_buf_append_str(&line, "der var en lang. Søren Bak (O) forlod mødet kl. 20.10 og deltog "
                           "ikke i behandlingen af punktet.");
  expect_presence(line.data, LATER, EARLIER);
  pk_buf_free(&line);
  /* a heading run into the text ahead of the name is no part of it */
  static const char *const NONE[] = {NULL};
  static const char *const BAK[] = {"Jens Ove Bak (V)", NULL};
  expect_presence("Projektet finansieres af puljen. Habilitet Jens Ove Bak (V) er inhabil og "
                  "deltog ikke i behandlingen af punktet.",
                  NONE, BAK);
}
END_TEST

/* Minority notes as more minutes word them. */
START_TEST(more_minority_notes) {
  static const struct {
    const char *text, *who;
  } CASES[] = {
      {"Bevilget. Et mindretal (Z) ønskede ført til protokol, at partiet ikke kan medvirke.", "Z"},
      /* a minority that takes the case to the council, a party's members, a minority's
       * statement not called a minority's */
      {"Godkendt. Mindretallet (V og C) begærede sagen indbragt for byrådet, jf. "
       "styrelseslovens § 23.", "V og C"},
      {"Anbefales. Venstres medlemmer begærede sagen indbragt for amtsrådet.",
       "Venstres medlemmer"},
      {"Bevilget. Venstres gruppe ønskede følgende tilført protokollen: \"Udgiften burde være "
       "afholdt inden for rammen.\"", "Venstres gruppe"},
      {"Forkastet. Mindretallet (V og K) afgav følgende udtalelse: \"Afgiften skader "
       "erhvervslivet.\"", "V og K"},
      {"Godkendt. Mindretallet ønskede sin stemme ført til protokol.", "Mindretallet"},
      {"Godkendt. Det Konservative Folkeparti afgav følgende protokolbemærkning: \"Vi finder det "
       "uforsvarligt.\"", "Det Konservative Folkeparti"},
      /* where and how a note is entered, and who besides parties and names */
      {"Anbefales. Mindretalsudtalelse (V og C): Vi kan ikke medvirke til modellen.", "V og C"},
      {"Godkendt. Venstre og Det Konservative Folkeparti ønskede følgende tilføjet til "
       "protokollen: \"Vi finder det uansvarligt.\"", "Venstre og Det Konservative Folkeparti"},
      {"Vedtaget. De tre mindretalsmedlemmer ønskede deres stemmer ført til protokol.",
       "De tre mindretalsmedlemmer"},
      {"Vedtaget. Elevrådsrepræsentanterne ønskede ført til referat, at telefonen bør tillades.",
       "Elevrådsrepræsentanterne"},
      {"Godkendt. V og C ønskede at få ført til protokol, at de ikke kan støtte forslaget.",
       "V og C"},
      {"Godkendt. Ø ønsker sin stemme noteret.", "Ø"},
      {"Godkendt. O tager afstand fra beslutningen.", "O"},
      {"Godkendt. Mindretallet (C) afgav følgende mindretalsudtalelse: Vi mener det modsatte.",
       "C"},
      {"Godkendt. Mindretallet (O) ønskede sin holdning ført til protokol.", "O"},
      /* a note headed by its kind and who; its own "Vi" names no one */
      {"Vedtaget. For stemte 12 (V, C), imod stemte 2 (F). Protokollat fra F: Vi kan ikke "
       "medvirke til at udlægge jorden.",
       "F"},
      /* the old wording: entered into "protokollen" without a preposition; who told in a
       * relative clause after the vote */
      {"Godkendt. Ole Kjær ønskede følgende tilført protokollen: \"Anlægget ligger for tæt.\"",
       "Ole Kjær"},
      /* a note that was entered ("fik tilført protokollen"), and a minority's reservation
       * said in the present */
      {"Forslaget blev forkastet. F og Ø fik tilført protokollen: \"Gratis bus er en "
       "investering.\"", "F og Ø"},
      {"Anbefales. Mindretallet (V, O og D) tager forbehold for finansieringen.", "V, O og D"},
      {"Godkendt med 5 stemmer mod 2. Imod stemte Socialdemokratiet, som ønskede følgende "
       "tilført Protokollen: \"Ombygningen bør afvente planen.\"",
       "Socialdemokratiet"},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
    expect_one_note(CASES[i].text, CASES[i].who);
  /* A body's own decision or wish is no minority's note. */
  static const char *const NO_NOTE[] = {
      "Økonomiudvalget kunne ikke anbefale ansøgningen.",
      "Godkendt. Bestyrelsen tager afstand fra regeringens forslag.",
      "Handicaprådet ønsker sine bemærkninger medtaget i det videre arbejde. Godkendt.",
      "Godkendt. Vi kan ikke medvirke til det.",
      "Godkendt. Venstre kunne ikke tiltræde indstillingen.", /* a side of the vote */
  };
  for (size_t i = 0; i < sizeof NO_NOTE / sizeof *NO_NOTE; i++) {
    pk_section s = read_decision(NO_NOTE[i]);
    ck_assert_msg(s.note_count == 0, "\"%s\": %zu notes", NO_NOTE[i], s.note_count);
    done(&s);
  }
}
END_TEST

/* The loader knows what each new kind takes. */
/* The decision rules with every any= option taken out: searched through whole texts. */
static pk_rules *rules_without_any_words(void) {
  const char *srcdir = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
  char path[4096];
  snprintf(path, sizeof path, "%s/rules/decisions.rules", srcdir);
  size_t len;
  char *text = read_all(path, &len);
  pk_buf stripped = {0};
  for (const char *at = text; *at;) {
    const char *any = strstr(at, " any=");
    size_t keep = any ? (size_t)(any - at) : strlen(at);
    ck_assert(pk_buf_append(&stripped, at, keep));
    if (!any) break;
    at = any + 5;
    while (*at && *at != ' ' && *at != '\n') at++; /* the option's words */
  }
  pk_error err;
  pk_rules *whole = pk_rules_new();
  ck_assert_int_eq(pk_rules_add_builtin(whole, &err), PK_OK);
  ck_assert_msg(pk_rules_add_text(whole, "decisions-whole.rules", stripped.data, stripped.len,
                                  &err) == PK_OK, "%s", err.message);
  pk_buf_free(&stripped);
  free(text);
  return whole;
}

/* What a reading found, written out to compare. */
static void describe_reading(const pk_section *s, const pk_item *item, pk_buf *out) {
  char line[160];
  snprintf(line, sizeof line, "outcome %s [%s]\n", s->outcome ? s->outcome : "-",
           s->outcome_phrase ? s->outcome_phrase : "-");
  ck_assert(pk_buf_append(out, line, strlen(line)));
  for (size_t v = 0; v < s->vote_count; v++) {
    const pk_vote *vote = &s->votes[v];
    snprintf(line, sizeof line, "vote %ld %ld %ld %zu %zu %zu [", vote->for_count,
             vote->against_count, vote->abstain_count, vote->for_groups.count,
             vote->against_groups.count, vote->abstain_groups.count);
    ck_assert(pk_buf_append(out, line, strlen(line)) &&
              pk_buf_append(out, vote->phrase ? vote->phrase : "-",
                            vote->phrase ? strlen(vote->phrase) : 1) &&
              pk_buf_append(out, "]\n", 2));
  }
  for (size_t n = 0; n < s->note_count; n++)
    ck_assert(pk_buf_append(out, "note ", 5) &&
              pk_buf_append(out, s->notes[n].who ? s->notes[n].who : "-",
                            s->notes[n].who ? strlen(s->notes[n].who) : 1) &&
              pk_buf_append(out, "\n", 1));
  const pk_strings *lists[] = {&item->absent, &item->conflicts};
  for (size_t l = 0; l < 2; l++)
    for (size_t i = 0; i < lists[l]->count; i++)
      ck_assert(pk_buf_append(out, l ? "conflict " : "absent ", l ? 9 : 7) &&
                pk_buf_append(out, lists[l]->values[i], strlen(lists[l]->values[i])) &&
                pk_buf_append(out, "\n", 1));
}

/* TEXT read by SET as one decision and one item's text. */
static void read_all_of(pk_matcher *with, const pk_decision_rules *rules_set, const char *text,
                        pk_buf *out) {
  pk_section section = {0};
  section.kind = pk_strndup_all("decision");
  section.text = pk_strndup_all(text);
  pk_item item = {0};
  ck_assert(pk_decision_read(with, rules_set, &section, section.text, &NO_TRACE));
  ck_assert(pk_presence_read(with, rules_set, text, &item, &NO_TRACE));
  pk_presence_settle(&item);
  describe_reading(&section, &item, out);
  pk_item_free(&item);
  done(&section);
}

/* A rule with any=WORDS is searched only near where its words stand: that must find what a
 * search of the whole text finds, in every document of the decision sets (each read whole
 * as one decision), or a rule's matches hold no word of its list as written. */
START_TEST(any_words_find_what_the_whole_text_holds) {
  const char *srcdir = getenv("SRCDIR") ? getenv("SRCDIR") : ".";
  pk_rules *whole = rules_without_any_words();
  pk_decision_rules whole_set;
  ck_assert(pk_decision_rules_select(&whole_set, whole, NULL));
  pk_matcher *whole_matcher = pk_matcher_new(whole);
  ck_assert_ptr_nonnull(whole_matcher);
  char pattern[4096];
  snprintf(pattern, sizeof pattern, "%s/tests/decisions/*.txt", srcdir);
  glob_t found;
  ck_assert_int_eq(glob(pattern, 0, NULL, &found), 0);
  pk_buf near = {0}, all = {0};
  size_t compared = 0;
  for (size_t f = 0; f < found.gl_pathc; f++) {
    size_t len;
    char *text = read_all(found.gl_pathv[f], &len);
    near.len = all.len = 0;
    unsigned long limits_before = pk_matcher_limit_events(matcher);
    read_all_of(matcher, &set, text, &near);
    pk_matcher_free(whole_matcher); /* a search stopped by the match limit gives the rule up */
    whole_matcher = pk_matcher_new(whole);
    ck_assert_ptr_nonnull(whole_matcher);
    read_all_of(whole_matcher, &whole_set, text, &all);
    free(text);
    /* Where a search of a whole text ran out of its match limit, the whole text's reading is
     * no reference: the search near the words reads less and may find more. */
    if (pk_matcher_limit_events(whole_matcher) || pk_matcher_limit_events(matcher) != limits_before)
      continue;
    compared++;
    ck_assert_msg(near.len == all.len && memcmp(near.data, all.data, near.len) == 0,
                  "%s: near the words\n%.*s\nwhole text\n%.*s", found.gl_pathv[f],
                  (int)near.len, near.data, (int)all.len, all.data);
  }
  fprintf(stderr, "any= words: %zu of %zu documents compared\n", compared, found.gl_pathc);
  ck_assert_msg(compared > found.gl_pathc / 2, "only %zu of %zu documents compared", compared,
                found.gl_pathc);
  globfree(&found);
  pk_buf_free(&near);
  pk_buf_free(&all);
  pk_matcher_free(whole_matcher);
  pk_decision_rules_free(&whole_set);
  pk_rules_free(whole);
}
END_TEST

START_TEST(kinds_checked) {
  pk_error err;
  pk_rules *more = pk_rules_new();
  const char *bad = "outcome.approvd x = Godkendt\n";
  ck_assert_int_eq(pk_rules_add_text(more, "t.rules", bad, strlen(bad), &err), PK_ERR_RULES);
  pk_rules_free(more);
  more = pk_rules_new();
  const char *good = "outcome.approved x = Godkendt\npresence.conflict y = (?<names>\\w+) inhabil\n";
  ck_assert_int_eq(pk_rules_add_text(more, "t.rules", good, strlen(good), &err), PK_OK);
  pk_rules_free(more);
}
END_TEST

/* Counts written as words, as minutes of every age write them, up to a council's size:
 * "med sytten stemmer mod tolv", "For stemte nitten", "To undlod at stemme", "otteogtyve";
 * an article before a noun is no count ("Imod stemte et mindretal (V og C)"). */
START_TEST(counts_in_words) {
  expect_counts("Anbefales med fire stemmer mod tre.", 4, 3, -1);
  expect_counts("Budgetforslaget blev herefter vedtaget med sytten stemmer mod tolv. To undlod at "
                "stemme.", 17, 12, 2);
  expect_counts("For stemte nitten (A, F, Ø og B), imod stemte otte (V og C).", 19, 8, -1);
  expect_counts("Vedtaget med otteogtyve stemmer mod tre.", 28, 3, -1);
  expect_counts("Godkendt med seks stemmer mod én (O).", 6, 1, -1);
  expect_counts("For stemte 5 (A og B). Imod stemte et mindretal (V og C).", 5, -1, -1);
}
END_TEST

/* A joint body's members vote by municipality: the municipalities are the sides' groups; a
 * list's total after it ("..., i alt 6") is the side's count; who a count counts may stand
 * before its side ("17 kommuner stemte for"). */
START_TEST(sides_by_municipality_and_totals) {
  static const char *const TEXT = "For stemte Roskilde, Greve, Solrød, Frederikssund og "
                                  "Høje-Taastrup, i alt 6. Imod stemte Lejre og Stevns, i alt "
                                  "2. Egedal undlod at stemme.";
  pk_section s = read_decision(TEXT);
  expect_one_vote(&s, TEXT, 6, 2, -1);
  ck_assert_uint_eq(s.votes[0].for_groups.count, 5);
  ck_assert_uint_eq(s.votes[0].against_groups.count, 2);
  ck_assert_uint_eq(s.votes[0].abstain_groups.count, 1);
  done(&s);
  expect_counts("For stemte A (9), F (3), B (2), C (3) og Ø (1), i alt 18. Imod stemte V (7) og "
                "O (2), i alt 9.", 18, 9, -1);
  expect_counts("17 kommuner stemte for, 4 imod (Esbjerg, Fanø, Varde, Vejen), og 1 undlod "
                "(Sønderborg).", 17, 4, 1);
  s = read_decision("Godkendt med 36 stemmer mod 2 (Ishøj).");
  ck_assert_uint_eq(s.votes[0].against_groups.count, 1);
  done(&s);
}
END_TEST

/* A party's name with its letter in brackets after it is that letter ("Socialdemokraterne
 * (A)", "SF (F)"); a run of names with their letters after the last, the letters
 * ("Venstre og Det Konservative Folkeparti (V, C)"). */
static void expect_groups(const pk_strings *groups, const char *joined_want) {
  char got[256] = "";
  for (size_t i = 0; i < groups->count; i++)
    snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? "|" : "",
             groups->values[i]);
  ck_assert_str_eq(got, joined_want);
}

START_TEST(a_partys_name_with_its_letter) {
  pk_section s = read_decision("Faldt. For stemte Socialdemokraterne (A) og F, i alt tre. "
                               "Imod stemte resten af udvalget, fire.");
  ck_assert_uint_ge(s.vote_count, 1);
  expect_groups(&s.votes[0].for_groups, "A|F");
  ck_assert_int_eq(s.votes[0].for_count, 3);
  done(&s);
  s = read_decision("Anbefales med fire stemmer mod tre. For stemte Venstre og Det Konservative "
                    "Folkeparti (V, C), imod stemte Socialdemokraterne, SF og O.");
  ck_assert_uint_ge(s.vote_count, 1);
  expect_groups(&s.votes[0].for_groups, "V|C");
  expect_groups(&s.votes[0].against_groups, "Socialdemokraterne|SF|O");
  done(&s);
  /* the rest named by their letters; a side's letters before "for"; a score "med stemmerne" */
  s = read_decision("Godkendt. For stemte 5 (A), imod stemte de øvrige (V, C og I).");
  ck_assert_uint_ge(s.vote_count, 1);
  expect_groups(&s.votes[0].against_groups, "V|C|I");
  done(&s);
  s = read_decision("Vedtaget med fire stemmer (V og C) for og to imod (A, F).");
  ck_assert_uint_ge(s.vote_count, 1);
  expect_groups(&s.votes[0].for_groups, "V|C");
  expect_groups(&s.votes[0].against_groups, "A|F");
  done(&s);
  expect_counts("Godkendt med stemmerne 5-1. Imod stemte Ø.", 5, 1, -1);
}
END_TEST

/* Minority notes in more forms: a member named with a title before and an initial inside
 * ("Hr. Svend Aa. Bech", "Gdr. Gunnar Brix"), "begærede sin stemme tilført", a point of the
 * recommendation taken to the council, "Særudtalelse", municipalities who speak. */
START_TEST(minority_notes_in_more_forms) {
  expect_one_note("Vedtaget med 12 stemmer mod 4. Hr. Svend Aa. Bech ønskede tilført "
                  "protokollen, at han finder udbudet for snævert.", "Svend Aa. Bech");
  expect_one_note("Forkastet. Gdr. Gunnar Brix begærede sin stemme tilført protokollen.",
                  "Gunnar Brix");
  expect_one_note("Faldt. A og F begærede 2. at indbragt for Byrådet.", "A og F");
  expect_one_note("Anbefales. Særudtalelse fra O: Dansk Folkeparti mener, at hjemmeplejen bør "
                  "tilføres varige midler.", "O");
  expect_one_note("Anbefales. Mindretalsudtalelse fra Langeland og Ærø: Rammeaftalen tager ikke "
                  "højde for det.", "Langeland og Ærø");
  /* a short surname ends its sentence: the next sentence's name is none of it */
  expect_one_note("Vedtaget. Imod stemte Anna Kirk og Svend Dam. Amtsrådsmedlem Jens Thomsen "
                  "ønskede sin stemme ført til protokol.", "Jens Thomsen");
  expect_one_note("Indstillingen blev godkendt uden afstemning, idet Enhedslisten tilkendegav, "
                  "at de ikke kunne støtte indstillingen.", "Enhedslisten");
  expect_one_note("Anbefales. Langeland Kommunes repræsentant tog forbehold for "
                  "kommunalbestyrelsens endelige godkendelse.", "Langeland Kommunes repræsentant");
  expect_one_note("Godkendt med 6 stemmer mod 2.\nGerda Holm og Svend Aage Bech stemte imod og "
                  "ønskede ført til protokol, at de ikke kan støtte lukningen.",
                  "Gerda Holm og Svend Aage Bech");
  expect_one_note("Godkendt. V afgav følgende stemmeforklaring: Vi finder prisen for høj.", "V");
  expect_one_note("Godkendt. Stemmeforklaring fra Ø: Vi ønsker lavere takster.", "Ø");
  expect_one_note("Godkendt. Dansk Folkeparti ønskede at få tilført: Vi kan ikke støtte lukningen.",
                  "Dansk Folkeparti");
  expect_one_note("Anbefales. Protokolbemærkning: Venstre kan ikke støtte forslaget.", "Venstre");
  expect_one_note("Anbefales. Venstre ønsker sagen behandlet i Byrådet.", "Venstre");
  expect_one_note("Godkendt. O forbeholder sig ret til at genoptage sagen i Byrådet.", "O");
  expect_one_note("Godkendt. C og V ønsker at afgive protokolbemærkning: Vi er imod.", "C og V");
  /* who before a label's colon stands without the bracket after it, as the gold has it */
  expect_one_note("Godkendt. Protokolbemærkning fra Dansk Folkeparti (O): Vi er imod.",
                  "Dansk Folkeparti");
  expect_one_note("Godkendt. Følgende protokolbemærkning blev afgivet af V: Vi er imod.", "V");
  expect_one_note("Godkendt. Ø ønsker det ført til protokol, at de er imod.", "Ø");
  expect_one_note("Godkendt. Bemærkning til protokollen fra C: Vi er imod.", "C");
  expect_one_note("Godkendt. O og D ønsker sagen i Byrådet.", "O og D");
  expect_one_note("Godkendt. Et mindretal (V og O) stemte imod og ønskede følgende ført til "
                  "protokol: Vi er imod.", "V og O");
  expect_one_note("Godkendt. Socialdemokratiet kan ikke anbefale forslaget og ønsker sagen "
                  "behandlet i byrådet.", "Socialdemokratiet");
  expect_one_note("Godkendt. V ønsker at tage forbehold for den endelige finansiering.", "V");
  expect_one_note("Godkendt. Der blev taget forbehold fra V og C.", "V og C");
}
END_TEST

/* What the word counts, municipalities and wrapped amendments must not read (review of
 * this session's changes): a vote's weight in prose, a number of times, a score, a
 * member's surname that names a municipality, a later line's "bortfaldt". */
static void expect_no_vote(const char *text) {
  pk_section s = read_decision(text);
  ck_assert_msg(s.vote_count == 0, "\"%s\": %zu votes", text, s.vote_count);
  done(&s);
}

START_TEST(prose_is_no_vote) {
  expect_no_vote("Godkendt. Hver ejerkommune er repræsenteret på generalforsamlingen med en "
                 "stemme.");
  expect_no_vote("Godkendt. Ansøgeren undlod to gange at indsende regnskab.");
  expect_no_vote("Godkendt. Holdet vandt finalen med to mod en.");
  pk_section s = read_decision("Godkendt. For stemte 5 (A og F). Imod stemte: Greve (V).");
  ck_assert_uint_ge(s.vote_count, 1);
  expect_groups(&s.votes[0].against_groups, ""); /* a member named, as "Hans Greve (V)" */
  done(&s);
  expect_outcome("Forslaget fra Venstre om gratis parkering om lørdagen blev godkendt med 16 "
                 "stemmer mod 15.\nDermed bortfaldt den hidtidige betalingsordning.", "approved",
                 "godkendt");
}
END_TEST

/* The forms of the tenth round: a side counted "på N medlemmer", a vote on what is named
 * after "For", a count whose verb is left out, a dash for no one, a refusal counted from
 * the winning side. */
START_TEST(tenth_round_vote_forms) {
  pk_section s = read_decision("Et flertal på 5 medlemmer (A, F) anbefaler indstillingen. Et "
                               "mindretal på 4 medlemmer (V, C) kan ikke anbefale den.");
  expect_one_vote(&s, "flertal på 5 medlemmer", 5, 4, -1);
  expect_groups(&s.votes[0].against_groups, "V|C");
  done(&s);
  expect_counts("For udsættelse stemte 14 (V, C, O, B). Imod stemte 13 (A, F, Ø). Punktet blev "
                "herefter udsat til næste møde.",
                14, 13, -1);
  expect_counts("Ansøgningen blev ikke imødekommet. 4 stemte for ansøgningen, 9 imod, og 1 "
                "undlod at stemme.",
                4, 9, 1);
  expect_counts("For: C, D, I, O, V (15)\nImod: A, B, F, Ø (16)\nUndlod: - (0)\n", 15, 16, 0);
  expect_counts("Forslaget faldt, idet kun Samsølisten (2) stemte for. De øvrige 7 "
                "tilstedeværende stemte imod.",
                2, 7, -1);
  s = read_decision("Ansøgningen blev afvist med 30 stemmer mod 10 (F, B og Ø).");
  expect_one_vote(&s, "afvist med 30 mod 10", 10, 30, -1);
  expect_groups(&s.votes[0].for_groups, "F|B|Ø");
  done(&s);
  expect_counts("Forslaget blev forkastet med 4 stemmer mod 23.", 4, 23, -1);
  /* counts that say their side are never swapped: the proposal had more for than against
   * and still fell (a qualified majority, a tie rule) */
  expect_counts("Forslaget blev ikke vedtaget med 8 stemmer for og 7 imod.", 8, 7, -1);
  expect_counts("Forslaget blev afvist med 8 for, 7 imod og 2 undlod at stemme.", 8, 7, 2);
  s = read_decision("Et flertal (A, V og O) anbefaler, at model 2 gennemføres. Et mindretal (F og "
                    "C) anbefaler model 1.");
  ck_assert_uint_eq(s.vote_count, 1);
  expect_groups(&s.votes[0].against_groups, "F|C");
  done(&s);
}
END_TEST

START_TEST(tenth_round_outcomes) {
  expect_outcome("Udvalgets beslutning blev fastholdt med 16 stemmer (A, B, F, Ø) mod 15.",
                 "approved", "Udvalgets beslutning blev fastholdt");
  expect_outcome("Sagen blev sendt tilbage til Klima- og Miljøudvalget med henblik på at finde "
                 "andre placeringer.",
                 "referred", "Sagen blev sendt tilbage til Klima- og Miljøudvalget");
  expect_outcome("Et enigt udvalg godkendte, at udkastet sendes i høring i Ældrerådet.", "referred",
                 "godkendte, at udkastet sendes i høring");
  /* "udgår" inside an amendment's quoted text withdraws nothing */
  expect_outcome("Ændringsforslag nr. 2 stillet af C:\n\"Den foreslåede stigning i taksten "
                 "udgår.\"\nFor stemte: 12 (C, I)\nImod stemte: 36 (A, B)\nÆndringsforslaget "
                 "blev forkastet.\nIndstillingen blev godkendt med 36 stemmer mod 12.",
                 "approved", "Indstillingen blev godkendt");
  expect_outcome("Udgår.", "withdrawn", "Udgår");
  expect_outcome("Punktet blev ikke behandlet.", "withdrawn", "Punktet blev ikke behandlet");
  expect_outcome("Kommissionen godkendte med 9 stemmer mod 1, at planforslaget sendes i høring "
                 "hos ejerkommunerne i 8 uger.",
                 "referred", "godkendte med 9 stemmer mod 1, at planforslaget sendes i høring");
}
END_TEST

/* The forms of the eleventh round: an amendment named by the body that made it, the counts
 * between the verb and its object, a subject of any name, an amendment's fall told after
 * its vote lines, a minority's wish, a grant, a refusal by majority and minority. */
START_TEST(eleventh_round_forms) {
  expect_outcome("Lokalplanen blev vedtaget med Plan- og Klimaudvalgets ændring.", "amended",
                 "Lokalplanen blev vedtaget med Plan- og Klimaudvalgets ændring");
  expect_outcome("Økonomiudvalget anbefaler med 6 stemmer mod 1 (O) budgetforslaget med de "
                 "ændringer, der fremgår af budgetaftalen.",
                 "amended",
                 "anbefaler med 6 stemmer mod 1 (O) budgetforslaget med de ændringer, der "
                 "fremgår af budgetaftalen");
  expect_outcome("Ændringsforslag fra F og Ø om 2 mio. kr. årligt til flere pædagoger:\nFor: F og "
                 "Ø (2)\nImod: V, A, C og B (22)\nUndlod: O (3)\nForslaget bortfaldt.\n"
                 "Budgetforslaget blev herefter vedtaget med 22 stemmer for (V, A, C og B) og 3 "
                 "imod (O).",
                 "approved", "Budgetforslaget blev herefter vedtaget");
  expect_outcome("Forslaget blev oversendt til behandling i Plan- og Udviklingsudvalget med 25 "
                 "stemmer mod 2 (C), der ønskede forslaget vedtaget.",
                 "referred", "Forslaget blev oversendt til behandling i Plan- og Udviklingsudvalget");
  expect_outcome("Udvalget meddelte dispensation med 5 stemmer for (A, C og Ø) mod 1 (V).",
                 "approved", "meddelte dispensation");
  expect_outcome("Udvalget gav ikke dispensation.", "other", "Udvalget gav ikke dispensation.");
  expect_one_note("Anbefales, idet Kim Lauridsen (O) ikke kan medvirke.", "Kim Lauridsen (O)");
  expect_outcome("Indstillingen med den vedtagne ændring blev herefter godkendt efter følgende "
                 "afstemning:",
                 "amended", "Indstillingen med den vedtagne ændring blev herefter godkendt");
  expect_outcome("Rådet afgav høringssvar som drøftet.", "other",
                 "Rådet afgav høringssvar som drøftet.");
  expect_outcome("Ældrerådet bevilgede enstemmigt 4.000 kr. til seniordagen.", "approved",
                 "bevilgede");
  expect_outcome("Økonomiudvalget oversendte budgetforslaget til 1. behandling i Byrådet.",
                 "referred", "oversendte budgetforslaget til 1. behandling i Byrådet");
  expect_outcome("Oversendelsesforslaget blev godkendt efter følgende afstemning:", "referred",
                 "Oversendelsesforslaget blev godkendt");
  expect_one_note("Forslaget blev forkastet. F begærede sagen optaget på Byrådets næste møde.", "F");
  expect_one_note("Høringssvaret blev godkendt enstemmigt, idet elevrådets repræsentanter tog "
                  "forbehold for afsnittet om skolevejen.",
                  "elevrådets repræsentanter");
  expect_counts("Godkendt med 7 stemmer, idet Iben Lau undlod at stemme.", 7, -1, -1);
  expect_one_note("Forslaget blev forkastet med 3 stemmer mod 5. For forslaget stemte Karen Dahl, "
                  "Mogens Krag og Iben Lau, der ønskede deres stemmer ført til protokol.",
                  "Karen Dahl, Mogens Krag og Iben Lau");
  expect_one_note("Indstillingen blev godkendt. 7 stemte for. Søren Vestergaard (Aftenskolerne) "
                  "undlod at stemme og tog forbehold for loftet på 20 %.",
                  "Søren Vestergaard (Aftenskolerne)");
  expect_one_note("Ansøgningen blev afvist med 6 stemmer mod 2.\nBirgit Sønder (F) og Ahmad Nouri "
                  "(Ø) stemte for ansøgningen og ønskede deres stemmer ført til protokol.",
                  "Birgit Sønder (F) og Ahmad Nouri (Ø)");
  pk_section s = read_decision("Indstillingen blev godkendt med 14 stemmer mod 8. Imod stemte "
                               "medlemmerne fra V og C, der ønskede model 2.");
  expect_one_vote(&s, "medlemmerne fra V og C", 14, 8, -1);
  expect_groups(&s.votes[0].against_groups, "V|C");
  done(&s);
  s = read_decision("Et enigt Økonomiudvalg anbefaler som indstillet.");
  ck_assert_uint_eq(s.vote_count, 1);
  done(&s);
  s = read_decision("Et flertal (V og Æ) besluttede at give afslag. Et mindretal (A og F) ønskede "
                    "at imødekomme ansøgningen.");
  ck_assert_uint_eq(s.vote_count, 1);
  expect_groups(&s.votes[0].for_groups, "A|F");
  expect_groups(&s.votes[0].against_groups, "V|Æ");
  done(&s);
}
END_TEST

/* What a review of the session's changes found: a concluding word outside the subject and
 * its verb, an amendment's span run past its own verdict, a relative clause's wish before
 * the main verb, a label's who read from any capital, a field's answer as a name, a
 * refusal counted after sides named before it. */
START_TEST(review_of_the_twelfth_round) {
  expect_outcome("Valgt blev Hans Jensen, der således afløser Ole Bak. Indstillingen blev "
                 "godkendt.",
                 "approved", "Indstillingen blev godkendt");
  expect_outcome("Ændringsforslaget fra V blev vedtaget.\nForslaget blev herefter forkastet med 5 "
                 "stemmer mod 20.",
                 "rejected", "Forslaget blev herefter forkastet");
  expect_outcome("Udvalget, der ønsker at fremme bosætningen, godkendte ansøgningen.", "approved",
                 "godkendte");
  pk_section s = read_decision("Godkendt. Protokolbemærkning: Lokalplanen giver for få boliger.");
  ck_assert_uint_eq(s.note_count, 1);
  ck_assert_ptr_null(s.notes[0].who);
  done(&s);
  static const char *const NONE[] = {NULL};
  expect_presence("Inhabilitet\nIntet at bemærke.\n", NONE, NONE);
  s = read_decision("For stemte: F, B og Ø.\nAnsøgningen blev afvist med 30 stemmer mod 10.");
  ck_assert_uint_eq(s.vote_count, 1);
  ck_assert_int_eq(s.votes[0].against_count, 10);
  done(&s);
  expect_counts("4 stemte for, 2 stemte mod.", 4, 2, -1);
}
END_TEST

/* Common forms met after the rounds: a majority's vote for the recommendation says it
 * passed; sides counted with their letters in brackets and no colon or verb. */
START_TEST(compact_sides_and_a_majoritys_vote) {
  expect_outcome("Et flertal bestående af A, B, F og Ø stemte for indstillingen. V, C og O stemte "
                 "imod.",
                 "approved", "Et flertal bestående af A, B, F og Ø stemte for indstillingen");
  pk_section s = read_decision("Afstemning: For 7 (A, F, V), imod 2 (O), undlod 0. Godkendt.");
  expect_one_vote(&s, "For 7 (A, F, V), imod 2 (O)", 7, 2, 0);
  expect_groups(&s.votes[0].for_groups, "A|F|V");
  expect_groups(&s.votes[0].against_groups, "O");
  done(&s);
  expect_no_vote("Godkendt. For 2 år siden blev taksten hævet.");
}
END_TEST

/* TEXT records one vote with these counts (-1: none printed) and sides ("A|F"). */
static void expect_sides(const char *text, long for_count, long against_count, long abstain_count,
                         const char *for_groups, const char *against_groups) {
  pk_section s = read_decision(text);
  expect_one_vote(&s, text, for_count, against_count, abstain_count);
  expect_groups(&s.votes[0].for_groups, for_groups);
  expect_groups(&s.votes[0].against_groups, against_groups);
  done(&s);
}

/* The thirteenth round's typical minutes: a recommendation "af" the parties for it, a
 * majority's and a minority's own verbs ("meddeler landzonetilladelse", "indstiller til
 * regionsrådet", "følger administrationens indstilling"), a change after the object or
 * the vote, a consultation decided without "blev", an application refused by counts, and a
 * chair's conflict with the role before the name. */
START_TEST(thirteenth_round_forms) {
  expect_sides("Anbefales af A, V, F, Ø og B. C og D stemte imod.", -1, -1, -1, "A|V|F|Ø|B", "C|D");
  expect_sides("Et flertal på 4 (A, V og O) meddeler landzonetilladelse. Et mindretal på 2 (C og "
               "F) følger administrationens indstilling om afslag.",
               4, 2, -1, "A|V|O", "C|F");
  expect_sides("Et flertal (A, V, C, F, B, M og Æ) indstiller til regionsrådet at godkende "
               "budget 2025. Et mindretal (Ø og O) stemte imod.",
               -1, -1, -1, "A|V|C|F|B|M|Æ", "Ø|O");
  /* a majority that refuses is the side against the application */
  expect_sides("Et flertal (A og O) meddeler afslag på ansøgningen. Et mindretal (V og C) ønskede "
               "at imødekomme ansøgningen.",
               -1, -1, -1, "V|C", "A|O");
  expect_counts("Ansøgningen blev afslået med 12 stemmer mod 7, idet 1 undlod at stemme.", 7, 12,
                1);
  expect_outcome("Enstemmigt vedtaget at sende forslaget i offentlig høring i 8 uger.", "referred",
                 "sende forslaget i offentlig høring");
  expect_outcome("Udvalget godkendte enstemmigt høringssvaret med den tilføjelse, at ønsket om "
                 "flere togstop i Vejen skal fremhæves.",
                 "amended",
                 "Udvalget godkendte enstemmigt høringssvaret med den tilføjelse, at ønsket om "
                 "flere togstop i Vejen skal fremhæves");
  expect_outcome("Bevilget med 28 stemmer for og 1 imod (Ø) med den ændring, at udgiften "
                 "finansieres af kassebeholdningen.",
                 "amended",
                 "Bevilget med 28 stemmer for og 1 imod (Ø) med den ændring, at udgiften "
                 "finansieres af kassebeholdningen");
  static const char *const NONE[] = {NULL};
  static const char *const CHAIR[] = {"Lars Bech (A)", NULL};
  expect_presence("Formanden, Lars Bech (A), erklærede sig inhabil og forlod mødet under sagens "
                  "behandling.",
                  NONE, CHAIR);
}
END_TEST

/* The fourteenth round's everyday wording: a refusal by "meddeler afslag" and by the
 * administration's recommendation of one being followed (the counts then the refusal's,
 * swapped to the application's side), a permit given noun first, a decision "at give" a
 * grant, a body's majority "i Kommunalbestyrelsen", a recommendation over a body whose name
 * holds a comma, and "Udvalget var enigt." */
START_TEST(fourteenth_round_forms) {
  expect_outcome("Udvalget meddeler afslag med 4 stemmer mod 1 (D).", "rejected", "meddeler afslag");
  pk_section s = read_decision("Udvalget meddeler afslag med 4 stemmer mod 1 (D).");
  expect_one_vote(&s, "meddeler afslag med 4 mod 1", 1, 4, -1);
  expect_groups(&s.votes[0].for_groups, "D");
  done(&s);
  expect_outcome("Administrationens indstilling om afslag blev fulgt med 6 stemmer mod 3.",
                 "rejected", "indstilling om afslag blev fulgt");
  expect_counts("Administrationens indstilling om afslag blev fulgt med 6 stemmer mod 3.", 3, 6, -1);
  expect_outcome("Landzonetilladelse meddeles.", "approved", "Landzonetilladelse meddeles");
  expect_outcome("Kommunalbestyrelsen besluttede med 15 stemmer (C, A og F) mod 6 (V, Ø og B) at "
                 "give anlægsbevillingen.",
                 "approved", "give anlægsbevillingen");
  expect_sides("Et flertal i Kommunalbestyrelsen (C, V og B) kunne ikke støtte forslaget, som "
               "dermed ikke blev vedtaget. Et mindretal (A, F og Ø) stemte for forslaget.",
               -1, -1, -1, "A|F|Ø", "C|V|B");
  expect_outcome("Anbefales over for Kultur-, Fritids- og Idrætsudvalget med den ændring, at "
                 "afsnittet også omfatter skolernes faglokaler. Udvalget var enigt.",
                 "amended",
                 "Anbefales over for Kultur-, Fritids- og Idrætsudvalget med den ændring, at "
                 "afsnittet også omfatter skolernes faglokaler");
  /* OCR's "ti1" for "til" in a note's words, and "0ve" for "Ove" in a name */
  expect_one_note("V og C ønskede følgende ført ti1 protokol: \"Vi kan ikke medvirke ti1 et "
                  "budget, der fastholder den høje grundskyld.\"",
                  "V og C");
  static const char *const NONE[] = {NULL};
  static const char *const OCR_NAME[] = {"Jens 0ve Kjær (A)", NULL};
  expect_presence("Jens 0ve Kjær (A) erklærede sig inhabil og forlod mødet.", NONE, OCR_NAME);
  /* the review's counter-examples: a decision not taken, a refusal "at give afslag", a
   * majority that keeps a refusal, "afslag" in another clause, labelled counts with their
   * parties, a recommendation of refusal not followed, a permit only asked about, a
   * company's "I/S" */
  expect_outcome("Det blev ikke besluttet at udsætte sagen. Taget til efterretning.", "noted",
                 "Taget til efterretning");
  expect_outcome("Udvalget besluttede at give ansøger afslag.", "rejected", "give ansøger afslag");
  expect_sides("Et flertal (V og O) fastholder afslaget. Et mindretal (A) ønskede at imødekomme "
               "ansøgningen.",
               -1, -1, -1, "A", "V|O");
  expect_sides("Et flertal (A og V) følger indstillingen, mens C ønsker afslag. C stemte imod.", -1,
               -1, -1, "A|V", "C");
  expect_counts("Forslaget blev afvist med 8 stemmer (A, F og Ø) for og 7 imod.", 8, 7, -1);
  expect_outcome("Administrationens indstilling om afslag følges ikke, og der meddeles "
                 "dispensation.",
                 "approved", "meddeles dispensation");
  expect_outcome("Sagen udsættes, indtil det er afklaret, om tilladelse gives.", "postponed",
                 "Sagen udsættes");
  expect_no_vote("Regulativet blev godkendt af I/S Vestforbrænding.");
  /* a choice among options is other, however it is worded */
  expect_outcome("Bestyrelsen vedtog model B med 7 stemmer mod 2.", "other", "vedtog model B");
  s = read_decision("Godkendt. Udvalget var enigt.");
  ck_assert_uint_eq(s.vote_count, 1);
  done(&s);
}
END_TEST

/* The fifteenth round's forms: a note of "sin mening" entered, a vote before a decision's
 * "at" ("besluttede med 4 stemmer (V og O) mod 3 (A og C) at meddele dispensation"), a
 * motion's side named by its mover ("For borgmesterens forslag stemte 29"), a referral in
 * the present tense ("oversender"), a refusal's counts by "afslås" and "afvises", and an
 * absentee "under sagen". */
START_TEST(fifteenth_round_forms) {
  expect_one_note("Forslaget bortfaldt. Erik Holm begærede sin mening tilført protokollen: "
                  "Handelslivet har brug for kunder.",
                  "Erik Holm");
  expect_one_note("Forslaget blev forkastet med 2 stemmer (F) mod 17. F begærede sin mening "
                  "tilført protokollen: \"Frugt til de mindste er en god investering.\"",
                  "F");
  expect_outcome("Udvalget besluttede med 4 stemmer (V og O) mod 3 (A og C) at meddele dispensation.",
                 "approved", "meddele dispensation");
  expect_sides("Udvalget besluttede med 4 stemmer (V og O) mod 3 (A og C) at meddele dispensation.",
               4, 3, -1, "V|O", "A|C");
  expect_sides("For borgmesterens forslag stemte 29 (V, A, O, C, B, I). Imod stemte 2 (F og Ø).", 29, 2,
               -1, "V|A|O|C|B|I", "F|Ø");
  expect_outcome("Et enigt udvalg oversender forslagene til budgetforhandlingerne i Økonomiudvalget.",
                 "referred", "oversender forslagene til budgetforhandlingerne i Økonomiudvalget");
  expect_sides("Ansøgningen afslås med 4 stemmer mod 2. For ansøgningen stemte V.", 2, 4, -1, "V", "");
  expect_counts("Ansøgningen afvises med 4 stemmer mod 2.", 2, 4, -1);
  static const char *const NONE[] = {NULL};
  static const char *const BUGGE[] = {"Anders Bugge (F)", NULL};
  expect_presence("Godkendt med 23 stemmer for. Fraværende under sagen: Anders Bugge (F)", BUGGE, NONE);
}
END_TEST

/* The sixteenth round's forms: a bare "Afslag" and a permit "meddeles ikke" are refusals, a
 * plan sent "til offentlig debat" is referred, a count in brackets before a side's colon
 * ("For stemte (7): Roskilde, ..."), a minority that wanted to give a permit beside a
 * majority that followed the recommendation of a refusal, municipalities' forbehold. */
START_TEST(sixteenth_round_forms) {
  expect_outcome("Afslag med 5 stemmer mod 1 (V).", "rejected", "Afslag");
  expect_counts("Afslag med 5 stemmer mod 1 (V).", 1, 5, -1);
  expect_outcome("Dispensation meddeles ikke. For at meddele dispensation stemte V og O (2). Imod "
                 "stemte A og F (3).",
                 "rejected", "Dispensation meddeles ikke");
  expect_outcome("Udsendes til offentlig debat.", "referred", "Udsendes til offentlig debat");
  expect_sides("For stemte (7): Roskilde, Køge, Greve, Solrød, Frederikssund og Egedal. Imod stemte "
               "(2): Stevns og Lejre, som ønskede model A.",
               7, 2, -1, "Roskilde|Køge|Greve|Solrød|Frederikssund|Egedal", "Stevns|Lejre");
  expect_sides("Udvalget meddeler afslag. Et flertal (A, O og Ø) fulgte indstillingen. Et mindretal "
               "(V og C) ønskede at meddele tilladelse.",
               -1, -1, -1, "V|C", "A|O|Ø");
  expect_one_note("Godkendt. Silkeborg og Ikast-Brande kommuner tog forbehold for takstudviklingen.",
                  "Silkeborg og Ikast-Brande kommuner");
  expect_one_note("Forkastet.\nProtokolbemærkning:\nDansk Folkeparti og Danmarksdemokraterne afgav "
                  "følgende protokolbemærkning:\n\"Vi beklager.\"",
                  "Dansk Folkeparti og Danmarksdemokraterne");
}
END_TEST

/* A scanned page read by OCR: a digit for a letter in a word ("Ti1trådt", "0rienteringen")
 * or for a party's letter in a list ("V, C og 0") is read as the letter, and what is
 * printed is kept as printed. */
START_TEST(ocr_digits_read_as_letters) {
  expect_outcome("Ti1trådt.", "approved", "Ti1trådt");
  expect_outcome("0rienteringen blev taget ti1 efterretning.", "noted",
                 "0rienteringen blev taget ti1 efterretning");
  expect_sides("Godkendt med 9 stemmer mod 5. Imod stemte V, C og 0.", 9, 5, -1, "", "V|C|O");
  expect_sides("Udsat med 9 stemmer mod 5 (V, C og 0).", 9, 5, -1, "", "V|C|O");
  /* an l alone or beside digits is a 1 ("l undlod", "l3 stemmer") */
  pk_section s = read_decision("Ansøgningen blev ikke imødekommet. For stemte 4 (C og V), imod "
                               "stemte 9 (A og SF), l undlod (0).");
  expect_one_vote(&s, "l undlod", 4, 9, 1);
  expect_groups(&s.votes[0].abstain_groups, "O");
  done(&s);
  expect_counts("Vedtaget med l3 stemmer mod 2.", 13, 2, -1);
  /* a count of none stays a count */
  expect_sides("For stemte 7 (A og V). Imod stemte 0.", 7, 0, -1, "A|V", "");
  static const char *const NONE[] = {NULL};
  static const char *const OCR_NAME[] = {"Jytte 0lsen (A)", NULL};
  expect_presence("Jytte 0lsen (A) deltog ikke i behandlingen af dette punkt.", OCR_NAME, NONE);
}
END_TEST

/* Forms from a lexicon probe (150 decision texts written to widen the lexicon): notes under
 * a label "fra"/"ved" a member with the party bracket kept, "ønskede til protokol, at ...",
 * a vote "for ansøgningen" or "imod punkt 3" entered, "ønskede at få ført til protokol:", a
 * relative "der ikke kan medvirke", "dog tager forbehold", a label given "af" its who after
 * "Der blev afgivet følgende ...", "stemte imod med følgende protokolbemærkning"; outcomes
 * "imødekommes ikke", a member's proposal referred, a proposal the mover withdrew; absence
 * by "havde meldt afbud" and "forlod mødet kl. ...", conflicts asked for or told after
 * "idet". */
START_TEST(lexicon_probe_forms) {
  expect_one_note("Godkendt.\nProtokolbemærkning fra Lars Kjeldsen (A): Jeg kan ikke støtte "
                  "nedlæggelsen af biblioteksfilialen.",
                  "Lars Kjeldsen (A)");
  expect_one_note("Regionsrådet vedtog budgetaftalen. Protokoltilførsel ved Dansk Folkeparti og "
                  "Nye Borgerlige:\nPartierne står uden for aftalen.",
                  "Dansk Folkeparti og Nye Borgerlige");
  expect_one_note("Orienteringen blev taget til efterretning. C ønskede til protokol, at partiet "
                  "finder sagsbehandlingstiderne uacceptable.",
                  "C");
  expect_one_note("Ansøgningen blev ikke imødekommet. Dorthe Lind (F) ønskede sin stemme for "
                  "ansøgningen ført til protokol.",
                  "Dorthe Lind (F)");
  expect_one_note("Godkendt. C ønskede at få sin stemme imod noteret.", "C");
  expect_one_note("Godkendt. Gitte Worm (A) ønskede at få ført til protokol: \"Jeg stemmer imod.\"",
                  "Gitte Worm (A)");
  expect_one_note("Børne- og Ungeudvalget anbefaler indstillingen med undtagelse af Karsten Due (V), "
                  "der ikke kan medvirke til at hæve forældrebetalingen.",
                  "Karsten Due (V)");
  expect_one_note("Udvalget besluttede at godkende indstillingen, idet Det Konservative Folkeparti dog "
                  "tager forbehold for udgiften.",
                  "Det Konservative Folkeparti");
  expect_one_note("Indstillingen blev vedtaget med 15 stemmer for og 12 imod. Der blev afgivet "
                  "følgende protokolbemærkning af Venstre og Dansk Folkeparti: Vi kan ikke støtte "
                  "placeringen.",
                  "Venstre og Dansk Folkeparti");
  expect_one_note("Anbefales over for Byrådet med 6 stemmer mod 1. Ø stemte imod med følgende "
                  "protokolbemærkning: »Enhedslisten kan ikke anbefale lokalplanen.«",
                  "Ø");
  expect_one_note("Udvalget tog redegørelsen til efterretning. Ole Bak (L) kan ikke tilslutte sig "
                  "konklusionerne og ønskede dette ført til protokol.",
                  "Ole Bak (L)");
  expect_outcome("Ansøgningen imødekommes ikke.", "rejected", "Ansøgningen imødekommes ikke");
  expect_outcome("Byrådet besluttede at henvise medlemsforslaget til behandling i Klima- og "
                 "Miljøudvalget.",
                 "referred", "henvise medlemsforslaget til behandling i Klima- og Miljøudvalget");
  expect_outcome("Forslagsstilleren trak forslaget, inden der blev stemt om det.", "withdrawn",
                 "trak forslaget");
  static const char *const NONE[] = {NULL};
  static const char *const HOLM[] = {"Søren Holm (C)", NULL};
  expect_presence("Anbefales.\nSøren Holm (C) havde meldt afbud.", HOLM, NONE);
  static const char *const EBBE[] = {"Rasmus Ebbe (Ø)", NULL};
  expect_presence("Udvalget drøftede sagen. Rasmus Ebbe (Ø) forlod mødet kl. 17.45 under "
                  "behandlingen af dette punkt.",
                  EBBE, NONE);
  static const char *const WINTHER[] = {"Jonas Winther (F)", NULL};
  expect_presence("Jonas Winther (F) anmodede om at blive erklæret inhabil, hvilket udvalget "
                  "tiltrådte.",
                  NONE, WINTHER);
  static const char *const KURT[] = {"Kurt Rasmussen (C)", NULL};
  expect_presence("Godkendt, idet Kurt Rasmussen (C) ikke deltog i behandlingen på grund af "
                  "inhabilitet.",
                  NONE, KURT);
}
END_TEST

/* Forms from a second probe (120 decision texts written around votes): unanimity said as "et
 * enigt Social- og Sundhedsudvalg", "et samlet udvalg", "med alle stemmer", "samtlige
 * tilstedeværende medlemmer stemte for"; a body "var enig om at udsætte"; a refusal decided
 * after the counts ("besluttede med 5 stemmer mod 2 at afslå ansøgningen"); the main
 * proposal carried unanimously after a counted amendment, a vote of its own; a body's
 * approval "dog således at" a change. */
START_TEST(vote_probe_forms) {
  static const char *const UNANIMOUS[] = {
      "Et enigt Social- og Sundhedsudvalg besluttede at sende forslaget i høring.",
      "Et samlet udvalg godkendte indstillingen.",
      "Indstillingen blev godkendt med alle stemmer.",
      "Samtlige tilstedeværende medlemmer stemte for. Indstillingen er godkendt."};
  for (size_t i = 0; i < sizeof UNANIMOUS / sizeof *UNANIMOUS; i++)
    expect_counts(UNANIMOUS[i], -1, -1, -1);
  expect_outcome("Udvalget var enigt om at udsætte sagen til næste møde.", "postponed", "udsætte");
  expect_sides("Udvalget besluttede med 5 stemmer mod 2 at afslå ansøgningen. Mindretallet (F, Ø) "
               "ønskede at imødekomme ansøgningen.",
               2, 5, -1, "F|Ø", "");
  pk_section s = read_decision("Ændringsforslaget blev forkastet med 2 stemmer mod 5. Indstillingen "
                               "blev derefter godkendt enstemmigt.");
  ck_assert_uint_eq(s.vote_count, 2);
  ck_assert_int_eq(s.votes[1].for_count, -1);
  done(&s);
  expect_outcome("Et samlet udvalg godkendte indstillingen, dog således at tilskuddet forhøjes til "
                 "45.000 kr.",
                 "amended",
                 "godkendte indstillingen, dog således at tilskuddet forhøjes til 45.000 kr");
}
END_TEST

/* The review of the fifteenth and sixteenth rounds' forms: a unanimous word that sums up or
 * tells another body's vote adds none; "et samlet udvalg" that decides nothing is no vote;
 * "med alle stemmer mod 2" and "samtlige Venstres medlemmer" are no unanimity; an amendment
 * withdrawn, referred or refused is not the item's outcome; a refusal of an amendment does
 * not swap the counts; a zero count stays a count; a footnote's 1 stays. */
START_TEST(review_of_the_sixteenth_round) {
  expect_counts("For stemte 9 (A, V og C). Imod stemte ingen. Indstillingen blev dermed enstemmigt "
                "vedtaget.",
                9, 0, -1);
  expect_counts("Godkendt med 9 stemmer for, 0 imod. Beslutningen er enstemmig.", 9, 0, -1);
  expect_counts("Godkendt med 8 stemmer mod 1. Beslutningen var ikke enstemmig.", 8, 1, -1);
  expect_counts("Godkendt med 20 stemmer mod 5. Økonomiudvalget havde enstemmigt anbefalet sagen.", 20,
                5, -1);
  expect_no_vote("Udsat, da sagen ønskes behandlet af et samlet udvalg.");
  pk_section s = read_decision("Vedtaget med alle stemmer mod 2 (Ø).");
  ck_assert(s.vote_count == 0 || s.votes[0].against_count == 2 || s.votes[0].against_groups.count);
  done(&s);
  expect_sides("Forslaget blev forkastet. Samtlige Venstres medlemmer stemte for.", -1, -1, -1,
               "Venstre", "");
  expect_outcome("V trak udsættelsesforslaget. Sagen blev drøftet.", "discussed", "Sagen blev drøftet");
  expect_outcome("Udvalget besluttede at henvise ændringsforslaget til Økonomiudvalget. Indstillingen "
                 "blev godkendt.",
                 "approved", "Indstillingen blev godkendt");
  expect_outcome("Ændringsforslaget imødekommes ikke. Indstillingen anbefales.", "recommended",
                 "Indstillingen anbefales");
  expect_outcome("Byrådet godkendte ikke forslaget.", "rejected", "godkendte ikke");
  expect_counts("Udvalget besluttede med 17 stemmer mod 8 at afvise ændringsforslaget fra V og "
                "godkendte indstillingen.",
                17, 8, -1);
  expect_counts("For stemte A og V, imod stemte C, 0 undlod.", -1, -1, 0);
  expect_outcome("Godkendt1 med 5 stemmer mod 2.", "approved", "Godkendt");
  expect_outcome("Trak forslaget tilbage.", "withdrawn", "Trak forslaget tilbage");
  s = read_decision("Udvalget besluttede at meddele ikke dispensation.");
  ck_assert_str_ne(s.outcome, "approved");
  done(&s);
}
END_TEST

/* The seventeenth round's forms: a note's label between "følgende" and "ført til
 * protokol"; a body's past "imødekom". */
START_TEST(seventeenth_round_forms) {
  expect_one_note("Godkendt. V ønskede følgende stemmeforklaring ført til protokol: \"Problemerne kan "
                  "ikke vente.\"",
                  "V");
  expect_outcome("Kommunalbestyrelsen imødekom ansøgningen.", "approved", "imødekom");
  expect_outcome("Udvalget imødekom ikke ansøgningen.", "rejected", "imødekom ikke");
  /* a sentence broken at a line end no reflow joined reads on, printed as it stands */
  expect_sides("Et flertal bestående af A, B, F og Ø godkendte indstillingen. C og D\nstemte imod.",
               -1, -1, -1, "A|B|F|Ø", "C|D");
  /* a side's count in brackets before its note */
  expect_one_note("Godkendt med 5 stemmer. Æ (1) undlod at stemme og tog forbehold for, at "
                  "rengøring fortsat sker hver 14. dag.",
                  "Æ");
  /* "Mindretallet" reserves its position; "anmodede om" a note in the protocol */
  expect_one_note("Indstilles. Mindretallet forbeholdt sig at stille ændringsforslag i kommunal-\n"
                  "bestyrelsen.",
                  "Mindretallet");
  expect_one_note("Anbefales. Q anmodede om at få sin stemme ført til protokol med den begrundelse, "
                  "at driftsudgifterne ikke er finansieret.",
                  "Q");
  /* why a member sat out before "deltog ikke", the sentence broken at a line end */
  static const char *const NONE[] = {NULL};
  static const char *const HUNE[] = {"Birgit Hune", NULL};
  expect_presence("Birgit Hune er formand for Ringe Frivillige Brandværn og deltog ikke i\n"
                  "behandlingen (inhabil).",
                  NONE, HUNE);
}
END_TEST

/* The eighteenth round's forms: "med 41 stemmer imod 14" (Copenhagen's "imod" between the
 * counts); a count broken from "mod" at a line's end. */
START_TEST(eighteenth_round_forms) {
  expect_counts("Indstillingen blev herefter godkendt med 41 stemmer imod 14.", 41, 14, -1);
  expect_counts("Ændringsforslaget blev forkastet med 14 stemmer imod 39. 2 medlemmer\nundlod at stemme.",
                14, 39, 2);
  expect_sides("Økonomiudvalgets indstilling blev derefter godkendt med 14 stemmer mod\n11. For stemte "
               "A (12) og F (2). Imod stemte V, O og C.",
               14, 11, -1, "A|F", "V|O|C");
  /* the body decided not to grant */
  expect_outcome("Udvalget besluttede enstemmigt ikke at imødekomme klagen.", "rejected",
                 "ikke at imødekomme");
  /* a field's line is no decision's phrase: "other" is told by the sentence after it */
  expect_outcome("Fraværende: Ingen\nUdvalget udpegede enstemmigt Birthe Hald (O) som repræsentant.",
                 "other", "Udvalget udpegede enstemmigt Birthe Hald (O) som repræsentant.");
  /* a member's office between the name and "var inhabil" */
  static const char *const NONE[] = {NULL};
  static const char *const BJERG[] = {"Jesper Bjerg (A)", NULL};
  expect_presence("Jesper Bjerg (A), formand for Tved Boldklub, var inhabil og forlod mødet.", NONE,
                  BJERG);
  /* a recommendation with a change "dog således at" */
  expect_outcome("Anbefales, dog således at bebyggelsen højst må opføres i fire etager.", "amended",
                 "Anbefales, dog således at bebyggelsen højst må opføres i fire etager");
}
END_TEST

/* A third lexicon probe (invented decision texts written without the rules): a clause of its
 * own before a note's verb; a note's label ending its sentence; "udtalelse til
 * protokollen"; "ønskede følgende protokolleret"; a sentence that opens with a member's
 * name and says "inhabil" in its own words, but not "ikke var inhabil"; "havde forladt
 * mødet"; "deltog ikke i valget"; the body or a party withdrawing; a discussion in the
 * present tense or as a noun. */
START_TEST(third_probe_forms) {
  expect_one_note("Byrådet valgte model B. V stemte for model A og ønskede sin stemme ført til protokol.", "V");
  expect_one_note("Et flertal (A, F og Ø) besluttede at udsætte sagen. Et mindretal (V og O) ønskede sagen "
                  "afgjort på dagens møde og ønskede deres stemmer ført til protokol.",
                  "V og O");
  expect_one_note("Forkastet. Jytte Bonde (Ø) stemte for og afgav stemmeforklaring.", "Jytte Bonde (Ø)");
  expect_one_note("Taget til efterretning. Udtalelse til protokollen fra Det Konservative Folkeparti: Vi "
                  "noterer os overskridelsen.",
                  "Det Konservative Folkeparti");
  expect_one_note("Taget til efterretning. Radikale Venstre ønskede følgende protokolleret: »Det er "
                  "beklageligt.«",
                  "Radikale Venstre");
  static const char *const NONE[] = {NULL};
  static const char *const HJORT[] = {"Jens Hjort (F)", NULL};
  expect_presence("Godkendt. Jens Hjort (F) anmeldte inhabilitet som nabo til lokalplanområdet og "
                  "deltog ikke i behandlingen.",
                  NONE, HJORT);
  static const char *const TWO[] = {"Helle Mortensen (F)", "Jonas Rindom (Ø)", NULL};
  expect_presence("Godkendt. Helle Mortensen (F) og Jonas Rindom (Ø) erklærede sig inhabile som "
                  "bestyrelsesmedlemmer i boligselskabet.",
                  NONE, TWO);
  expect_presence("Jonas Friis (A) gjorde opmærksom på, at hans ægtefælle er ansat i børnehuset. "
                  "Udvalget vurderede, at han ikke var inhabil. Godkendt.",
                  NONE, NONE);
  static const char *const DAMSGAARD[] = {"Jane Damsgaard (I)", NULL};
  expect_presence("Drøftet. Jane Damsgaard (I) havde forladt mødet inden punktets behandling.",
                  DAMSGAARD, NONE);
  static const char *const BRONDUM[] = {"Lars Brøndum (C)", NULL};
  expect_presence("Valgt blev Kirsten Holt (A). Lars Brøndum (C) deltog ikke i valget.", BRONDUM,
                  NONE);
  expect_outcome("Borgmesteren tog sagen af dagsordenen.", "withdrawn", "tog sagen af dagsordenen");
  expect_outcome("Ø trak sit forslag om et kommunalt boligselskab tilbage.", "withdrawn",
                 "trak sit forslag om et kommunalt boligselskab tilbage");
  expect_outcome("Kommunalbestyrelsen drøfter sagen indledningsvis.", "discussed", "drøfter");
  expect_outcome("Temadrøftelsen blev gennemført.", "discussed", "Temadrøftelsen blev gennemført");
  /* a change told after "idet ... dog", or "med de på mødet aftalte ændringer"; not a note */
  expect_outcome("Godkendt, idet beløbet dog nedsættes til 40.000 kr.", "amended",
                 "Godkendt, idet beløbet dog nedsættes til 40.000 kr");
  expect_outcome("Udvalget godkendte retningslinjerne med de på mødet aftalte ændringer.", "amended",
                 "Udvalget godkendte retningslinjerne med de på mødet aftalte ændringer");
  expect_outcome("Godkendt, idet V dog tog forbehold for tidsplanen.", "approved", "Godkendt");
  /* abstentions said in other words; a grant refused counted from the grant's side */
  expect_counts("Havnebestyrelsen godkendte takstforslaget med 5 stemmer; 2 medlemmer afholdt sig fra "
                "at stemme, og ingen stemte imod.",
                5, 0, 2);
  expect_counts("Forslaget blev vedtaget. 7 stemte for, ingen stemte imod, og 2 afstod fra at stemme.", 7,
                0, 2);
  expect_counts("Bevillingen blev nægtet med 3 stemmer mod 2.", 2, 3, -1);
}
END_TEST

/* TEXT records these votes' counts, in order (-1: none printed). */
static void expect_vote_counts(const char *text, size_t count, const long (*want)[3]) {
  pk_section s = read_decision(text);
  ck_assert_msg(s.vote_count == count, "\"%s\": %zu votes, expected %zu", text, s.vote_count, count);
  for (size_t i = 0; i < count; i++)
    ck_assert_msg(s.votes[i].for_count == want[i][0] && s.votes[i].against_count == want[i][1] &&
                      s.votes[i].abstain_count == want[i][2],
                  "\"%s\": vote %zu %ld/%ld/%ld", text, i, s.votes[i].for_count,
                  s.votes[i].against_count, s.votes[i].abstain_count);
  done(&s);
}

/* The fourth probe's forms (tests/decisions-probes/probe4-votes.json): a unanimous vote told
 * before a counted one in a sentence of its own is a vote of its own; an amendment adopted
 * and then the proposal changed by it is amended; a proposal withdrawn after a vote is
 * withdrawn; counts told compactly ("5-0-2", "stemmelighed (3-3)"), after their side ("for
 * 12, imod 5"), or with "St."; unanimity spelt "eenstemmigt". */
START_TEST(fourth_probe_forms) {
  static const long UNANIMOUS_THEN_COUNTED[][3] = {{21, 8, -1}, {-1, -1, -1}, {25, 4, -1}};
  expect_vote_counts("Ad 1: Godkendt med 21 stemmer mod 8 (V og O).\nAd 2: Enstemmigt godkendt.\n"
                     "Ad 3: Godkendt med 25 stemmer mod 4 (O).",
                     3, UNANIMOUS_THEN_COUNTED);
  static const long AMENDMENT_THEN_PROPOSAL[][3] = {{-1, -1, -1}, {23, 4, -1}};
  expect_vote_counts("Ændringsforslaget blev enstemmigt vedtaget.\nIndstillingen med den vedtagne "
                     "ændring blev godkendt med 23 stemmer. Imod stemte 4 (O, D).",
                     2, AMENDMENT_THEN_PROPOSAL);
  expect_outcome("Ændringsforslaget blev enstemmigt vedtaget.\nIndstillingen med den vedtagne "
                 "ændring blev godkendt med 23 stemmer.",
                 "amended", "Indstillingen med den vedtagne ændring blev godkendt");
  expect_outcome("Ændringsforslaget blev vedtaget med 13 stemmer mod 12.\nForslaget oversendes "
                 "herefter til Børne- og Skoleudvalget.",
                 "referred", "Forslaget oversendes herefter til Børne- og Skoleudvalget");
  expect_outcome("Ændringsforslaget blev vedtaget. Indstillingen blev herefter godkendt.", "amended",
                 "Ændringsforslaget blev vedtaget");
  pk_section minus = read_decision("Et enigt udvalg minus O anbefaler forslaget. O stemte imod.");
  ck_assert_uint_eq(minus.vote_count, 1);
  done(&minus);
  expect_outcome("Ændringsforslaget blev godkendt med 16 stemmer mod 11.\nIndstillingen blev "
                 "herefter godkendt som ændret.",
                 "amended", "Indstillingen blev herefter godkendt som ændret");
  expect_outcome("Den ændrede indstilling blev godkendt med 15 stemmer mod 0.", "amended",
                 "Den ændrede indstilling blev godkendt");
  expect_outcome("Den således ændrede indstilling godkendtes med 6 stemmer mod 1.", "amended",
                 "Den således ændrede indstilling godkendtes");
  expect_outcome("Indstillingen blev godkendt som ændret.", "amended",
                 "Indstillingen blev godkendt som ændret");
  /* the last word is a withdrawal */
  expect_outcome("Forslaget om hastebehandling blev forkastet med 3 stemmer mod 24. Dansk "
                 "Folkeparti trak herefter forslaget tilbage.",
                 "withdrawn", "trak herefter forslaget tilbage");
  expect_outcome("Efter at et forslag om høring var forkastet med 2 stemmer mod 5, trak Anders "
                 "Bjerg (Ø) forslaget tilbage.",
                 "withdrawn", "trak Anders Bjerg (Ø) forslaget tilbage");
  expect_outcome("Ansøgningen om dispensation fra lokalplanens bestemmelser imødekommes ikke.",
                 "rejected", "Ansøgningen om dispensation fra lokalplanens bestemmelser imødekommes ikke");
  expect_counts("Udvalget besluttede at indstille projektet. Vedtaget med stemmerne 5-0-2.", 5, 0, 2);
  expect_counts("Forslaget faldt, idet der var stemmelighed (3-3).", 3, 3, -1);
  expect_counts("Kommunalbestyrelsen godkendte ansøgningen. Afstemningen faldt således: for 12, "
                "imod 5 (V), 2 undlod at deltage i afstemningen.",
                12, 5, 2);
  expect_counts("Bestyrelsen besluttede med 3 St. mod 1 at imødekomme anmodningen.", 3, 1, -1);
  expect_outcome("Bestyrelsen besluttede med 3 St. mod 1 at imødekomme anmodningen.", "approved",
                 "imødekomme anmodningen");
  expect_counts("Vedtoges eenstemmigt.", -1, -1, -1);
  /* a side's label naming what it voted on; a count alone before "at"; all but one */
  expect_sides("Forslaget om udsættelse blev sat under afstemning.\nFor udsættelse: 15 (V, C, O)\n"
               "Imod udsættelse: 14 (A, F, Ø)\nSagen blev udsat.",
               15, 14, -1, "V|C|O", "A|F|Ø");
  expect_counts("Udvalget anbefaler med 5 stemmer, at forslaget godkendes.", 5, -1, -1);
  expect_counts("Vedtaget med alle stemmer mod én.", -1, 1, -1);
  expect_counts("Alle medlemmer var enige om at anbefale projektet.", -1, -1, -1);
  /* an amendment adopted, named by its party and its matter, then the proposal as changed */
  expect_outcome("V's ændringsforslag om at reducere rammen med 1 mio. kr. blev vedtaget med 5 stemmer "
                 "mod 4, hvorefter indstillingen som ændret blev godkendt.",
                 "amended", "indstillingen som ændret blev godkendt");
  expect_outcome("Indstillingen fulgtes.", "approved", "Indstillingen fulgtes");
  expect_outcome("Godkendt, idet dog beløbet til kunstnerisk udsmykning reduceres til 200.000 kr.",
                 "amended",
                 "Godkendt, idet dog beløbet til kunstnerisk udsmykning reduceres til 200.000 kr");
  static const char *const NONE[] = {NULL};
  static const char *const FRIIS[] = {"Aksel Friis", NULL};
  expect_presence("Tiltrådt. Borgmester Aksel Friis deltog ikke i behandlingen af punktet under "
                  "henvisning til sin inhabilitet.",
                  NONE, FRIIS);
  static const char *const KREBS[] = {"Allan Krebs (A)", NULL};
  expect_presence("Godkendt. Under punktet forlod Allan Krebs (A) mødet.", KREBS, NONE);
}
END_TEST

/* The nineteenth round's forms: a vote's result told in a sentence of its own ends that
 * vote ("Ændringsforslaget bortfaldt."), so counts after it are the next vote's; the rest
 * counted by their number in brackets ("De øvrige partier (28) stemte imod"); Z, the
 * Progress Party's letter in old minutes; a request to bring a proposal before the council;
 * a chair's signature with its date is no outcome. */
START_TEST(nineteenth_round_forms) {
  static const long NAMES_THEN_COUNTED[][3] = {{-1, -1, -1}, {5, 2, -1}};
  expect_vote_counts("For ændringsforslaget stemte Jesper Ravn (C) og Birgitte Holm (V). Imod stemte "
                     "de øvrige medlemmer. Ændringsforslaget bortfaldt.\nIndstillingen anbefales "
                     "herefter med 5 stemmer mod 2.",
                     2, NAMES_THEN_COUNTED);
  expect_counts("For stemte 3 (A). Imod stemte 5 (V). Forslaget faldt med 3 stemmer mod 5.", 3, 5, -1);
  expect_counts("Forslaget faldt, idet kun Dansk Folkeparti (3) stemte for. De øvrige partier (28) "
                "stemte imod.",
                3, 28, -1);
  expect_sides("Forslaget forkastedes med 2 stemmer mod 17. For stemte Z.", 2, 17, -1, "Z", "");
  expect_one_note("Forretningsudvalget besluttede at oversende forslaget til udvalget. Liberal Alliance "
                  "begærede forslaget optaget på regionsrådets næste møde.",
                  "Liberal Alliance");
  expect_outcome("Henvendelsen blev henvist til den kommende trafikplan.\n\nReferent: Lene Bach\n"
                 "Godkendt af formanden 21.10.2015",
                 "referred", "henvist til den kommende trafikplan");
}
END_TEST

/* The twenty-second round's forms: a passive's adverb after its verb says what came of it
 * all ("Lokalplanen vedtoges herefter endeligt" after a member's proposal fell), with any
 * noun in its definite form as the subject. */
START_TEST(twenty_second_round_forms) {
  static const struct {
    const char *text, *outcome, *phrase;
  } OUTCOMES[] = {
      {"Bent Lund (F) foreslog bebyggelsesprocenten nedsat. Forslaget forkastedes med 4 stemmer "
       "(F) mod 19 (A, V, C). Z undlod at stemme.\nLokalplanen vedtoges herefter endeligt med 20 "
       "stemmer mod 4 (F).",
       "approved", "Lokalplanen vedtoges"},
      {"Ansøgningen godkendtes derefter.", "approved", "Ansøgningen godkendtes"},
      /* a participle after its article recommends nothing */
      {"Lene Holm (A) erklærede sig inhabil, da hun er kasserer i en af de indstillede "
       "foreninger.\nUdvalget tildelte Kulturprisen 2008 til Glamsbjerg Musikforening.",
       "other", "Udvalget tildelte Kulturprisen 2008 til Glamsbjerg Musikforening."},
      /* (review) a passive told with "ikke" after it approves nothing; the pronoun "De"
       * before the verb is no article */
      {"Lokalplanen vedtoges ikke.", "other", "Lokalplanen vedtoges ikke."},
      {"Lokalplanen vedtoges herefter ikke.", "other", "Lokalplanen vedtoges herefter ikke."},
      {"Udvalget og handicaprådet drøftede sagen. De indstillede enstemmigt planen til "
       "godkendelse i Byrådet.",
       "recommended", "indstillede"},
  };
  for (size_t i = 0; i < sizeof OUTCOMES / sizeof *OUTCOMES; i++)
    expect_outcome(OUTCOMES[i].text, OUTCOMES[i].outcome, OUTCOMES[i].phrase);
  /* a note asked entered without "følgende" before its colon */
  expect_one_note("Forslaget blev ikke vedtaget.\nV og C ønskede tilført protokollen: \"En lavere "
                  "afgift vil styrke handelslivet.\"",
                  "V og C");
  /* a side's brackets on the line a typewriter broke before them */
  expect_sides("Et flertal (A, C, F) anbefaler salg til højstbydende. Et mindretal\n"
               "(V) anbefaler, at bygningerne udlejes til foreningsformål.",
               -1, -1, -1, "A|C|F", "V");
}
END_TEST

/* The review of the fourth probe's and the nineteenth round's rules: an amendment that was
 * not adopted is no adopted amendment; a unanimous vote's own tally is the same vote; an
 * "Efter at" clause is only what runs to its comma without a main clause's verb; a refusal
 * "imødekommes ikke" needs its request for subject; withdrawing an amendment is not the
 * item's outcome; "St." is a count's unit only after a count; a fallen proposal is read
 * after an adopted amendment; "Mod" opens a side; a count's side words need a colon before. */
START_TEST(review_of_the_nineteenth_round) {
  expect_outcome("Ændringsforslaget fra V blev ikke vedtaget. Indstillingen blev herefter godkendt.",
                 "approved", "Indstillingen blev herefter godkendt");
  expect_counts("Enstemmigt godkendt.\nFor: 27\nImod: 0\nUndlod: 0", 27, 0, 0);
  expect_counts("Indstillingen blev enstemmigt godkendt. For stemte 31 (A, B, C, F, O, V og Ø).", 31, -1,
                -1);
  expect_counts("Godkendt enstemmigt. 2 undlod at stemme.", -1, -1, 2);
  expect_outcome("Efter at have drøftet sagen besluttede udvalget at udsætte den, da der mangler "
                 "oplysninger.",
                 "postponed", "udsætte");
  expect_outcome("Efter at sagen var drøftet blev indstillingen godkendt med 9 stemmer mod 2, idet V "
                 "stemte imod.",
                 "approved", "indstillingen godkendt");
  expect_outcome("Venstres ønske om at udsætte sagen imødekommes ikke. Indstillingen godkendes med 15 "
                 "stemmer mod 4.",
                 "approved", "Indstillingen godkendes");
  expect_outcome("Ændringsforslaget fra V imødekommes ikke. Indstillingen godkendes.", "approved",
                 "Indstillingen godkendes");
  expect_outcome("V trak herefter ændringsforslaget tilbage. Indstillingen blev godkendt med 20 stemmer "
                 "mod 5.",
                 "approved", "Indstillingen blev godkendt");
  expect_outcome("Udvalget besluttede sidst. Borgerne ønsker fortsat at udsætte projektet.", "other",
                 "Udvalget besluttede sidst.");
  expect_outcome("Forslaget fra V om at udsætte sagen blev forkastet med 5 stemmer mod 20. "
                 "Ændringsforslaget fra A blev herefter vedtaget.",
                 "approved", "vedtaget");
  expect_counts("Afstemningen faldt således: For 12, Mod 5.", 12, 5, -1);
  expect_no_vote("Godkendt. Lejen for 12, mod 10 tidligere, måneder.");
  /* the twentieth round: a majority that refused ("afslog") */
  expect_sides("Et flertal (C og V) afslog ansøgningen. Et mindretal (A og F) stemte for at imødekomme "
               "ansøgningen.",
               -1, -1, -1, "A|F", "C|V");
  expect_outcome("Et flertal (C og V) afslog ansøgningen.", "rejected", "afslog");
}
END_TEST

/* The fifth probe's forms (tests/decisions-probes/probe5-*.json): conflicts said of several
 * ("inhabile") or declared by the committee; members not met, absent "med afbud", arriving
 * after the item; a note's label with its who after a comma, a joint stemmeforklaring, a
 * vote "protokolleret", "dog ikke kan medvirke", "De Konservative", an office before the
 * name; outcomes "godkende ... med den ændring", "<body>s indstilling følges", "Afslag på
 * ...", "Ej godkendt", "meddeles afslag på dispensation". */
START_TEST(fifth_probe_forms) {
  static const char *const NONE[] = {NULL};
  static const char *const STORM[] = {"Henrik Storm (A)", NULL};
  expect_presence("Formanden, Henrik Storm (A), blev af udvalget erklæret inhabil. Udvalget bevilgede "
                  "40.000 kr.",
                  NONE, STORM);
  static const char *const BOTH[] = {"Torben Skov (A)", "Janne Lind (V)", NULL};
  expect_presence("Afslag. Torben Skov (A) og Janne Lind (V) erklærede sig begge inhabile og forlod "
                  "mødet.",
                  NONE, BOTH);
  static const char *const POULSEN[] = {"Niels Poulsen", NULL};
  expect_presence("Tiltrådt. Niels Poulsen var ikke mødt.", POULSEN, NONE);
  static const char *const KOLBY[] = {"Hans Kolby (V)", NULL};
  expect_presence("Godkendt. Fraværende med afbud: Hans Kolby (V).", KOLBY, NONE);
  static const char *const SKOV[] = {"Mette Skov (B)", NULL};
  expect_presence("Drøftet. Mette Skov (B) ankom kl. 17.45 efter behandlingen af dette punkt.", SKOV,
                  NONE);
  static const char *const LAUGE[] = {"Ebbe Lauge (A)", NULL};
  expect_presence("Taget til efterretning. Ebbe Lauge (A) deltog først fra kl. 17.20, dvs. efter "
                  "behandlingen af dette punkt.",
                  LAUGE, NONE);
  expect_one_note("Vedtaget med 15 stemmer mod 10.\nStemmeforklaring, Mette Hjort (B): Jeg stemmer imod.",
                  "Mette Hjort (B)");
  expect_one_note("Taget til efterretning. SF og Ø afgav følgende fælles stemmeforklaring: Vi finder, at "
                  "den ikke besvarer spørgsmålet.",
                  "SF og Ø");
  expect_one_note("Godkendt. Susanne Krog stemte imod og ønskede sin stemme protokolleret.",
                  "Susanne Krog");
  expect_one_note("Anbefalet over for byrådet, idet Lone Bak (F) dog ikke kan medvirke til at anbefale "
                  "forhøjelsen.",
                  "Lone Bak (F)");
  expect_one_note("Sagen oversendes til budgetforhandlingerne. De Konservative tog forbehold for "
                  "reduktionen.",
                  "De Konservative");
  expect_one_note("Taget til efterretning. Medarbejderrepræsentant Niels Winther bad om at få tilført "
                  "protokollen, at medarbejderne ikke har været inddraget.",
                  "Niels Winther");
  expect_outcome("Regionsrådet besluttede at godkende indstillingen med den ændring, at ordningen "
                 "forlænges til 31. december 2024.",
                 "amended",
                 "godkende indstillingen med den ændring, at ordningen forlænges til 31. december 2024");
  expect_outcome("Direktionens indstilling følges.", "approved", "Direktionens indstilling følges");
  expect_outcome("Afslag på ansøgning om tilskud.", "rejected", "Afslag");
  expect_outcome("Ej godkendt. Fraværende: Poul Kirkegaard.", "rejected", "Ej godkendt");
  expect_outcome("Udvalget fandt hende inhabil. Der meddeles afslag på dispensation.", "rejected",
                 "meddeles afslag");
  /* who named again after "Mindretallet", or with words between commas after the name; a
   * request "dette tilført protokollen"; a minority that "finder" */
  expect_one_note("Godkendt med 5 stemmer mod 4. Mindretallet, Morten Skov og Birthe Lau (A), begærede "
                  "sagen indbragt for kommunalbestyrelsen.",
                  "Morten Skov og Birthe Lau (A)");
  expect_one_note("Anbefales godkendt. Mindretallet, Bo Lindberg (V), kan ikke anbefale projektet.",
                  "Bo Lindberg (V)");
  expect_one_note("Bestyrelsen godkendte budgettet. Hans Juul, Ringsted Kommune, tog forbehold for "
                  "kommunalbestyrelsens godkendelse.",
                  "Hans Juul");
  expect_one_note("Vedtaget. Fru Kirsten Andersen stemte imod og begærede dette tilført protokollen.",
                  "Kirsten Andersen");
  expect_one_note("Anbefales. Mindretallet (O) finder, at udgiften bør findes inden for rammen.", "O");
  static const char *const BACH_LUND[] = {"Ole Bach", "Sara Lund", NULL};
  expect_presence("Indstillingen følges. 2 medlemmer var fraværende: Ole Bach og Sara Lund.", BACH_LUND,
                  NONE);
  static const char *const BRO[] = {"Poul Bro", NULL};
  expect_presence("Bevilget. Poul Bro, formand for Kultur- og Fritidsudvalget, ankom efter behandlingen "
                  "af punktet.",
                  BRO, NONE);
  /* an office before each name of a list, or before the only one */
  static const char *const MAYOR_AND_ALDERMAN[] = {"Lars Frost (A)", "Inge Thorsen (A)", NULL};
  expect_presence("Godkendt.\nBorgmester Lars Frost (A) og rådmand Inge Thorsen (A) deltog ikke i "
                  "behandlingen af punktet på grund af inhabilitet.",
                  NONE, MAYOR_AND_ALDERMAN);
  static const char *const THREE[] = {"Ulrik Winkel (V)", "Karin Friis (A)", "Jacob Bjerregaard (SF)",
                                      NULL};
  expect_presence("Tiltrådt. Fraværende: Regionsrådsmedlemmerne Ulrik Winkel (V), Karin Friis (A) og "
                  "Jacob Bjerregaard (SF).",
                  THREE, NONE);
  static const char *const VESTERGAARD[] = {"Anja Vestergaard (A)", NULL};
  expect_presence("Sendt i høring. Overlæge Anja Vestergaard (A) var inhabil og deltog ikke i "
                  "behandlingen af punktet.",
                  NONE, VESTERGAARD);
}
END_TEST

static Suite *decisions_suite(void) {
  Suite *suite = suite_create("decisions");
  TCase *tc = tcase_create("read");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, outcomes);
  tcase_add_test(tc, counts_in_words);
  tcase_add_test(tc, prose_is_no_vote);
  tcase_add_test(tc, tenth_round_vote_forms);
  tcase_add_test(tc, tenth_round_outcomes);
  tcase_add_test(tc, eleventh_round_forms);
  tcase_add_test(tc, review_of_the_twelfth_round);
  tcase_add_test(tc, compact_sides_and_a_majoritys_vote);
  tcase_add_test(tc, thirteenth_round_forms);
  tcase_add_test(tc, fourteenth_round_forms);
  tcase_add_test(tc, fifteenth_round_forms);
  tcase_add_test(tc, sixteenth_round_forms);
  tcase_add_test(tc, lexicon_probe_forms);
  tcase_add_test(tc, vote_probe_forms);
  tcase_add_test(tc, review_of_the_sixteenth_round);
  tcase_add_test(tc, seventeenth_round_forms);
  tcase_add_test(tc, eighteenth_round_forms);
  tcase_add_test(tc, third_probe_forms);
  tcase_add_test(tc, fourth_probe_forms);
  tcase_add_test(tc, nineteenth_round_forms);
  tcase_add_test(tc, review_of_the_nineteenth_round);
  tcase_add_test(tc, twenty_second_round_forms);
  tcase_add_test(tc, fifth_probe_forms);
  tcase_add_test(tc, ocr_digits_read_as_letters);
  tcase_add_test(tc, minority_notes_in_more_forms);
  tcase_add_test(tc, a_partys_name_with_its_letter);
  tcase_add_test(tc, sides_by_municipality_and_totals);
  tcase_add_test(tc, other_is_no_guess);
  tcase_add_test(tc, outcome_when_little_is_said);
  tcase_add_test(tc, the_concluding_sentence_decides);
  tcase_add_test(tc, amendment_falls);
  tcase_add_test(tc, vote_counts);
  tcase_add_test(tc, vote_letters);
  tcase_add_test(tc, vote_names);
  tcase_add_test(tc, vote_forms);
  tcase_add_test(tc, a_vote_told_twice_is_one_vote);
  tcase_add_test(tc, vote_tables);
  tcase_add_test(tc, votes_counted_in_a_list);
  tcase_add_test(tc, no_invented_votes);
  tcase_add_test(tc, a_unanimous_decision_is_a_vote_without_counts);
  tcase_add_test(tc, minority_notes);
  tcase_add_test(tc, absent_and_conflicts);
  tcase_add_test(tc, more_presence_forms);
  tcase_add_test(tc, presence_said_in_more_ways);
  tcase_add_test(tc, a_name_with_its_municipality);
  tcase_add_test(tc, vote_groups_placed_anywhere);
  tcase_add_test(tc, old_party_abbreviations);
  tcase_add_test(tc, a_partys_members_in_the_genitive);
  tcase_add_test(tc, sides_with_counts_per_party_or_the_verb_left_out);
  tcase_add_test(tc, counts_as_ocr_misreads_them);
  tcase_add_test(tc, minority_notes_by_a_name_before_a_colon_or_told_after_a_reason);
  tcase_add_test(tc, a_motion_by_a_member_or_wrapped_over_a_line);
  tcase_add_test(tc, amended_after_an_adverb_an_object_or_the_vote);
  tcase_add_test(tc, majority_and_minority_sides);
  tcase_add_test(tc, presence_with_a_reason);
  tcase_add_test(tc, more_minority_notes);
  tcase_add_test(tc, kinds_checked);
  suite_add_tcase(suite, tc);
  /* Every decision document read whole without any= words: slow by design, and slower as
   * the set grows (202 documents: about 100 s), so apart with room of its own. */
  TCase *whole = tcase_create("whole");
  tcase_set_timeout(whole, 600);
  tcase_add_checked_fixture(whole, setup, teardown);
  tcase_add_test(whole, any_words_find_what_the_whole_text_holds);
  suite_add_tcase(suite, whole);
  return suite;
}

int main(void) { return run_suite(decisions_suite()); }

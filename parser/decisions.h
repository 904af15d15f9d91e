/* decisions.h: reading a decision's text as data (issue 19): its outcome and the words
 * that said it, the votes it records, the minority's notes; and, for an item, who was
 * absent and who declared a conflict of interest.  All of it by the rules of
 * rules/decisions.rules (punktum-rules(5)): the phrase lexicon and the vote grammar are
 * data, this file only applies them.
 *
 *   outcome.VALUE NAME = PATTERN   a phrase saying the outcome VALUE (approved, rejected,
 *                                  recommended, noted, postponed, referred, withdrawn,
 *                                  amended, discussed); the named group `phrase`, or the
 *                                  whole match, is the phrase as printed.  Of the phrases
 *                                  found, one inside another's match is dropped, then the
 *                                  heaviest (weight=, default 1) wins, then the earliest.
 *   outcome.skip NAME = PATTERN    text that says no outcome of the decision (an amendment
 *                                  that fell, a minority's statement): phrases starting
 *                                  inside its matches are not read.
 *   vote NAME = PATTERN            a part of a vote: named groups for, against, abstain
 *                                  (counts) and for_groups, against_groups, abstain_groups
 *                                  (lists of party letters or names).
 *   minority NAME = PATTERN        a minority's note: groups who and text (else the
 *                                  sentence that holds the match).
 *   presence.absent NAME = PATTERN, presence.conflict NAME = PATTERN
 *                                  the group names: a list of names.
 *   decision-start NAME = PATTERN  where an item of minutes that prints no decision heading
 *                                  starts its decision ("Godkendtes.", "Forslaget blev
 *                                  vedtaget med 5 stemmer mod 3."): a section of kind
 *                                  decision without a heading starts at the match.
 *
 * A decision with text that no outcome phrase reads gets "other", with its first sentence
 * as the phrase: never a guess. */
#ifndef PK_DECISIONS_H
#define PK_DECISIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "../rules/rules.h"
#include "../util/wordset.h"
#include "model.h"

enum { PK_WORDED_MAX = PK_WORDSET_LISTS }; /* rules of a word group (a tag each) */

/* The any= words of up to PK_WORDED_MAX rules read in the same texts, WORDED[K]'s tagged
 * K: a text is passed over once for all of them, not once for each rule (a rule past them,
 * or of another group, looks for its own). */
typedef struct pk_word_group {
  const pk_rule *worded[PK_WORDED_MAX];
  size_t worded_count;
  size_t by_address[PK_WORDED_MAX]; /* WORDED's indices in the order of the rules' addresses */
  pk_wordset words;
} pk_word_group;

/* The rules of the kinds above that apply (pk_rules_select), borrowed, and their words in
 * three groups: a decision's (outcome, vote, minority), presence's and decision-start's. */
typedef struct pk_decision_rules {
  const pk_rule **outcome, **vote, **minority, **presence, **start;
  size_t outcome_count, vote_count, minority_count, presence_count, start_count;
  pk_word_group decision_words, presence_words, start_words;
} pk_decision_rules;

/* Selects the rules for PROFILE (NULL: the common rules); false when out of memory. */
bool pk_decision_rules_select(pk_decision_rules *set, const pk_rules *rules, const char *profile);
void pk_decision_rules_free(pk_decision_rules *set);

/* Where a reading is, for --explain: EXPLAIN (NULL: off), the item's number and the
 * section's first page (0: not paged). */
typedef struct pk_decision_trace {
  FILE *explain;
  const char *item;
  long page;
} pk_decision_trace;

/* Reads TEXT (SECTION's text, a decision's, or it and the votes printed under it) into
 * SECTION's outcome, outcome_phrase, votes and notes; an empty text gives none.  False when
 * out of memory. */
bool pk_decision_read(pk_matcher *matcher, const pk_decision_rules *set, pk_section *section,
                      const char *text, const pk_decision_trace *trace);

/* Reads TEXT for the item's absent and conflicts lists (names once each, in order).  False
 * when out of memory. */
bool pk_presence_read(pk_matcher *matcher, const pk_decision_rules *set, const char *text,
                      pk_item *item, const pk_decision_trace *trace);

/* A member with a conflict of interest who left the meeting for the item is listed under
 * the item's conflicts only: drops from its absent list the names its conflicts hold
 * (compared up to a bracket: "Kurt Vinther" is "Kurt Vinther (V)"). */
void pk_presence_settle(pk_item *item);

/* Where an item that prints no decision heading starts its decision: the earliest match
 * of a decision-start rule in TEXT[FROM, LEN), *RULE its rule; LEN where none matches.
 * *LABEL_END is the end of the label the rule read before the decision ("Resultat:"), else
 * the start. */
size_t pk_decision_start_find(pk_matcher *matcher, const pk_decision_rules *set, const char *text,
                              size_t from, size_t len, const pk_rule **rule, size_t *label_end);

/* pk_decision_start_find at each sentence's start in TEXT[FROM, LEN) (FROM itself, and
 * after a stop and blanks before a capital), as if it opened a line: minute books run an
 * item's minute on as one paragraph, its decision a sentence in it ("... Pastor Bjerre
 * fandt stigningen for stor. Vedtaget med 6 stemmer mod 2.").  The first sentence a rule
 * reads wins; LEN where none does. */
size_t pk_decision_start_find_in_sentences(pk_matcher *matcher, const pk_decision_rules *set,
                                           const char *text, size_t from, size_t len,
                                           const pk_rule **rule, size_t *label_end);

/* The outcome values, in the order punktum-format(5) lists them; NULL-terminated. */
extern const char *const pk_outcome_values[];

#endif

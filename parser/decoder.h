/* decoder.h: the document-level choice of the rules that start items.
 *
 * Every profile's item rules, and every layout-independent item rule (an item rule of no
 * profile), propose item starts over the start of the document; the decoder keeps the
 * proposal that best explains the text: the most starts followed by item matter (a
 * section heading, a case field) before the next start, numbers rising in one marker
 * shape, fewest starts with no matter.  The detected profile is evidence, not a gate: its
 * own item rules win a tie, and stand when no proposal finds any item matter.  A numbered
 * proposal whose starts explain more beside the chosen one's joins it (one layout, two
 * forms of numbered item). */
#ifndef PK_DECODER_H
#define PK_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../rules/rules.h"
#include "selector.h"

/* Item rules with lines=N see a unit and the N-1 non-blank units after it, with at most
 * PK_LOOKAHEAD_UNITS units after it in all: the segmenter's look-ahead, which the decoder
 * scores the same way. */
enum { PK_LOOKAHEAD_UNITS = 8 };

/* An item started inside a unit (items run together on a page or a line) numbers on from
 * the item before it by at most this much; a larger number is one in the text ("Telefon
 * 86 30 30 30. Åbningstider"). */
enum { PK_INLINE_GAP_MAX = 5 };

/* One proposal: a set of item rules, in load order. */
typedef struct pk_item_proposal {
  const pk_rule **rules; /* malloc'd; the rules are borrowed */
  size_t count;
  const char *label;     /* the profile's name, or the layout-independent rule's name */
  size_t explained;      /* starts followed by item matter, or in a numbered run */
  size_t unexplained;    /* starts with text but no item matter */
  size_t matter;         /* of those, starts followed by item matter (not only numbered) */
  size_t titled;         /* starts with a title */
  size_t inside;         /* starts inside a unit (at=anywhere), not at its start */
  size_t *starts;        /* where its starts are in the window (malloc'd; the caller frees) */
  size_t start_count;
  size_t decided;        /* on the chosen one: decision headings in the window with text
                            after them (an agenda prints its decision headings empty) */
} pk_item_proposal;

/* The evidence of item matter: rules whose matches inside an item say it is one. */
typedef struct pk_evidence {
  const pk_rule *const *rules;
  size_t count;
} pk_evidence;

/* A match of an evidence rule in the window, as the segmenter's heading search takes one
 * (offsets in the window). */
typedef struct pk_window_match {
  size_t start, end;                 /* the whole match */
  size_t heading_start, heading_end; /* its heading group, else the whole match */
  size_t body_start, body_end, date_start, date_end;
  bool has_body, has_date;
} pk_window_match;

/* The matches of one evidence rule in the window, in the order its search finds them
 * (each search from the end of the match before), so that the segmenter need not search
 * the window's lines again (see pk_rule_line_bound). */
typedef struct pk_window_matches {
  pk_window_match *items; /* malloc'd */
  size_t count, cap;
  bool complete;          /* the search reached the window's end: no limit stopped it */
} pk_window_matches;

void pk_window_matches_free(pk_window_matches *found, size_t count);
/* The matcher's last match, as a window match is kept. */
void pk_window_match_of(pk_matcher *matcher, pk_window_match *match);

/* What the choice is made on. */
typedef struct pk_decoding {
  const char *profile;   /* the profile chosen by its detect rules, or the fallback; NULL: none */
  bool detected;         /* PROFILE scored above zero (the fallback does not) */
  bool forced;           /* PROFILE was named by the user: its item rules are used as they are */
  bool named_record;     /* a kind rule names the text minutes or an agenda */
  bool named_other;      /* a kind rule names it another kind of text: it has no items */
  bool agenda;           /* a kind rule names it an agenda: its decision headings are empty */
  const pk_evidence *evidence;
  const pk_evidence *contents; /* the contents rules (a contents list's heading), or NULL */
  const pk_evidence *groups;   /* the group rules ("Åbne", "Efterretningssager"), or NULL */
  const char *window;    /* the cleaned units of the start of the document, each + "\n" */
  size_t len;
  bool pages;            /* each unit of the window is a transcript's page */
  bool run_together;     /* plain text whose lines ran into one (pk_rule_inside_units) */
  const pk_start *start; /* the window's units and their pages */
  FILE *explain;         /* the scores are written here (NULL: nowhere) */
  pk_window_matches *found; /* NULL, or one per evidence rule: filled with its matches */
  const pk_scan *scan;   /* WINDOW's bytes scanned for the rules' literals, or NULL */
} pk_decoding;

/* Chooses the item rules for a document from the proposals scored on HOW's window.  A
 * text that is no meeting record (no kind named, no decision heading) gets the detected
 * profile's item rules only, and none under the fallback.  *CHOSEN receives the proposal
 * (the caller frees its rules); false when out of memory. */
bool pk_decode_item_rules(const pk_rules *rules, pk_matcher *matcher, const pk_decoding *how,
                          pk_item_proposal *chosen);

/* ---- items with no number and no title: the template of headings repeats ----------------
 * Title-less exports show where an item starts only by its headings: the first heading
 * opens the first item; a heading the item already has (the same words; a decision may
 * come twice, one body's after another's), or one that opens a case (of kind summary,
 * background or recommendation) after the item's decision, opens the next.  One word of
 * the kind "other" opens nothing (a menu's), but with its colon after it it does. */
enum { PK_TEMPLATE_HEADINGS = 16 };
typedef struct pk_template {
  unsigned long long seen[PK_TEMPLATE_HEADINGS]; /* the current item's headings, hashed */
  size_t seen_count;
  bool in_item, decided;
} pk_template;

/* Tells the template of the heading TEXT[0, LEN) of KIND; true when it opens an item.
 * TITLED: the line before the heading is a title (pk_template_title), so a heading after
 * the item's decision opens the next item (a title line over its decision's heading, or
 * over a board's label with its colon), but for the attachments and the absent, which
 * follow a decision under it. */
bool pk_template_opens(pk_template *tpl, const char *kind, const char *text, size_t len,
                       bool titled);
/* Whether a heading of KIND would open an item only if a title stood before it: whether
 * pk_template_title is worth asking. */
bool pk_template_asks_title(const pk_template *tpl, const char *kind);
/* The section rule whose heading starts UNIT (after its blanks), or NULL; *HEADING_END
 * is where the heading ends in UNIT.  Where SCAN is not NULL, UNIT is its text's from
 * SCAN_AT on, and a rule none of whose literals stands in the unit is not tried. */
const pk_rule *pk_heading_line(pk_matcher *matcher, const pk_evidence *sections, const char *unit,
                               size_t len, size_t *heading_end, const pk_scan *scan,
                               size_t scan_at);
/* Whether the line before the line at AT of TEXT (past blank lines, and past up to three
 * lines of case fields) reads as the title of the item whose heading stands at AT:
 * title-shaped (a capital first, no sentence, no sentence's or label's end), no heading
 * or case field in it, and not the only line under the heading before it (that line is
 * the section's text), unless that heading is a decision's and the text is an AGENDA,
 * whose decision headings are empty.  Its span, trimmed, in *START and *END.  Where every
 * item the template opens has such a line, the template's items take it as their title
 * (*CHOSEN's titled is their count). */
bool pk_template_title(pk_matcher *matcher, const pk_evidence *evidence, const char *text,
                       size_t at, bool agenda, size_t *start, size_t *end);
/* The label of the template proposal, as *CHOSEN carries it (with no rules). */
extern const char PK_TEMPLATE_PROPOSAL[];

/* Whether two printings of an item's title are one title: the same words, or the one the
 * other's start, cut at a line end where a contents list wrapped it ("Høring: Forslag til
 * lokalplan 512.18 -" and "... 512.18 - boligområde ved Møllebakken"), or the same three
 * opening words where one printing is in capitals or hyphenated; case, and a dash, colon
 * or full stop at the end, do not count. */
bool pk_titles_agree(const char *a, size_t a_len, const char *b, size_t b_len);

/* Whether the item rule RULE starts items only at a page's first unit (at=page-start). */
bool pk_rule_at_page_start(const pk_rule *rule);

/* Whether a word stands before the number in the item rule's match just found in SUBJECT
 * ("Pkt. 4", "Punkt 4"), not only a bullet or white space ("4.", "• 4."). */
bool pk_number_labelled(const pk_matcher *matcher, const char *subject);
/* After a match of an item rule in SUBJECT: whether the word right before its number
 * holds a small letter, as a label's does ("Punkt 3", "Sag nr. 7"), not a column's code
 * ("ØK 23"), an access mark with its colon ("Lukket punkt: 3.") or a title printed before
 * the number. */
bool pk_number_worded(const pk_matcher *matcher, const char *subject);

/* After a match of the item rule RULE in SUBJECT[0, LEN): false when its title reads as
 * prose (a sentence ends inside it, unless the title is a line of its own) rather than as
 * a heading, so the match starts no item. */
bool pk_item_title_plausible(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                             size_t len);
/* Whether TEXT[start, end) holds nothing but white space, dot leaders and numbers of up to
 * four digits a line: a contents list's page numbers ("1." / "Godkendelse af dagsorden" /
 * "5", "Meddelelser fra formanden ........4") are no text of an item. */
bool pk_only_page_numbers(const char *text, size_t start, size_t end);
/* Whether TEXT[start, end), a title found inside a unit, reads as prose (a sentence ends in
 * it, or it runs on past what a title holds). */
bool pk_title_is_prose(const char *text, size_t start, size_t end);

#endif

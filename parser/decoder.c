/* decoder.c: which item rules explain the document best (see decoder.h).
 *
 * A proposal is scored as the segmenter would read the window with it: its rules tried
 * at each unit's start (and, with at=anywhere, inside the unit), a start whose number
 * does not rise dropped (sequence=increasing), a start with nothing after it before the
 * next one taken as a contents entry, as long as no start with text came before.  Each
 * start that is kept is then asked whether item matter follows it before the next kept
 * start: a match of an evidence rule (section headings, case fields), found once for the
 * whole window. */
#include "config.h"

#include "decoder.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/leader.h"
#include "explain.h"
#include "outline.h"

enum { MIN_EXPLAINED = 1,      /* starts with matter another proposal needs to be taken */
       RUN_MIN = 3,            /* numbers rising by one that count as evidence */
       RUN_WHOLE_MIN = 2,      /* ... where they are all the starts a proposal has */
       REPEATED_MIN = 3,       /* starts a reading by repetition alone must explain */
       INLINE_UNIT_MIN = 400,  /* bytes: a unit that can hold items run together */
       RECORD_DECISIONS = 2,   /* decision headings that make a meeting record */
       TEMPLATE_MIN = 2,       /* items the template of headings must show to be taken */
       INLINE_TITLE_MAX = 200,   /* bytes: see title_is_prose */
       HEADING_TITLE_MAX = 80,   /* bytes: a longer title is no section heading */
       TITLE_PREFIX_MIN = 12,    /* bytes: a shorter title cut at a line end agrees with none */
       TITLE_OPENING_WORDS = 3 }; /* words two printings of a title share at least */

/* A proposed item start in the window. */
typedef struct candidate {
  size_t start, end; /* the start rule's match */
  size_t title_start, title_end; /* its title group, or an empty span */
  pk_outline number; /* the number group's place in the outline; major -1 if none */
  long slot;         /* the minute of the day a time slot starts at ("19.15"), -1 if none */
  bool increasing;   /* the rule has sequence=increasing */
  bool inside;       /* found inside a unit (at=anywhere, at=text), not at its start */
  bool in_text;      /* by an at=text rule: items run on as sentences of plain text */
  bool repeated;     /* the rule has sequence=repeated: its starts explain each other */
  bool late_letter;  /* numbered by a letter past C (pk_outline_late_letter) */
  bool restart;      /* the rule has sequence=restart: a start only where it restarts a list */
  bool listed;       /* its number and title's opening repeat an entry of a list above it */
  bool labelled;     /* a label word stands before its number, not the number alone */
  bool worded;       /* ... a word in small letters ("Punkt 3"), not a column's code ("ØK 3") */
} candidate;

typedef struct cand_list {
  candidate *items;
  size_t count, cap;
} cand_list;

/* Sorted positions of evidence matches in the window. */
typedef struct positions {
  size_t *at;
  size_t count, cap;
} positions;


bool pk_rule_at_page_start(const pk_rule *rule) {
  const char *where = pk_rule_option(rule, "at");
  return where && strcmp(where, "page-start") == 0;
}

static bool has_sequence(const pk_rule *rule, const char *value) {
  const char *sequence = pk_rule_option(rule, "sequence");
  return sequence && strcmp(sequence, value) == 0;
}

static size_t next_char(const char *text, size_t len, size_t at) {
  at++;
  while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}

static pk_outline number_of(pk_matcher *matcher, const char *subject) {
  size_t start, end;
  if (!pk_match_group(matcher, "number", &start, &end)) return (pk_outline){-1, -1};
  return pk_outline_of(subject + start, end - start);
}

static bool late_letter(pk_matcher *matcher, const char *subject) {
  size_t start, end;
  return pk_match_group(matcher, "number", &start, &end) &&
         pk_outline_late_letter(subject + start, end - start);
}

bool pk_number_labelled(const pk_matcher *matcher, const char *subject) {
  size_t start, end;
  if (!pk_match_group(matcher, "number", &start, &end)) return false;
  for (size_t i = pk_match_start(matcher); i < start; i++)
    if ((subject[i] >= 'A' && subject[i] <= 'Z') || (subject[i] >= 'a' && subject[i] <= 'z'))
      return true;
  return false;
}

bool pk_number_worded(const pk_matcher *matcher, const char *subject) {
  size_t start, end, title_start, title_end;
  if (!pk_match_group(matcher, "number", &start, &end)) return false;
  /* A title printed before the number ("Title ... 3") ends in its own words. */
  if (pk_match_group(matcher, "title", &title_start, &title_end) && title_start < start)
    return false;
  size_t at = start, first = pk_match_start(matcher);
  while (at > first && (subject[at - 1] == ' ' || subject[at - 1] == '.')) at--;
  bool small = false;
  while (at > first && ((subject[at - 1] >= 'a' && subject[at - 1] <= 'z') ||
                        (subject[at - 1] >= 'A' && subject[at - 1] <= 'Z'))) {
    small = small || subject[at - 1] >= 'a';
    at--;
  }
  return small;
}

/* The minute of the day the slot group gives ("19.15", "9:30"), or -1. */
static long slot_minute(pk_matcher *matcher, const char *subject) {
  size_t start, end;
  if (!pk_match_group(matcher, "slot", &start, &end)) return -1;
  long hour = 0, minute = 0, *part = &hour;
  for (size_t i = start; i < end; i++) {
    if (subject[i] >= '0' && subject[i] <= '9') *part = *part * 10 + (subject[i] - '0');
    else part = &minute;
  }
  return hour < 24 && minute < 60 ? hour * 60 + minute : -1;
}

/* Whether candidate B follows A in a run: its number is the next, or its time slot later
 * (an agenda planned by the clock). */
static bool runs_on(const candidate *a, const candidate *b) {
  return pk_outline_follows(a->number, b->number) || (a->slot >= 0 && b->slot > a->slot) ||
         (a->repeated && b->repeated);
}

/* A title found inside a unit that reads as prose: a sentence ends in it (a word in lower
 * case, then a full stop).  Numbered lists in running text ("1. Overskud overføres til
 * næste år. 2. ...") give such titles; agenda items' titles are headings.  Nothing but the
 * next start ends such a title, so one that runs on past INLINE_TITLE_MAX bytes is a
 * contents list run together ("1. Godkendelse af dagsorden Budget 2011 Lokalplan ...").
 * Two labels in it ("1. Mødedato: Mødet påbegyndt: kl. 17:00") are a meeting's fields.
 * A full stop before a digit or a small letter is an abbreviation's ("pr. 31. juli", "kr.
 * 300"), not a sentence's end. */
static bool title_is_prose(const char *subject, size_t start, size_t end, bool own_line) {
  if (end - start > INLINE_TITLE_MAX) return true;
  while (end > start && (subject[end - 1] == ' ' || subject[end - 1] == '\t')) end--;
  unsigned labels = 0;
  for (size_t i = start + 1; i < end; i++) {
    unsigned char c = (unsigned char)subject[i];
    if (c == ':' && i + 1 < end && subject[i + 1] == ' ' && ++labels == 2) return true;
    if (c != '.' && c != '!' && c != '?') continue;
    bool capital_next = i + 1 < end && subject[i + 1] == ' ' &&
                        pk_utf8_starts_capital(subject + i + 2, end - i - 2);
    if (i + 1 < end && (own_line || !capital_next)) continue;
    unsigned char before = (unsigned char)subject[i - 1];
    if ((before >= 'a' && before <= 'z') || before >= 0x80) return true;
  }
  return false;
}

bool pk_title_is_prose(const char *text, size_t start, size_t end) {
  return title_is_prose(text, start, end, false);
}

/* Whether the match of the title SUBJECT[title_start, title_end) is a line of its own:
 * only blanks before MATCH_START on its line, and after the title to the line's end; or
 * a contents entry's dot leader after the title ends it.  A title line's sentence ends
 * are a title's parts ("Gribskov Kommune. Beskæftigelsesplan
 * 2014", "Lokalplan for Skovvej. Endelig vedtagelse"); only running text ends a title
 * at the next start, a sentence's stop inside it. */
static bool title_has_own_line(const char *subject, size_t len, size_t match_start,
                               size_t title_end) {
  while (title_end < len && (subject[title_end] == ' ' || subject[title_end] == '\t')) title_end++;
  if (pk_leader_at(subject, title_end, len))
    return true; /* a contents entry's dot leader ends the title as a line's end would */
  while (match_start > 0 && (subject[match_start - 1] == ' ' || subject[match_start - 1] == '\t'))
    match_start--;
  if (match_start > 0 && subject[match_start - 1] != '\n') return false;
  return title_end == len || subject[title_end] == '\n' || subject[title_end] == '\r';
}

/* Only where nothing but the next start ends a title: a rule that reads a line or a page
 * says in its own pattern where its title ends. */
bool pk_item_title_plausible(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                             size_t len) {
  size_t start, end;
  if (!pk_rule_inside_units(rule, true) || !pk_match_group(matcher, "title", &start, &end))
    return true;
  bool own_line = title_has_own_line(subject, len, pk_match_start(matcher), end);
  return !title_is_prose(subject, start, end, own_line);
}

/* Whether TEXT[start, end) is a section heading of the template's core alone, as an
 * outline numbers its own sections ("1. Resume", "3. Baggrund", "5. Økonomi"); a heading
 * of no particular kind ("Hvem skal modtage årets handicappris?" reads as one) is a
 * title as well.  The matcher keeps the last match. */
static const pk_rule *heading_line(pk_matcher *matcher, const pk_evidence *sections,
                                   const char *unit, size_t len, size_t *heading_end,
                                   const pk_scan *scan, size_t scan_at);

/* What a title is as a heading: none, a heading of no particular kind ("Sagsgang og
 * sagstype"), or one of a kind. */
typedef enum { TITLE_NO_HEADING = 1, TITLE_OTHER_HEADING, TITLE_KIND_HEADING } title_heading;

/* SCAN (NULL: none) is TEXT's, the window's. */
static title_heading title_as_heading(pk_matcher *matcher, const pk_evidence *evidence,
                                      const char *text, size_t start, size_t end,
                                      const pk_scan *scan) {
  while (end > start && (text[end - 1] == ':' || text[end - 1] == '.' || text[end - 1] == ' '))
    end--;
  if (end == start || end - start > HEADING_TITLE_MAX) return TITLE_NO_HEADING;
  size_t heading_end = 0;
  pk_matcher_hold(matcher);
  const pk_rule *heading =
      heading_line(matcher, evidence, text + start, end - start, &heading_end, scan, start);
  pk_matcher_restore(matcher);
  if (!heading || heading_end < end - start || strcmp(pk_rule_arg(heading), "absent") == 0)
    return TITLE_NO_HEADING;
  return strcmp(pk_rule_arg(heading), "other") == 0 ? TITLE_OTHER_HEADING : TITLE_KIND_HEADING;
}

/* The titles already asked whether they are headings, by their span in the window: the
 * proposals share most of their starts.  Open addressing; a full table asks again. */
enum { MEMO_SLOTS = 1024 };
typedef struct heading_memo {
  size_t start[MEMO_SLOTS], end[MEMO_SLOTS];
  unsigned char state[MEMO_SLOTS]; /* 0 empty, else a title_heading */
} heading_memo;

static title_heading memo_title_as_heading(heading_memo *memo, pk_matcher *matcher,
                                           const pk_evidence *evidence, const char *window,
                                           size_t start, size_t end, const pk_scan *scan) {
  size_t slot = (start * 31 + end) % MEMO_SLOTS;
  for (size_t probe = 0; memo && probe < MEMO_SLOTS; probe++, slot = (slot + 1) % MEMO_SLOTS) {
    if (memo->state[slot] == 0) {
      title_heading heading = title_as_heading(matcher, evidence, window, start, end, scan);
      memo->start[slot] = start, memo->end[slot] = end, memo->state[slot] = (unsigned char)heading;
      return heading;
    }
    if (memo->start[slot] == start && memo->end[slot] == end)
      return (title_heading)memo->state[slot];
  }
  return title_as_heading(matcher, evidence, window, start, end, scan);
}

/* Whether a start's title is a section heading and no item's: a heading of a kind
 * ("Resume", "3. Baggrund" as an outline numbers its sections); one of no particular kind
 * only where no number stands before it ("SAGSGANG OG SAGSTYPE" in capitals, read as a
 * title line, is the heading; "1. Bemærkninger til dagsordenen" and "37 Hvem skal modtage
 * årets handicappris?" are items), and not where a shape repeats: a school board's row
 * "Dagsorden" / "At godkende dagsorden." is a point.  A title line over its text repeating
 * (a heading of the lexicon over its section's first line, item after item) is a
 * template's headings, no points. */
static bool title_is_heading(heading_memo *memo, pk_matcher *matcher, const pk_evidence *evidence,
                             const char *window, const candidate *cand, const pk_scan *scan) {
  title_heading heading = memo_title_as_heading(memo, matcher, evidence, window,
                                                cand->title_start, cand->title_end, scan);
  return heading == TITLE_KIND_HEADING ||
         (heading == TITLE_OTHER_HEADING && cand->number.major < 0 && !cand->repeated);
}

/* Whether a rule of SET matches all of TEXT[start, end). */
static bool whole_match_of(pk_matcher *matcher, const pk_evidence *set, const char *text,
                           size_t start, size_t end) {
  for (size_t i = 0; set && i < set->count; i++)
    if (set->rules[i] && pk_rule_may_start(set->rules[i], text, end, start) &&
        pk_rule_may_hold_at(set->rules[i], text, end, start) &&
        pk_match(matcher, set->rules[i], text, end, start, true) == PK_MATCH_FOUND &&
        pk_match_end(matcher) == end)
      return true;
  return false;
}

/* Whether a start's title is a list's furniture: a contents list's heading
 * ("53Indholdsfortegnelse lukket møde": the last entry's page number glued to the next
 * list's heading), which the segmenter takes for no item's title, or a group's label
 * ("Åbne", "Efterretningssager" over the entries "Sag nr. 58: ..." read as case lines):
 * it explains nothing. */
static bool title_is_list_furniture(pk_matcher *matcher, const pk_decoding *how,
                                    const char *window, const candidate *cand) {
  /* The group rules read the line from its start, a letter before the label too ("A.
   * Sager til afgørelse i byrådet"). */
  size_t line_start = cand->start < cand->title_start ? cand->start : cand->title_start;
  while (line_start > 0 && (window[line_start - 1] == ' ' || window[line_start - 1] == '\t'))
    line_start--;
  pk_matcher_hold(matcher);
  bool found = whole_match_of(matcher, how->contents, window, cand->title_start, cand->title_end) ||
               whole_match_of(matcher, how->groups, window, line_start, cand->title_end);
  pk_matcher_restore(matcher);
  return found;
}

/* What scoring asks of each of a proposal's rules at every unit, read from its options
 * once per proposal: the options are strings, and a window has hundreds of units. */
typedef struct rule_traits {
  unsigned lines;
  bool anywhere, in_text, page_start, restart, increasing, repeated;
  bool dead; /* none of its literals stands in the window: it matches nowhere in it */
} rule_traits;

/* The traits of PROP's rules, and in *LIVE whether any of them may match in the window
 * HOW scanned. */
static rule_traits *traits_of(const pk_item_proposal *prop, const pk_decoding *how, bool *live) {
  rule_traits *traits = malloc((prop->count + 1) * sizeof *traits);
  *live = false;
  for (size_t i = 0; traits && i < prop->count; i++) {
    traits[i] = (rule_traits){.lines = pk_rule_lines(prop->rules[i]),
                              .anywhere = pk_rule_inside_units(prop->rules[i], how->run_together),
                              /* an at=text rule: the one that applies only so */
                              .in_text = !pk_rule_applies(prop->rules[i], false),
                              .page_start = pk_rule_at_page_start(prop->rules[i]),
                              .restart = has_sequence(prop->rules[i], "restart"),
                              .increasing = has_sequence(prop->rules[i], "increasing"),
                              .repeated = has_sequence(prop->rules[i], "repeated"),
                              .dead = !pk_rule_applies(prop->rules[i], how->run_together) ||
                                      !pk_scan_may_hold(how->scan, prop->rules[i], 0, how->len)};
    *live = *live || !traits[i].dead;
  }
  return traits;
}

/* Where the title UNIT[title_start, title_end) ends as an earlier candidate of LIST with
 * NUMBER gave it (its words open this one's, which runs on past them), else 0.  The list's
 * candidates are in the window (BASE is the unit's place there). */
static size_t listed_title_end(const cand_list *list, const char *unit, size_t base,
                               pk_outline number, size_t title_start, size_t title_end) {
  if (number.major < 0) return 0;
  const char *window = unit - base;
  for (size_t i = 0; i < list->count; i++) {
    const candidate *earlier = &list->items[i];
    size_t len = earlier->title_end - earlier->title_start;
    if (pk_outline_compare(earlier->number, number) != 0 || !len ||
        len >= title_end - title_start ||
        memcmp(window + earlier->title_start, unit + title_start, len) != 0 ||
        (unit[title_start + len] != ' ' && unit[title_start + len] != '\t'))
      continue;
    return title_start + len;
  }
  return 0;
}

static bool add_candidate(cand_list *list, pk_matcher *matcher, const rule_traits *traits,
                          const char *unit, size_t unit_len, size_t base, bool inside) {
  size_t title_start = 0, title_end = 0;
  bool titled = pk_match_group(matcher, "title", &title_start, &title_end);
  /* pk_item_title_plausible, with the rule's options at hand; a title that opens with an
   * earlier start's of its number (an agenda's overview, then the minutes run on as
   * sentences: "1. Godkendelse af dagsorden Dagsordenen blev godkendt.") is the listed
   * one's, however its sentence runs on. */
  pk_outline number = number_of(matcher, unit);
  size_t listed_end = titled ? listed_title_end(list, unit, base, number, title_start, title_end)
                             : 0;
  if (traits->anywhere && titled && !listed_end &&
      title_is_prose(unit, title_start, title_end,
                     title_has_own_line(unit, unit_len, pk_match_start(matcher), title_end)))
    return true;
  if (listed_end) title_end = listed_end;
  bool labelled = pk_number_labelled(matcher, unit);
  if (!pk_reserve((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items))
    return false;
  list->items[list->count++] = (candidate){
      .start = base + pk_match_start(matcher), .end = base + pk_match_end(matcher),
      .title_start = base + title_start, .title_end = base + title_end,
      .number = number, .slot = slot_minute(matcher, unit), .listed = listed_end > 0,
      .increasing = traits->increasing, .inside = inside, .in_text = traits->in_text,
      .repeated = traits->repeated, .restart = traits->restart,
      .late_letter = late_letter(matcher, unit), .labelled = labelled,
      .worded = pk_number_worded(matcher, unit)};
  return true;
}

/* What each rule found at the units it was tried at, kept for the proposals scored again
 * (widen's joined proposals, the chosen one explained): a rule tried again at a unit finds
 * what it found, as long as no match of the window's has hit the matcher's limits (then
 * the rules are tried again, as before). */
enum { TRIED_NOT = -1, TRIED_NONE = -2, TRIED_PROSE = -3 }; /* else a candidate's number */
typedef struct rule_tries {
  const pk_rule *rule;
  int32_t *start;         /* per unit: TRIED_* or the candidate the rule gave at its start */
  int32_t *inside_first;  /* per unit: TRIED_NOT, or the first of its candidates inside it */
  uint32_t *inside_count; /* per unit, where tried: how many */
  cand_list found;
} rule_tries;

typedef struct try_memo {
  rule_tries *rules;
  size_t count, cap;
  size_t units;
  unsigned long limit_events; /* the matcher's when the window's decoding began */
  pk_matcher *matcher;
  bool *opens_page; /* per unit: pk_start_opens_page, asked once (NULL: asked each time) */
  size_t body_at;    /* where a numbered line repeats one of a list above it, or the end */
  size_t case_at;    /* where the first heading of a case's text stands (case_heading_at) */
} try_memo;

/* The units (lines) of WINDOW, as propose counts them. */
static size_t count_units(const char *window, size_t len) {
  size_t units = 1;
  for (const char *at = window, *end = window + len; at < end; units++) {
    const char *newline = memchr(at, '\n', (size_t)(end - at));
    if (!newline) break;
    at = newline + 1;
  }
  return units;
}

/* Whether unit UNIT opens a page: from MEMO where it holds the answers. */
static bool unit_opens_page(const try_memo *memo, const pk_decoding *how, size_t unit) {
  if (memo && memo->opens_page && unit < memo->units) return memo->opens_page[unit];
  return how->start && pk_start_opens_page(how->start, unit);
}

static void note_pages(try_memo *memo, const pk_decoding *how) {
  memo->opens_page = malloc((memo->units + 1) * sizeof *memo->opens_page);
  for (size_t unit = 0; memo->opens_page && unit < memo->units; unit++)
    memo->opens_page[unit] = how->start && pk_start_opens_page(how->start, unit);
}

static void try_memo_free(try_memo *memo) {
  free(memo->opens_page);
  for (size_t i = 0; i < memo->count; i++) {
    free(memo->rules[i].start);
    free(memo->rules[i].inside_first);
    free(memo->rules[i].inside_count);
    free(memo->rules[i].found.items);
  }
  free(memo->rules);
}

/* Whether what MEMO holds is what the rules would find again. */
static bool memo_holds(const try_memo *memo) {
  return memo && pk_matcher_limit_events(memo->matcher) == memo->limit_events;
}

/* The number of RULE's tries in MEMO, made where it has none; -1 where there is no memory. */
static ptrdiff_t tries_of(try_memo *memo, const pk_rule *rule) {
  for (size_t i = 0; i < memo->count; i++)
    if (memo->rules[i].rule == rule) return (ptrdiff_t)i;
  if (!pk_reserve((void **)&memo->rules, &memo->cap, memo->count + 1, sizeof *memo->rules))
    return -1;
  rule_tries tries = {.rule = rule,
                      .start = malloc((memo->units + 1) * sizeof *tries.start),
                      .inside_first = malloc((memo->units + 1) * sizeof *tries.inside_first),
                      .inside_count = malloc((memo->units + 1) * sizeof *tries.inside_count)};
  if (!tries.start || !tries.inside_first || !tries.inside_count) {
    free(tries.start), free(tries.inside_first), free(tries.inside_count);
    return -1;
  }
  for (size_t u = 0; u <= memo->units; u++) tries.start[u] = tries.inside_first[u] = TRIED_NOT;
  memo->rules[memo->count] = tries;
  return (ptrdiff_t)memo->count++;
}

/* The tries of each of PROP's rules in MEMO (all NULL where the memo does not hold), in a
 * malloc'd array; NULL where there is no memory. */
static rule_tries **proposal_tries(try_memo *memo, const pk_item_proposal *prop) {
  rule_tries **tries = calloc(prop->count + 1, sizeof *tries);
  if (!tries || !memo_holds(memo)) return tries;
  ptrdiff_t *at = malloc((prop->count + 1) * sizeof *at);
  for (size_t i = 0; at && i < prop->count; i++) at[i] = tries_of(memo, prop->rules[i]);
  /* Pointers only once every rule has its place: adding one moves the others. */
  for (size_t i = 0; at && i < prop->count; i++) tries[i] = at[i] < 0 ? NULL : &memo->rules[at[i]];
  free(at);
  return tries;
}

/* Keeps CAND as one of what TRIES found; its number, or -1 where memory ran out. */
static int32_t keep_found(rule_tries *tries, const candidate *cand) {
  if (tries->found.count >= INT32_MAX ||
      !pk_reserve((void **)&tries->found.items, &tries->found.cap, tries->found.count + 1,
                  sizeof *tries->found.items))
    return -1;
  tries->found.items[tries->found.count] = *cand;
  return (int32_t)tries->found.count++;
}

static bool add_kept(cand_list *out, const candidate *cand) {
  if (!pk_reserve((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items))
    return false;
  out->items[out->count++] = *cand;
  return true;
}

static bool blank_line(const char *text, size_t start, size_t end) {
  for (size_t i = start; i < end; i++)
    if (text[i] != ' ' && text[i] != '\t') return false;
  return true;
}

/* The end of the LINES-th non-blank line of WINDOW from AT on (the line at AT counts
 * however it reads), looking at most PK_LOOKAHEAD_UNITS lines past it, as the segmenter
 * does; 0 when there are not that many. */
static size_t lookahead_end(const char *window, size_t len, size_t at, unsigned lines) {
  unsigned seen = 0;
  for (unsigned units = 0; at <= len && units <= PK_LOOKAHEAD_UNITS; units++) {
    const char *newline = memchr(window + at, '\n', len - at);
    size_t end = newline ? (size_t)(newline - window) : len;
    seen += units == 0 || !blank_line(window, at, end);
    if (seen == lines) return end;
    if (!newline) break;
    at = end + 1;
  }
  return 0;
}

/* The first one-line rule of the proposal matching at the unit's first non-blank
 * character, else the first rule that looks ahead (lines=N) and matches there. */
/* Whether RULE (TRAITS) matches at the unit's first non-blank character FROM: TRIED_NONE,
 * TRIED_PROSE (it does, with a title that is prose: no start), or the candidate's number in
 * TRIES (NULL: not kept; then it is added to OUT and 0 returned). */
static int32_t try_at_unit_start(const pk_rule *rule, const rule_traits *traits,
                                 pk_matcher *matcher, const pk_decoding *how, size_t at,
                                 size_t from, size_t subject_end, rule_tries *tries,
                                 cand_list *out, bool *ok) {
  const char *unit = how->window + at;
  /* Not tried where its first byte cannot stand there, or where none of its literals
   * stands in what it would read. */
  if (!subject_end || !pk_rule_may_start(rule, unit, subject_end - at, from) ||
      !pk_scan_may_hold(how->scan, rule, at + from, subject_end) ||
      pk_match(matcher, rule, unit, subject_end - at, from, true) != PK_MATCH_FOUND)
    return TRIED_NONE;
  size_t before = out->count;
  *ok = add_candidate(out, matcher, traits, unit, subject_end - at, at, false);
  if (!*ok || out->count == before) return TRIED_PROSE;
  if (!tries) return 0;
  int32_t kept = keep_found(tries, &out->items[before]);
  if (kept < 0) *ok = false;
  return kept;
}

static bool propose_at_unit_start(const pk_item_proposal *prop, const rule_traits *traits,
                                  pk_matcher *matcher, const pk_decoding *how, size_t at,
                                  size_t end, bool opens_page, size_t unit_index,
                                  rule_tries **all_tries, const try_memo *memo, cand_list *out) {
  const char *window = how->window;
  size_t len = how->len, from = 0;
  const char *unit = window + at;
  while (at + from < end && (unit[from] == ' ' || unit[from] == '\t')) from++;
  if (at + from == end) return true;
  for (int ahead = 0; ahead < 2; ahead++) {
    for (size_t i = 0; i < prop->count; i++) {
      const pk_rule *rule = prop->rules[i];
      unsigned lines = traits[i].lines;
      if (traits[i].dead || traits[i].restart || (lines > 1) != (ahead == 1) ||
          (!opens_page && traits[i].page_start))
        continue;
      rule_tries *tries = memo_holds(memo) ? all_tries[i] : NULL;
      int32_t got = tries ? tries->start[unit_index] : TRIED_NOT;
      if (got == TRIED_NOT) {
        size_t subject_end = lines > 1 ? lookahead_end(window, len, at, lines) : end;
        bool ok = true;
        got = try_at_unit_start(rule, &traits[i], matcher, how, at, from, subject_end, tries, out,
                                &ok);
        if (!ok) return false;
        if (tries && memo_holds(memo)) tries->start[unit_index] = got;
        if (got != TRIED_NONE) return true; /* added to OUT where it is a start */
      } else if (got != TRIED_NONE) {
        return got == TRIED_PROSE || add_kept(out, &tries->found.items[got]);
      }
    }
  }
  return true;
}

/* Every start an at=anywhere rule (an at=text rule in text run into one line) finds inside
 * the unit, after its first character. */
static bool propose_inside_unit(const pk_item_proposal *prop, const rule_traits *traits,
                                pk_matcher *matcher, const pk_decoding *how, const char *unit,
                                size_t len, size_t base, size_t unit_index,
                                rule_tries **all_tries, const try_memo *memo, bool entry,
                                cand_list *out) {
  /* Items run together inside a unit are a transcript's: its page is one long line (or
   * a short page of its own).  In the short lines of a web page a number inside a line
   * is a list's or a table's, but for a start that restarts a contents list glued to its
   * last entry ("... - Lukket punkt18. Godkendelse af dagsorden"), on a line that opens
   * with a start itself (ENTRY). */
  bool short_unit = len < INLINE_UNIT_MIN && !how->pages;
  if (short_unit && !entry) return true;
  for (size_t i = 0; i < prop->count; i++) {
    const pk_rule *rule = prop->rules[i];
    if (traits[i].dead || !traits[i].anywhere || (short_unit && !traits[i].restart) ||
        traits[i].lines > 1)
      continue;
    rule_tries *tries = memo_holds(memo) ? all_tries[i] : NULL;
    if (tries && tries->inside_first[unit_index] != TRIED_NOT) {
      /* None found there: no candidate to point at (the list may hold none at all). */
      uint32_t found = tries->inside_count[unit_index];
      const candidate *kept = found ? &tries->found.items[tries->inside_first[unit_index]] : NULL;
      for (uint32_t k = 0; k < found; k++)
        if (!add_kept(out, &kept[k])) return false;
      continue;
    }
    size_t before = out->count;
    for (size_t from = len ? next_char(unit, len, 0) : 0; from < len;) {
      if (!pk_scan_may_hold(how->scan, rule, base + from, base + len) ||
          pk_match(matcher, rule, unit, len, from, false) != PK_MATCH_FOUND)
        break;
      if (!add_candidate(out, matcher, &traits[i], unit, len, base, true)) return false;
      from = next_char(unit, len, pk_match_start(matcher));
    }
    /* Kept only while the memo still holds (no match stopped by the limits meanwhile). */
    if (tries && memo_holds(memo)) {
      tries->inside_first[unit_index] = (int32_t)tries->found.count;
      tries->inside_count[unit_index] = (uint32_t)(out->count - before);
      for (size_t k = before; k < out->count; k++)
        if (keep_found(tries, &out->items[k]) < 0) return false;
    }
  }
  return true;
}

static int compare_candidates(const void *a, const void *b) {
  const candidate *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

static bool propose(const pk_item_proposal *prop, pk_matcher *matcher, const pk_decoding *how,
                    try_memo *memo, cand_list *out) {
  const char *window = how->window;
  size_t len = how->len;
  bool live;
  rule_traits *traits = traits_of(prop, how, &live);
  rule_tries **tries = proposal_tries(memo, prop);
  bool ok = traits != NULL && tries != NULL;
  /* A proposal none of whose rules may match is not walked unit by unit. */
  for (size_t at = 0, unit = 0; ok && live && at < len; unit++) {
    const char *newline = memchr(window + at, '\n', len - at);
    size_t end = newline ? (size_t)(newline - window) : len;
    bool opens_page = unit_opens_page(memo, how, unit);
    size_t before = out->count;
    ok = propose_at_unit_start(prop, traits, matcher, how, at, end, opens_page, unit, tries, memo,
                               out) &&
         propose_inside_unit(prop, traits, matcher, how, window + at, end - at, at, unit, tries,
                             memo, out->count > before, out);
    at = end + 1;
  }
  free(traits);
  free(tries);
  if (ok && out->count) qsort(out->items, out->count, sizeof *out->items, compare_candidates);
  return ok;
}

static bool blank_between(const char *window, size_t start, size_t end) {
  for (size_t i = start; i < end; i++)
    if (window[i] != ' ' && window[i] != '\t' && window[i] != '\n' && window[i] != '\r') return false;
  return true;
}

enum { LEADER_REACH = 160 }; /* bytes from an entry's start to its dot leader */

/* Whether a dot leader and a page number stand within LEADER_REACH bytes of text after
 * START (white space not counted): the start is a contents entry whose title a line or a
 * page's end broke ("9 (Åben) Kommissorium for" / "opgaveudvalg om Ungepolitik
 * ..........16"). */
static bool leader_follows(const char *text, size_t start, size_t end) {
  for (size_t at = start, reach = 0; at < end && reach < LEADER_REACH; at++) {
    if (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r') continue;
    reach++;
    size_t leader = pk_leader_at(text, at, end);
    if (!leader) continue;
    if (pk_page_number_at(text, at + leader, end)) return true;
    at += leader - 1;
  }
  return false;
}

bool pk_only_page_numbers(const char *text, size_t start, size_t end) {
  size_t digits = 0, leader;
  for (size_t i = start; i < end; i++) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 4) return false;
    } else if (c == '\n') {
      digits = 0;
    } else if ((leader = pk_leader_at(text, i, end)) > 0) {
      i += leader - 1;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return true;
}

/* The length of TITLE without the blanks and the dash, colon or full stop at its end. */
static size_t trim_title_end(const char *title, size_t len) {
  while (len && (title[len - 1] == ' ' || title[len - 1] == '\t' || title[len - 1] == '-' ||
                 title[len - 1] == ':' || title[len - 1] == '.'))
    len--;
  return len;
}

/* A contents entry's dot leader and page number are no part of its title ("Godkendelse
 * af dagsorden... 3", "Meddelelser ........ side 1"). */
static size_t title_core(const char *title, size_t len) {
  size_t number = pk_page_number_start(title, 0, len);
  size_t dots = number;
  while (number < len && dots && title[dots - 1] == ' ') dots--;
  size_t leader = dots;
  while (leader && title[leader - 1] == '.') leader--;
  if (number < len && dots - leader >= 2) len = leader;
  return trim_title_end(title, len);
}

/* The byte at TEXT[I] in lower case: ASCII letters, and Latin-1's capitals in UTF-8's
 * second byte after 0xC3 (Æ Ø Å and the rest; not the multiplication sign). */
static unsigned char folded(const char *text, size_t i) {
  unsigned char c = (unsigned char)text[i];
  if (c >= 'A' && c <= 'Z') return (unsigned char)(c + 32);
  if (i > 0 && (unsigned char)text[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
    return (unsigned char)(c + 0x20);
  return c;
}

/* The length of the common start of A and B, case folded. */
static size_t common_start(const char *a, size_t a_len, const char *b, size_t b_len) {
  size_t n = 0;
  while (n < a_len && n < b_len && folded(a, n) == folded(b, n)) n++;
  return n;
}

/* Bytes of TEXT[0, LEN) up to the end of its WORDS-th word (LEN if fewer). */
static size_t first_words(const char *text, size_t len, unsigned words) {
  for (size_t i = 0; i < len; i++)
    if (text[i] == ' ' && i > 0 && text[i - 1] != ' ' && --words == 0) return i;
  return len;
}

/* Whether TEXT[0, len) is blanks and a page number of one to three digits: a contents
 * entry's page ("Indledning 2") where no dot leader stands before it. */
static bool only_page_number(const char *text, size_t len) {
  size_t at = 0;
  while (at < len && (text[at] == ' ' || text[at] == '\t')) at++;
  size_t digits = at;
  while (at < len && text[at] >= '0' && text[at] <= '9') at++;
  return at == len && at > digits && at - digits <= 3;
}

bool pk_titles_agree(const char *a, size_t a_len, const char *b, size_t b_len) {
  a_len = title_core(a, a_len), b_len = title_core(b, b_len);
  if (a_len > b_len) {
    const char *t = a;
    size_t t_len = a_len;
    a = b, a_len = b_len, b = t, b_len = t_len;
  }
  size_t common = common_start(a, a_len, b, b_len);
  if (!a_len) return false;
  if (common == a_len)
    return a_len == b_len ||
           ((b[a_len] == ' ' || b[a_len] == '\t') &&
            (a_len >= TITLE_PREFIX_MIN || only_page_number(b + a_len, b_len - a_len)));
  /* A title printed in capitals once and in sentence case once agrees in its opening
   * words, whatever a line end did to the rest ("MØDEPLAN 2010 FOR FORRETNINGSUDVALGET OG
   * REGIONSRÅ- DET" and "Mødeplan 2010 for forretningsudvalget og regionsrådet"). */
  size_t opening = first_words(a, a_len, TITLE_OPENING_WORDS);
  return opening < a_len && opening >= TITLE_PREFIX_MIN && common >= opening &&
         memcmp(a, b, opening) != 0;
}

static bool same_title(const char *window, const candidate *a, const candidate *b) {
  return pk_titles_agree(window + a->title_start, a->title_end - a->title_start,
                         window + b->title_start, b->title_end - b->title_start);
}

/* Whether WINDOW[start, end) is a contents list's furniture between two entries: page
 * numbers and dot leaders (pk_only_page_numbers), or lines that are a group's label
 * ("Efterretningssager") or a contents heading, a page number glued before it
 * ("53Indholdsfortegnelse lukket møde": the open list's last page, then the closed list). */
static bool contents_furniture(pk_matcher *matcher, const pk_decoding *how, const char *window,
                               size_t start, size_t end) {
  while (start < end) {
    const char *newline = memchr(window + start, '\n', end - start);
    size_t line_end = newline ? (size_t)(newline - window) : end, from = start, stop = line_end;
    pk_trim_span(window, &from, &stop);
    while (from < stop && stop - from > 1 && window[from] >= '0' && window[from] <= '9') from++;
    bool furniture = pk_only_page_numbers(window, start, line_end) ||
                     whole_match_of(matcher, how->contents, window, from, stop) ||
                     whole_match_of(matcher, how->groups, window, start, stop);
    if (!furniture) return false;
    start = line_end + 1;
  }
  return true;
}

/* Whether the first line with text in WINDOW[start, end) is a page number alone (or a dot
 * leader and one): after entries of a contents list, the list's last entry, whatever text
 * follows the list ("18." / "Salg af grund (Lukket punkt)" / "52", then the body). */
static bool page_number_first(const char *window, size_t start, size_t end) {
  while (start < end && (window[start] == ' ' || window[start] == '\t' || window[start] == '\n' ||
                         window[start] == '\r'))
    start++;
  const char *newline = start < end ? memchr(window + start, '\n', end - start) : NULL;
  size_t line_end = newline ? (size_t)(newline - window) : end;
  return start < line_end && pk_only_page_numbers(window, start, line_end);
}

enum { LAST_ENTRY_AFTER = 2 }; /* entries before a contents list's last one */

/* ---- where the body restarts a list above it ---------------------------------------------- */

enum { LISTED_SLOTS = 512, LISTED_KEY_MAX = 80 };

/* The hash of a numbered line's number and words, LINE[0, LEN) with its blanks: the
 * number and its stop, the words up to a dot leader or LISTED_KEY_MAX bytes, blanks
 * collapsed and case folded (ASCII); 0 where the line opens with no number. */
static unsigned long long numbered_line_key(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  size_t digits = at;
  while (at < len && at - digits < 4 && line[at] >= '0' && line[at] <= '9') at++;
  if (at == digits || at - digits > 3) return 0;
  unsigned long long hash = PK_FNV_BASIS;
  for (size_t i = digits; i < at; i++) hash = pk_fnv_step(hash, (unsigned char)line[i]);
  while (at < len && (line[at] == '.' || line[at] == ')' || line[at] == ':' || line[at] == ' ' ||
                      line[at] == '\t'))
    at++;
  size_t words = 0;
  bool blank = false;
  for (; at < len && words < LISTED_KEY_MAX; at++) {
    char c = line[at];
    if (pk_leader_at(line, at, len)) break;
    if (c == ' ' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank) hash = pk_fnv_step(hash, ' ');
    blank = false;
    hash = pk_fnv_step(hash, (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
    words++;
  }
  return words >= 3 ? hash | 1 : 0;
}

/* Where in WINDOW[0, len) a numbered line repeats the number and words of one at least two
 * lines above it ("1. Godkendelse af dagsorden", listed, then the item): the body restarts
 * a contents list there, whichever item rule reads either line; LEN where none does. */
static size_t body_restart(const char *window, size_t len) {
  unsigned long long keys[LISTED_SLOTS] = {0};
  size_t lines_at[LISTED_SLOTS];
  size_t line_number = 0;
  for (size_t at = 0; at < len; line_number++) {
    const char *newline = memchr(window + at, '\n', len - at);
    size_t end = newline ? (size_t)(newline - window) : len;
    unsigned long long key = numbered_line_key(window + at, end - at);
    for (size_t slot = key % LISTED_SLOTS, probe = 0; key && probe < LISTED_SLOTS;
         probe++, slot = (slot + 1) % LISTED_SLOTS) {
      if (!keys[slot]) {
        keys[slot] = key, lines_at[slot] = line_number;
        break;
      }
      if (keys[slot] == key) {
        if (line_number >= lines_at[slot] + 2) return at;
        break;
      }
    }
    at = end + 1;
  }
  return len;
}

/* Where the text after CAND ends: at NEXT, the next start, or at BODY_AT where the body
 * restarts a list between the two (a list's entry, its last one too, has no text past it). */
static size_t stop_at_restart(const candidate *cand, size_t next, size_t body_at) {
  return cand->end < body_at && next > body_at ? body_at : next;
}

/* A numbered list inside an item: the number its next entry has (0: none), whether its
 * numbers stand after a word, and where its last entry ended. */
typedef struct inner_list {
  long next;
  bool labelled;
  size_t last_end;
} inner_list;

/* Whether an evidence position lies in [start, end). */
static bool evidence_in(const positions *ev, size_t start, size_t end) {
  size_t low = 0, high = ev->count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (ev->at[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < ev->count && ev->at[low] < end;
}

/* Whether item matter (a case field, a section heading) opens the first line with text
 * after the line of WINDOW[0, len) that holds END. */
static bool matter_on_next_line(const positions *ev, const char *window, size_t len, size_t end) {
  const char *newline = end < len ? memchr(window + end, '\n', len - end) : NULL;
  size_t at = newline ? (size_t)(newline - window) + 1 : len;
  while (at < len && (window[at] == ' ' || window[at] == '\t' || window[at] == '\n' ||
                      window[at] == '\r'))
    at++;
  newline = at < len ? memchr(window + at, '\n', len - at) : NULL;
  return at < len && evidence_in(ev, at, newline ? (size_t)(newline - window) : len);
}

/* Whether CAND's number rises above the item before it, PREVIOUS, as the next item's: not
 * where it falls (a list inside the item opens: "1. Trafiksikkerhed" under item 1), and
 * not where it goes on such a list ("2. Cykelstier", "3. Parkering" rise above item 1 but
 * are the list's), as the segmenter reads them, until item matter ends the list or opens
 * the line after CAND (its case fields: the item after the list). */
static bool rises(inner_list *list, const candidate *cand, pk_outline previous,
                  const positions *ev, const char *window, size_t len) {
  pk_outline place = cand->number;
  bool goes_on = list->next > 0 && place.major == list->next && place.minor < 0 &&
                 cand->labelled == list->labelled &&
                 !evidence_in(ev, list->last_end, cand->start) &&
                 !matter_on_next_line(ev, window, len, cand->end);
  bool falls = pk_outline_compare(place, previous) <= 0 || pk_outline_point_of(previous, place) ||
               (cand->inside && place.major > previous.major + PK_INLINE_GAP_MAX);
  if (!goes_on && !falls) return true;
  if (!goes_on) list->labelled = cand->labelled;
  list->next = place.major + 1;
  list->last_end = cand->end;
  return false;
}

/* Where the next start after CANDS[I]'s place is (LEN if none): two rules may start at one
 * place, and the text after a start runs to the next place, not to its twin. */
static size_t next_place(const candidate *cands, size_t count, size_t i, size_t len) {
  size_t j = i + 1;
  while (j < count && cands[j].start == cands[i].start) j++;
  return j < count ? cands[j].start : len;
}

/* Keeps the starts the segmenter would keep, in place; returns how many.  A start that
 * repeats the first one's number and title restarts a contents list: what was kept
 * before it was the list.  A start with only a contents list's furniture after it, or its
 * dot leader near, before any start with text is an entry of the list: its number does
 * not count; so is one whose page number comes first after it, after entries. */
static size_t keep_in_sequence(candidate *cands, size_t count, const char *window, size_t len,
                               pk_matcher *matcher, const pk_decoding *how, size_t body_at,
                               const positions *ev) {
  pk_outline previous = {-1, -1};
  bool previous_worded = false;
  inner_list list = {0};
  bool text_seen = false, restarted = false;
  size_t kept = 0, last_start = (size_t)-1, last_end = 0, entries = 0;
  candidate first = {0};
  bool have_first = false;
  for (size_t i = 0; i < count; i++) {
    candidate *cand = &cands[i];
    bool restarts = have_first && !restarted && cand->number.major >= 0 &&
                    pk_outline_compare(cand->number, first.number) == 0 &&
                    same_title(window, cand, &first);
    /* One start per place, none inside the match of the one before, but for the body's
     * first item glued to the list's last entry. */
    if (cand->start == last_start || (cand->start < last_end && !(restarts && cand->restart)))
      continue;
    if (restarts) {
      restarted = true;
      kept = 0;
      previous = (pk_outline){-1, -1};
    } else if (cand->restart) {
      continue; /* its rule starts an item only where the list restarts */
    }
    if (!have_first) first = *cand, have_first = true;
    /* A lettered list opens at A, B or C: "P. Lauridsen" first is a name's initial. */
    if (cand->increasing && cand->late_letter && previous.major < 0) continue;
    size_t next = stop_at_restart(cand, next_place(cands, count, i, len), body_at);
    if (cand->increasing && !pk_outline_wide_in_place(previous, cand->number, cand->labelled))
      continue;
    if (cand->increasing &&
        pk_outline_leaps(previous, cand->number, previous_worded, !cand->labelled))
      continue;
    if (cand->increasing && cand->number.major >= 0 && previous.major >= 0 &&
        !rises(&list, cand, previous, ev, window, len))
      continue;
    size_t stop = next > cand->end ? next : cand->end;
    bool entry = !text_seen && (leader_follows(window, cand->end, stop) ||
                                contents_furniture(matcher, how, window, cand->end, stop) ||
                                (entries >= LAST_ENTRY_AFTER &&
                                 page_number_first(window, cand->end, stop)));
    entries += entry;
    last_start = cand->start;
    last_end = cand->end;
    if (entry) continue; /* a contents entry: its number does not count */
    text_seen = true;
    if (cand->number.major >= 0) previous = cand->number, previous_worded = cand->worded;
    list.next = 0;
    cands[kept++] = *cand;
  }
  return kept;
}

/* Whether a line of text stands between the end of a start's match and the next start,
 * or text follows the match on its own line (a table's row: "2.<TAB>Title<TAB>Text"):
 * an item says something; an entry of a list in the text is one line. */
static bool has_text_line(const char *window, size_t end, size_t next) {
  const char *own_end = end < next ? memchr(window + end, '\n', next - end) : NULL;
  if (!blank_between(window, end, own_end ? (size_t)(own_end - window) : next)) return true;
  size_t line_of_next = next;
  while (line_of_next > end && window[line_of_next - 1] != '\n') line_of_next--;
  const char *newline = end < line_of_next ? memchr(window + end, '\n', line_of_next - end) : NULL;
  return newline && !pk_only_page_numbers(window, (size_t)(newline - window), line_of_next);
}

enum { INLINE_TEXT_MIN = 12 }; /* bytes of text after an item run together with the next */

/* Whether text follows the start CAND before NEXT: a line of its own (has_text_line), or,
 * for a start an at=text rule found inside its unit, a sentence on the same line ("2. Valg
 * af referent. Jørgen er referent." then "3. ..."), where an agenda overview run together
 * has its next title. */
static bool text_follows(const char *window, const candidate *cand, size_t next) {
  if (has_text_line(window, cand->end, next)) return true;
  if (!cand->in_text || !cand->inside || next <= cand->end ||
      memchr(window + cand->end, '\n', next - cand->end))
    return false;
  size_t letters = 0;
  bool small = false;
  for (size_t at = cand->end; at < next; at++) {
    letters += window[at] != ' ' && window[at] != '\t';
    small = small || (window[at] >= 'a' && window[at] <= 'z');
  }
  return small && letters >= INLINE_TEXT_MIN;
}

/* Starts in a run of at least RUN_MIN numbers rising by one (or time slots), each with a
 * line of text after it: minutes whose items hold plain text ("3. Godkendelse af dagsorden." then
 * "Godkendt med disse tilføjelser: ...") show no headings, but their numbering.  A run of
 * RUN_WHOLE_MIN counts where it is every start the proposal has and no item matter (a
 * heading, a case field) stands before it: a short meeting, or a page's first part, shows
 * items 1 and 2 only; two entries of a list inside an item come with the list's further
 * entries, or after the item's own title and headings. */
static void mark_runs(const candidate *cands, size_t kept, const char *window, size_t len,
                      const positions *ev, size_t case_at, bool *in_run) {
  bool matter_before = kept && ev->count && ev->at[0] < cands[0].start;
  /* Under a case's heading with its text, above every start (the background's heading,
   * then "1. ...", "2. ...", "3. ..."), numbers that run on are the case's own outline: an
   * item started above them, which these rules do not read. */
  bool under_case = kept && case_at < cands[0].start;
  for (size_t i = 0; i < kept;) {
    size_t j = i;
    while (j + 1 < kept && runs_on(&cands[j], &cands[j + 1]) &&
           text_follows(window, &cands[j], cands[j + 1].start))
      j++;
    /* The window's last start with nothing after it: the text goes on past the window,
     * or was cut off there (a page's first kilobytes ending in an item's title). */
    bool last_ok = text_follows(window, &cands[j], j + 1 < kept ? cands[j + 1].start : len) ||
                   (j + 1 == kept && j > i && blank_between(window, cands[j].end, len));
    size_t run = j - i + (last_ok ? 1 : 0);
    size_t run_min = i == 0 && j + 1 == kept && !matter_before ? RUN_WHOLE_MIN : RUN_MIN;
    bool counts = run >= run_min && !(i == 0 && under_case);
    for (size_t k = i; k <= j; k++) in_run[k] = counts && (k < j || last_ok);
    i = j + 1;
  }
}

/* One kept start and why it counts, for --explain. */
static void trace_start(FILE *trace, const char *window, const candidate *cand, const char *why) {
  if (!trace) return;
  size_t title_len = cand->title_end - cand->title_start;
  pk_explain_note(trace, "  start at offset %zu%s: \"%.*s\": %s", pk_utf8_count(window, cand->start),
                  cand->inside ? " (inside its unit)" : "", (int)(title_len > 80 ? 80 : title_len),
                  window + cand->title_start, why);
}

/* Scores PROP over the window; TRACE (NULL: none) receives each kept start and why it
 * counts. */
static bool score_proposal(pk_item_proposal *prop, pk_matcher *matcher, const pk_decoding *how,
                           const positions *ev, heading_memo *memo, try_memo *tries, FILE *trace) {
  const char *window = how->window;
  size_t len = how->len;
  cand_list cands = {0};
  bool *in_run = NULL;
  bool ok = propose(prop, matcher, how, tries, &cands);
  pk_matcher_hold(matcher);
  size_t kept = ok ? keep_in_sequence(cands.items, cands.count, window, len, matcher, how,
                                      tries->body_at, ev) : 0;
  pk_matcher_restore(matcher);
  if (ok && kept) ok = (in_run = calloc(kept, sizeof *in_run)) != NULL;
  if (ok && kept) mark_runs(cands.items, kept, window, len, ev, tries->case_at, in_run);
  prop->explained = prop->matter = prop->unexplained = prop->titled = prop->inside = 0;
  free(prop->starts);
  prop->starts = kept ? malloc(kept * sizeof *prop->starts) : NULL;
  if (kept && !prop->starts) ok = false;
  prop->start_count = ok ? kept : 0;
  for (size_t i = 0; ok && i < kept; i++) {
    size_t next = stop_at_restart(&cands.items[i], i + 1 < kept ? cands.items[i + 1].start : len,
                                  tries->body_at);
    prop->starts[i] = cands.items[i].start;
    /* Item matter after the title: a heading in the title ("5. Økonomi") is the title's.
     * A start whose title is a section heading numbers the sections of an item's own
     * outline, or of a report: it explains nothing. */
    const candidate *cand = &cands.items[i];
    size_t after = cand->title_end > cand->title_start ? cand->title_end : cand->start;
    bool matter = evidence_in(ev, after, next);
    /* Numbers run on in an agenda overview run together too ("Dagsorden: 1. Velkomst 2.
     * ..."), and an item's numbered points inside a page: inside a unit only item matter
     * explains a start, or, for an at=text rule's (items run on as sentences), a run where
     * a sentence follows each start (text_follows). */
    bool run = in_run[i] && (!cand->inside || cand->in_text);
    /* A start the agenda's overview above lists, with its sentence after it. */
    bool listed = cand->listed && cand->title_end < next &&
                  !blank_between(window, cand->title_end, next);
    bool explains = matter || run || listed;
    if (explains && cand->title_end > cand->title_start &&
        (title_is_heading(memo, matcher, how->evidence, window, cand, how->scan) ||
         (!cand->repeated && title_is_list_furniture(matcher, how, window, cand))))
      explains = matter = false;
    prop->matter += matter;
    trace_start(trace, window, cand,
                matter ? "item matter follows it"
                : listed && !run ? "a list above it names it, and its text follows"
                : explains ? "in a numbered run"
                : (evidence_in(ev, after, next) || run)
                    ? "its title is a heading (of a section or of the contents): explains nothing"
                    : "nothing explains it");
    if (explains)
      prop->explained++;
    else prop->unexplained++;
    prop->titled += cands.items[i].title_end > cands.items[i].title_start;
    prop->inside += cands.items[i].inside;
  }
  free(in_run);
  free(cands.items);
  return ok;
}

static int compare_positions(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Decision headings say the text records a meeting, whatever its title says; one alone
 * may be a word in a statute's sentence ("Beslutning: Udvalgene kan ikke ..."). */
static bool is_decision_heading(const pk_rule *rule) {
  return pk_rule_is(rule, "section") && strcmp(pk_rule_arg(rule), "decision") == 0;
}

/* A section heading found in the window, for the template of headings. */
typedef struct heading_found {
  size_t at, end;      /* the heading */
  size_t order;        /* its rule's place among the evidence rules */
  const pk_rule *rule;
} heading_found;

typedef struct headings_found {
  heading_found *items;
  size_t count, cap;
} headings_found;

static int compare_headings(const void *a, const void *b) {
  const heading_found *x = a, *y = b;
  if (x->at != y->at) return x->at < y->at ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

void pk_window_matches_free(pk_window_matches *found, size_t count) {
  for (size_t i = 0; found && i < count; i++) free(found[i].items);
  free(found);
}

void pk_window_match_of(pk_matcher *matcher, pk_window_match *match) {
  *match = (pk_window_match){.start = pk_match_start(matcher), .end = pk_match_end(matcher)};
  match->heading_start = match->start;
  match->heading_end = match->end;
  pk_match_group(matcher, "heading", &match->heading_start, &match->heading_end);
  match->has_body = pk_match_group(matcher, "body", &match->body_start, &match->body_end);
  match->has_date = pk_match_group(matcher, "date", &match->date_start, &match->date_end);
}

static bool keep_match(pk_window_matches *found, const pk_window_match *match) {
  if (!pk_reserve((void **)&found->items, &found->cap, found->count + 1, sizeof *found->items))
    return false;
  found->items[found->count++] = *match;
  return true;
}

/* Every evidence match in the window, once: its place (OUT, sorted), and the section
 * headings among them (HEADINGS, sorted by place, then rule order); each rule's matches
 * in FOUND[i] too, where FOUND is not NULL.  SCAN (NULL: none) is the window's. */
static bool find_evidence(const pk_evidence *evidence, pk_matcher *matcher, const pk_scan *scan,
                          const char *window, size_t len, positions *out,
                          headings_found *headings, size_t *decisions, pk_window_matches *found) {
  for (size_t i = 0; i < evidence->count; i++) {
    const pk_rule *rule = evidence->rules[i];
    if (!rule) continue;
    bool section = pk_rule_is(rule, "section");
    pk_match_result result = PK_MATCH_NONE;
    for (size_t from = 0; from < len;) {
      result = scan ? pk_match_scanned(matcher, rule, scan, from)
                    : pk_match(matcher, rule, window, len, from, false);
      if (result != PK_MATCH_FOUND) break;
      *decisions += is_decision_heading(rule);
      pk_window_match match;
      pk_window_match_of(matcher, &match);
      size_t start = match.heading_start, end = match.end, heading_end = match.heading_end;
      if (found && !keep_match(&found[i], &match)) return false;
      if (!pk_reserve((void **)&out->at, &out->cap, out->count + 1, sizeof *out->at)) return false;
      out->at[out->count++] = start;
      if (section) {
        if (!pk_reserve((void **)&headings->items, &headings->cap, headings->count + 1,
                        sizeof *headings->items))
          return false;
        headings->items[headings->count++] = (heading_found){start, heading_end, i, rule};
      }
      from = end > from ? end : next_char(window, len, from);
    }
    if (found) found[i].complete = result != PK_MATCH_LIMIT;
  }
  if (out->count) qsort(out->at, out->count, sizeof *out->at, compare_positions);
  if (headings->count)
    qsort(headings->items, headings->count, sizeof *headings->items, compare_headings);
  return true;
}

/* Whether a letter stands in WINDOW[start, end). */
static bool has_letter(const char *window, size_t start, size_t end) {
  for (size_t at = start; at < end; at++) {
    unsigned char c = (unsigned char)window[at];
    if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  }
  return false;
}

/* The decision headings with a word after them before the next piece of evidence: the
 * decisions the window records. */
static size_t decided_headings(const headings_found *headings, const positions *ev,
                               const char *window, size_t len) {
  size_t decided = 0;
  for (size_t i = 0; i < headings->count; i++) {
    const heading_found *h = &headings->items[i];
    if (!is_decision_heading(h->rule)) continue;
    size_t next = len;
    for (size_t k = 0; k < ev->count; k++)
      if (ev->at[k] >= h->end && ev->at[k] < next) next = ev->at[k];
    decided += has_letter(window, h->end, next);
  }
  return decided;
}

/* The item rules of PROFILE alone ("" : the layout-independent ones, each on its own). */
static bool profile_rules(const pk_rules *rules, const char *profile, pk_item_proposal *prop) {
  size_t count;
  const pk_rule **all = pk_rules_select(rules, "item", profile, &count);
  if (!all) return false;
  size_t kept = 0;
  for (size_t i = 0; i < count; i++)
    if (strcmp(pk_rule_profile(all[i]), profile) == 0) all[kept++] = all[i];
  *prop = (pk_item_proposal){.rules = all, .count = kept, .label = profile};
  return true;
}

/* A proposal displaces the best so far by explaining more starts; at as many, unless the
 * best so far is the chosen profile's (which wins ties: its detect rules said so, or it is
 * the fallback, the default reading), by leaving fewer unexplained, then by giving more
 * of its starts a title. */
static bool better(const pk_item_proposal *a, const pk_item_proposal *b, bool b_detected) {
  if (a->explained != b->explained) return a->explained > b->explained;
  if (b_detected) return false;
  if (a->unexplained != b->unexplained) return a->unexplained < b->unexplained;
  return a->titled > b->titled;
}

static void explain_score(FILE *explain, const pk_item_proposal *prop) {
  pk_explain_note(explain,
                  "item rules %s: %zu starts followed by item matter, %zu more in a numbered "
                  "run, %zu without",
                  prop->label, prop->matter, prop->explained - prop->matter, prop->unexplained);
}

/* ---- the template of headings ------------------------------------------------------------ */

const char PK_TEMPLATE_PROPOSAL[] = "heading-template";

static bool kind_is(const char *kind, const char *name) { return strcmp(kind, name) == 0; }

static bool opens_a_case(const char *kind) {
  return kind_is(kind, "summary") || kind_is(kind, "background") || kind_is(kind, "recommendation");
}

/* The heading's words, case folded (ASCII) and without the colon or full stop after them,
 * hashed (FNV-1a). */
static unsigned long long heading_hash(const char *text, size_t len) {
  while (len && (text[len - 1] == ':' || text[len - 1] == '.' || text[len - 1] == ' ')) len--;
  unsigned long long hash = PK_FNV_BASIS;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    hash = pk_fnv_step(hash, c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return hash;
}

bool pk_template_asks_title(const pk_template *tpl, const char *kind) {
  /* The attachments and the absent follow an item's decision under it. */
  return tpl->in_item && tpl->decided && !kind_is(kind, "attachments") && !kind_is(kind, "absent");
}

/* Whether a heading of KIND, TEXT[0, LEN), is one word of the kind "other" ("Politik",
 * "Strategi"): a site's menu and its breadcrumb both show such words, so neither such a
 * word first nor its repeating shows where a template's item starts.  Not with a colon
 * after it, as a board labels a point's parts: a menu labels nothing. */
static bool single_other_word(const char *kind, const char *text, size_t len) {
  while (len && text[len - 1] == ' ') len--;
  if (len && text[len - 1] == ':') return false;
  return kind_is(kind, "other") && !memchr(text, ' ', len);
}

bool pk_template_opens(pk_template *tpl, const char *kind, const char *text, size_t len,
                       bool titled) {
  bool decision = kind_is(kind, "decision");
  unsigned long long hash = heading_hash(text, len);
  bool repeated = false;
  bool weak = single_other_word(kind, text, len);
  for (size_t i = 0; i < tpl->seen_count && !decision && !weak; i++)
    repeated = repeated || tpl->seen[i] == hash;
  bool opens = (!tpl->in_item && !weak) || repeated || (tpl->decided && opens_a_case(kind)) ||
               (titled && pk_template_asks_title(tpl, kind));
  if (opens) *tpl = (pk_template){.in_item = true};
  if (tpl->seen_count < PK_TEMPLATE_HEADINGS) tpl->seen[tpl->seen_count++] = hash;
  tpl->decided = tpl->decided || decision;
  return opens;
}

/* pk_heading_line; where SCAN is not NULL, UNIT is its text's from SCAN_AT on, and a rule
 * none of whose literals stands in the unit is not searched. */
static const pk_rule *heading_line(pk_matcher *matcher, const pk_evidence *sections,
                                   const char *unit, size_t len, size_t *heading_end,
                                   const pk_scan *scan, size_t scan_at) {
  size_t first = 0;
  while (first < len && (unit[first] == ' ' || unit[first] == '\t')) first++;
  if (first == len) return NULL;
  for (size_t i = 0; i < sections->count; i++) {
    const pk_rule *rule = sections->rules[i];
    if (!rule || !pk_rule_is(rule, "section")) continue;
    /* Only a match from FIRST on counts: none where its first byte cannot stand there. */
    if (!pk_rule_may_start(rule, unit, len, first) ||
        (scan && !pk_scan_may_hold(scan, rule, scan_at + first, scan_at + len)) ||
        pk_match(matcher, rule, unit, len, first, false) != PK_MATCH_FOUND)
      continue;
    size_t start = pk_match_start(matcher), end = pk_match_end(matcher);
    pk_match_group(matcher, "heading", &start, &end);
    *heading_end = end;
    if (start == first) return rule;
  }
  return NULL;
}

const pk_rule *pk_heading_line(pk_matcher *matcher, const pk_evidence *sections, const char *unit,
                               size_t len, size_t *heading_end, const pk_scan *scan,
                               size_t scan_at) {
  return heading_line(matcher, sections, unit, len, heading_end, scan, scan_at);
}

/* The line before the line at AT of TEXT, past blank lines: [*start, *end) trimmed; false
 * when there is none. */
static bool line_before(const char *text, size_t at, size_t *start, size_t *end) {
  while (at > 0) {
    size_t line_end = at - 1; /* the '\n' before AT */
    size_t line_start = line_end;
    while (line_start > 0 && text[line_start - 1] != '\n') line_start--;
    *start = line_start, *end = line_end;
    pk_trim_span(text, start, end);
    if (*start < *end) return true;
    at = line_start;
  }
  return false;
}

/* Whether TEXT[start, end) reads as an item's title: a capital first, no sentence in it
 * and no sentence's or label's end ("Godkendt.", "Mødested:", "Direktionen indstiller,"). */
static bool title_shaped(const char *text, size_t start, size_t end) {
  if (end - start < 3 || end - start > INLINE_TITLE_MAX ||
      !pk_utf8_starts_capital(text + start, end - start))
    return false;
  char last = text[end - 1];
  return last != '.' && last != ':' && last != ',' && last != ';' && last != '!' &&
         !title_is_prose(text, start, end, false);
}

/* Whether an evidence rule (a heading or a case field) matches in TEXT[start, end). */
static bool holds_evidence(pk_matcher *matcher, const pk_evidence *evidence, const char *text,
                           size_t start, size_t end, const pk_scan *scan) {
  for (size_t i = 0; i < evidence->count; i++)
    if (evidence->rules[i] && (!scan || pk_scan_may_hold(scan, evidence->rules[i], start, end)) &&
        pk_match(matcher, evidence->rules[i], text + start, end - start, 0, false) == PK_MATCH_FOUND)
      return true;
  return false;
}

/* pk_template_title; where SCAN is not NULL, it is TEXT's.  Between the title and the
 * first heading may stand the item's case fields, a line each ("Åben sag", "Sagsnr.:
 * 25/100"): up to FIELD_LINES_MAX lines that hold evidence but open no heading are passed
 * over. */
enum { FIELD_LINES_MAX = 3 };

static bool template_title(pk_matcher *matcher, const pk_evidence *evidence, const char *text,
                           size_t at, bool agenda, size_t *start, size_t *end, const pk_scan *scan) {
  size_t before_start, before_end, heading_end;
  for (size_t fields = 0;; fields++) {
    if (!line_before(text, at, start, end)) return false;
    if (!holds_evidence(matcher, evidence, text, *start, *end, scan)) break;
    if (fields == FIELD_LINES_MAX ||
        heading_line(matcher, evidence, text + *start, *end - *start, &heading_end, scan, *start))
      return false;
    at = *start;
    while (at > 0 && text[at - 1] != '\n') at--;
  }
  if (!title_shaped(text, *start, *end)) return false;
  /* The only line under a heading is its section's text ("Beslutning" / "Godkendt"). */
  size_t line_start = *start;
  while (line_start > 0 && text[line_start - 1] != '\n') line_start--;
  if (!line_before(text, line_start, &before_start, &before_end)) return true;
  const pk_rule *above = heading_line(matcher, evidence, text + before_start,
                                      before_end - before_start, &heading_end, scan, before_start);
  /* A heading with its text on its own line ("Beslutning Godkendt.", as pdftotext -raw
   * runs them together) has what it says. */
  bool alone = above && blank_between(text, before_start + heading_end, before_end);
  return !alone || (agenda && kind_is(pk_rule_arg(above), "decision"));
}

bool pk_template_title(pk_matcher *matcher, const pk_evidence *evidence, const char *text,
                       size_t at, bool agenda, size_t *start, size_t *end) {
  return template_title(matcher, evidence, text, at, agenda, start, end, NULL);
}

/* Whether only blanks stand between the start of its line and AT in WINDOW; *LINE_START is
 * where they start. */
static bool opens_its_line(const char *window, size_t at, size_t *line_start) {
  while (at > 0 && (window[at - 1] == ' ' || window[at - 1] == '\t')) at--;
  *line_start = at;
  return at == 0 || window[at - 1] == '\n';
}

/* The template proposal over the window: how many items it opens, how many of them
 * a start of the best rule proposal (STARTS, in order) comes just before, with no heading
 * between the two (there the rule read the same item, title and all), and how many have
 * a title on the line before their first heading (pk_template_title). */
static void template_items(const headings_found *headings, pk_matcher *matcher, const pk_scan *scan,
                           const pk_evidence *evidence, const char *window, bool agenda,
                           const positions *starts, size_t *opened, size_t *aligned,
                           size_t *titled) {
  /* TITLED NULL: the count without titles, which costs no search of the lines before. */
  pk_template tpl = {0};
  size_t last_heading = 0, next_start = 0, title_start, title_end;
  bool any_heading = false;
  *opened = *aligned = 0;
  if (titled) *titled = 0;
  for (size_t h = 0; h < headings->count; h++) {
    /* A heading line: the line's first heading, at its first non-blank character (of
     * several rules there, the first loaded, as pk_heading_line takes it). */
    const heading_found *found = &headings->items[h];
    if (h && headings->items[h - 1].at == found->at) continue;
    size_t at, first = found->at;
    if (!opens_its_line(window, first, &at)) continue;
    {
      const char *kind = pk_rule_arg(found->rule);
      bool asks = titled && pk_template_asks_title(&tpl, kind);
      bool title = asks && template_title(matcher, evidence, window, at, agenda, &title_start, &title_end, scan);
      if (pk_template_opens(&tpl, kind, window + first, found->end - first, title)) {
        ++*opened;
        while (next_start < starts->count && starts->at[next_start] <= at &&
               any_heading && starts->at[next_start] <= last_heading)
          next_start++;
        if (next_start < starts->count && starts->at[next_start] <= at) ++*aligned;
        if (titled)
          *titled += asks ? title
                          : template_title(matcher, evidence, window, at, agenda, &title_start, &title_end, scan);
      }
      /* A menu's or a breadcrumb's single word ("Politik") heads nothing: a rule's start
       * above it still starts the template's item below it. */
      if (!single_other_word(kind, window + first, found->end - first)) {
        last_heading = at;
        any_heading = true;
      }
    }
  }
}

typedef struct proposals {
  pk_item_proposal *items;
  size_t count, cap;
} proposals;

static bool add_proposal(proposals *list, pk_item_proposal *prop) {
  if (!pk_reserve((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items)) {
    free(prop->rules);
    return false;
  }
  list->items[list->count++] = *prop;
  return true;
}

/* The detected profile's proposal first (it wins ties), then the other profiles', then
 * one for each layout-independent item rule. */
static bool gather(const pk_rules *rules, const char *profile, proposals *list) {
  pk_item_proposal prop;
  if (profile && (!profile_rules(rules, profile, &prop) || !add_proposal(list, &prop))) return false;
  const char *name;
  for (size_t i = 0; (name = pk_rules_profile(rules, i)) != NULL; i++) {
    if (profile && strcmp(name, profile) == 0) continue;
    if (!profile_rules(rules, name, &prop) || !add_proposal(list, &prop)) return false;
  }
  size_t count;
  const pk_rule **common = pk_rules_select(rules, "item", NULL, &count);
  if (!common) return false;
  bool ok = true;
  for (size_t i = 0; ok && i < count; i++) {
    const pk_rule **one = malloc(sizeof *one);
    ok = one != NULL;
    if (!ok) break;
    one[0] = common[i];
    prop = (pk_item_proposal){.rules = one, .count = 1, .label = pk_rule_name(common[i])};
    ok = add_proposal(list, &prop);
  }
  free(common);
  return ok;
}

/* Which proposal reads the document, of LIST scored (the chosen profile's first, where
 * HAS_PROFILE). */
/* Whether every rule of PROP has sequence=repeated: items told only by their shape
 * repeating ("Økonomi" / "• ..."), a reading for when nothing else explains the text. */
static bool by_repetition(const pk_item_proposal *prop) {
  for (size_t i = 0; i < prop->count; i++)
    if (!has_sequence(prop->rules[i], "repeated")) return false;
  return prop->count > 0;
}

static size_t choose(const proposals *list, bool has_profile) {
  size_t best = 0;
  for (size_t i = 1; i < list->count; i++)
    if (!by_repetition(&list->items[i]) &&
        better(&list->items[i], &list->items[best], has_profile && best == 0))
      best = i;
  /* Where no proposal explains a start, the detected (or fallback) profile reads the
   * document, as its detect rules said (unless a shape repeats: choose_repeated). */
  return list->items[best].explained < MIN_EXPLAINED ? 0 : best;
}

/* How many of ROWS's starts stand each at a line's start (after its blanks) under a line
 * where one of COLUMN's starts stands.  Both lists rise, and so do the lines above: one
 * walk through each. */
static size_t rows_under(const pk_item_proposal *rows, const pk_item_proposal *column,
                         const char *window) {
  size_t under = 0, c = 0;
  for (size_t k = 0; k < rows->start_count; k++) {
    size_t line = rows->starts[k], start, end;
    while (line > 0 && (window[line - 1] == ' ' || window[line - 1] == '\t')) line--;
    if (line == 0 || window[line - 1] != '\n' || !line_before(window, line, &start, &end))
      continue;
    while (start > 0 && window[start - 1] != '\n') start--; /* the line's own blanks */
    while (c < column->start_count && column->starts[c] < start) c++;
    under += c < column->start_count && column->starts[c] <= end;
  }
  return under;
}

/* A table flattened a cell to a line prints each row's first cell (a time slot) on the
 * line over the row's numbered title: the chosen proposal, whose starts have mostly no
 * title, reads the column, while another reads the rows, each of its titled starts
 * under one of the column's.  The rows' proposal is taken where at least four in five of
 * its starts stand so, and they are at least half as many as the column's. */
static size_t row_titles(const proposals *list, size_t best, const char *window) {
  const pk_item_proposal *column = &list->items[best];
  if (column->titled * 2 >= column->start_count) return best;
  for (size_t i = 0; i < list->count; i++) {
    const pk_item_proposal *rows = &list->items[i];
    if (i == best || by_repetition(rows) || rows->explained < MIN_EXPLAINED ||
        rows->start_count < 2 || rows->titled < rows->start_count ||
        rows->start_count * 2 < column->start_count)
      continue;
    if (rows_under(rows, column, window) * 5 >= rows->start_count * 4) return i;
  }
  return best;
}

/* The proposal by repetition that explains most starts, or BEST: asked only where
 * nothing else reads the document, neither a rule's numbers or titles nor the
 * template of headings. */
static size_t choose_repeated(const proposals *list, size_t best) {
  size_t found = best;
  for (size_t i = 1; i < list->count; i++)
    if (by_repetition(&list->items[i]) && list->items[i].explained >= REPEATED_MIN &&
        (found == best || list->items[i].explained > list->items[found].explained))
      found = i;
  return found;
}

static bool holds_rule(const pk_item_proposal *prop, const pk_rule *rule) {
  for (size_t i = 0; i < prop->count; i++)
    if (prop->rules[i] == rule) return true;
  return false;
}

/* Whether every rule of PROP numbers its items in a rising sequence. */
static bool numbered_rising(const pk_item_proposal *prop) {
  for (size_t i = 0; i < prop->count; i++)
    if (!has_sequence(prop->rules[i], "increasing")) return false;
  return prop->count > 0;
}

/* CHOSEN's rules, then OTHER's that CHOSEN lacks, in *JOINED (unscored); false when out
 * of memory. */
static bool join_rules(const pk_item_proposal *chosen, const pk_item_proposal *other,
                       pk_item_proposal *joined) {
  *joined = (pk_item_proposal){.label = chosen->label};
  joined->rules = malloc((chosen->count + other->count + 1) * sizeof *joined->rules);
  if (!joined->rules) return false;
  memcpy(joined->rules, chosen->rules, chosen->count * sizeof *joined->rules);
  joined->count = chosen->count;
  for (size_t i = 0; i < other->count; i++)
    if (!holds_rule(chosen, other->rules[i])) joined->rules[joined->count++] = other->rules[i];
  return true;
}

/* One layout writes its items in more than one form: short minutes number "1. Title:
 * Godkendt." beside "3. Title" lines with headings under them.  A proposal whose rules
 * number their items in a rising sequence joins the chosen one where the two together
 * explain more starts and leave none more unexplained (so the numbers of both must rise
 * as one sequence; a rule of unnumbered starts would only split the chosen items);
 * the chosen proposal's rules come first, so where both start an item its rule gives the
 * title. */
/* A numbered overview of the agenda ("Dagsorden: 1. Velkomst 2. Godkendelse af dagsorden
 * 3. ...", inside a transcript's page or a line each) before minutes, or a plan's list of
 * the cases of each meeting: nothing after any of the chosen rules' starts is an item's
 * (no heading, no case field, no run of numbers each with text).  (In an agenda, such a
 * list is the items: a notice of a general assembly has no body to repeat them.) */
static bool overview_only(const pk_item_proposal *prop) {
  return prop->start_count > 0 && prop->explained == 0 && prop->matter == 0;
}

static bool widen(proposals *list, size_t best, pk_matcher *matcher, const positions *ev,
                  const pk_decoding *how, heading_memo *memo, try_memo *tries) {
  pk_item_proposal *chosen = &list->items[best];
  for (size_t i = 0; i < list->count; i++) {
    const pk_item_proposal *other = &list->items[i];
    if (i == best || !other->explained || !numbered_rising(other)) continue;
    pk_item_proposal joined;
    if (!join_rules(chosen, other, &joined)) return false;
    bool adds = joined.count > chosen->count;
    if (adds && !score_proposal(&joined, matcher, how, ev, memo, tries, NULL)) {
      free(joined.rules);
      free(joined.starts);
      return false; /* out of memory */
    }
    if (adds && joined.explained > chosen->explained && joined.unexplained <= chosen->unexplained) {
      pk_explain_note(how->explain, "item rules %s joined by %s: %zu starts explained, %zu without",
                      chosen->label, other->label, joined.explained, joined.unexplained);
      free(chosen->rules);
      free(chosen->starts);
      *chosen = joined;
      continue;
    }
    free(joined.rules);
    free(joined.starts);
  }
  return true;
}

/* Where the template of headings finds no title before an item's first heading (the
 * item's text stands between), a shape that repeats once before each of its items
 * names them (a bullet's line): the proposal by repetition that starts every item the
 * template opens, and no more, or LIST->count. */
static size_t shape_for_template(const proposals *list, const headings_found *headings,
                                 pk_matcher *matcher, const pk_decoding *how, size_t template) {
  for (size_t i = 0; i < list->count; i++) {
    const pk_item_proposal *prop = &list->items[i];
    if (!by_repetition(prop) || prop->start_count != template) continue;
    positions starts = {prop->starts, prop->start_count, 0};
    size_t opened, aligned;
    template_items(headings, matcher, how->scan, how->evidence, how->window, how->agenda, &starts,
                   &opened, &aligned, NULL);
    if (opened == template && aligned == template) {
      pk_explain_note(how->explain, "item rules %s start each of the %zu items of the template "
                      "of headings", prop->label, template);
      return i;
    }
  }
  return list->count;
}

/* Where the first heading of a case's text (its summary, background or recommendation)
 * opens a line of the window with text under it; LEN where none does.  Not a decision's,
 * nor one with the next heading under it: a table's head names its columns, the item's
 * number, its title, the recommendation and the decision, each a heading's word. */
static size_t case_heading_at(const headings_found *headings, const char *window, size_t len) {
  for (size_t h = 0; h < headings->count; h++) {
    const heading_found *found = &headings->items[h];
    size_t line_start, next = len;
    for (size_t k = h + 1; k < headings->count && next == len; k++)
      if (headings->items[k].at > found->at) next = headings->items[k].at;
    if (opens_its_line(window, found->at, &line_start) && opens_a_case(pk_rule_arg(found->rule)) &&
        has_letter(window, found->end, next))
      return found->at;
  }
  return len;
}

bool pk_decode_item_rules(const pk_rules *rules, pk_matcher *matcher, const pk_decoding *asked,
                          pk_item_proposal *chosen) {
  *chosen = (pk_item_proposal){0};
  const char *profile = asked->profile;
  if (asked->forced) return profile_rules(rules, profile ? profile : "", chosen);
  /* The window scanned once for every rule's literals (the caller's scan, or one of its
   * own): most rules' words stand in few of its lines, or none. */
  pk_scan *own_scan = asked->scan ? NULL : pk_scan_new(rules, asked->window, asked->len);
  pk_decoding scanned = *asked;
  if (!scanned.scan) scanned.scan = own_scan;
  const pk_decoding *how = &scanned;
  proposals list = {0};
  positions ev = {0};
  headings_found headings = {0};
  size_t decisions = 0;
  /* NULL: every title is asked.  Only the states need clearing: a window asks few titles,
   * and the spans of an empty slot are never read. */
  heading_memo *memo = malloc(sizeof *memo);
  if (memo) memset(memo->state, 0, sizeof memo->state);
  try_memo tries = {.units = count_units(how->window, how->len), .matcher = matcher,
                    .body_at = body_restart(how->window, how->len),
                    .limit_events = pk_matcher_limit_events(matcher)};
  note_pages(&tries, how);
  bool ok = find_evidence(how->evidence, matcher, how->scan, how->window, how->len, &ev, &headings,
                          &decisions, how->found);
  tries.case_at = case_heading_at(&headings, how->window, how->len);
  bool record = !how->named_other && (how->named_record || decisions >= RECORD_DECISIONS);
  ok = ok && gather(rules, profile, &list);
  /* Items need a meeting record.  A text that no kind rule names and that records no
   * decision (a report, a statute, a news page) is read with the chosen profile's item
   * rules alone; under the fallback profile only where at least half its starts have item
   * matter after them (a web page of one item: its title, case number and first section
   * heading; not a report's numbered points, one of which has a heading word), and
   * under a detected profile also where its starts stand at the start of a line: numbers
   * found only inside a transcript's pages, with nothing after them, are an agenda
   * overview's. */
  size_t scored = record || !profile ? list.count : (list.count ? 1 : 0);
  for (size_t i = 0; ok && i < scored; i++) {
    ok = score_proposal(&list.items[i], matcher, how, &ev, memo, &tries, NULL);
    if (ok && list.items[i].count) explain_score(how->explain, &list.items[i]);
  }
  const pk_item_proposal *own = list.count ? &list.items[0] : NULL;
  bool none = ok && !record &&
              (how->named_other || !profile ||
               (own && own->matter == 0 && (!how->detected || own->inside == own->start_count)) ||
               (own && !how->detected && own->matter * 2 < own->start_count));
  if (ok && how->named_other)
    pk_explain_note(how->explain, "a kind rule names another kind of text than minutes: no items");
  else if (ok && !record)
    pk_explain_note(how->explain, "not a meeting record (no kind named, no decision heading): %s",
                    none ? "no items" : "the chosen profile's item rules only");
  if (ok && none) {
    *chosen = (pk_item_proposal){.rules = calloc(1, sizeof *chosen->rules), .label = "none"};
    ok = chosen->rules != NULL;
  } else if (ok && list.count) {
    size_t best = record ? choose(&list, profile != NULL) : 0;
    if (record) best = row_titles(&list, best, how->window);
    if (record) ok = widen(&list, best, matcher, &ev, how, memo, &tries);
    /* Where no rule explains even half the items the headings' template shows, and the
     * rule's starts mostly do not stand just before the template's, the document has no
     * numbers or titles to go by: the template reads it. */
    size_t template = 0, aligned = 0, titled = 0;
    positions best_starts = {list.items[best].starts, list.items[best].start_count, 0};
    /* The lines before the headings are read for titles only where the template may
     * read the document. */
    if (record)
      template_items(&headings, matcher, how->scan, how->evidence, how->window, how->agenda, &best_starts,
                     &template, &aligned, NULL);
    /* Counted with titles where it may be taken: after an item's decision, a heading under
     * a title line opens an item of its own (pk_template_asks_title), which the count
     * without titles cannot tell from a second body's decision. */
    bool may_take = template >= TEMPLATE_MIN ? aligned * 2 < template : template > 0 && !aligned;
    if (record && may_take)
      template_items(&headings, matcher, how->scan, how->evidence, how->window, how->agenda, &best_starts,
                     &template, &aligned, &titled);
    if (record)
      pk_explain_note(how->explain, "item rules %s: %zu items by the template of headings, "
                      "%zu of them where item rules %s start one", PK_TEMPLATE_PROPOSAL,
                      template, aligned, list.items[best].label);
    bool by_template = template >= TEMPLATE_MIN && aligned * 2 < template &&
                       list.items[best].explained * 2 <= template;
    size_t shaped = by_template && titled < template
                        ? shape_for_template(&list, &headings, matcher, how, template)
                        : list.count;
    if (ok && record && !how->agenda && template < TEMPLATE_MIN && overview_only(&list.items[best])) {
      pk_explain_note(how->explain, "item rules %s: no start explained: an overview of the "
                      "agenda, no items", list.items[best].label);
      *chosen = (pk_item_proposal){.rules = calloc(1, sizeof *chosen->rules), .label = "none"};
      ok = chosen->rules != NULL;
      best = list.count;
    } else if (by_template && shaped < list.count) {
      best = shaped;
    } else if (by_template) {
      /* Titles only where every item the template opens has one: a title-less export
       * has other lines there (a tab's label, the last item's decision). */
      bool titles = titled == template;
      pk_explain_note(how->explain, "item rules %s chosen; %zu of its %zu items have a title "
                      "line before their first heading: %s", PK_TEMPLATE_PROPOSAL, titled,
                      template, titles ? "titles taken" : "no titles");
      *chosen = (pk_item_proposal){.rules = calloc(1, sizeof *chosen->rules),
                                   .label = PK_TEMPLATE_PROPOSAL, .explained = template,
                                   .titled = titles ? titled : 0};
      ok = chosen->rules != NULL;
      best = list.count;
    }
    /* A shape the template's items confirm is not asked again. */
    if (record && best < list.count && best != shaped &&
        list.items[best].explained < MIN_EXPLAINED)
      best = choose_repeated(&list, best);
    if (best < list.count) {
      *chosen = list.items[best];
      list.items[best].starts = NULL;
    }
    if (best < list.count) {
      list.items[best].rules = NULL;
      pk_explain_note(how->explain, "item rules %s chosen", chosen->label);
      if (how->explain) { /* its starts again, each with why it counts */
        pk_item_proposal again = {.rules = chosen->rules, .count = chosen->count, .label = chosen->label};
        ok = score_proposal(&again, matcher, how, &ev, memo, &tries, how->explain);
        free(again.starts);
      }
    }
  }
  if (ok) chosen->decided = decided_headings(&headings, &ev, how->window, how->len);
  for (size_t i = 0; i < list.count; i++) {
    free(list.items[i].rules);
    free(list.items[i].starts);
  }
  free(list.items);
  free(ev.at);
  free(headings.items);
  free(memo);
  try_memo_free(&tries);
  pk_scan_free(own_scan);
  return ok;
}

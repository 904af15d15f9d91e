/* contents.c: a table of contents at the top of the document and the items it lists.
 * Entries are item starts with nothing under them; they are held until the first item
 * with text shows whether they number on into it (then they were items) or the body
 * restarts them (a contents list, kept in the preamble). */
#include "config.h"

#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "explain.h"
#include "outline.h"
#include "../util/leader.h"


/* The place of the entry listed at PLACE, or PK_KEYINDEX_NONE. */
static size_t listed_at(const pk_segmenter *seg, pk_outline place) {
  if (place.major < 0) return PK_KEYINDEX_NONE;
  return pk_keyindex_last(&seg->listed_by_place, pk_outline_key(place));
}

static bool note_listed_title(pk_segmenter *seg, const char *number, const char *title) {
  pk_outline place = pk_outline_of_number(number);
  if (place.major < 0 || !title) return true;
  if (place.minor >= 0) seg->listed_parts = true;
  if (listed_at(seg, place) != PK_KEYINDEX_NONE) return true;
  if (!pk_reserve((void **)&seg->listed, &seg->listed_cap, seg->listed_count + 1,
                  sizeof *seg->listed))
    return false;
  char *copy = pk_strndup(title, strlen(title));
  if (!copy || !pk_keyindex_add(&seg->listed_by_place, pk_outline_key(place))) {
    free(copy);
    return false;
  }
  seg->listed[seg->listed_count++] = (listed_title){place, copy};
  return true;
}

/* The title the contents list gives item NUMBER ("4", "4.2"), or NULL. */
const char *pk_seg_listed_title_of(const pk_segmenter *seg, const char *number) {
  size_t at = listed_at(seg, pk_outline_of_number(number));
  return at == PK_KEYINDEX_NONE ? NULL : seg->listed[at].title;
}

/* Whether the contents list names item MAJOR itself ("4. Indkomne forslag"). */
bool pk_seg_lists_item(const pk_segmenter *seg, long major) {
  return listed_at(seg, (pk_outline){major, -1}) != PK_KEYINDEX_NONE;
}

/* Code point offset in the cleaned text of byte AT of BLK. */
/* ---- blocks ------------------------------------------------------------------------------------ */

/* An item whose block holds nothing after its start match, before any item with content,
 * is an entry of a table of contents ("174. Godkendelse af dagsorden" listed at the top
 * of a web page): its text belongs to the preamble, and its number does not count. */
/* Whether a rule of SET (of the kind ARG only, as "access" of field.access; NULL: any)
 * matches all of TEXT[from, stop). */
bool pk_seg_whole_line_of(pk_segmenter *seg, rule_set set, const char *arg, const char *text,
                          size_t from, size_t stop) {
  for (size_t i = 0; i < seg->sets[set].count; i++) {
    const pk_rule *rule = seg->sets[set].rules[i];
    if (rule && (!arg || strcmp(pk_rule_arg(rule), arg) == 0) &&
        pk_match(seg->matcher, rule, text, stop, from, true) == PK_MATCH_FOUND &&
        pk_match_end(seg->matcher) == stop)
      return true;
  }
  return false;
}

enum { SUB_ENTRY_MAX = 60 }; /* bytes of a contents entry's sub-entry line */

/* Whether TEXT[from, stop) is a sub-entry of a contents list's entry: a letter or a part's
 * number, a full stop or a parenthesis, and a few words that end no sentence ("a.
 * Formanden", "7.1 Budget", under "7. Meddelelser"). */
static bool is_sub_entry(const char *text, size_t from, size_t stop) {
  size_t at = from;
  if (at < stop && text[at] >= 'a' && text[at] <= 'z') {
    at++;
  } else {
    while (at < stop && at - from < 3 && text[at] >= '0' && text[at] <= '9') at++;
    if (at == from || at + 1 >= stop || text[at] != '.') return false;
    at++;
    size_t part = at;
    while (at < stop && at - part < 2 && text[at] >= '0' && text[at] <= '9') at++;
    if (at == part) return false;
  }
  if (at >= stop || (text[at] != '.' && text[at] != ')' && text[at] != ' ')) return false;
  if (text[at] != ' ') at++;
  if (at >= stop || text[at] != ' ') return false;
  while (at < stop && text[at] == ' ') at++;
  bool capital = at < stop && ((text[at] >= 'A' && text[at] <= 'Z') || (unsigned char)text[at] == 0xC3);
  return capital && stop - from <= SUB_ENTRY_MAX && text[stop - 1] != '.';
}

/* Where the line's blanks before AT begin: the group rules read a line from its start. */
static size_t line_start(const char *text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) at--;
  return at;
}

/* Whether every line of TEXT[start, end) is a contents list's furniture: an entry's page
 * number ("5"), a line heading a group of items ("Lukkede punkter"), a contents heading
 * (after the last page number: "53Indholdsfortegnelse lukket møde"), an entry's
 * sub-entries.  Such lines say nothing of the entry before them. */
static bool only_contents_furniture(pk_segmenter *seg, const char *text, size_t start, size_t end) {
  while (start < end) {
    const char *newline = memchr(text + start, '\n', end - start);
    size_t line_end = newline ? (size_t)(newline - text) : end, from = start, stop = line_end;
    pk_trim_span(text, &from, &stop);
    size_t digits = from;
    while (digits < stop && digits - from < 4 && text[digits] >= '0' && text[digits] <= '9') digits++;
    bool furniture = pk_only_page_numbers(text, from, stop) ||
                     pk_ends_in_leader(text, from, stop) ||
                     is_sub_entry(text, from, stop) ||
                     pk_seg_whole_line_of(seg, SET_GROUP, NULL, text, line_start(text, from),
                                          stop) ||
                     pk_seg_whole_line_of(seg, SET_CONTENTS, NULL, text, digits, stop);
    if (!furniture) return false;
    start = line_end + 1;
  }
  return true;
}

enum { LABEL_WORDS_MAX = 2, LABEL_WORD_MAX = 16 }; /* "Sag nr. 185", "Dagsordenspunkt 4" */

/* Whether TEXT[at, end) opens with a number: after a mark ("#185", "(4)", "[4]"), or after
 * up to two short words ("Punkt 4", "Sag nr. 185"). */
static bool opens_with_number(const char *text, size_t at, size_t end) {
  if (at < end && (text[at] == '#' || text[at] == '(' || text[at] == '[')) at++;
  for (size_t words = 0; at < end && !(text[at] >= '0' && text[at] <= '9'); words++) {
    size_t word = at;
    while (at < end && at - word <= LABEL_WORD_MAX && text[at] != ' ' && text[at] != '\n' &&
           !(text[at] >= '0' && text[at] <= '9'))
      at++;
    if (words == LABEL_WORDS_MAX || at - word > LABEL_WORD_MAX || at >= end || text[at] == '\n')
      return false;
    while (at < end && text[at] == ' ') at++;
  }
  return at < end && text[at] >= '0' && text[at] <= '9';
}

/* Whether every line with text of TEXT[start, end) opens with a small letter or a number. */
static bool lines_go_on(const char *text, size_t start, size_t end) {
  for (size_t at = start; at < end;) {
    while (at < end &&
           (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
      at++;
    if (at == end) break;
    unsigned char c = (unsigned char)text[at];
    bool small = (c >= 'a' && c <= 'z') ||
                 (c == 0xC3 && at + 1 < end && (unsigned char)text[at + 1] >= 0xA0);
    if (!small && !opens_with_number(text, at, end)) return false;
    const char *newline = memchr(text + at, '\n', end - at);
    at = newline ? (size_t)(newline - text) + 1 : end;
  }
  return true;
}

enum { LISTED_ENTRIES_MIN = 3 }; /* entries already read that make a list of what follows */

/* Whether every line of TEXT[start, end) is a contents list's furniture or opens with a
 * number: under a list's entries, before any item with text, the rest of the list (its
 * next group, "B. Sager til afgørelse i udvalget" / "7 Parkering ...", whose numbers did
 * not rise past the entry before them and so started nothing). */
static bool entries_and_furniture(pk_segmenter *seg, const char *text, size_t start, size_t end) {
  while (start < end) {
    const char *newline = memchr(text + start, '\n', end - start);
    size_t line_end = newline ? (size_t)(newline - text) : end, from = start, stop = line_end;
    pk_trim_span(text, &from, &stop);
    if (from < stop && !opens_with_number(text, from, stop) &&
        !only_contents_furniture(seg, text, from, stop))
      return false;
    start = line_end + 1;
  }
  return true;
}

bool pk_seg_is_contents_entry(pk_segmenter *seg, const block *blk) {
  /* Only a line or page of its own, or an entry under a contents heading, can be a
   * contents entry; items run together inside a page may be empty (an item only named in
   * the minutes). */
  /* Once the body has restarted the contents list, no entry of it is left to read. */
  if (seg->document_sent || seg->contents_closed || blk->kind != BLOCK_ITEM) return false;
  if (blk->contents_tail) return true;
  if (blk->inside_unit && !seg->contents_seen && !seg->contents_bare) return false;
  size_t start = blk->body_from, end = blk->text.len;
  pk_trim_span(blk->text.data, &start, &end);
  if (start == end || only_contents_furniture(seg, blk->text.data, start, end)) return true;
  if (seg->listed_count >= LISTED_ENTRIES_MIN &&
      entries_and_furniture(seg, blk->text.data, start, end))
    return true;
  /* Under a contents heading, an entry's title may run on to a line of its own ("60.
   * Erhvervsforhold - ... Dansk Byggeri o" / "g lokal tilfredshedsundersøgelse"), or an
   * entry the item rule does not read follow it ("185. Kommissorium for §17 ..."), or,
   * once the list has entries, a group's label no rule knows: no section heading under
   * it.  (Before any entry, a line of text in capitals is the item's own: the list's lines
   * were no item starts, and "1.Valg af mødeleder" / "Lisbet mødeleder" is the body.) */
  if (!seg->contents_seen ||
      !(seg->held_count || seg->listed_count || lines_go_on(blk->text.data, start, end)))
    return false;
  heading_hit *hits = NULL;
  size_t headings = pk_seg_find_headings(seg, blk, &hits);
  free(hits);
  return headings == 0;
}

/* The first contents entry's number and title, which the body restarts the list with. */
static bool note_contents_entry(pk_segmenter *seg, const block *blk) {
  if (!note_listed_title(seg, blk->caught.number, blk->caught.title)) return false;
  if (seg->contents_title || !blk->caught.title) return true;
  seg->contents_title = pk_strndup(blk->caught.title, strlen(blk->caught.title));
  if (blk->caught.number) seg->contents_number = pk_strndup(blk->caught.number, strlen(blk->caught.number));
  return seg->contents_title && (!blk->caught.number || seg->contents_number);
}

/* Appends BLK's text (with its page marks) to the held preamble. */
bool pk_seg_absorb_into_preamble(pk_segmenter *seg, block *blk) {
  block *pre = &seg->preamble;
  if (!note_contents_entry(seg, blk)) return false;
  pk_explain_note(seg->report->explain,
                  "offset %zu: no text follows that item start before the next one, and no item "
                  "with text came before: a contents entry, kept in the preamble",
                  blk->char_start);
  size_t shift = pre->text.len;
  if (!pk_reserve((void **)&pre->marks, &pre->mark_cap, pre->mark_count + blk->mark_count,
                  sizeof *pre->marks))
    return false;
  for (size_t i = 0; i < blk->mark_count; i++)
    pre->marks[pre->mark_count++] = (unit_mark){blk->marks[i].at + shift, blk->marks[i].page};
  return pk_buf_append(&pre->text, blk->text.data ? blk->text.data : "", blk->text.len);
}

/* Holds a contents entry (ownership moves) until the first item with content shows
 * whether the list was a contents list or the items themselves. */
bool pk_seg_hold_entry(pk_segmenter *seg, block *blk) {
  uint64_t key = pk_outline_key(pk_outline_of_number(blk->caught.number));
  if (!note_contents_entry(seg, blk) ||
      !pk_reserve((void **)&seg->held, &seg->held_cap, seg->held_count + 1, sizeof *seg->held) ||
      !pk_keyindex_add(&seg->held_by_place, key))
    return false;
  seg->held[seg->held_count++] = *blk;
  *blk = (block){.kind = BLOCK_PREAMBLE};
  return true;
}

/* The held entries go into the preamble, in order. */
bool pk_seg_absorb_held(pk_segmenter *seg) {
  bool ok = true;
  for (size_t i = 0; i < seg->held_count; i++) {
    ok = ok && pk_seg_absorb_into_preamble(seg, &seg->held[i]);
    pk_seg_block_reset(&seg->held[i], BLOCK_PREAMBLE, 0);
  }
  seg->held_count = 0;
  pk_keyindex_clear(&seg->held_by_place);
  return ok;
}

bool pk_seg_ensure_document(pk_segmenter *seg) {
  if (seg->document_sent) return true;
  if (!pk_seg_absorb_held(seg)) return false;
  bool ok = pk_seg_send_document(seg, &seg->preamble);
  pk_seg_block_reset(&seg->preamble, BLOCK_PREAMBLE, 0);
  return ok;
}

/* Whether a section heading is the first thing under the item's title: the item is one
 * of the meeting's (a contents list's last entry runs on into meeting fields or the
 * list's next entry instead). */
static bool heading_opens_body(pk_segmenter *seg, const block *blk) {
  heading_hit *hits = NULL;
  size_t count = pk_seg_find_headings(seg, blk, &hits);
  size_t start = blk->body_from, end = count ? hits[0].start : 0;
  free(hits);
  if (count) pk_trim_span(blk->text.data, &start, &end);
  return count && start == end;
}

/* The minute of the day a clock time gives ("19.15", "9:30"), or -1. */
static long clock_minute(const char *clock) {
  char *end;
  long hour = clock ? strtol(clock, &end, 10) : -1;
  if (hour < 0 || hour > 23 || (*end != '.' && *end != ':')) return -1;
  long minute = strtol(end + 1, NULL, 10);
  return minute >= 0 && minute < 60 ? hour * 60 + minute : -1;
}

/* Whether the time slot of A ends where B's begins ("19.00-19.15", then "19.15-19.45"):
 * one meeting's schedule, where a contents list of slots would start again. */
static bool slot_runs_on(const block *a, const block *b) {
  long end = clock_minute(a->caught.slot_end);
  return end >= 0 && end == clock_minute(b->caught.slot);
}

/* Whether the held entries' time slots run on into item BLK's, one after another. */
static bool held_slots_run_into(const pk_segmenter *seg, const block *blk) {
  for (size_t i = 0; i < seg->held_count; i++)
    if (!slot_runs_on(&seg->held[i], i + 1 < seg->held_count ? &seg->held[i + 1] : blk)) return false;
  return true;
}

/* Whether the held entries are numbered one after another from 1 or later into BLK's
 * number ("1.", "2.", then "3." with text). */
static bool held_numbered_into(const pk_segmenter *seg, const block *blk) {
  if (!blk->caught.number) return false;
  long next = pk_seg_leading_integer(blk->caught.number);
  for (size_t i = seg->held_count; i-- > 0; next--)
    if (!seg->held[i].caught.number || pk_seg_leading_integer(seg->held[i].caught.number) != next - 1)
      return false;
  return next > 0;
}

/* Whether the held entries run on into item BLK, the first with content: numbered one
 * after another from the first, and BLK next, without the body restarting the list (or
 * their time slots following one another into BLK's).  Then they were no contents list
 * but items with nothing under their titles ("1. Godkendelse af dagsorden", "2.
 * Meddelelser", then "3. Title" and its first heading).  BLK's text shows it is an item
 * where a section heading opens it, or where the next item start numbers on past it
 * ("5. Behandling af indkomne forslag", a paragraph, "6. Valg ..."): a contents list's
 * last entry is followed by the body's restart, which ends the list instead. */
static bool held_run_into(pk_segmenter *seg, const block *blk) {
  if (seg->contents_closed) return false;
  if (!blk->caught.number) return blk->caught.slot && held_slots_run_into(seg, blk);
  long value = pk_seg_leading_integer(blk->caught.number);
  return held_numbered_into(seg, blk) && (seg->next_start == value + 1 || heading_opens_body(seg, blk));
}

enum { LIST_HELD_MIN = 3 }; /* bare entries before an item that make it a list's last */

/* Whether BLK, the first item with content, is the last entry of the list the held entries
 * began: they number on into it and no item starts after it ("1. Godkendelse af
 * dagsorden" ... "9. Skolefest" / "10. Eventuelt" / "Med venlig hilsen"). */
static bool list_ends_in(pk_segmenter *seg, const block *blk) {
  return seg->held_count >= LIST_HELD_MIN && !seg->contents_closed && seg->next_start < 0 &&
         held_numbered_into(seg, blk);
}

/* Whether BLK ends such a list under a contents heading ("Dagsorden", "Indhold") and no
 * section heading opens it: the overview of an agenda whose items the text does not
 * reach.  Then it stays in the preamble with them. */
bool pk_seg_ends_list(pk_segmenter *seg, const block *blk) {
  if (!list_ends_in(seg, blk) || !(seg->contents_seen || seg->contents_bare)) return false;
  heading_hit *hits = NULL;
  size_t headings = pk_seg_find_headings(seg, blk, &hits);
  free(hits);
  return headings == 0;
}

/* Before the first item with content (BLK) is sent: the held entries become items where
 * they run on into it, or where BLK ends their list under no contents heading (an agenda
 * that lists its items, a closing line or a post's comments under the last: "Punkt 8 -
 * Evt." / "Har du et punkt ..."); else they go into the preamble. */
bool pk_seg_settle_held(pk_segmenter *seg, const block *blk) {
  bool agenda_list = list_ends_in(seg, blk) && !seg->contents_seen && !seg->contents_bare;
  if (!seg->held_count || !(agenda_list || held_run_into(seg, blk)))
    return pk_seg_absorb_held(seg);
  pk_explain_note(seg->report->explain,
                  "offset %zu: the %zu item starts before it with nothing under them number on "
                  "into this item: items, not a contents list", blk->char_start, seg->held_count);
  size_t count = seg->held_count;
  block *entries = seg->held;
  seg->held = NULL, seg->held_count = seg->held_cap = 0;
  pk_keyindex_clear(&seg->held_by_place);
  bool ok = pk_seg_ensure_document(seg);
  for (size_t i = 0; i < count; i++) {
    ok = ok && pk_seg_send_item(seg, &entries[i]);
    pk_seg_block_reset(&entries[i], BLOCK_PREAMBLE, 0);
  }
  free(entries);
  return ok;
}

bool pk_seg_note_entry_line(pk_segmenter *seg, const char *unit, size_t end, size_t from) {
  for (size_t i = 0; i < seg->sets[SET_ENTRY].count; i++) {
    const pk_rule *rule = seg->sets[SET_ENTRY].rules[i];
    if (!rule || pk_match(seg->matcher, rule, unit, end, from, true) != PK_MATCH_FOUND) continue;
    char *number = pk_seg_group_text(seg->matcher, unit, "number");
    char *title = pk_seg_group_text(seg->matcher, unit, "title");
    bool ok = note_listed_title(seg, number, title);
    free(number);
    free(title);
    return ok;
  }
  return true;
}

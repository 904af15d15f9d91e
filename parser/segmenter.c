/* segmenter.c: blocks of units -> items, sections, appendices.
 *
 * The text is read as blocks: the preamble, then one block per item, then appendices and
 * unclassified back matter.  A block starts where an anchored rule (item, appendix,
 * backmatter) matches at the start of a unit.  When a block ends it is turned into model
 * records: an item's section headings are searched anywhere in its text (they stand
 * inside long transcript lines), the text between them becomes the sections. */
#include "config.h"

#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "explain.h"
#include "outline.h"
#include "reflow.h"

static const char *const SET_KINDS[SET_COUNT] = {"item",   "appendix", "backmatter",
                                                 "section", "attachment", "access",
                                                 "field",   "kind",     "meta",
                                                 "contents", "group", "entry", "title-end",
                                                 "title-wrap"};


bool pk_seg_finish_block(pk_segmenter *seg) {
  block *blk = &seg->current;
  switch (blk->kind) {
  case BLOCK_PREAMBLE:
    pk_seg_note_group_access(seg, blk, 0);
    seg->preamble = *blk; /* ownership moves; the caller starts a fresh block */
    *blk = (block){.kind = BLOCK_PREAMBLE};
    return true;
  case BLOCK_ITEM:
    if (pk_seg_is_contents_entry(seg, blk)) {
      /* Group labels inside a contents list name the groups of its entries; those after
       * its last entry head the body's first group. */
      if (!blk->contents_tail) return pk_seg_hold_entry(seg, blk);
      pk_seg_note_group_access(seg, blk, blk->body_from);
      return pk_seg_absorb_held(seg) && pk_seg_absorb_into_preamble(seg, blk);
    }
    if (!seg->document_sent && pk_seg_ends_list(seg, blk)) {
      pk_explain_note(seg->report->explain, "offset %zu: the last entry of a list of items "
                      "with nothing under them, and nothing after it is an item: kept in the "
                      "preamble with them", blk->char_start);
      return pk_seg_absorb_held(seg) && pk_seg_absorb_into_preamble(seg, blk);
    }
    return pk_seg_settle_held(seg, blk) && pk_seg_ensure_document(seg) && pk_seg_send_item(seg, blk);
  case BLOCK_APPENDIX:
  case BLOCK_UNCLASSIFIED:
    if (!pk_seg_ensure_document(seg)) return false;
    /* Back matter that is only white space is not worth a record. */
    if (blk->caught.number || blk->caught.title) return pk_seg_send_appendix(seg, blk);
    size_t start = 0, end = blk->text.len;
    if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
    return start == end || pk_seg_send_appendix(seg, blk);
  }
  return false;
}

void pk_seg_capture_start(pk_segmenter *seg, const char *text, captures *caught) {
  caught->number = pk_seg_group_text(seg->matcher, text, "number");
  caught->title = pk_seg_group_cells(seg->matcher, text, "title");
  caught->access = pk_seg_group_text(seg->matcher, text, "access");
  caught->case_number = pk_seg_group_text(seg->matcher, text, "case");
  caught->responsible = pk_seg_group_text(seg->matcher, text, "responsible");
  caught->item = pk_seg_group_text(seg->matcher, text, "item");
  caught->reference = pk_seg_group_text(seg->matcher, text, "reference");
  caught->slot = pk_seg_group_text(seg->matcher, text, "slot");
  caught->slot_end = pk_seg_group_text(seg->matcher, text, "slot_end");
  caught->labelled = pk_number_labelled(seg->matcher, text);
  caught->worded = pk_number_worded(seg->matcher, text);
}

/* The outline place of a printed NUMBER (none for NULL). */

/* Whether the block being read is an item start with nothing under it yet. */
static bool current_is_bare(const pk_segmenter *seg) {
  const block *blk = &seg->current;
  size_t start = blk->body_from, end = blk->text.len;
  if (blk->kind != BLOCK_ITEM) return false;
  if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
  return start >= end;
}

/* Whether two titles agree (pk_titles_agree), each up to its first tab (a table row's
 * title cell). */
static bool titles_agree(const char *a, const char *b) {
  return pk_titles_agree(a, strcspn(a, "\t"), b, strcspn(b, "\t"));
}

/* Whether PLACE and TITLE repeat an entry of the contents list still being read: one held
 * so far, or the bare entry being read.  A site's page of one item shows the meeting's
 * list above it, and the item repeats its own entry, wherever it stands in the list. */
static bool repeats_entry(const captures *entry, pk_outline place, const char *title) {
  return entry->number && entry->title &&
         pk_outline_compare(place, pk_outline_of_number(entry->number)) == 0 &&
         titles_agree(title, entry->title);
}

static bool repeats_entry_being_read(const pk_segmenter *seg, pk_outline place,
                                     const char *title) {
  bool repeats = repeats_entry(&seg->current.caught, place, title);
  const pk_keyindex *held = &seg->held_by_place;
  for (size_t i = pk_keyindex_last(held, pk_outline_key(place)); !repeats && i != PK_KEYINDEX_NONE;
       i = pk_keyindex_before(held, i))
    repeats = repeats_entry(&seg->held[i].caught, place, title);
  return repeats;
}

/* True when an item start repeats the first entry of the contents list just read (number
 * and title; a table row's title cell): the document's body begins, and the entry before it was the list's last,
 * whatever its number ("17" listed out of order) and whatever follows it (group labels,
 * meeting fields) before the body.  Minutes that answer their agenda's list by number
 * alone ("Ad 1." under "1. Godkendelse af referat" ... "6. Eventuelt") restart it at a
 * number no higher than its first, right after its last entry. */
static bool restarts_contents(const pk_segmenter *seg, const char *number, const char *title,
                              bool labelled) {
  if (seg->document_sent || seg->contents_closed) return false;
  if (seg->current.kind != BLOCK_ITEM || !number) return false;
  pk_outline place = pk_outline_of_number(number);
  pk_outline first = pk_outline_of_number(seg->contents_number);
  bool at_or_below_first = seg->contents_title && current_is_bare(seg) && place.major >= 0 &&
                           first.major >= 0 && pk_outline_compare(place, first) <= 0;
  /* So does a labelled start there after two bare entries, whatever its title: "Sag nr.
   * 41" after an inline list whose first entry stayed on its heading's line ("Indhold: 41
   * ... 42 Takster 1996" / "43 Ældretandpleje 44 ..."). */
  if (!title) return at_or_below_first;
  if (labelled && seg->listed_count >= 1 && at_or_below_first) return true;
  if (place.major < 0) return false;
  if (seg->contents_title && pk_outline_compare(place, first) == 0 &&
      titles_agree(title, seg->contents_title))
    return true;
  /* (A list of one entry so far is the bare item being read: a page of one item.) */
  return current_is_bare(seg) && repeats_entry_being_read(seg, place, title);
}


/* The number an item start must rise above: the item being read (its number is not yet
 * in last_number), else the last item's. */
static const char *number_before(const pk_segmenter *seg) {
  return seg->current.kind == BLOCK_ITEM && seg->current.caught.number ? seg->current.caught.number
                                                                       : seg->last_number;
}

/* Whether the number before (number_before) is the current item's, under a label word
 * ("Punkt 3"), and text stands under its header: an item, not an entry of a contents
 * list (whose entries may drop the label: "Pkt. 343 ..." / "344 2. behandling af budget"). */
static bool before_worded(const pk_segmenter *seg) {
  const block *item = &seg->current;
  if (seg->sequence_before || item->kind != BLOCK_ITEM || !item->caught.number ||
      !item->caught.worded)
    return false;
  size_t start = item->body_from, end = item->text.len;
  pk_trim_span(item->text.data, &start, &end);
  return start < end;
}

/* Whether NUMBER is a part ("2.1") of an item that a contents list read before names
 * ("2. Økonomi") where no entry of the list has parts: the items are the list's, their
 * parts are points inside them. */
static bool part_of_listed_item(const pk_segmenter *seg, const char *number) {
  if (!number || seg->listed_count < 2 || seg->listed_parts) return false;
  pk_outline place = pk_outline_of_number(number);
  return place.minor >= 0 && pk_seg_lists_item(seg, place.major);
}

/* Whether a case field opens the first non-blank line of the window after the line
 * holding AT. */
static bool case_field_follows(pk_segmenter *seg, size_t at) {
  const char *window = seg->start_text;
  size_t len = seg->window_whole;
  const char *newline = memchr(window + at, '\n', len - at);
  size_t from = newline ? (size_t)(newline - window) + 1 : len;
  while (from < len && (window[from] == ' ' || window[from] == '\t' || window[from] == '\n'))
    from++;
  newline = from < len ? memchr(window + from, '\n', len - from) : NULL;
  size_t stop = newline ? (size_t)(newline - window) : len;
  bool found = false;
  pk_matcher_hold(seg->matcher);
  for (size_t i = 0; !found && from < stop && i < seg->sets[SET_FIELD].count; i++) {
    const pk_rule *rule = seg->sets[SET_FIELD].rules[i];
    found = rule && pk_match(seg->matcher, rule, window, stop, from, true) == PK_MATCH_FOUND;
  }
  pk_matcher_restore(seg->matcher);
  return found;
}

/* Whether the decoder chose a start at AT of the cleaned text and its case fields follow
 * it: the decoder read the window whole, where the sequence below sees only the numbers
 * before it (a list "1." "2." under an item's attachments heading, then "3." over "Sagsnr.":
 * the item after, not the list's third entry). */
static bool decoder_started(pk_segmenter *seg, size_t at) {
  if (at == PK_SEG_NOWHERE || !seg->start_text || at >= seg->window_whole) return false;
  for (size_t i = 0; i < seg->decoded_count; i++)
    if (seg->decoded[i] == at) return case_field_follows(seg, at);
  return false;
}

/* Whether the current item's text ends in a heading of its attachments ("Bilag:"), past
 * lines that each open with a number of parts ("3.1 Takstblad 2025 (udkast)"): a number
 * of the item's own parts there lists an attachment, not a part of the item.  The
 * matcher's last match is kept; at most ATTACHMENT_LINES_MAX lines are looked back over,
 * none longer than ATTACHMENT_LINE_MAX bytes. */
enum { ATTACHMENT_LINES_MAX = 100, /* lines looked back over: the cost stays linear */
       ATTACHMENT_LINE_MAX = 240 };  /* bytes of an attachment's line or a heading */

static bool under_attachments(pk_segmenter *seg) {
  const char *text = seg->current.text.data;
  size_t end = seg->current.text.len;
  bool found = false, done = false;
  pk_matcher_hold(seg->matcher);
  for (size_t lines = 0; end > 0 && !done && lines < ATTACHMENT_LINES_MAX; lines++) {
    size_t start = end;
    while (start > 0 && text[start - 1] != '\n' && end - start <= ATTACHMENT_LINE_MAX) start--;
    if (end - start > ATTACHMENT_LINE_MAX) break; /* a paragraph: no heading, no entry */
    size_t from = start, stop = end;
    pk_trim_span(text, &from, &stop);
    end = start > 0 ? start - 1 : 0;
    if (from == stop) continue;
    size_t digits = from;
    while (digits < stop && text[digits] >= '0' && text[digits] <= '9') digits++;
    if (digits > from && digits + 1 < stop && text[digits] == '.' && text[digits + 1] >= '0' &&
        text[digits + 1] <= '9')
      continue; /* an attachment's line */
    size_t heading_end;
    const pk_rule *heading = pk_heading_line(seg->matcher, &seg->evidence, text + from, stop - from,
                                             &heading_end, NULL, 0);
    found = heading && strcmp(pk_rule_arg(heading), "attachments") == 0;
    done = true;
  }
  pk_matcher_restore(seg->matcher);
  return found;
}

/* With sequence=increasing an item rule only starts an item whose number is above the
 * previous item's: a numbered list inside an item ("1. at ...") is no new item.  Either
 * sequence also starts the item that restarts a contents list; sequence=restart starts
 * nothing else. */
bool pk_seg_in_sequence(pk_segmenter *seg, const pk_rule *rule, const char *text, size_t at) {
  const char *sequence = pk_rule_option(rule, "sequence");
  seg->restart_pending = false;
  if (!sequence) return true;
  char *number = pk_seg_group_text(seg->matcher, text, "number");
  char *title = pk_seg_group_cells(seg->matcher, text, "title");
  bool restart = restarts_contents(seg, number, title, pk_number_labelled(seg->matcher, text));
  free(title);
  if (restart) {
    pk_explain_note(seg->report->explain,
                    "rule %s: item %s repeats an entry of the contents list: the body starts here",
                    pk_rule_name(rule), number);
    free(number);
    seg->restart_pending = true;
    seg->list_next = 0;
    return true;
  }
  if (part_of_listed_item(seg, number)) {
    pk_explain_note(seg->report->explain,
                    "rule %s: %s is a part of item %ld, which the contents list names without "
                    "parts: not an item", pk_rule_name(rule), number, pk_seg_leading_integer(number));
    free(number);
    return false;
  }
  const char *before = seg->sequence_before ? seg->sequence_before : number_before(seg);
  if (!before && number && strcmp(sequence, "increasing") == 0 &&
      pk_outline_late_letter(number, strlen(number))) {
    pk_explain_note(seg->report->explain, "rule %s: %s opens no lettered list: not an item",
                    pk_rule_name(rule), number);
    free(number);
    return false;
  }
  if (number && strcmp(sequence, "increasing") == 0 &&
      !pk_outline_wide_in_place(pk_outline_of_number(before), pk_outline_of_number(number),
                                pk_number_labelled(seg->matcher, text))) {
    pk_explain_note(seg->report->explain, "rule %s: %s neither runs on from the item before nor "
                    "is labelled: not an item", pk_rule_name(rule), number);
    free(number);
    return false;
  }
  if (number && strcmp(sequence, "increasing") == 0 && before_worded(seg) &&
      pk_outline_leaps(pk_outline_of_number(before), pk_outline_of_number(number), true,
                       !pk_number_labelled(seg->matcher, text))) {
    pk_explain_note(seg->report->explain, "rule %s: the bare %s leaps from item %s, "
                    "numbered under a label: not an item", pk_rule_name(rule), number, before);
    free(number);
    return false;
  }
  if (strcmp(sequence, "increasing") != 0 || !before) {
    free(number);
    return strcmp(sequence, "restart") != 0;
  }
  pk_outline place = pk_outline_of_number(number), after = pk_outline_of_number(before);
  long value = place.major;
  if (place.major == after.major && place.minor >= 0 && after.minor < 0 &&
      under_attachments(seg)) {
    pk_explain_note(seg->report->explain, "rule %s: %s under item %s's attachments heading "
                    "lists an attachment: not an item", pk_rule_name(rule), number, before);
    free(number);
    return false;
  }
  free(number);
  /* "1. x 2. y 3. z" inside item 2: once a list has started below the item's number,
   * its next numbers are the list's too, even where they rise above the item's; but a
   * number in the list's own shape only ("1." ... "3." go on the list, "Pkt. 4" starts
   * the next item). */
  bool labelled = pk_number_labelled(seg->matcher, text);
  bool in_list = seg->list_next > 0 && value == seg->list_next && place.minor < 0 &&
                 labelled == seg->list_labelled;
  bool above_item = (value < 0 || after.major < 0 || pk_outline_compare(place, after) > 0) &&
                    !pk_outline_point_of(after, place);
  bool rising = !in_list && above_item;
  if (in_list && above_item && labelled == seg->current.caught.labelled &&
      decoder_started(seg, at)) {
    pk_explain_note(seg->report->explain,
                    "rule %s: number %ld after item %s would go on the list, but the decoder "
                    "starts an item here, over case fields", pk_rule_name(rule), value, before);
    rising = true;
  }
  seg->list_next = rising ? 0 : value + 1;
  if (!rising && !in_list) seg->list_labelled = labelled;
  if (!rising)
    pk_explain_note(seg->report->explain,
                    "rule %s: number %ld after item %s does not rise, or goes on a list: not an item (sequence=increasing)",
                    pk_rule_name(rule), value, before);
  return rising;
}

/* Whether the match's title, inside a unit, opens with the title the contents list gave
 * its number, or runs on past it ("2. Afdelingsbestyrelsens beretning Formanden Pia Krogh
 * fortalte ..." after "Dagsorden 1. ... 2. Afdelingsbestyrelsens beretning 3. ..."): the
 * list says where the title ends, where the page does not, and that a full stop inside
 * it ("Lokalplan 367 for Gyldenlundsvej. Endelig vedtagelse") is the title's. */
static bool listed_title_leads(pk_segmenter *seg, const char *text) {
  if (!seg->listed_count) return false;
  char *number = pk_seg_group_text(seg->matcher, text, "number");
  char *title = pk_seg_group_text(seg->matcher, text, "title");
  const char *listed = number && title ? pk_seg_listed_title_of(seg, number) : NULL;
  bool leads = listed && strlen(title) >= strlen(listed) &&
               pk_titles_agree(listed, strlen(listed), title, strlen(title));
  free(number);
  free(title);
  return leads;
}

/* pk_item_title_plausible, or a title the contents list's entry begins. */
static bool title_plausible(pk_segmenter *seg, const pk_rule *rule, const char *text,
                            size_t len) {
  return pk_item_title_plausible(seg->matcher, rule, text, len) || listed_title_leads(seg, text);
}

/* The checks of pk_item_title_plausible, and a contents heading is no item's title
 * ("53Indholdsfortegnelse lukket møde": the last entry's page number glued to the next
 * list's heading).  The matcher keeps the item rule's match. */
static bool item_title_plausible(pk_segmenter *seg, const pk_rule *rule, const char *text,
                                 size_t len, size_t from) {
  size_t start, end;
  if (!title_plausible(seg, rule, text, len)) return false;
  if (!pk_match_group(seg->matcher, "title", &start, &end) || !seg->sets[SET_CONTENTS].count)
    return true;
  bool contents = pk_seg_whole_line_of(seg, SET_CONTENTS, NULL, text, start, end);
  /* The item rule's match again, which the contents rules' search replaced. */
  return !contents && pk_match(seg->matcher, rule, text, len, from, true) == PK_MATCH_FOUND;
}

/* Whether the item rule RULE may start an item at the piece being read: an
 * at=page-start rule only at the start of a page's first unit. */
static bool applies_here(const pk_segmenter *seg, const pk_rule *rule) {
  return !pk_rule_at_page_start(rule) || seg->piece_opens_page;
}

/* The first rule of SET matching at the start of the unit, or NULL. */
static const pk_rule *start_rule(pk_segmenter *seg, rule_set set, const char *text,
                                 size_t len, size_t from, long page) {
  for (size_t i = 0; i < seg->sets[set].count; i++) {
    const pk_rule *rule = seg->sets[set].rules[i];
    if (!rule || (set == SET_ITEM && (pk_rule_lines(rule) > 1 || !applies_here(seg, rule))))
      continue; /* see pk_seg_look_ahead */
    /* A contents rule reads the unit's line for its words: not tried where none stands
     * (looked for only where the unit's first byte may start a match). */
    if ((set != SET_CONTENTS ||
         (pk_rule_may_start(rule, text, len, from) && pk_rule_may_hold_at(rule, text, len, from))) &&
        pk_match(seg->matcher, rule, text, len, from, true) == PK_MATCH_FOUND &&
        (set != SET_ITEM || item_title_plausible(seg, rule, text, len, from)) &&
        pk_seg_in_sequence(seg, rule, text, seg->unit_byte + pk_match_start(seg->matcher)))
      return seg->started_by = rule;
  }
  return NULL;
}

/* Whether the kind rules call the text an agenda: its decision headings are empty. */
static bool is_agenda(const pk_segmenter *seg) { return seg->kind && strcmp(seg->kind, "dagsorden") == 0; }

/* In a title-less export: whether the unit is a heading that opens an item (see
 * pk_template_opens); the item then starts with the heading. */
static bool opens_by_template(pk_segmenter *seg, const char *text, size_t len, size_t from) {
  pk_evidence sections = {seg->sets[SET_SECTION].rules, seg->sets[SET_SECTION].count};
  size_t heading_end;
  const pk_rule *heading =
      pk_heading_line(seg->matcher, &sections, text + from, len - from, &heading_end, NULL, 0);
  if (!heading) return false;
  const char *kind = pk_rule_arg(heading);
  size_t start, end;
  bool titled = seg->template_titles && pk_template_asks_title(&seg->template, kind) &&
                seg->current.text.data &&
                pk_template_title(seg->matcher, &seg->evidence, seg->current.text.data,
                                  seg->current.text.len, is_agenda(seg), &start, &end);
  /* pk_template_title searched other rules: the heading's match again. */
  if (titled)
    pk_heading_line(seg->matcher, &sections, text + from, len - from, &heading_end, NULL, 0);
  if (!pk_template_opens(&seg->template, kind, text + from, heading_end, titled)) return false;
  seg->started_by = heading;
  seg->template_start = true;
  return true;
}

/* Which block, if any, the unit starts; the matcher then holds the starting match. */
static bool unit_starts_block(pk_segmenter *seg, const char *text, size_t len, size_t from,
                              long page, block_kind *kind) {
  block_kind now = seg->current.kind;
  seg->template_start = false;
  if (now == BLOCK_PREAMBLE || now == BLOCK_ITEM) {
    if (start_rule(seg, SET_ITEM, text, len, from, page)) return *kind = BLOCK_ITEM, true;
    if (seg->by_template && opens_by_template(seg, text, len, from))
      return *kind = BLOCK_ITEM, true;
  }
  if (now == BLOCK_PREAMBLE) return false;
  if (start_rule(seg, SET_APPENDIX, text, len, from, page)) return *kind = BLOCK_APPENDIX, true;
  if (now == BLOCK_ITEM && start_rule(seg, SET_BACKMATTER, text, len, from, page))
    return *kind = BLOCK_UNCLASSIFIED, true;
  return false;
}

/* Appends a unit, or a piece of one: only a unit's end is followed by "\n" in the
 * cleaned text. */
static bool append_piece(block *blk, const char *text, size_t len, long page, bool unit_ends) {
  if (!pk_reserve((void **)&blk->marks, &blk->mark_cap, blk->mark_count + 1, sizeof *blk->marks))
    return false;
  blk->marks[blk->mark_count++] = (unit_mark){blk->text.len, page};
  return pk_buf_append(&blk->text, text, len) &&
         (!unit_ends || pk_buf_append_char(&blk->text, '\n'));
}

/* With a table of contents, the page on which a listed item starts starts its block. */
static const pk_toc_entry *listed_item_here(pk_segmenter *seg, long page) {
  block_kind now = seg->current.kind;
  if (page <= 0 || (now != BLOCK_PREAMBLE && now != BLOCK_ITEM)) return NULL;
  const pk_toc_entry *found = NULL;
  while (seg->toc_next < seg->toc.count && seg->toc.entries[seg->toc_next].page <= page) {
    const pk_toc_entry *entry = &seg->toc.entries[seg->toc_next++];
    if (found)
      pk_report_diagnostic(seg->report, "warning", page, -1,
                           "the table of contents starts \"%s\" on page %ld, where \"%s\" starts "
                           "too; it is kept in that item", entry->title, entry->page, found->title);
    found = entry;
  }
  return found;
}

static bool start_listed_item(pk_segmenter *seg, const pk_toc_entry *entry, long page) {
  pk_explain_note(seg->report->explain, "page %ld: item \"%s\" starts here, as the table of contents says",
                  page, entry->title);
  bool ok = pk_seg_finish_block(seg);
  pk_seg_block_reset(&seg->current, BLOCK_ITEM, seg->cleaned_chars);
  seg->current.byte_start = seg->cleaned_bytes;
  seg->block_id++;
  seg->current.from_toc = true;
  seg->current.caught.title = pk_strndup(entry->title, strlen(entry->title));
  if (entry->number) seg->current.caught.number = pk_strndup(entry->number, strlen(entry->number));
  return ok;
}

/* Reads one piece of a unit, UNIT[at, end): the whole unit, or the part from one item
 * start to the next when item rules with at=anywhere start items inside it.  Rules see
 * the unit up to END, so a look-behind sees what precedes the piece. */
/* A numbered list inside an item goes on with a line numbered next whatever the line
 * says ("2. 30 km/t i hele bymidten" is no title, but the list's second point), so that
 * its third point is not taken for the next item.  A section heading ends the list: the
 * next number after it is the next item's ("1. Enkeltrettede stier", "2. Dobbeltrettet
 * sti", ... "Beslutning", "3. Forlængelse af aftale ..."). */
static void follow_list(pk_segmenter *seg, const char *line, size_t len) {
  if (seg->list_next <= 0) return;
  pk_evidence sections = {seg->sets[SET_SECTION].rules, seg->sets[SET_SECTION].count};
  size_t heading_end;
  if (pk_heading_line(seg->matcher, &sections, line, len, &heading_end, NULL, 0)) {
    seg->list_next = 0;
    return;
  }
  long value = 0;
  size_t i = 0;
  while (i < len && i < 4 && line[i] >= '0' && line[i] <= '9') value = value * 10 + (line[i++] - '0');
  if (i == 0 || i >= len || (line[i] != '.' && line[i] != ')')) return;
  if (value == seg->list_next) seg->list_next++;
}

/* In a layout read by the template of headings: where the line before the heading that
 * opens an item is its title (pk_template_title), that line's unit leaves the block being
 * read for TITLE_LINE, to start the new item; its title is CAUGHT's, and the item's body
 * starts after it (*BODY_FROM).  False when out of memory. */
static bool take_title_line(pk_segmenter *seg, block *title_line, captures *caught,
                            size_t *body_from) {
  block *blk = &seg->current;
  size_t start, end;
  if (!blk->text.data ||
      !pk_template_title(seg->matcher, &seg->evidence, blk->text.data, blk->text.len, is_agenda(seg),
                         &start, &end))
    return true;
  size_t line_start = start;
  while (line_start > 0 && blk->text.data[line_start - 1] != '\n') line_start--;
  free(caught->title);
  caught->title = pk_collapse_ws(blk->text.data, start, end);
  *body_from = end - line_start;
  return caught->title && pk_seg_move_tail(blk, line_start, title_line);
}

/* Whether the item being read is only the line of a numbered group ("2. Sager til
 * orientering") whose first item, NUMBER ("2.1"), starts now: then the line goes with that
 * item, and the group is no item of its own. */
static bool heads_group(pk_segmenter *seg, const char *number) {
  const block *blk = &seg->current;
  if (blk->kind != BLOCK_ITEM || !number ||
      !pk_outline_opens_group(pk_outline_of_number(blk->caught.number),
                              pk_outline_of_number(number)))
    return false;
  size_t start = blk->body_from, end = blk->text.len;
  if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
  return start >= end;
}

/* Whether a case field rule finds a case number in TEXT[0, LEN) (a block's). */
static bool has_case_field(pk_segmenter *seg, const char *text, size_t len) {
  char *value = pk_seg_field_value(seg, "case", text, len);
  free(value);
  return value != NULL;
}

/* Where the block being read ends in a line of its own that gives an access or a case
 * number, and text stands before it: the line heads the item that starts now ("ÅBEN SAG"
 * / "19. Title", "Sagnr.: 1-30-11-06-V" / "32. Title"), as templates print them above the
 * title.  Its start in *LINE_START.  (An item whose only text is such a line keeps it:
 * "1. Title" / "Åben sag" / "2. Title", unless it is a contents list's last entry.) */
static bool field_line_ends_block(pk_segmenter *seg, size_t *line_start) {
  const block *blk = &seg->current;
  if (!blk->text.data || (blk->kind != BLOCK_ITEM && blk->kind != BLOCK_PREAMBLE)) return false;
  const char *text = blk->text.data;
  size_t start = blk->kind == BLOCK_ITEM ? blk->body_from : 0, end = blk->text.len;
  pk_trim_span(text, &start, &end);
  if (start >= end) return false;
  size_t from = end;
  while (from > start && text[from - 1] != '\n') from--;
  size_t before_start = start, before_end = from;
  pk_trim_span(text, &before_start, &before_end);
  /* The last entry of a contents list the new item restarts has nothing else. */
  bool alone = before_start >= before_end && !seg->restart_pending;
  if (alone) return false;
  /* A case number's line goes with the next item where the item it ends has one of its
   * own (or it ends no item, or a contents list's last entry): templates print it above
   * the title.  An item without one
   * takes it at its end ("... var fraværende." / "Sagsnummer: 1-30-72-14-19"), as regions
   * print it under the decision. */
  bool own_case = blk->kind != BLOCK_ITEM || seg->restart_pending || blk->caught.case_number ||
                  has_case_field(seg, text, before_end);
  if (!pk_seg_whole_line_of(seg, SET_FIELD, "access", text, from, end) &&
      !(own_case && pk_seg_whole_line_of(seg, SET_FIELD, "case", text, from, end)))
    return false;
  *line_start = from;
  return true;
}

/* A title that ends its line may go on on the next (pdftotext's columns, a narrow web
 * column: "2. Forslag til ændring af betalingsvedtægt for" / "affaldsområdet 2025"): a
 * title-wrap rule reads the title, a newline and LINE[0, len), and where one matches,
 * the line is the title's too. */
/* Whether the contents list's entry for the item being read goes on past its title with
 * JOINED (the title and its next line, white space collapsed): "Punkt 3 (Åben) Forslag til
 * lokalplan nr. 1.234 for boliger ved" / "Kløvermarken, Tårup Mark" under an entry that
 * gives the whole title on one line. */
static bool listed_title_goes_on(const pk_segmenter *seg, const char *title, const char *joined) {
  const char *number = seg->current.caught.number;
  const char *listed = number ? pk_seg_listed_title_of(seg, number) : NULL;
  size_t joined_len = strlen(joined);
  return listed && joined_len > strlen(title) && strncmp(listed, joined, joined_len) == 0 &&
         (listed[joined_len] == '\0' || listed[joined_len] == ' ');
}

static bool wrap_title(pk_segmenter *seg, const char *line, size_t len, bool *wrapped) {
  char *title = seg->current.caught.title;
  size_t title_len = strlen(title);
  pk_buf subject = {0};
  bool ok = pk_buf_append(&subject, title, title_len) && pk_buf_append(&subject, "\n", 1) &&
            pk_buf_append(&subject, line, len);
  char *listed = ok ? pk_collapse_ws(subject.data, 0, subject.len) : NULL;
  if (listed && listed_title_goes_on(seg, title, listed)) {
    pk_explain_note(seg->report->explain, "the title \"%s\" goes on on the next line, as the "
                    "contents list gives it: \"%s\"", title, listed);
    free(title);
    seg->current.caught.title = listed;
    *wrapped = true;
    pk_buf_free(&subject);
    return true;
  }
  free(listed);
  for (size_t i = 0; ok && i < seg->sets[SET_TITLE_WRAP].count; i++) {
    const pk_rule *rule = seg->sets[SET_TITLE_WRAP].rules[i];
    if (!rule || pk_match(seg->matcher, rule, subject.data, subject.len, 0, false) != PK_MATCH_FOUND)
      continue;
    char *joined = pk_collapse_ws(subject.data, 0, subject.len);
    ok = joined != NULL;
    if (ok) {
      pk_explain_note(seg->report->explain, "%s:%ld: the title \"%s\" goes on on the next line "
                      "(%s): \"%s\"", pk_rule_file(rule), pk_rule_line(rule), title,
                      pk_rule_name(rule), joined);
      free(title);
      seg->current.caught.title = joined;
      *wrapped = true;
    }
    break;
  }
  pk_buf_free(&subject);
  return ok;
}

enum { TITLE_LINES_MAX = 4,      /* lines a title runs over */
       TITLE_HELD_LINE_MAX = 80 }; /* bytes of a line held for the title */

/* Whether LINE[0, LEN) is a line of an item's header fields: its access ("Åben sag"), its
 * case number ("Sagsnr.: 23/19870"). */
static bool is_field_line(pk_segmenter *seg, const char *line, size_t len) {
  return pk_seg_whole_line_of(seg, SET_FIELD, "access", line, 0, len) ||
         pk_seg_whole_line_of(seg, SET_FIELD, "case", line, 0, len);
}

/* Whether LINE[0, LEN) may go on the title TITLE: short, ending no label, not a page's
 * control ("expand_more"), and opening in small letters or a digit ("renovering af", "12
 * broer i") or after a short word in small letters that cannot end a title ("... 12 broer
 * i" / "Kalvehave-området"). */
static bool may_go_on_title(const char *title, size_t end, const char *line, size_t len) {
  char last = len ? line[len - 1] : ':';
  if (len > TITLE_HELD_LINE_MAX || last == ':' || memchr(line, '_', len)) return false;
  unsigned char first = (unsigned char)line[0];
  bool small = (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9') ||
               (first == 0xC3 && len > 1 && (unsigned char)line[1] >= 0xA0);
  size_t word = end;
  while (word > 0 && title[word - 1] >= 'a' && title[word - 1] <= 'z') word--;
  bool joining = end - word >= 1 && end - word <= 3 && (word == 0 || title[word - 1] == ' ');
  return small || joining;
}

/* The next line after a title that ends its line, LINE[0, LEN): a title-wrap rule may
 * carry the title on (see wrap_title), line after line.  Lines no rule joins but that may
 * be a title's are held, and go on the title where a line of the item's header fields
 * follows them with no blank line: a narrow column breaks "Anlægsbevilling til" /
 * "renovering af" / "12 broer i" / "Kalvehave-området" / "Åben sag". */
static bool go_on_title(pk_segmenter *seg, const char *line, size_t len, bool *wrapped) {
  block *blk = &seg->current;
  bool ok = true;
  if (!blk->title_held) {
    ok = wrap_title(seg, line, len, wrapped);
    if (*wrapped) {
      blk->title_open = ++blk->title_lines + 1 < TITLE_LINES_MAX;
      return ok;
    }
  }
  /* A line drawn under the title closes it, whatever its lines end in; a field line only
   * a title whose lines end no sentence. */
  bool underline = pk_is_rule_line(line, len), field = underline || is_field_line(seg, line, len);
  if (field && (!blk->title_held || (!underline && blk->title_held_sentence))) {
    blk->title_open = false, blk->title_held = 0;
    return ok;
  }
  if (field) {
    pk_buf joined = {0};
    ok = pk_buf_append_str(&joined, blk->caught.title) && pk_buf_append_char(&joined, '\n') &&
         pk_buf_append(&joined, blk->text.data + blk->title_held_from,
                       blk->text.len - blk->title_held_from);
    char *title = ok ? pk_collapse_ws(joined.data, 0, joined.len) : NULL;
    pk_buf_free(&joined);
    if (!title) return false;
    pk_explain_note(seg->report->explain, "the title \"%s\" goes on over the %u line(s) before "
                    "the item's field line: \"%s\"", blk->caught.title, blk->title_held, title);
    free(blk->caught.title);
    blk->caught.title = title;
    blk->title_open = false, blk->title_held = 0;
    *wrapped = true;
    return true;
  }
  /* The line before this one: the title's, or the last held. */
  const char *before = blk->caught.title;
  size_t before_end = strlen(before);
  if (blk->title_held) {
    size_t start = blk->title_held_from, end = blk->text.len;
    pk_trim_span(blk->text.data, &start, &end);
    const char *text = blk->text.data;
    size_t line_start = end;
    while (line_start > start && text[line_start - 1] != '\n') line_start--;
    before = text + line_start, before_end = end - line_start;
  }
  if (blk->title_lines + blk->title_held + 1 < TITLE_LINES_MAX &&
      may_go_on_title(before, before_end, line, len)) {
    if (!blk->title_held) blk->title_held_from = blk->text.len, blk->title_held_sentence = false;
    blk->title_held++;
    blk->title_held_sentence |= pk_reflow_ends_sentence(line, len);
    return ok;
  }
  blk->title_open = false, blk->title_held = 0;
  return ok;
}

/* Before the body: a line that reads as a contents list's entry (an "entry" rule) keeps
 * its title for the item of its number. */
static bool take_piece(pk_segmenter *seg, const char *unit, size_t at, size_t end, long page,
                       bool unit_ends) {
  size_t from = at, stop = end;
  pk_trim_span(unit, &from, &stop);
  block_kind kind;
  bool ok = true, wrapped = false;
  seg->piece_opens_page = seg->opens_page && at == 0;
  const pk_rule *contents =
      !seg->document_sent && from < stop ? start_rule(seg, SET_CONTENTS, unit, end, from, page) : NULL;
  if (contents && pk_rule_option(contents, "entries") && strcmp(pk_rule_option(contents, "entries"), "bare") == 0)
    seg->contents_bare = true;
  else if (contents)
    seg->contents_seen = true;
  const pk_toc_entry *listed = seg->toc.count ? listed_item_here(seg, page) : NULL;
  if (listed) {
    ok = start_listed_item(seg, listed, page);
  } else if (from < stop && !seg->unit_taken && unit_starts_block(seg, unit, end, from, page, &kind)) {
    static const char *const STARTS[] = {"preamble", "item starts", "appendix starts",
                                         "unclassified back matter starts"};
    size_t match_start = pk_match_start(seg->matcher);
    pk_explain_match(seg->report->explain, seg->started_by, STARTS[kind], page,
                     pk_seg_explain_offset(seg, seg->cleaned_chars, unit + at, match_start - at), unit,
                     match_start, pk_match_end(seg->matcher));
    captures caught = {0};
    pk_seg_capture_start(seg, unit, &caught);
    bool title_open = kind == BLOCK_ITEM && at == 0 && caught.title && seg->started_by &&
                      pk_rule_lines(seg->started_by) == 1 && pk_match_end(seg->matcher) >= stop;
    /* An item the template opens starts with its heading, which is its first section;
     * or with its title, the line before it, taken from the block before. */
    size_t body_from = seg->template_start ? 0 : pk_match_end(seg->matcher) - at;
    block carried = {.kind = BLOCK_ITEM}; /* text of the block before that the new one takes */
    if (seg->template_start && seg->template_titles)
      ok = take_title_line(seg, &carried, &caught, &body_from);
    bool group = kind == BLOCK_ITEM && heads_group(seg, caught.number);
    if (group) {
      pk_explain_note(seg->report->explain, "item %s opens the group %s, which has nothing "
                      "else under it: the group's line goes with it", caught.number,
                      seg->current.caught.number);
      ok = ok && pk_seg_move_tail(&seg->current, 0, &carried);
    }
    size_t field_at;
    bool field_above = kind == BLOCK_ITEM && at == 0 && !group && !seg->template_start &&
                       field_line_ends_block(seg, &field_at);
    if (field_above) {
      pk_explain_note(seg->report->explain, "the access or case line above item %s is its own",
                      caught.number ? caught.number : "(unnumbered)");
      ok = ok && pk_seg_move_tail(&seg->current, field_at, &carried);
    }
    bool restart = kind == BLOCK_ITEM && seg->restart_pending;
    seg->current.contents_tail = restart;
    seg->next_start = kind == BLOCK_ITEM && caught.number ? pk_seg_leading_integer(caught.number) : -1;
    ok = ok && (group || pk_seg_finish_block(seg));
    seg->next_start = -1;
    seg->contents_closed = seg->contents_closed || restart;
    pk_seg_block_reset(&seg->current, kind,
                       seg->cleaned_chars - pk_utf8_count(carried.text.data, carried.text.len));
    seg->current.byte_start = seg->cleaned_bytes - carried.text.len;
    /* The start's match is read after the group's line (a title line holds it). */
    if (group || field_above) body_from += carried.text.len;
    if (carried.text.len) ok = ok && pk_seg_move_tail(&carried, 0, &seg->current);
    pk_seg_block_reset(&carried, BLOCK_ITEM, 0);
    seg->block_id++;
    seg->current.caught = caught;
    seg->current.body_from = body_from;
    seg->current.inside_unit = at > 0;
    seg->current.title_open = title_open;
  } else if (from < stop) {
    /* Not the title's own line, which a look-ahead rule's match ran into. */
    if (seg->current.title_open && !seg->unit_taken) ok = go_on_title(seg, unit + from, stop - from, &wrapped);
    follow_list(seg, unit + from, stop - from);
    if (!seg->document_sent && !pk_seg_note_entry_line(seg, unit, end, from)) ok = false;
  }
  if (from >= stop) seg->current.title_open = false, seg->current.title_held = 0; /* a blank line ends a title */
  ok = ok && append_piece(&seg->current, unit + at, end - at, page, unit_ends);
  /* The title's line is no section's: headings are searched after it ("... TEKNIK OG" /
   * "MILJØ", a word of the headings' lexicon). */
  if (wrapped) seg->current.body_from = seg->current.text.len;
  seg->cleaned_chars += pk_utf8_count(unit + at, end - at) + unit_ends;
  seg->cleaned_bytes += end - at + unit_ends;
  return ok;
}

static size_t search_inner_start(pk_segmenter *seg, const char *text, size_t len, size_t at);

/* The number of the item a one-line item rule starts at TEXT[at] (white space skipped)
 * where it rises or restarts the contents list, else NULL; the caller frees it.  Nothing
 * of the segmenter's state changes: the piece is taken later. */
static char *piece_lead_number(pk_segmenter *seg, const char *text, size_t len, size_t at) {
  size_t from = at, stop = len;
  pk_trim_span(text, &from, &stop);
  for (size_t i = 0; from < stop && i < seg->sets[SET_ITEM].count; i++) {
    const pk_rule *rule = seg->sets[SET_ITEM].rules[i];
    if (!rule || pk_rule_lines(rule) > 1 || (at > 0 && pk_rule_at_page_start(rule))) continue;
    if (pk_match(seg->matcher, rule, text, len, from, true) != PK_MATCH_FOUND ||
        !title_plausible(seg, rule, text, len))
      continue;
    char *number = pk_seg_group_text(seg->matcher, text, "number");
    char *title = pk_seg_group_text(seg->matcher, text, "title");
    const char *before = number_before(seg);
    bool leads = number && (!before ||
                            restarts_contents(seg, number, title, pk_number_labelled(seg->matcher, text)) ||
                            pk_outline_compare(pk_outline_of_number(number),
                                               pk_outline_of_number(before)) > 0);
    free(title);
    if (leads) return number;
    free(number);
    return NULL;
  }
  return NULL;
}

/* Where, after its first character, an item rule with at=anywhere starts an item inside
 * TEXT[at, len) (transcripts with several items on a page); LEN if none does.  The starts
 * inside follow the item the piece itself starts, if it starts one: after a contents
 * list, the page that restarts it at item 1 holds item 2 as well. */
static size_t inner_item_start(pk_segmenter *seg, const char *text, size_t len, size_t at) {
  block_kind now = seg->current.kind;
  if (now != BLOCK_PREAMBLE && now != BLOCK_ITEM) return len;
  /* Only a start inside the unit asks what its piece starts with (whether it rises, and
   * whether it numbers on closely from it). */
  seg->sequence_before = seg->inner_rising ? piece_lead_number(seg, text, len, at) : NULL;
  size_t earliest = search_inner_start(seg, text, len, at);
  free(seg->sequence_before);
  seg->sequence_before = NULL;
  return earliest;
}

/* Whether the number of the item rule's match inside a unit follows the item before it
 * closely (PK_INLINE_GAP_MAX). */
static bool numbers_on_closely(const pk_segmenter *seg, const char *text) {
  size_t start, end;
  const char *before = seg->sequence_before ? seg->sequence_before : number_before(seg);
  if (!before || !pk_match_group(seg->matcher, "number", &start, &end)) return true;
  pk_outline place = pk_outline_of(text + start, end - start), after = pk_outline_of_number(before);
  return place.major < 0 || after.major < 0 || place.major <= after.major + PK_INLINE_GAP_MAX;
}

static size_t search_inner_start(pk_segmenter *seg, const char *text, size_t len, size_t at) {
  size_t earliest = len;
  for (size_t i = 0; i < seg->sets[SET_ITEM].count; i++) {
    const pk_rule *rule = seg->sets[SET_ITEM].rules[i];
    if (!pk_rule_inside_units(rule, seg->run_together) || pk_rule_lines(rule) > 1) continue;
    for (size_t from = pk_seg_next_char(text, len, at); from < earliest;) {
      if (pk_match(seg->matcher, rule, text, len, from, false) != PK_MATCH_FOUND) break;
      size_t start = pk_match_start(seg->matcher);
      if (start >= earliest) break;
      /* Only a search: the list being followed stays as it is until a piece is taken. */
      long list_next = seg->list_next;
      bool list_labelled = seg->list_labelled;
      bool found = title_plausible(seg, rule, text, len) && numbers_on_closely(seg, text) &&
                   pk_seg_in_sequence(seg, rule, text, seg->unit_byte + start);
      seg->list_next = list_next, seg->list_labelled = list_labelled;
      if (found) {
        earliest = start;
        break;
      }
      from = pk_seg_next_char(text, len, start);
    }
  }
  return earliest;
}

static bool read_unit(pk_segmenter *seg, const char *text, size_t len, long page) {
  if (seg->lines_max > 1 && !pk_seg_look_ahead(seg, text, len)) return false;
  size_t block_at = seg->current.text.len, char_at = seg->cleaned_chars;
  unsigned long block_id = seg->block_id;
  seg->unit_byte = seg->cleaned_bytes;
  for (size_t at = 0;;) {
    size_t split = inner_item_start(seg, text, len, at);
    if (!take_piece(seg, text, at, split, page, split == len)) return false;
    if (split == len) break;
    at = split;
  }
  if (seg->lines_max < 2) return true;
  bool started = seg->block_id != block_id;
  return pk_seg_hold_probe(seg, text, len, page, started ? 0 : block_at, char_at, started);
}

bool pk_segmenter_unit(void *opaque, const char *text, size_t len, long page) {
  pk_segmenter *seg = opaque;
  if (seg->failed) return false;
  seg->opens_page = page > 0 && page != seg->last_page;
  seg->last_page = page;
  if (!read_unit(seg, text, len, page)) seg->failed = true;
  return !seg->failed;
}

bool pk_segmenter_finish(pk_segmenter *seg) {
  if (seg->failed) return false;
  if (seg->lines_max > 1 && !pk_seg_look_ahead(seg, NULL, 0)) {
    seg->failed = true;
    return false;
  }
  for (size_t i = seg->toc_next; i < seg->toc.count; i++)
    pk_report_diagnostic(seg->report, "warning", seg->toc.entries[i].page, -1,
                         "the table of contents lists \"%s\" on page %ld, which the document "
                         "does not reach", seg->toc.entries[i].title, seg->toc.entries[i].page);
  bool ok = pk_seg_finish_block(seg) && pk_seg_ensure_document(seg);
  pk_seg_block_reset(&seg->current, BLOCK_PREAMBLE, seg->cleaned_chars);
  seg->current.byte_start = seg->cleaned_bytes;
  if (!ok) seg->failed = true;
  return ok;
}

pk_segmenter *pk_segmenter_new(const pk_rules *rules, pk_matcher *matcher, pk_report *report,
                               pk_sink *sink, const char *sha256) {
  pk_segmenter *seg = calloc(1, sizeof *seg);
  if (!seg) return NULL;
  seg->item_numbers = pk_numset_new();
  if (!seg->item_numbers) {
    free(seg);
    return NULL;
  }
  seg->rules = rules;
  seg->matcher = matcher;
  seg->report = report;
  seg->sink = sink;
  seg->next_start = -1;
  seg->sha256 = sha256;
  seg->current.kind = BLOCK_PREAMBLE;
  return seg;
}

static void free_sets(pk_segmenter *seg) {
  for (size_t i = 0; i < SET_COUNT; i++) free(seg->sets[i].rules);
  memset(seg->sets, 0, sizeof seg->sets);
  pk_decision_rules_free(&seg->decisions);
}

static bool select_sets(pk_segmenter *seg, const char *profile) {
  free_sets(seg);
  for (size_t set = 0; set < SET_COUNT; set++) {
    rule_list *list = &seg->sets[set];
    list->rules = pk_rules_select(seg->rules, SET_KINDS[set], profile, &list->count);
    if (!list->rules) return false;
  }
  return pk_decision_rules_select(&seg->decisions, seg->rules, profile);
}

/* A text no kind rule names whose items the decoder found, and whose decision headings
 * have text after them, is a meeting's minutes (an agenda's decision headings, where it
 * prints them, are empty; without them, an excerpt of minutes may not reach a decision,
 * so the kind stays unknown). */
static void infer_kind(pk_segmenter *seg, const pk_item_proposal *chosen) {
  if (strcmp(seg->kind, "other") != 0 || !chosen->count || chosen->explained == 0 ||
      !chosen->decided)
    return;
  seg->kind = "referat";
  pk_explain_note(seg->report->explain, "document kind %s: no kind rule names it, and its "
                  "items show %zu decisions with text", seg->kind, chosen->decided);
}

enum { RUN_TOGETHER_MIN = 400 }; /* bytes of the line a text ran into */

/* Whether TEXT[0, LEN) is plain text whose lines ran into one: one line holds at least half
 * of it (and RUN_TOGETHER_MIN bytes), as a page of short minutes pasted as one paragraph;
 * not a PDF's text, whose paragraphs are many lines. */
static bool runs_together(const char *text, size_t len) {
  size_t longest = 0;
  for (size_t at = 0; at < len;) {
    const char *newline = memchr(text + at, '\n', len - at);
    size_t end = newline ? (size_t)(newline - text) : len;
    if (end - at > longest) longest = end - at;
    at = end + 1;
  }
  return longest >= RUN_TOGETHER_MIN && longest * 2 >= len;
}

/* The item rules come from the decoder: of every profile's and the layout-independent
 * ones, those that explain the start of the document best. */
static bool choose_item_rules(pk_segmenter *seg, const char *profile, long score, bool forced,
                              const pk_start *start) {
  const pk_rule **evidence = malloc((seg->sets[SET_SECTION].count + seg->sets[SET_FIELD].count + 1) *
                                    sizeof *evidence);
  if (!evidence) return false;
  size_t count = 0;
  for (size_t i = 0; i < seg->sets[SET_SECTION].count; i++) evidence[count++] = seg->sets[SET_SECTION].rules[i];
  for (size_t i = 0; i < seg->sets[SET_FIELD].count; i++) evidence[count++] = seg->sets[SET_FIELD].rules[i];
  pk_evidence matter = {evidence, count};
  free((void *)seg->evidence.rules);
  seg->evidence = matter;
  bool named = false;
  seg->kind = pk_seg_document_kind(seg, seg->start_text, seg->start_len, &named); /* start's bytes */
  /* The section rules' matches in the window, for the items it holds (search.c). */
  pk_window_matches_free(seg->window_found, seg->window_found_count);
  seg->window_found = calloc(count + 1, sizeof *seg->window_found);
  seg->window_found_count = seg->window_found ? count : 0;
  bool pages = pk_start_units_are_pages(start);
  /* Not a PDF's pages, nor a text wrapped at a width whose paragraphs the cleaner joined. */
  seg->run_together = !pages && !seg->report->pages && !seg->report->reflowed &&
                      runs_together(start->text, start->len);
  pk_evidence contents = {seg->sets[SET_CONTENTS].rules, seg->sets[SET_CONTENTS].count};
  pk_evidence groups = {seg->sets[SET_GROUP].rules, seg->sets[SET_GROUP].count};
  pk_decoding how = {.profile = profile, .detected = score > 0, .forced = forced,
                     .named_record = strcmp(seg->kind, "other") != 0,
                     .named_other = named && strcmp(seg->kind, "other") == 0,
                     .agenda = is_agenda(seg),
                     .evidence = &matter, .contents = &contents, .groups = &groups,
                     .window = start->text, .len = start->len,
                     .pages = pages, .run_together = seg->run_together, .start = start,
                     .explain = seg->report->explain, .found = seg->window_found,
                     .scan = seg->start_scan};
  pk_item_proposal chosen;
  bool ok = pk_decode_item_rules(seg->rules, seg->matcher, &how, &chosen);
  if (!ok) return false;
  free(seg->decoded);
  seg->decoded = chosen.starts;
  seg->decoded_count = chosen.start_count;
  infer_kind(seg, &chosen);
  free(seg->sets[SET_ITEM].rules);
  /* At=text rules only read plain text whose lines ran into one. */
  size_t kept = 0;
  for (size_t i = 0; i < chosen.count; i++)
    if (pk_rule_applies(chosen.rules[i], seg->run_together)) chosen.rules[kept++] = chosen.rules[i];
  seg->sets[SET_ITEM].rules = chosen.rules;
  seg->sets[SET_ITEM].count = kept;
  seg->by_template = chosen.label == PK_TEMPLATE_PROPOSAL;
  seg->template_titles = seg->by_template && chosen.titled > 0;
  seg->lines_max = 1;
  seg->inner_rising = false;
  for (size_t i = 0; i < chosen.count; i++) {
    const pk_rule *rule = chosen.rules[i];
    if (pk_rule_lines(rule) > seg->lines_max) seg->lines_max = pk_rule_lines(rule);
    seg->inner_rising = seg->inner_rising ||
                        (pk_rule_inside_units(rule, seg->run_together) && pk_rule_lines(rule) == 1);
  }
  return true;
}

bool pk_segmenter_choose(void *opaque, const char *profile, long score, bool forced,
                         const pk_start *start) {
  pk_segmenter *seg = opaque;
  const char *text = start->text;
  size_t len = start->len;
  /* The start kept, with the selector's scan of it: the decoder, the document's kind and
   * its metadata search it. */
  free(seg->start_text);
  seg->start_text = pk_strndup(text, len);
  seg->start_len = len;
  pk_scan_free(seg->start_scan);
  seg->start_scan = pk_scan_copy(start->scan, seg->start_text);
  if (!seg->start_text || !select_sets(seg, profile) ||
      !choose_item_rules(seg, profile, score, forced, start))
    return false;
  seg->profile = profile;
  seg->profile_score = score;
  seg->window_whole = len;
  while (seg->window_whole > 0 && text[seg->window_whole - 1] != '\n') seg->window_whole--;
  if (!pk_toc_parse(&seg->toc, seg->rules, seg->matcher, profile, text, len)) return false;
  for (size_t i = 0; i < seg->toc.count; i++)
    pk_explain_note(seg->report->explain, "table of contents: item %s \"%s\" starts on page %ld",
                    seg->toc.entries[i].number ? seg->toc.entries[i].number : "(no number)",
                    seg->toc.entries[i].title, seg->toc.entries[i].page);
  return seg->start_text != NULL;
}

void pk_segmenter_free(pk_segmenter *seg) {
  if (!seg) return;
  pk_seg_block_reset(&seg->current, BLOCK_PREAMBLE, 0);
  pk_seg_block_reset(&seg->preamble, BLOCK_PREAMBLE, 0);
  for (size_t i = 0; i < seg->held_count; i++) pk_seg_block_reset(&seg->held[i], BLOCK_PREAMBLE, 0);
  free(seg->held);
  pk_keyindex_free(&seg->held_by_place);
  free(seg->decoded);
  for (size_t i = 0; i < seg->listed_count; i++) free(seg->listed[i].title);
  free(seg->listed);
  pk_keyindex_free(&seg->listed_by_place);
  free(seg->last_number);
  free(seg->contents_number);
  free(seg->contents_title);
  free(seg->start_text);
  pk_scan_free(seg->start_scan);
  free(seg->meeting_body);
  pk_window_matches_free(seg->window_found, seg->window_found_count);
  pk_seg_drop_probes(seg, seg->probe_count);
  pk_buf_free(&seg->lookahead);
  free_sets(seg);
  free((void *)seg->evidence.rules);
  pk_toc_free(&seg->toc);
  pk_numset_free(seg->item_numbers);
  free(seg);
}

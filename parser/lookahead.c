/* lookahead.c: item rules that look ahead (lines=N).  The segmenter holds the last units
 * it read (a bounded ring of probes) and tries these rules at a unit once the lines after
 * it have come, splitting the block there. */
#include "config.h"

#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "explain.h"

/* ---- item rules that look ahead (lines=N) ---------------------------------------------------- */

static bool is_blank(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  return true;
}

void pk_seg_drop_probes(pk_segmenter *seg, size_t count) {
  for (size_t i = 0; i < count; i++) free(seg->probes[i].text);
  memmove(seg->probes, seg->probes + count, (seg->probe_count - count) * sizeof *seg->probes);
  seg->probe_count -= count;
}

/* Non-blank units after probe I, the coming unit (NEXT, may be NULL) included. */
static size_t lines_after(const pk_segmenter *seg, size_t i, const char *next, size_t next_len) {
  size_t lines = 0;
  for (size_t j = i + 1; j < seg->probe_count; j++) lines += !seg->probes[j].blank;
  return lines + (next && !is_blank(next, next_len));
}

/* Builds in seg->lookahead probe I's unit and what follows it, up to the end of its
 * LINES-th non-blank unit; false when they cannot be seen together (a unit cut short). */
static bool build_subject(pk_segmenter *seg, size_t i, const char *next, size_t next_len,
                          unsigned lines, size_t *len) {
  pk_buf *out = &seg->lookahead;
  pk_buf_clear(out);
  unsigned seen = 0;
  for (size_t j = i; j <= seg->probe_count && seen < lines; j++) {
    bool coming = j == seg->probe_count;
    if (coming && !next) break;
    const char *text = coming ? next : seg->probes[j].text;
    size_t text_len = coming ? pk_utf8_prefix(next, next_len, PROBE_BYTES) : seg->probes[j].len;
    if ((j > i && !pk_buf_append_char(out, '\n')) || !pk_buf_append(out, text, text_len)) return false;
    seen += j == i || !is_blank(text, text_len);
    if (seen < lines && (coming || seg->probes[j].truncated)) break;
  }
  *len = out->len;
  return seen == lines && out->data;
}

/* Moves the text of the current block from byte AT on into a block of its own, which
 * becomes the current one, after the part before AT is finished as a block. */
static bool split_current(pk_segmenter *seg, size_t at, size_t char_at, captures *caught,
                          size_t body_from) {
  block *cur = &seg->current;
  size_t byte_start = cur->byte_start + at;
  pk_buf tail = {0};
  size_t first_mark = 0;
  while (first_mark < cur->mark_count && cur->marks[first_mark].at < at) first_mark++;
  size_t moved = cur->mark_count - first_mark;
  unit_mark *marks = moved ? malloc(moved * sizeof *marks) : NULL;
  if ((moved && !marks) || !pk_buf_append(&tail, cur->text.data + at, cur->text.len - at)) {
    free(marks);
    pk_buf_free(&tail);
    return false;
  }
  for (size_t k = 0; k < moved; k++)
    marks[k] = (unit_mark){cur->marks[first_mark + k].at - at, cur->marks[first_mark + k].page};
  cur->text.len = at;
  if (cur->text.data) cur->text.data[at] = '\0';
  cur->mark_count = first_mark;
  cur->counted_to = cur->counted_chars = 0;
  bool restart = seg->restart_pending;
  cur->contents_tail = restart;
  seg->next_start = caught->number ? pk_seg_leading_integer(caught->number) : -1;
  bool ok = pk_seg_finish_block(seg);
  seg->next_start = -1;
  seg->contents_closed = seg->contents_closed || restart;
  pk_seg_block_reset(&seg->current, BLOCK_ITEM, char_at);
  seg->current.byte_start = byte_start;
  seg->block_id++;
  seg->current.text = tail;
  seg->current.marks = marks;
  seg->current.mark_count = seg->current.mark_cap = moved;
  seg->current.caught = *caught;
  seg->current.body_from = body_from;
  return ok;
}

/* Tries the look-ahead item rules at probe I, which no one-line rule started: the first
 * that matches (and passes the checks a one-line rule's match passes) starts an item
 * there, and the units its match runs into start nothing. */
static bool try_probe(pk_segmenter *seg, size_t i, const char *next, size_t next_len) {
  probe *at = &seg->probes[i];
  at->pending = false;
  block_kind now = seg->current.kind;
  if (at->blank || at->block_id != seg->block_id || (now != BLOCK_PREAMBLE && now != BLOCK_ITEM))
    return true;
  size_t from = 0;
  while (from < at->len && (at->text[from] == ' ' || at->text[from] == '\t')) from++;
  for (size_t r = 0; r < seg->sets[SET_ITEM].count; r++) {
    const pk_rule *rule = seg->sets[SET_ITEM].rules[r];
    size_t len;
    if (!rule || pk_rule_lines(rule) < 2) continue;
    if (!build_subject(seg, i, next, next_len, pk_rule_lines(rule), &len)) continue;
    const char *subject = seg->lookahead.data;
    if (pk_match(seg->matcher, rule, subject, len, from, true) != PK_MATCH_FOUND ||
        !pk_item_title_plausible(seg->matcher, rule, subject, len) ||
        !pk_seg_in_sequence(seg, rule, subject,
                            seg->current.byte_start + at->block_at + pk_match_start(seg->matcher)))
      continue;
    seg->started_by = rule;
    size_t end = pk_match_end(seg->matcher);
    pk_explain_match(seg->report->explain, rule, "item starts (seen with the lines after it)",
                     at->page, (long long)at->char_at + (long long)pk_utf8_count(subject, pk_match_start(seg->matcher)),
                     subject, pk_match_start(seg->matcher), end);
    captures caught = {0};
    pk_seg_capture_start(seg, subject, &caught);
    size_t after = end, subject_end = len;
    pk_trim_span(subject, &after, &subject_end); /* nothing but blanks after the match */
    bool title_open = caught.title && after == subject_end;
    size_t start_at = at->block_at, char_at = at->char_at;
    /* The units the match runs into are its own: none of them starts anything. */
    for (size_t j = i + 1; j < seg->probe_count; j++)
      if (seg->probes[j].block_at < start_at + end) seg->probes[j].pending = false;
    size_t held = seg->current.text.len - start_at;
    seg->unit_taken = next && end > held;
    if (!split_current(seg, start_at, char_at, &caught, end)) return false;
    seg->current.title_open = title_open; /* its title ends the last line the rule saw */
    for (size_t j = i + 1; j < seg->probe_count; j++) { /* they moved with the text */
      seg->probes[j].block_at -= start_at;
      seg->probes[j].block_id = seg->block_id;
    }
    return true;
  }
  return true;
}

/* Before the unit NEXT is read (NULL: at the end), tries the look-ahead rules at every
 * held unit that now sees as far as it can, and lets go of the units no longer needed. */
bool pk_seg_look_ahead(pk_segmenter *seg, const char *next, size_t next_len) {
  seg->unit_taken = false;
  for (size_t i = 0; i < seg->probe_count; i++) {
    if (!seg->probes[i].pending) continue;
    bool full = seg->probe_count == PROBES_MAX;
    if (next && !full && lines_after(seg, i, next, next_len) + 1 < seg->lines_max) break;
    if (!try_probe(seg, i, next, next_len)) return false;
  }
  size_t done = 0;
  while (done < seg->probe_count && !seg->probes[done].pending) done++;
  pk_seg_drop_probes(seg, seg->probe_count == PROBES_MAX && done == 0 ? 1 : done);
  return true;
}

/* Holds the unit just read, which went into the current block at BLOCK_AT (CHAR_AT in the
 * cleaned text) unless a block started inside it. */
bool pk_seg_hold_probe(pk_segmenter *seg, const char *text, size_t len, long page,
                       size_t block_at, size_t char_at, bool started_inside) {
  size_t kept = pk_utf8_prefix(text, len, PROBE_BYTES);
  char *copy = pk_strndup(text, kept);
  if (!copy) return false;
  if (seg->probe_count == PROBES_MAX) pk_seg_drop_probes(seg, 1);
  seg->probes[seg->probe_count++] = (probe){
      .text = copy, .len = kept, .truncated = kept < len, .blank = is_blank(text, len),
      .pending = !started_inside && !seg->unit_taken, .block_at = block_at, .char_at = char_at,
      .page = page, .block_id = seg->block_id};
  return true;
}

/* blocks.c: helpers on the segmenter's blocks and the captures of the rules that start
 * them: spans, trimmed text, numbers, groups of a match. */
#include "config.h"

#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "explain.h"

/* ---- small helpers ----------------------------------------------------------------------- */


static void captures_free(captures *caught) {
  free(caught->number);
  free(caught->title);
  free(caught->access);
  free(caught->case_number);
  free(caught->responsible);
  free(caught->item);
  free(caught->reference);
  free(caught->slot);
  free(caught->slot_end);
  *caught = (captures){0};
}

void pk_seg_block_reset(block *blk, block_kind kind, size_t char_start) {
  pk_buf_free(&blk->text);
  free(blk->marks);
  captures_free(&blk->caught);
  *blk = (block){.kind = kind, .char_start = char_start};
}

/* Moves the units of FROM that start at byte AT or later, with their page marks, to the
 * end of TO (the line before an item's first heading that is its title, in a title-less
 * layout read by the template of headings). */
bool pk_seg_move_tail(block *from, size_t at, block *to) {
  size_t first = from->mark_count;
  while (first > 0 && from->marks[first - 1].at >= at) first--;
  size_t moved = from->mark_count - first, shift = to->text.len;
  if (!pk_reserve((void **)&to->marks, &to->mark_cap, to->mark_count + moved, sizeof *to->marks) ||
      !pk_buf_append(&to->text, from->text.data + at, from->text.len - at))
    return false;
  for (size_t i = first; i < from->mark_count; i++)
    to->marks[to->mark_count++] = (unit_mark){from->marks[i].at - at + shift, from->marks[i].page};
  from->mark_count = first;
  from->text.len = at;
  from->text.data[at] = '\0';
  if (from->counted_to > at) from->counted_to = from->counted_chars = 0;
  return true;
}

/* The page of the unit holding byte AT of the block: marks are in order, so a binary
 * search keeps this cheap in an item of many units. */
long pk_seg_page_at(const block *blk, size_t at) {
  size_t low = 0, high = blk->mark_count; /* first mark after AT is in [low, high] */
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (blk->marks[mid].at <= at) low = mid + 1;
    else high = mid;
  }
  return low ? blk->marks[low - 1].page : 0;
}

/* The leading integer of a number as printed ("12", "3.2" -> 3), or -1. */
long pk_seg_leading_integer(const char *number) {
  if (!number || *number < '0' || *number > '9') return -1;
  return strtol(number, NULL, 10);
}

/* Keeps the title of the contents entry NUMBER (the first one listed under a number wins). */
static size_t char_offset(block *blk, size_t at) {
  if (at < blk->counted_to) blk->counted_to = blk->counted_chars = 0;
  /* An empty block has no text buffer at all (NULL + 0 is undefined behaviour). */
  if (at > blk->counted_to)
    blk->counted_chars += pk_utf8_count(blk->text.data + blk->counted_to, at - blk->counted_to);
  blk->counted_to = at;
  return blk->char_start + blk->counted_chars;
}

/* Span of the trimmed text[start, end) of BLK, with its pages. */
pk_span pk_seg_span_of(block *blk, size_t start, size_t end) {
  if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
  pk_span span = {0, 0, 0, 0};
  span.start = char_offset(blk, start);
  span.end = char_offset(blk, end);
  span.first_page = pk_seg_page_at(blk, start);
  span.last_page = end > start ? pk_seg_page_at(blk, end - 1) : span.first_page;
  return span;
}

/* Span of a whole block: its pages run to the last page it holds, even one left blank. */
pk_span pk_seg_block_span(block *blk) {
  pk_span span = pk_seg_span_of(blk, 0, blk->text.len);
  if (blk->mark_count) {
    span.first_page = blk->marks[0].page;
    span.last_page = blk->marks[blk->mark_count - 1].page;
  }
  return span;
}

char *pk_seg_trimmed_copy(const char *text, size_t start, size_t end) {
  pk_trim_span(text, &start, &end);
  return pk_strndup(text + start, end - start);
}

/* TEXT's contents, trimmed, taken over rather than copied (a preamble may be one huge
 * line); TEXT is left empty. */
char *pk_seg_take_trimmed(pk_buf *text) {
  if (!text->data) return pk_strndup("", 0);
  size_t start = 0, end = text->len;
  pk_trim_span(text->data, &start, &end);
  memmove(text->data, text->data + start, end - start);
  text->len = end - start;
  text->data[text->len] = '\0';
  return pk_buf_take(text);
}

/* Collapsed copy of the named group of the last match, or NULL. */
/* The text of group NAME of the matcher's match, collapsed by COLLAPSE; NULL where unset
 * or empty. */
static char *group_collapsed(pk_matcher *matcher, const char *subject, const char *name,
                             char *(*collapse)(const char *, size_t, size_t)) {
  size_t start, end;
  if (!pk_match_group(matcher, name, &start, &end)) return NULL;
  char *value = collapse(subject, start, end);
  if (value && !value[0]) {
    free(value);
    return NULL;
  }
  return value;
}

char *pk_seg_group_text(pk_matcher *matcher, const char *subject, const char *name) {
  return group_collapsed(matcher, subject, name, pk_collapse_ws);
}

char *pk_seg_group_cells(pk_matcher *matcher, const char *subject, const char *name) {
  return group_collapsed(matcher, subject, name, pk_collapse_ws_cells);
}

/* The code point offset of TEXT[AT] for the --explain trace, where TEXT starts at code
 * point BASE of the cleaned text; counted only when there is a trace. */
long long pk_seg_explain_offset(const pk_segmenter *seg, size_t base, const char *text, size_t at) {
  return seg->report->explain ? (long long)(base + pk_utf8_count(text, at)) : -1;
}


/* Classifies printed access words ("Åben", "Lukket sag") with the access.* rules. */
const char *pk_seg_classify_access(pk_segmenter *seg, const char *printed) {
  if (!printed) return NULL;
  for (size_t i = 0; i < seg->sets[SET_ACCESS].count; i++) {
    const pk_rule *rule = seg->sets[SET_ACCESS].rules[i];
    if (rule && pk_match(seg->matcher, rule, printed, strlen(printed), 0, true) == PK_MATCH_FOUND)
      return pk_rule_arg(rule);
  }
  return NULL;
}

/* The number after PREVIOUS: "7" -> "8", "1.2" -> "1.3"; the first item is "1". */
char *pk_seg_next_number(const char *previous) {
  char out[64];
  if (!previous) return pk_strndup("1", 1);
  const char *last = strrchr(previous, '.');
  const char *digits = last ? last + 1 : previous;
  if (!*digits || strspn(digits, "0123456789") != strlen(digits) || strlen(digits) > 9) return NULL;
  long value = strtol(digits, NULL, 10) + 1;
  snprintf(out, sizeof out, "%.*s%ld", (int)(digits - previous), previous, value);
  return pk_strndup(out, strlen(out));
}

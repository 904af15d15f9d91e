/* search.c: a section rule's matches in an item's text, in order, each search from the end
 * of the match before (the segmenter's heading search).
 *
 * The decoder has already searched every section rule through the window, the start of
 * the cleaned text, which holds most of a small page's items.  For a line-bound rule
 * (pk_rule_line_bound) the matches inside a line do not depend on the text around it, so
 * in the lines the item's text T and the window W both hold whole, T's matches are W's:
 *   1. the head, from where the item rule's match ended to its line's end, is searched,
 *      in T cut after that line (the rule reads nothing past the line);
 *   2. the whole lines after it, up to T's last line and W's last whole line, are taken
 *      from the window's matches there: T's search enters each line at its start or at
 *      the end of a match both searches found, as W's did;
 *   3. the rest is searched in T from there: nothing in part 2 matched after the last
 *      match taken, as W's search showed.
 * T's text is compared with the window's before any match is taken from it.  Other rules,
 * and items the window does not hold, are searched all through. */
#include "config.h"

#include "segment.h"

#include <string.h>

enum { PART_HEAD, PART_WINDOW, PART_REST, PART_DONE };

/* The start of the line holding FROM in TEXT. */
static size_t line_start_of(const char *text, size_t from) {
  while (from > 0 && text[from - 1] != '\n') from--;
  return from;
}

/* Where the line holding FROM ends in TEXT, after its newline (LEN where none follows). */
static size_t line_end_of(const char *text, size_t len, size_t from) {
  const char *newline = memchr(text + from, '\n', len - from);
  return newline ? (size_t)(newline - text) + 1 : len;
}

/* The first of FOUND's matches starting at or after AT. */
static size_t first_found(const pk_window_matches *found, size_t at) {
  size_t low = 0, high = found->count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (found->items[mid].start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

void pk_seg_window_view(const pk_segmenter *seg, const block *blk, window_view *view) {
  const char *window = seg->start_text, *text = blk->text.data;
  size_t at = blk->byte_start, len = blk->text.len, from = blk->body_from;
  size_t whole = seg->window_whole;
  *view = (window_view){.at = at};
  if (!window || !text || from >= len || whole <= at) return;
  view->whole_text = text[len - 1] == '\n' && len <= whole - at;
  size_t last = line_start_of(text, len - 1);
  view->window_end = last < whole - at ? last : whole - at;
  view->head_start = line_start_of(text, from);
  view->head_end = line_end_of(text, len, from);
  view->head_whole = view->head_start > 0 || at == 0 || window[at - 1] == '\n';
  size_t compared = view->whole_text ? len : view->window_end;
  view->usable = view->head_end <= compared && memcmp(text, window + at, compared) == 0;
  view->same_len = view->usable ? compared : 0;
}

/* Whether a window match starts before AT and ends after it: the window's search went
 * past AT inside it, and did not try there. */
static bool straddled(const pk_window_matches *found, size_t at) {
  size_t next = first_found(found, at);
  return next > 0 && found->items[next - 1].end > at;
}

/* Where the item's search through its head line tries first, when the window's search
 * tried every place from there on in that line (and found its matches from there on as
 * the item's search does); else (size_t)-1. */
static size_t head_taken_from(const rule_search *search, const window_view *view) {
  if (!view->head_whole) return (size_t)-1;
  const char *text = search->text;
  size_t line_end = view->head_end - (text[view->head_end - 1] == '\n');
  size_t own = pk_rule_line_search_start(search->rule, text, search->from, line_end);
  size_t window = pk_rule_line_search_start(search->rule, text, view->head_start, line_end);
  if (own < window || straddled(search->found, view->at + own)) return (size_t)-1;
  return own;
}

void pk_seg_search_start(rule_search *search, pk_segmenter *seg, const block *blk,
                         const window_view *view, size_t rule_index) {
  *search = (rule_search){.seg = seg, .rule = seg->sets[SET_SECTION].rules[rule_index],
                          .text = blk->text.data, .len = blk->text.len, .from = blk->body_from,
                          .part = PART_REST};
  /* The window's scan tells where the rule's literals stand in the part of the text the
   * window holds. */
  if (view->usable && seg->start_scan) {
    search->scan = seg->start_scan;
    search->scan_at = view->at;
    search->scan_len = view->same_len;
  }
  const pk_window_matches *found =
      rule_index < seg->window_found_count ? &seg->window_found[rule_index] : NULL;
  if (!view->usable || !found || !found->complete || !pk_rule_line_bound(search->rule)) return;
  /* The text's last line, whole in the window, is the window's too, but for a match of
   * nothing at the text's very end (after its newline), where the window goes on. */
  size_t window_end = view->whole_text && !pk_rule_may_match_empty(search->rule)
                          ? search->len
                          : view->window_end;
  if (view->head_end > window_end) return;
  search->found = found;
  search->window_at = view->at;
  search->head_end = view->head_end;
  search->window_end = window_end;
  search->part = PART_HEAD;
  size_t head_from = head_taken_from(search, view);
  if (head_from == (size_t)-1) return;
  search->next_found = first_found(found, view->at + head_from);
  search->part = PART_WINDOW;
}

/* The next search starts at the match's end, or after its start when it is empty. */
static void step_past(rule_search *search, const pk_window_match *match) {
  search->from = match->end > search->from ? match->end
                                           : pk_seg_next_char(search->text, search->len, search->from);
}

/* pk_match of the rule in the text cut at END, from the search's place: where the window
 * holds that part of the text, searched only where the rule's literals stand in it (the
 * window's scan; a match reads nothing past the cut). */
static pk_match_result match_to(rule_search *search, size_t end) {
  pk_matcher *matcher = search->seg->matcher;
  if (!search->scan || end > search->scan_len)
    return pk_match(matcher, search->rule, search->text, end, search->from, false);
  return pk_match_scanned_in(matcher, search->rule, search->scan, search->scan_at, search->text, end,
                             search->from);
}

/* Part 3: the next match in the text, as the segmenter always searched; false at none
 * (or the rule's limit). */
static bool next_in_rest(rule_search *search, pk_window_match *match) {
  pk_matcher *matcher = search->seg->matcher;
  if (!search->text || search->from >= search->len || match_to(search, search->len) != PK_MATCH_FOUND) {
    search->part = PART_DONE;
    return false;
  }
  pk_window_match_of(matcher, match);
  return true;
}

static bool next_in_head(rule_search *search, pk_window_match *match) {
  if (search->from < search->head_end) {
    pk_matcher *matcher = search->seg->matcher;
    pk_match_result found = match_to(search, search->head_end);
    if (found == PK_MATCH_LIMIT) {
      search->part = PART_DONE;
      return false;
    }
    if (found == PK_MATCH_FOUND && pk_match_start(matcher) < search->head_end) {
      pk_window_match_of(matcher, match);
      return true;
    }
  }
  size_t from = search->from > search->head_end ? search->from : search->head_end;
  search->next_found = first_found(search->found, search->window_at + from);
  search->part = PART_WINDOW;
  return false;
}

static bool next_in_window(rule_search *search, pk_window_match *match) {
  const pk_window_matches *found = search->found;
  size_t at = search->window_at;
  if (search->next_found < found->count && found->items[search->next_found].start < at + search->window_end) {
    *match = found->items[search->next_found++];
    match->start -= at, match->end -= at;
    match->heading_start -= at, match->heading_end -= at;
    if (match->has_body) match->body_start -= at, match->body_end -= at;
    if (match->has_date) match->date_start -= at, match->date_end -= at;
    return true;
  }
  if (search->from < search->window_end) search->from = search->window_end;
  search->part = search->window_end < search->len ? PART_REST : PART_DONE;
  return false;
}

bool pk_seg_search_next(rule_search *search, pk_window_match *match) {
  for (;;) {
    bool got;
    switch (search->part) {
    case PART_HEAD: got = next_in_head(search, match); break;
    case PART_WINDOW: got = next_in_window(search, match); break;
    case PART_REST: got = next_in_rest(search, match); break;
    default: return false;
    }
    if (got) {
      step_past(search, match);
      return true;
    }
    if (search->part == PART_DONE) return false;
  }
}

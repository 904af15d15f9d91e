/* selector.c: profile detection over the start of the document.
 *
 * A profile's score is the sum of the weights (option weight=, default 1) of its detect
 * rules that match somewhere in the first DETECT_BYTES of cleaned text.  The highest
 * positive score wins (the first profile loaded wins a tie); with no positive score the
 * generic profile is used. */
#include "config.h"

#include "selector.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "explain.h"

enum { DETECT_BYTES = 32 * 1024 };

typedef struct held_unit {
  size_t at, len; /* in held.data */
  long page;
} held_unit;

struct pk_selector {
  const pk_rules *rules;
  pk_matcher *matcher;
  const char *forced;
  FILE *explain;
  pk_choose_fn choose;
  pk_unit_fn next;
  void *ctx;
  bool chosen;
  pk_buf held;        /* held units, each followed by "\n" */
  held_unit *units;
  size_t unit_count, unit_cap;
};

pk_selector *pk_selector_new(const pk_rules *rules, pk_matcher *matcher, const char *forced,
                             FILE *explain, pk_choose_fn choose, pk_unit_fn next, void *ctx) {
  pk_selector *sel = calloc(1, sizeof *sel);
  if (!sel) return NULL;
  *sel = (pk_selector){.rules = rules, .matcher = matcher, .forced = forced,
                       .explain = explain, .choose = choose, .next = next, .ctx = ctx};
  return sel;
}

void pk_selector_free(pk_selector *sel) {
  if (!sel) return;
  pk_buf_free(&sel->held);
  free(sel->units);
  free(sel);
}

static long profile_score(pk_selector *sel, const char *profile, const pk_start *start) {
  const char *text = start->text;
  size_t len = start->len;
  long score = 0;
  size_t count;
  const pk_rule **detect = pk_rules_select(sel->rules, "detect", profile, &count);
  for (size_t i = 0; i < count; i++) {
    const pk_rule *rule = detect[i];
    pk_match_result found = start->scan ? pk_match_scanned(sel->matcher, rule, start->scan, 0)
                                        : pk_match(sel->matcher, rule, text, len, 0, false);
    if (found != PK_MATCH_FOUND) continue;
    score += pk_rule_weight(rule);
    pk_explain_match(sel->explain, rule, "detected", 0, (long long)pk_match_start(sel->matcher),
                     text, pk_match_start(sel->matcher), pk_match_end(sel->matcher));
  }
  free(detect);
  return score;
}

bool pk_start_units_are_pages(const pk_start *start) {
  for (size_t i = 0; i < start->units; i++)
    if (start->unit_pages[i] <= 0 || (i && start->unit_pages[i] <= start->unit_pages[i - 1])) return false;
  return start->units > 0;
}

bool pk_start_opens_page(const pk_start *start, size_t i) {
  return i < start->units && start->unit_pages[i] > 0 &&
         (i == 0 || start->unit_pages[i] != start->unit_pages[i - 1]);
}

static bool choose_profile(pk_selector *sel) {
  sel->chosen = true;
  const char *text = sel->held.data ? sel->held.data : "";
  size_t len = sel->held.len;
  long *pages = malloc((sel->unit_count ? sel->unit_count : 1) * sizeof *pages);
  if (!pages) return false;
  for (size_t i = 0; i < sel->unit_count; i++) pages[i] = sel->units[i].page;
  /* The window scanned once for the rules' literals: the detect rules, the decoder, the
   * document's kind and metadata all search it. */
  pk_scan *scan = pk_scan_new(sel->rules, text, len);
  pk_start start = {text, len, pages, sel->unit_count, scan};
  bool ok;
  if (sel->forced) {
    pk_explain_note(sel->explain, "profile %s forced", sel->forced);
    ok = sel->choose(sel->ctx, sel->forced, profile_score(sel, sel->forced, &start), true, &start);
    free(pages);
    pk_scan_free(scan);
    return ok;
  }
  const char *best = NULL, *profile;
  long best_score = 0;
  for (size_t i = 0; (profile = pk_rules_profile(sel->rules, i)) != NULL; i++) {
    long score = profile_score(sel, profile, &start);
    pk_explain_note(sel->explain, "profile %s scores %ld", profile, score);
    if (score > best_score) best = profile, best_score = score;
  }
  if (!best && pk_rules_has_profile(sel->rules, PK_GENERIC_PROFILE)) best = PK_GENERIC_PROFILE;
  pk_explain_note(sel->explain, "profile %s chosen (score %ld, on the first %zu bytes)",
                  best ? best : "(none)", best_score, len);
  ok = sel->choose(sel->ctx, best, best_score, false, &start);
  free(pages);
  pk_scan_free(scan);
  return ok;
}

static bool release_held(pk_selector *sel) {
  bool ok = choose_profile(sel);
  for (size_t i = 0; ok && i < sel->unit_count; i++)
    ok = sel->next(sel->ctx, sel->held.data + sel->units[i].at, sel->units[i].len,
                   sel->units[i].page);
  pk_buf_free(&sel->held);
  free(sel->units);
  sel->units = NULL;
  sel->unit_count = sel->unit_cap = 0;
  return ok;
}

/* LIMIT, or less so as not to cut a character of TEXT. */
static size_t whole_chars(const char *text, size_t limit) {
  while (limit > 0 && ((unsigned char)text[limit] & 0xC0) == 0x80) limit--;
  return limit;
}

bool pk_selector_unit(void *opaque, const char *text, size_t len, long page) {
  pk_selector *sel = opaque;
  if (sel->chosen) return sel->next(sel->ctx, text, len, page);
  if (sel->held.len + len + 1 >= DETECT_BYTES) {
    /* The unit that completes the window: only the part inside it is copied, for the
     * detection; the unit itself goes on as it is, however long. */
    size_t inside = DETECT_BYTES - sel->held.len;
    inside = inside < len ? whole_chars(text, inside) : len;
    return pk_buf_append(&sel->held, text, inside) && release_held(sel) &&
           sel->next(sel->ctx, text, len, page);
  }
  if (!pk_reserve((void **)&sel->units, &sel->unit_cap, sel->unit_count + 1, sizeof *sel->units))
    return false;
  sel->units[sel->unit_count++] = (held_unit){sel->held.len, len, page};
  return pk_buf_append(&sel->held, text, len) && pk_buf_append_char(&sel->held, '\n');
}

bool pk_selector_finish(pk_selector *sel) { return sel->chosen || release_held(sel); }

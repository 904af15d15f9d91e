/* assemble.c: a finished block -> the model's records.  The document record from the
 * preamble (kind, metadata), an item from its block (its number, title and fields, its
 * section headings searched anywhere in its text, the text between them the sections),
 * an appendix; each is handed to the sink. */
#include "config.h"

#include "segment.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "explain.h"

/* ---- the document and its preamble --------------------------------------------------------- */

/* The bytes a kind or meta rule searches: its within= option, else FALLBACK. */
static size_t rule_within(const pk_rule *rule, size_t fallback) {
  const char *within = pk_rule_option(rule, "within");
  return within ? (size_t)strtoul(within, NULL, 10) : fallback;
}

/* pk_match of RULE in TEXT[0, scope): where TEXT is the document's start, searched only
 * where the scan of it shows the rule's literals. */
static pk_match_result match_start(pk_segmenter *seg, const pk_rule *rule, const char *text,
                                   size_t scope) {
  if (text == seg->start_text && seg->start_scan && scope <= pk_scan_len(seg->start_scan))
    return pk_match_scanned_to(seg->matcher, rule, seg->start_scan, 0, scope);
  return pk_match(seg->matcher, rule, text, scope, 0, false);
}

/* Of the kind.* rules that match, the heaviest (option weight=, default 1) decides; at
 * equal weight the earliest match. */
const char *pk_seg_document_kind(pk_segmenter *seg, const char *text, size_t len, bool *named) {
  const char *kind = "other";
  if (named) *named = false;
  size_t best_at = (size_t)-1;
  long best_weight = 0;
  for (size_t i = 0; i < seg->sets[SET_KIND].count; i++) {
    const pk_rule *rule = seg->sets[SET_KIND].rules[i];
    if (!rule) continue;
    size_t scope = pk_utf8_prefix(text, len, rule_within(rule, META_WITHIN));
    if (match_start(seg, rule, text, scope) != PK_MATCH_FOUND) continue;
    long weight = pk_rule_weight(rule);
    size_t at = pk_match_start(seg->matcher);
    if (weight > best_weight || (weight == best_weight && at < best_at)) {
      best_weight = weight;
      best_at = at;
      kind = pk_rule_arg(rule);
      if (named) *named = true;
    }
  }
  return kind;
}

typedef bool (*value_check)(const char *value);

static bool any_value(const char *value) { return value[0] != '\0'; }

static bool has_date(const char *value) {
  char iso[11];
  return pk_date_find(value, strlen(value), iso, NULL, NULL) == 1;
}

static bool has_time(const char *value) {
  char hhmm[6];
  return pk_time_find(value, strlen(value), hhmm, NULL, NULL) == 1;
}

/* Where a metadata value was read: the document's text, or the site's title of it. */
typedef enum { FROM_TEXT, FROM_SITE_TITLE } meta_source;

/* The value of the first meta.FIELD rule that matches and passes CHECK, as printed
 * (collapsed); a rule whose value fails (a date without its year) lets the next try. */
static char *meta_value_in(pk_segmenter *seg, const char *field, const char *text, size_t len,
                           value_check check, meta_source source) {
  for (size_t i = 0; i < seg->sets[SET_META].count; i++) {
    const pk_rule *rule = seg->sets[SET_META].rules[i];
    if (!rule || strcmp(pk_rule_arg(rule), field) != 0) continue;
    size_t scope = pk_utf8_prefix(text, len, rule_within(rule, META_WITHIN));
    if (match_start(seg, rule, text, scope) != PK_MATCH_FOUND) continue;
    char *value = pk_seg_group_text(seg->matcher, text, "value");
    if (!value) value = pk_collapse_ws(text, pk_match_start(seg->matcher), pk_match_end(seg->matcher));
    const char *normalize = pk_rule_option(rule, "normalize");
    if (value && normalize && strcmp(normalize, "title") == 0 && pk_is_upper_text(value))
      pk_title_case(value);
    if (value && check(value)) {
      char what[96];
      snprintf(what, sizeof what, "document %s%s", field,
               source == FROM_SITE_TITLE ? " from the site's title (the text gives none)" : "");
      size_t at = pk_match_start(seg->matcher);
      long long offset = source == FROM_SITE_TITLE ? -1 : (long long)pk_utf8_count(text, at);
      pk_explain_match(seg->report->explain, rule, what, 0, offset, text, at,
                       pk_match_end(seg->matcher));
      return value;
    }
    free(value);
  }
  return NULL;
}

/* The value from the document's text, else from the site's title of it: a transcript
 * loses words that the title kept ("Referat Økonomiudvalget tirsdag den 18. april" over
 * a first page that reads "Referat tirsdag den 18. april 2017"). */
static char *meta_value_checked(pk_segmenter *seg, const char *field, const char *text,
                                size_t len, value_check check) {
  char *value = meta_value_in(seg, field, text, len, check, FROM_TEXT);
  const char *title = seg->report->site_title;
  if (value || !title) return value;
  return meta_value_in(seg, field, title, strlen(title), check, FROM_SITE_TITLE);
}

static char *meta_value(pk_segmenter *seg, const char *field, const char *text, size_t len) {
  return meta_value_checked(seg, field, text, len, any_value);
}

static void split_names(pk_strings *names, char *list) {
  if (!list) return;
  for (char *part = list; part;) {
    char *comma = strchr(part, ',');
    size_t len = comma ? (size_t)(comma - part) : strlen(part);
    char *name = pk_collapse_ws(part, 0, len);
    if (name && name[0]) pk_strings_add(names, name);
    else free(name);
    part = comma ? comma + 1 : NULL;
  }
  free(list);
}

static void fill_date(char iso[11], char *printed) {
  if (printed && !pk_date_find(printed, strlen(printed), iso, NULL, NULL)) iso[0] = '\0';
  free(printed);
}

static void fill_time(char hhmm[6], char *printed) {
  if (printed && !pk_time_find(printed, strlen(printed), hhmm, NULL, NULL)) hhmm[0] = '\0';
  free(printed);
}

/* Kind and metadata are read from the start of the document, which may run into the
 * first item (a web page export often starts with it); the preamble is what precedes it. */
bool pk_seg_send_document(pk_segmenter *seg, block *preamble) {
  const char *text = preamble->text.data ? preamble->text.data : "";
  size_t len = preamble->text.len;
  const char *start = seg->start_text ? seg->start_text : text;
  size_t start_len = seg->start_text ? seg->start_len : len;
  pk_document doc = {0};
  doc.source_name = seg->report->source_name;
  doc.sha256 = seg->report->sha256;
  doc.input_form = seg->report->input_form;
  doc.converter = seg->report->converter;
  doc.kind = seg->kind ? seg->kind : pk_seg_document_kind(seg, start, start_len, NULL);
  pk_explain_note(seg->report->explain, "document kind %s (the heaviest kind rule that matched)", doc.kind);
  doc.profile = seg->profile;
  doc.profile_score = seg->profile_score;
  doc.municipality = meta_value(seg, "municipality", start, start_len);
  doc.body = meta_value(seg, "body", start, start_len);
  doc.location = meta_value(seg, "location", start, start_len);
  fill_date(doc.date, meta_value_checked(seg, "date", start, start_len, has_date));
  fill_time(doc.time, meta_value_checked(seg, "time", start, start_len, has_time));
  /* Who attended is not in a title. */
  split_names(&doc.members, meta_value_in(seg, "members", start, start_len, any_value, FROM_TEXT));
  split_names(&doc.absent, meta_value_in(seg, "absent", start, start_len, any_value, FROM_TEXT));
  memcpy(seg->meeting_date, doc.date, sizeof seg->meeting_date);
  free(seg->meeting_body);
  seg->meeting_body = doc.body ? pk_strndup(doc.body, strlen(doc.body)) : NULL;
  doc.preamble_span = pk_seg_span_of(preamble, 0, len);
  doc.preamble = pk_seg_take_trimmed(&preamble->text);
  bool ok = doc.preamble && seg->sink->ops->document(seg->sink, &doc);
  pk_document_free(&doc);
  seg->document_sent = true;
  return ok;
}

/* ---- items ----------------------------------------------------------------------------------- */

static int compare_hits(const void *a, const void *b) {
  const heading_hit *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  /* At the same place the longer heading wins, and of two the same, the earlier rule (a
   * lexicon-composed heading is the last resort of its kind). */
  if (x->heading_end != y->heading_end) return x->heading_end > y->heading_end ? -1 : 1;
  return (x->rule_order > y->rule_order) - (x->rule_order < y->rule_order);
}

size_t pk_seg_next_char(const char *text, size_t len, size_t at) {
  at++;
  while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}

static bool add_hit(heading_hit **hits, size_t *count, size_t *cap, const heading_hit *hit) {
  if (!pk_reserve((void **)hits, cap, *count + 1, sizeof **hits)) return false;
  (*hits)[(*count)++] = *hit;
  return true;
}

/* HIT, read from a subject that starts BY bytes into the item's text, in the text's terms. */
static void shift_hit(heading_hit *hit, size_t by) {
  hit->start += by, hit->heading_end += by;
  hit->body_start += by, hit->body_end += by;
  hit->date_start += by, hit->date_end += by;
}

static heading_hit hit_from_match(const pk_window_match *match, const pk_rule *rule, size_t order) {
  return (heading_hit){.rule = rule, .start = match->heading_start,
                       .heading_end = match->heading_end, .body_start = match->body_start,
                       .body_end = match->body_end, .date_start = match->date_start,
                       .date_end = match->date_end, .has_body = match->has_body,
                       .has_date = match->has_date, .rule_order = order};
}

/* Whether HIT is the item's title said again as the first line under its start, as
 * FirstAgenda's exports print it ("1. Bemærkninger til dagsordenen" / "Bemærkninger til
 * dagsordenen" / "Punkttype"): the title's echo, no section heading. */
static bool echoes_title(const block *blk, const char *title, const heading_hit *hit) {
  const char *text = blk->text.data;
  size_t from = blk->start_end ? blk->start_end : blk->body_from; /* the start line's end */
  if (blk->kind != BLOCK_ITEM || !title || hit->start < from) return false;
  for (size_t at = from; at < hit->start; at++)
    if (text[at] != ' ' && text[at] != '\t' && text[at] != '\n') return false;
  size_t end = hit->start;
  while (end < blk->text.len && text[end] != '\n') end++;
  size_t start = hit->start;
  pk_trim_span(text, &start, &end);
  return end - start == strlen(title) && memcmp(text + start, title, end - start) == 0;
}

enum { COLON_HEADING_MAX = 90 }; /* bytes before a line's colon that may be a heading */

/* Where the line at LINE[0, LEN) has a heading run into its text after a colon, the
 * colon's end: the words before the first colon open the line with a capital, a space and
 * text follow the colon, and that text is no label of its own ("Fraværende: Afbud:", a
 * form's empty fields) and no value in capitals; else 0. */
static size_t colon_heading_end(const char *line, size_t len) {
  if (!len || !((line[0] >= 'A' && line[0] <= 'Z') || (unsigned char)line[0] >= 0xC3)) return 0;
  const char *colon = memchr(line, ':', len < COLON_HEADING_MAX ? len : COLON_HEADING_MAX);
  size_t end = colon ? (size_t)(colon - line) + 1 : 0, last = len;
  while (last > end && (line[last - 1] == ' ' || line[last - 1] == '\t')) last--;
  bool text_follows = end > 2 && last > end + 1 && (line[end] == ' ' || line[end] == '\t');
  if (!text_follows || line[last - 1] == ':') return 0;
  /* The text after the colon opening with a label of its own: "Fraværende: Afbud: ...". */
  size_t word = end;
  while (word < last && (line[word] == ' ' || line[word] == '\t')) word++;
  size_t word_end = word;
  while (word_end < last && line[word_end] != ' ' && line[word_end] != ':') word_end++;
  if (word_end < last && line[word_end] == ':') return 0;
  /* Text, not a field's value in capitals ("Sagsforløb: BMU - ØU - KB"): a word in small
   * letters, or a sentence's end. */
  bool small = line[last - 1] == '.';
  for (size_t at = word; at < last && !small; at++) small = line[at] >= 'a' && line[at] <= 'z';
  return small ? end : 0;
}

/* Whether one of HITS starts at AT. */
static bool heading_at(const heading_hit *hits, size_t count, size_t at) {
  for (size_t i = 0; i < count; i++)
    if (hits[i].start == at) return true;
  return false;
}

/* The heading run into its text after a colon on the line TEXT[first, line_end) of BLK, in
 * *HIT: "Sagsgang og sagstype: Byrådet", "Beslutning i Byrådet den 29-06-2016: Godkendt." —
 * a heading any section rule reads alone on its line (exports that write every heading
 * so), where it is a heading of a kind and none of HITS follows the colon (an empty field:
 * "Bilag: Indstilling ...").  Not "Fraværende: Jens Hansen (V)" under a decision, the
 * decision's note on who was away that the presence rules read, nor "Sagen afgøres i:
 * Byrådet", a heading of no particular kind that is a case's field. */
static bool colon_heading(pk_segmenter *seg, const block *blk, const window_view *view,
                          size_t first, size_t line_end, const heading_hit *hits, size_t count,
                          heading_hit *hit) {
  const char *text = blk->text.data;
  size_t colon_end = colon_heading_end(text + first, line_end - first), heading_end;
  if (!colon_end) return false;
  pk_evidence sections = {seg->sets[SET_SECTION].rules, seg->sets[SET_SECTION].count};
  /* Where the window holds the line, its scan leaves out the rules none of whose literals
   * stands before the colon. */
  bool scanned = seg->start_scan && first + colon_end <= view->same_len;
  const pk_rule *rule =
      pk_heading_line(seg->matcher, &sections, text + first, colon_end, &heading_end,
                      scanned ? seg->start_scan : NULL, view->at + first);
  if (!rule || heading_end != colon_end || strcmp(pk_rule_arg(rule), "absent") == 0 ||
      strcmp(pk_rule_arg(rule), "other") == 0)
    return false;
  size_t after = first + colon_end;
  while (after < line_end && (text[after] == ' ' || text[after] == '\t')) after++;
  if (heading_at(hits, count, after)) return false;
  pk_window_match match;
  pk_window_match_of(seg->matcher, &match);
  *hit = hit_from_match(&match, rule, seg->sets[SET_SECTION].count);
  shift_hit(hit, first);
  hit->start = first, hit->heading_end = first + colon_end;
  return true;
}

/* Adds to HITS each line's heading run into its text after a colon (colon_heading), in the
 * item's lines under its start; they come after the rules' own hits of the same length. */
static bool add_colon_headings(pk_segmenter *seg, const block *blk, heading_hit **hits,
                               size_t *count, size_t *cap) {
  const char *text = blk->text.data;
  window_view view;
  pk_seg_window_view(seg, blk, &view);
  size_t found = *count; /* the rules' hits, which a colon's heading must not run into */
  for (size_t at = blk->body_from; at < blk->text.len;) {
    const char *newline = memchr(text + at, '\n', blk->text.len - at);
    size_t line_end = newline ? (size_t)(newline - text) : blk->text.len, first = at;
    while (first < line_end && (text[first] == ' ' || text[first] == '\t')) first++;
    heading_hit hit;
    if (colon_heading(seg, blk, &view, first, line_end, *hits, found, &hit) &&
        !add_hit(hits, count, cap, &hit))
      return false;
    at = line_end + 1;
  }
  return true;
}

/* Adds to HITS the headings that open the item's body where it starts inside its first
 * line, after its title: a page's line run together reads "1. Godkendelse af dagsorden
 * Beslutning Godkendt." or "34. Tillæg nr. 7 ... Byrådet den 24. marts 2021: Punktet blev
 * trukket ...", where the title's end is the end of a line that is not there.  Where no
 * rule reads a heading there as the text stands, each section rule is tried there as at
 * a line's start (a heading of no particular kind is the title's own words). */
static bool add_headings_after_title(pk_segmenter *seg, const block *blk, heading_hit **hits,
                                     size_t *count, size_t *cap) {
  const char *text = blk->text.data;
  size_t first = blk->body_from, len = blk->text.len;
  if (blk->kind != BLOCK_ITEM || first == 0 || first >= len || text[first - 1] == '\n')
    return true;
  const char *newline = memchr(text + first, '\n', len - first);
  size_t line_end = newline ? (size_t)(newline - text) : len;
  while (first < line_end && (text[first] == ' ' || text[first] == '\t')) first++;
  if (heading_at(*hits, *count, first)) return true; /* a rule read it there as it stands */
  for (size_t i = 0; first < line_end && i < seg->sets[SET_SECTION].count; i++) {
    const pk_rule *rule = seg->sets[SET_SECTION].rules[i];
    if (!rule || strcmp(pk_rule_arg(rule), "other") == 0 ||
        pk_match(seg->matcher, rule, text + first, line_end - first, 0, true) != PK_MATCH_FOUND)
      continue;
    pk_window_match match;
    pk_window_match_of(seg->matcher, &match);
    heading_hit hit = hit_from_match(&match, rule, i);
    shift_hit(&hit, first);
    if (hit.heading_end > hit.start && !add_hit(hits, count, cap, &hit)) return false;
  }
  return true;
}

/* All section headings in the item's text after its start match, in order, without
 * overlaps; for an item of TITLE (NULL: none). */
static size_t find_headings(pk_segmenter *seg, const block *blk, const char *title,
                            heading_hit **out) {
  const char *text = blk->text.data;
  size_t count = 0, cap = 0;
  heading_hit *hits = NULL;
  window_view view;
  pk_seg_window_view(seg, blk, &view);
  for (size_t i = 0; i < seg->sets[SET_SECTION].count; i++) {
    const pk_rule *rule = seg->sets[SET_SECTION].rules[i];
    if (!rule) continue;
    rule_search search;
    pk_window_match match;
    pk_seg_search_start(&search, seg, blk, &view, i);
    while (pk_seg_search_next(&search, &match)) {
      heading_hit hit = hit_from_match(&match, rule, i);
      if (hit.heading_end > hit.start && !add_hit(&hits, &count, &cap, &hit)) break;
    }
  }
  /* out of memory: the rules' hits */
  (void)(add_colon_headings(seg, blk, &hits, &count, &cap) &&
         add_headings_after_title(seg, blk, &hits, &count, &cap));
  if (count) qsort(hits, count, sizeof *hits, compare_hits);
  size_t kept = 0;
  for (size_t i = 0; i < count; i++) {
    if ((kept && hits[i].start < hits[kept - 1].heading_end) || echoes_title(blk, title, &hits[i]))
      continue;
    hits[kept++] = hits[i];
    pk_explain_match(seg->report->explain, hits[i].rule, "section heading", pk_seg_page_at(blk, hits[i].start),
                     pk_seg_explain_offset(seg, blk->char_start, text, hits[i].start), text, hits[i].start,
                     hits[i].heading_end);
  }
  *out = hits;
  return kept;
}

size_t pk_seg_find_headings(pk_segmenter *seg, const block *blk, heading_hit **out) {
  return find_headings(seg, blk, blk->caught.title, out);
}

static void add_attachments(pk_segmenter *seg, pk_item *item, const block *blk, size_t start,
                            size_t end) {
  const char *text = blk->text.data;
  for (size_t i = 0; i < seg->sets[SET_ATTACHMENT].count; i++) {
    const pk_rule *rule = seg->sets[SET_ATTACHMENT].rules[i];
    if (!rule) continue;
    for (size_t from = start; from < end;) {
      if (pk_match(seg->matcher, rule, text, end, from, false) != PK_MATCH_FOUND) break;
      size_t match_end = pk_match_end(seg->matcher);
      pk_attachment *grown = realloc(item->attachments,
                                     (item->attachment_count + 1) * sizeof *grown);
      if (!grown) return;
      item->attachments = grown;
      pk_attachment *att = &grown[item->attachment_count++];
      *att = (pk_attachment){0};
      char *number = pk_seg_group_text(seg->matcher, text, "number");
      /* A bare "2" in item 3's list is attachment 3.2, as the appendices number them. */
      if (number && item->number && !strchr(number, '.')) {
        size_t size = strlen(item->number) + strlen(number) + 2;
        char *qualified = malloc(size);
        if (qualified) snprintf(qualified, size, "%s.%s", item->number, number);
        free(number);
        number = qualified;
      }
      att->number = number;
      att->title = pk_seg_group_text(seg->matcher, text, "title");
      att->reference = pk_seg_group_text(seg->matcher, text, "reference");
      char *access = pk_seg_group_text(seg->matcher, text, "access");
      att->access = pk_seg_classify_access(seg, access);
      free(access);
      from = match_end > from ? match_end : pk_seg_next_char(text, end, from);
    }
  }
}

/* A heading rule's kind is its argument; a decision-start rule starts a decision, and
 * a heading of kind other right over the decision it found heads that decision. */
static const char *section_kind(const heading_hit *hit) {
  if (hit->decides || strcmp(pk_rule_kind(hit->rule), "decision-start") == 0) return "decision";
  return pk_rule_arg(hit->rule);
}

static bool fill_section(pk_segmenter *seg, pk_item *item, block *blk,
                         const heading_hit *hit, size_t text_end) {
  const char *text = blk->text.data;
  pk_section *section = &item->sections[item->section_count++];
  *section = (pk_section){0};
  const char *kind = section_kind(hit);
  section->kind = pk_strndup(kind, strlen(kind));
  section->heading = pk_collapse_ws(text, hit->start, hit->heading_end);
  section->text = pk_seg_trimmed_copy(text, hit->heading_end, text_end);
  section->span = pk_seg_span_of(blk, hit->start, text_end);
  if (hit->has_body) section->body = pk_collapse_ws(text, hit->body_start, hit->body_end);
  if (hit->has_date &&
      !pk_date_find(text + hit->date_start, hit->date_end - hit->date_start, section->date, NULL, NULL))
    section->date[0] = '\0';
  if (strcmp(section->kind, "attachments") == 0)
    add_attachments(seg, item, blk, hit->heading_end, text_end);
  return section->kind && section->heading && section->text;
}

/* A body's name as compared: letters and digits only, in lower case, without an election
 * period ("Økonomiudvalget 2018-21", "Folkeoplysningsudvalget (18-21)"). */
static void body_key(const char *name, pk_buf *key) {
  pk_buf_clear(key);
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if (isdigit(*p)) {
      while (isdigit(*p) || *p == '-' || *p == ' ') p++;
      if (!*p) break;
    }
    if (*p >= 0x80 || isalpha(*p)) {
      char c = (char)(*p < 0x80 ? tolower(*p) : *p);
      pk_buf_append(key, &c, 1);
    }
  }
  /* Upper-case Æ, Ø, Å as their lower-case forms (two-byte UTF-8, the second byte 0x20
   * less), so that "ØKONOMIUDVALGET" names Økonomiudvalget. */
  for (size_t i = 0; i + 1 < key->len; i++)
    if ((unsigned char)key->data[i] == 0xC3 && (unsigned char)key->data[i + 1] >= 0x80 &&
        (unsigned char)key->data[i + 1] < 0xA0)
      key->data[i + 1] = (char)((unsigned char)key->data[i + 1] + 0x20);
}

/* Whether the body a decision heading names is the meeting's (one name holds the other:
 * "Byrådet" and "Byrådet i Skovby"). */
static bool same_body(const char *section_body, const char *meeting_body) {
  pk_buf a = {0}, b = {0};
  body_key(section_body, &a);
  body_key(meeting_body, &b);
  bool same = a.len && b.len &&
              (strstr(a.data, b.data) != NULL || strstr(b.data, a.data) != NULL);
  pk_buf_free(&a);
  pk_buf_free(&b);
  return same;
}

/* Which of the item's decisions this meeting made.  An item quotes the decisions of the
 * bodies it passed before ("Økonomiudvalget, 19. juni 2019, pkt. 146:", a decision heading
 * naming Økonomiudvalget on 23-02-2022 in the council's minutes of 3 March): a decision dated
 * another day than the meeting, or naming another body and no date, is an earlier one.
 * Where that leaves no decision with text (the meeting's date or body unknown, or all
 * differ), the first decision with text is the meeting's. */
static void mark_meeting_decisions(const pk_segmenter *seg, pk_item *item) {
  pk_section *first = NULL;
  bool found = false;
  for (size_t i = 0; i < item->section_count; i++) {
    pk_section *section = &item->sections[i];
    if (strcmp(section->kind, "decision") != 0 || !section->text[0]) continue;
    if (!first) first = section;
    bool earlier = section->date[0]
                       ? seg->meeting_date[0] && strcmp(section->date, seg->meeting_date) != 0
                       : section->body && seg->meeting_body &&
                             !same_body(section->body, seg->meeting_body);
    section->this_meeting = !earlier;
    found = found || !earlier;
  }
  if (!found && first) first->this_meeting = true;
}

/* SECTION's heading and text, a line apart, added to ALL. */
static bool append_section(pk_buf *all, const pk_section *section) {
  return pk_buf_append_str(all, section->heading) && pk_buf_append_char(all, '\n') &&
         pk_buf_append_str(all, section->text);
}

/* The text a decision's reading reads: its own, and that of the vote sections right under
 * it ("Afstemning" over a table: the decision's votes, and an outcome printed after them),
 * headings included.  *JOINED is set when a copy had to be made (the caller frees it). */
static const char *decision_text(const pk_item *item, size_t at, char **joined) {
  const pk_section *decision = &item->sections[at];
  *joined = NULL;
  if (at + 1 >= item->section_count || strcmp(item->sections[at + 1].kind, "vote") != 0)
    return decision->text;
  pk_buf all = {0};
  bool ok = pk_buf_append_str(&all, decision->text);
  for (size_t i = at + 1;
       ok && i < item->section_count && strcmp(item->sections[i].kind, "vote") == 0; i++)
    ok = pk_buf_append_char(&all, '\n') && append_section(&all, &item->sections[i]);
  if (!ok) {
    pk_buf_free(&all);
    return NULL;
  }
  return *joined = all.data;
}

enum { TITLE_LEAD_MAX = 64 }; /* bytes before the title in its header: number, label, case */

/* The item's header after its title, where the title stands there as read: a member's
 * presence that follows a title run into it ("4) Lokaletilskud til Tølløse Rideklub Niels
 * Ørum (C) deltog ikke ...") names no one of the title's words. */
static const char *after_title(const pk_item *item) {
  if (!item->header || !item->title || !*item->title) return item->header;
  const char *found = strstr(item->header, item->title);
  if (!found || found - item->header > TITLE_LEAD_MAX) return item->header;
  return found + strlen(item->title);
}

/* Each decision's outcome, votes and minority notes; who was absent from the item and who
 * declared a conflict of interest, read in its header and every section (decisions.c). */
static bool read_decisions(pk_segmenter *seg, pk_item *item) {
  pk_decision_trace trace = {seg->report->explain, item->number, 0};
  bool ok = true;
  trace.page = item->header_span.first_page;
  ok = pk_presence_read(seg->matcher, &seg->decisions, after_title(item), item, &trace);
  for (size_t i = 0; ok && i < item->section_count; i++) {
    pk_section *section = &item->sections[i];
    trace.page = section->span.first_page;
    if (strcmp(section->kind, "decision") == 0) {
      char *joined;
      const char *text = decision_text(item, i, &joined);
      ok = text && pk_decision_read(seg->matcher, &seg->decisions, section, text, &trace);
      free(joined);
    }
    /* Who was absent or declared a conflict is said under any heading: in the decision, or
     * before it ("Søren Frost (C) erklærede sig inhabil ..." closing the recommendation).
     * Only an absence section's heading says what the names under it are ("Fraværende"):
     * the others' text is read as it stands, not copied. */
    if (ok && strcmp(section->kind, "absent") == 0) {
      pk_buf both = {0};
      ok = append_section(&both, section) &&
           pk_presence_read(seg->matcher, &seg->decisions, both.data, item, &trace);
      pk_buf_free(&both);
    } else if (ok) {
      ok = pk_presence_read(seg->matcher, &seg->decisions, section->text, item, &trace);
    }
  }
  if (ok) pk_presence_settle(item);
  return ok;
}

/* Whether HIT, of kind other, is a small board's label of one word ("Referat:",
 * "Drøftelse:"), not a section of its own ("Historik", "Tidligere beslutninger"). */
static bool is_label_of_one_word(const char *text, const heading_hit *hit) {
  if (strcmp(section_kind(hit), "other") != 0) return false;
  size_t start = hit->start, end = hit->heading_end;
  pk_trim_span(text, &start, &end);
  if (end - start < 2 || text[end - 1] != ':') return false;
  return !memchr(text + start, ' ', end - start);
}

/* Minutes that print no decision heading over an item's decision ("Godkendtes.",
 * "Forslaget blev vedtaget med 5 stemmer mod 3." under the item's text, as minute books
 * and small boards write them): the first line after the title that a decision-start
 * rule reads starts a decision section without a heading (in an item with no heading at
 * all where no line opens so: the first sentence after its start that one reads).  Only
 * in a text named minutes, and not in an item that has a decision heading.  False when out
 * of memory. */
static bool add_unheaded_decision(pk_segmenter *seg, const block *blk, heading_hit **hits,
                                  size_t *count) {
  if (!seg->kind || strcmp(seg->kind, "referat") != 0) return true;
  for (size_t i = 0; i < *count; i++)
    if (strcmp(section_kind(&(*hits)[i]), "decision") == 0) return true;
  const char *text = blk->text.data;
  const char *line_end = memchr(text, '\n', blk->text.len);
  const pk_rule *rule = NULL;
  size_t label_end, at = blk->text.len;
  if (line_end)
    at = pk_decision_start_find(seg->matcher, &seg->decisions, text,
                                (size_t)(line_end - text) + 1, blk->text.len, &rule, &label_end);
  /* An item of running paragraphs only, no heading in it: its decision may be a sentence
   * inside one (a minute book's "ad 2.  ... Vedtaget med 6 stemmer mod 2."). */
  if (at >= blk->text.len && !*count)
    at = pk_decision_start_find_in_sentences(seg->matcher, &seg->decisions, text, blk->body_from,
                                             blk->text.len, &rule, &label_end);
  if (at >= blk->text.len) return true;
  size_t place = 0;
  while (place < *count && (*hits)[place].start < at) place++;
  if (place < *count && (*hits)[place].start == at) return true;
  heading_hit *above = place ? &(*hits)[place - 1] : NULL;
  if (above && at < above->heading_end) return true; /* inside a heading */
  size_t gap_start = above ? above->heading_end : 0, gap_end = at;
  if (above) pk_trim_span(text, &gap_start, &gap_end);
  if (above && gap_start == gap_end && is_label_of_one_word(text, above)) {
    above->decides = true; /* "Referat:" / "Orienteringen blev taget til efterretning." */
    return true;
  }
  heading_hit *grown = realloc(*hits, (*count + 1) * sizeof *grown);
  if (!grown) return false;
  memmove(grown + place + 1, grown + place, (*count - place) * sizeof *grown);
  grown[place] = (heading_hit){.rule = rule, .start = at, .heading_end = label_end};
  *hits = grown;
  (*count)++;
  pk_explain_match(seg->report->explain, rule, "decision without a heading",
                   pk_seg_page_at(blk, at), pk_seg_explain_offset(seg, blk->char_start, text, at),
                   text, at, at);
  return true;
}

static bool build_sections(pk_segmenter *seg, pk_item *item, block *blk) {
  heading_hit *hits = NULL;
  size_t count = find_headings(seg, blk, item->title, &hits);
  if (!add_unheaded_decision(seg, blk, &hits, &count)) {
    free(hits);
    return false;
  }
  size_t header_end = count ? hits[0].start : blk->text.len;
  item->header = pk_seg_trimmed_copy(blk->text.data, 0, header_end);
  item->header_span = pk_seg_span_of(blk, 0, header_end);
  item->sections = count ? calloc(count, sizeof *item->sections) : NULL;
  bool ok = item->header && (!count || item->sections);
  for (size_t i = 0; ok && i < count; i++) {
    size_t text_end = i + 1 < count ? hits[i + 1].start : blk->text.len;
    ok = fill_section(seg, item, blk, &hits[i], text_end);
  }
  if (ok) mark_meeting_decisions(seg, item);
  if (ok) ok = read_decisions(seg, item);
  free(hits);
  return ok;
}

/* The number as printed, else (unless the table of contents placed the item, which would
 * have listed a printed number) the previous item's number plus one. */
static void set_number(pk_segmenter *seg, pk_item *item, captures *caught, bool as_listed) {
  if (as_listed && !caught->number) {
    item->number = NULL;
  } else if (caught->number) {
    size_t len = strlen(caught->number);
    while (len > 0 && caught->number[len - 1] == '.') caught->number[--len] = '\0';
    item->number = caught->number;
    caught->number = NULL;
  } else {
    item->number = pk_seg_next_number(seg->last_number);
    item->number_inferred = item->number != NULL;
  }
  free(seg->last_number);
  seg->last_number = item->number ? pk_strndup(item->number, strlen(item->number)) : NULL;
}

/* The value of the first field.NAME rule matching in TEXT, or NULL. */
char *pk_seg_field_value(pk_segmenter *seg, const char *name, const char *text, size_t len) {
  for (size_t i = 0; i < seg->sets[SET_FIELD].count; i++) {
    const pk_rule *rule = seg->sets[SET_FIELD].rules[i];
    if (!rule || strcmp(pk_rule_arg(rule), name) != 0) continue;
    if (pk_match(seg->matcher, rule, text, len, 0, false) != PK_MATCH_FOUND) continue;
    char *value = pk_seg_group_text(seg->matcher, text, "value");
    if (value) return value;
  }
  return NULL;
}

/* A labelled case number on a line of its own anywhere in the item's sections (a
 * "case-line" field rule), or NULL. */
static char *case_line_in_sections(pk_segmenter *seg, const pk_item *item) {
  for (size_t i = 0; i < item->section_count; i++) {
    char *value = item->sections[i].text ? pk_seg_field_value(seg, "case-line", item->sections[i].text, strlen(item->sections[i].text)) : NULL;
    if (value) return value;
  }
  return NULL;
}

/* Fields the start rule did not capture may stand in the header, on lines of their own;
 * a case number under its label also further down the item. */
static void fill_fields_from_header(pk_segmenter *seg, pk_item *item) {
  if (!item->case_number) item->case_number = pk_seg_field_value(seg, "case", item->header, strlen(item->header));
  if (!item->case_number) item->case_number = case_line_in_sections(seg, item);
  if (!item->responsible) item->responsible = pk_seg_field_value(seg, "responsible", item->header, strlen(item->header));
  if (!item->access) {
    char *access = pk_seg_field_value(seg, "access", item->header, strlen(item->header));
    item->access = pk_seg_classify_access(seg, access);
    free(access);
  }
}

/* A line heading a group of items ("Åbne dagsordenspunkter", "Lukkede sager") gives its
 * access to the items after it, up to the next such line: the last one in BLK's text
 * from FROM on sets the access of the items that follow. */
void pk_seg_note_group_access(pk_segmenter *seg, const block *blk, size_t from) {
  const char *text = blk->text.data;
  size_t len = blk->text.len, last_at = 0;
  bool found = false;
  for (size_t i = 0; text && i < seg->sets[SET_GROUP].count; i++) {
    const pk_rule *rule = seg->sets[SET_GROUP].rules[i];
    if (!rule || strcmp(pk_rule_arg(rule), "access") != 0) continue;
    for (size_t at = from; at < len;) {
      if (pk_match(seg->matcher, rule, text, len, at, false) != PK_MATCH_FOUND) break;
      size_t start = pk_match_start(seg->matcher), end = pk_match_end(seg->matcher);
      if (!found || start >= last_at) {
        char *value = pk_seg_group_text(seg->matcher, text, "value");
        const char *access = pk_seg_classify_access(seg, value);
        free(value);
        if (access) {
          found = true;
          last_at = start;
          seg->group_access = access;
          pk_explain_match(seg->report->explain, rule, "group access", pk_seg_page_at(blk, start),
                           pk_seg_explain_offset(seg, blk->char_start, text, start), text, start, end);
        }
      }
      at = end > at ? end : pk_seg_next_char(text, len, at);
    }
  }
}

/* Ends TITLE (in place) where a title-end rule first matches after its start: the case
 * header an item rule's title ran into ("Godkendelse af dagsorden J.nr.: A10.").  The
 * item's header keeps the whole start line, so nothing is lost. */
static void end_title(pk_segmenter *seg, char *title) {
  size_t len = strlen(title), cut = len;
  for (size_t i = 0; i < seg->sets[SET_TITLE_END].count; i++) {
    const pk_rule *rule = seg->sets[SET_TITLE_END].rules[i];
    if (rule && pk_match(seg->matcher, rule, title, len, 1, false) == PK_MATCH_FOUND &&
        pk_match_start(seg->matcher) < cut)
      cut = pk_match_start(seg->matcher);
  }
  while (cut > 0 && (title[cut - 1] == ' ' || title[cut - 1] == '\t' || title[cut - 1] == ',')) cut--;
  if (cut > 0) title[cut] = '\0';
  for (char *tab = strchr(title, '\t'); tab; tab = strchr(tab, '\t')) *tab = ' ';
}

/* Whether TEXT holds a letter (a number after the list's title is the title's own: the
 * list's entry lost it, "MØDE NR. 111"). */
static bool holds_a_letter(const char *text) {
  for (; *text; text++)
    if (isalpha((unsigned char)*text) || (unsigned char)*text >= 0xC3) return true;
  return false;
}

/* A title inside a page that runs on into the item's text, where the contents list gave
 * its number a title it opens with ("Afdelingsbestyrelsens beretning Formanden Pia Krogh
 * fortalte ..."): the title is as long as the list's (its words as printed here; the
 * header keeps the whole line).  A title that reads as prose, or one that starts inside
 * a line (INSIDE): no line's end stopped it there ("Salg af grund Byrådet den 15. marts
 * 2011:").  Only at a word's end. */
static void cut_to_listed_title(pk_segmenter *seg, pk_item *item, bool inside) {
  const char *listed = item->number ? pk_seg_listed_title_of(seg, item->number) : NULL;
  size_t len = strlen(item->title), listed_len = listed ? strlen(listed) : 0;
  if (!listed || len <= listed_len || item->title[listed_len] != ' ' ||
      !holds_a_letter(item->title + listed_len)) /* a word's end, words after it */
    return;
  bool prose = pk_title_is_prose(item->title, 0, len);
  /* A prose title agrees with the list's as titles do (their first words); one that is
   * not prose is cut only where it opens with the list's very words. */
  if (prose ? !pk_titles_agree(listed, listed_len, item->title, len)
            : !inside || strncasecmp(listed, item->title, listed_len) != 0)
    return;
  item->title[listed_len] = '\0';
}

enum { REPEATED_TITLE_MIN = 12 }; /* bytes of a line that may repeat a title alone */

/* What a browser's page title sets between the page's name and the site's. */
static const char *const SITE_SEPARATORS[] = {" - ", " | ", " \xE2\x80\x93 "};
enum { SITE_SEPARATOR_COUNT = sizeof SITE_SEPARATORS / sizeof *SITE_SEPARATORS };

/* Whether TEXT opens with a site's separator (OPENS) or holds one anywhere. */
static bool has_separator(const char *text, bool opens) {
  for (size_t i = 0; i < SITE_SEPARATOR_COUNT; i++) {
    const char *sep = SITE_SEPARATORS[i];
    if (opens ? strncmp(text, sep, strlen(sep)) == 0 : strstr(text, sep) != NULL) return true;
  }
  return false;
}

/* A title taken from a browser's page title ("Punkt 7. Udbud af vintertjeneste 2025-2029
 * - Teknik- og Miljøudvalget 14-05-2025 - Hedeby Kommune"), where a line of the item's
 * text, TEXT[0, LEN), repeats its opening alone (the page's own heading): the title is
 * that line; the rest named the meeting and the site. */
static void cut_to_repeated_line(char *title, const char *text, size_t len) {
  /* Most titles hold no separator: their items' text is not read again. */
  if (!title || !text || !has_separator(title, false)) return;
  size_t title_len = strlen(title);
  const char *newline = memchr(text, '\n', len);
  while (newline) {
    size_t at = (size_t)(newline - text) + 1;
    newline = at < len ? memchr(text + at, '\n', len - at) : NULL;
    size_t start = at, stop = newline ? (size_t)(newline - text) : len;
    pk_trim_span(text, &start, &stop);
    size_t line_len = stop - start;
    if (line_len >= REPEATED_TITLE_MIN && line_len < title_len &&
        memcmp(title, text + start, line_len) == 0 && has_separator(title + line_len, true)) {
      title[line_len] = '\0';
      return;
    }
  }
}

/* An item's start match that ran past its title, which was cut where it ends (end_title,
 * the contents list's title; CAUGHT_LEN is the title as caught): the body starts at the
 * cut title's end, at its last copy in the start's line (the first may stand inside the
 * line's other words: "Økonomi" in "Økonomiudvalget"). */
static void open_body_after_title(block *blk, const char *title, size_t caught_len) {
  const char *text = blk->text.data;
  size_t title_len = title ? strlen(title) : 0, from = blk->body_from;
  if (!title_len || title_len >= caught_len || !text || from > blk->text.len ||
      memchr(text, '\n', from))
    return;
  size_t end = from;
  for (const char *at = memmem(text, from, title, title_len); at;
       at = memmem(at + 1, from - (size_t)(at + 1 - text), title, title_len))
    end = (size_t)(at - text) + title_len;
  if (end < from) blk->start_end = from, blk->body_from = end;
}

bool pk_seg_send_item(pk_segmenter *seg, block *blk) {
  pk_item item = {0};
  item.ordinal = ++seg->item_count;
  if (seg->sha256)
    snprintf(item.id, sizeof item.id, "%.12s-%zu", seg->sha256, item.ordinal);
  else
    snprintf(item.id, sizeof item.id, "item-%zu", item.ordinal);
  set_number(seg, &item, &blk->caught, blk->from_toc);
  item.title = blk->caught.title, blk->caught.title = NULL;
  size_t caught_len = item.title ? strlen(item.title) : 0;
  if (item.title) end_title(seg, item.title);
  const char *listed =
      item.title || item.number_inferred ? NULL : pk_seg_listed_title_of(seg, item.number);
  if (listed && !(item.title = pk_strndup(listed, strlen(listed)))) return false;
  if (listed) end_title(seg, item.title);
  if (item.title && !listed) cut_to_listed_title(seg, &item, blk->inside_unit);
  item.case_number = blk->caught.case_number, blk->caught.case_number = NULL;
  item.responsible = blk->caught.responsible, blk->caught.responsible = NULL;
  item.access = pk_seg_classify_access(seg, blk->caught.access);
  open_body_after_title(blk, item.title, caught_len);
  bool ok = build_sections(seg, &item, blk);
  item.span = pk_seg_block_span(blk);
  if (ok) fill_fields_from_header(seg, &item);
  if (ok) cut_to_repeated_line(item.title, blk->text.data, blk->text.len);
  if (!item.access) item.access = seg->group_access;
  pk_seg_note_group_access(seg, blk, blk->body_from);
  if (ok && item.number) ok = pk_numset_add(seg->item_numbers, item.number);
  ok = ok && seg->sink->ops->item(seg->sink, &item);
  pk_item_free(&item);
  seg->report->item_count = seg->item_count;
  return ok;
}

/* ---- appendices and back matter ------------------------------------------------------------- */

bool pk_seg_send_appendix(pk_segmenter *seg, block *blk) {
  pk_appendix app = {0};
  app.kind = blk->kind == BLOCK_APPENDIX ? "attachment" : "unclassified";
  app.span = pk_seg_block_span(blk);
  app.text = pk_seg_trimmed_copy(blk->text.data ? blk->text.data : "", 0, blk->text.len);
  app.number = blk->caught.number, blk->caught.number = NULL;
  app.title = blk->caught.title, blk->caught.title = NULL;
  app.reference = blk->caught.reference, blk->caught.reference = NULL;
  app.access = pk_seg_classify_access(seg, blk->caught.access);
  if (blk->caught.item && pk_numset_has(seg->item_numbers, blk->caught.item)) {
    app.item = blk->caught.item, blk->caught.item = NULL;
  } else if (blk->caught.item) {
    pk_report_diagnostic(seg->report, "warning", app.span.first_page, (long long)app.span.start,
                         "appendix %s refers to item %s, which the document does not have",
                         app.number ? app.number : "?", blk->caught.item);
  }
  bool ok = app.text && seg->sink->ops->appendix(seg->sink, &app);
  pk_appendix_free(&app);
  return ok;
}

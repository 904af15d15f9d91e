/* segmenter.c: blocks of units -> items, sections, appendices.
 *
 * The text is read as blocks: the preamble, then one block per item, then appendices and
 * unclassified back matter.  A block starts where an anchored rule (item, appendix,
 * backmatter) matches at the start of a unit.  When a block ends it is turned into model
 * records: an item's section headings are searched anywhere in its text (they stand
 * inside long transcript lines), the text between them becomes the sections. */
#include "config.h"

#include "segmenter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dates.h"
#include "decoder.h"
#include "explain.h"
#include "numset.h"
#include "toc.h"

enum { META_WITHIN = 4000 }; /* bytes of the preamble searched for metadata by default */

/* Item rules with lines=N see a unit and the N-1 non-blank units after it, with at most
 * LOOKAHEAD_UNITS units after it in all and PROBE_BYTES of each: the look-ahead, and so
 * the memory it holds, is bounded. */
enum { LOOKAHEAD_UNITS = 8, PROBE_BYTES = 2048, PROBES_MAX = LOOKAHEAD_UNITS + 1 };

typedef enum { BLOCK_PREAMBLE, BLOCK_ITEM, BLOCK_APPENDIX, BLOCK_UNCLASSIFIED } block_kind;

typedef struct unit_mark {
  size_t at; /* offset of the unit in the block's text */
  long page;
} unit_mark;

/* A contents list's entry: the title an item of that number takes when its start gives
 * none ("Ad 3." in the minutes after "3. Trafiksikkerhed på Skolevej" in the agenda). */
typedef struct listed_title {
  long number;
  char *title;
} listed_title;

/* Text captured by the rule that started a block. */
typedef struct captures {
  char *number, *title, *access, *case_number, *responsible, *item, *reference;
} captures;

typedef struct block {
  block_kind kind;
  pk_buf text;
  unit_mark *marks;
  size_t mark_count, mark_cap;
  size_t char_start;    /* code point offset of the block in the cleaned text */
  size_t counted_to, counted_chars; /* code points in text[0, counted_to): spans are
                                       asked for in rising order, so counting resumes */
  size_t body_from;     /* where the start rule's match ended */
  bool from_toc;        /* an item the table of contents placed: its number is as listed */
  bool inside_unit;     /* started inside a unit by an at=anywhere rule */
  bool contents_tail;   /* the last entry of a contents list: the body restarted after it */
  captures caught;
} block;

/* A section heading found in an item's text. */
typedef struct heading_hit {
  const pk_rule *rule;
  size_t start, heading_end;
  size_t body_start, body_end, date_start, date_end;
  bool has_body, has_date;
} heading_hit;

/* A unit held for the item rules that look ahead: its start, and where it stands, so
 * that a match found once the units after it have come can still start an item there. */
typedef struct probe {
  char *text;           /* the unit's first PROBE_BYTES (a copy) */
  size_t len;
  bool truncated;       /* the unit was longer: nothing after it can be seen from here */
  bool blank;
  bool pending;         /* look-ahead rules are still to be tried here */
  size_t block_at;      /* offset of the unit in the text of the block it went into */
  size_t char_at;       /* code point offset of the unit in the cleaned text */
  long page;
  unsigned long block_id; /* the block it went into */
} probe;

/* The rules of one kind that apply under the chosen profile, in load order: looked up
 * once when the profile is chosen, not at every unit. */
typedef enum {
  SET_ITEM, SET_APPENDIX, SET_BACKMATTER, SET_SECTION, SET_ATTACHMENT, SET_ACCESS, SET_FIELD,
  SET_KIND, SET_META, SET_CONTENTS, SET_GROUP, SET_ENTRY, SET_COUNT
} rule_set;

static const char *const SET_KINDS[SET_COUNT] = {"item",   "appendix", "backmatter",
                                                 "section", "attachment", "access",
                                                 "field",   "kind",     "meta",
                                                 "contents", "group", "entry"};

typedef struct rule_list {
  const pk_rule **rules;
  size_t count;
} rule_list;

struct pk_segmenter {
  const pk_rules *rules;
  rule_list sets[SET_COUNT];
  const char *profile; /* chosen layout profile, or NULL */
  const char *kind;    /* the document's kind, once the item rules are chosen */
  long profile_score;
  char *start_text;    /* the document's first units, for its kind and metadata */
  size_t start_len;
  pk_toc toc;          /* items listed in a table of contents, if the profile reads one */
  size_t toc_next;     /* the next listed item not yet started */
  pk_matcher *matcher;
  pk_report *report;
  pk_sink *sink;
  const char *sha256;
  block current;
  block preamble;      /* held until the first item with content is known */
  bool document_sent;
  bool failed;
  size_t cleaned_chars;  /* code points of cleaned text seen so far */
  const pk_rule *started_by; /* the rule of the last block start */
  long list_next;        /* the next number of a numbered list inside the item, or 0 */
  bool contents_seen;    /* a contents heading stood in the preamble */
  char *contents_number; /* number and title of the first contents entry, or NULL */
  char *contents_title;
  bool contents_closed;  /* the body has restarted the contents list */
  bool restart_pending;  /* the last item start accepted restarts the contents list */
  listed_title *listed;  /* the titles of the contents list's entries, by number */
  size_t listed_count, listed_cap;
  block *held;           /* contents entries read so far, before any item with content */
  size_t held_count, held_cap;
  char *sequence_before; /* while a unit is searched for starts inside it: the number of
                            the item its piece starts, which those starts follow */
  const char *group_access; /* access of the group of items being read ("Åbne punkter") */
  size_t item_count;
  char *last_number;     /* number of the previous item, for inference */
  pk_numset *item_numbers; /* numbers of the items sent, to link appendices */
  unsigned lines_max;    /* the longest look-ahead of the item rules (1: none) */
  probe probes[PROBES_MAX]; /* the units held for it, oldest first */
  size_t probe_count;
  unsigned long block_id;  /* counts the blocks started */
  bool unit_taken;       /* the unit coming is part of a look-ahead match: it starts nothing */
  pk_buf lookahead;      /* the subject a look-ahead rule is matched against */
  bool by_template;      /* items start where the template of headings repeats */
  pk_template template;
  bool template_start;   /* the block start just found is a heading that opens an item */
};


/* ---- small helpers ----------------------------------------------------------------------- */


static void captures_free(captures *caught) {
  free(caught->number);
  free(caught->title);
  free(caught->access);
  free(caught->case_number);
  free(caught->responsible);
  free(caught->item);
  free(caught->reference);
  *caught = (captures){0};
}

static void block_reset(block *blk, block_kind kind, size_t char_start) {
  pk_buf_free(&blk->text);
  free(blk->marks);
  captures_free(&blk->caught);
  *blk = (block){.kind = kind, .char_start = char_start};
}

/* The page of the unit holding byte AT of the block: marks are in order, so a binary
 * search keeps this cheap in an item of many units. */
static long page_at(const block *blk, size_t at) {
  size_t low = 0, high = blk->mark_count; /* first mark after AT is in [low, high] */
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (blk->marks[mid].at <= at) low = mid + 1;
    else high = mid;
  }
  return low ? blk->marks[low - 1].page : 0;
}

/* The leading integer of a number as printed ("12", "3.2" -> 3), or -1. */
static long leading_integer(const char *number) {
  if (!number || *number < '0' || *number > '9') return -1;
  return strtol(number, NULL, 10);
}

/* Keeps the title of the contents entry NUMBER (the first one listed under a number wins). */
static bool note_listed_title(pk_segmenter *seg, const char *number, const char *title) {
  long value = number ? leading_integer(number) : -1;
  if (value < 0 || !title) return true;
  for (size_t i = 0; i < seg->listed_count; i++)
    if (seg->listed[i].number == value) return true;
  if (!pk_reserve((void **)&seg->listed, &seg->listed_cap, seg->listed_count + 1,
                  sizeof *seg->listed))
    return false;
  char *copy = pk_strndup(title, strlen(title));
  if (!copy) return false;
  seg->listed[seg->listed_count++] = (listed_title){value, copy};
  return true;
}

/* The title the contents list gives item NUMBER, or NULL. */
static const char *listed_title_of(const pk_segmenter *seg, const char *number) {
  long value = number ? leading_integer(number) : -1;
  for (size_t i = 0; value >= 0 && i < seg->listed_count; i++)
    if (seg->listed[i].number == value) return seg->listed[i].title;
  return NULL;
}

/* Code point offset in the cleaned text of byte AT of BLK. */
static size_t char_offset(block *blk, size_t at) {
  if (at < blk->counted_to) blk->counted_to = blk->counted_chars = 0;
  /* An empty block has no text buffer at all (NULL + 0 is undefined behaviour). */
  if (at > blk->counted_to)
    blk->counted_chars += pk_utf8_count(blk->text.data + blk->counted_to, at - blk->counted_to);
  blk->counted_to = at;
  return blk->char_start + blk->counted_chars;
}

/* Span of the trimmed text[start, end) of BLK, with its pages. */
static pk_span span_of(block *blk, size_t start, size_t end) {
  if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
  pk_span span = {0, 0, 0, 0};
  span.start = char_offset(blk, start);
  span.end = char_offset(blk, end);
  span.first_page = page_at(blk, start);
  span.last_page = end > start ? page_at(blk, end - 1) : span.first_page;
  return span;
}

/* Span of a whole block: its pages run to the last page it holds, even one left blank. */
static pk_span block_span(block *blk) {
  pk_span span = span_of(blk, 0, blk->text.len);
  if (blk->mark_count) {
    span.first_page = blk->marks[0].page;
    span.last_page = blk->marks[blk->mark_count - 1].page;
  }
  return span;
}

static char *trimmed_copy(const char *text, size_t start, size_t end) {
  pk_trim_span(text, &start, &end);
  return pk_strndup(text + start, end - start);
}

/* TEXT's contents, trimmed, taken over rather than copied (a preamble may be one huge
 * line); TEXT is left empty. */
static char *take_trimmed(pk_buf *text) {
  if (!text->data) return pk_strndup("", 0);
  size_t start = 0, end = text->len;
  pk_trim_span(text->data, &start, &end);
  memmove(text->data, text->data + start, end - start);
  text->len = end - start;
  text->data[text->len] = '\0';
  return pk_buf_take(text);
}

/* Collapsed copy of the named group of the last match, or NULL. */
static char *group_text(pk_matcher *matcher, const char *subject, const char *name) {
  size_t start, end;
  if (!pk_match_group(matcher, name, &start, &end)) return NULL;
  char *value = pk_collapse_ws(subject, start, end);
  if (value && !value[0]) {
    free(value);
    return NULL;
  }
  return value;
}

/* The code point offset of TEXT[AT] for the --explain trace, where TEXT starts at code
 * point BASE of the cleaned text; counted only when there is a trace. */
static long long explain_offset(const pk_segmenter *seg, size_t base, const char *text, size_t at) {
  return seg->report->explain ? (long long)(base + pk_utf8_count(text, at)) : -1;
}


/* Classifies printed access words ("Åben", "Lukket sag") with the access.* rules. */
static const char *classify_access(pk_segmenter *seg, const char *printed) {
  if (!printed) return NULL;
  for (size_t i = 0; i < seg->sets[SET_ACCESS].count; i++) {
    const pk_rule *rule = seg->sets[SET_ACCESS].rules[i];
    if (rule && pk_match(seg->matcher, rule, printed, strlen(printed), 0, true) == PK_MATCH_FOUND)
      return pk_rule_arg(rule);
  }
  return NULL;
}

/* The number after PREVIOUS: "7" -> "8", "1.2" -> "1.3"; the first item is "1". */
static char *next_number(const char *previous) {
  char out[64];
  if (!previous) return pk_strndup("1", 1);
  const char *last = strrchr(previous, '.');
  const char *digits = last ? last + 1 : previous;
  if (!*digits || strspn(digits, "0123456789") != strlen(digits) || strlen(digits) > 9) return NULL;
  long value = strtol(digits, NULL, 10) + 1;
  snprintf(out, sizeof out, "%.*s%ld", (int)(digits - previous), previous, value);
  return pk_strndup(out, strlen(out));
}

/* ---- the document and its preamble --------------------------------------------------------- */

/* The bytes a kind or meta rule searches: its within= option, else FALLBACK. */
static size_t rule_within(const pk_rule *rule, size_t fallback) {
  const char *within = pk_rule_option(rule, "within");
  return within ? (size_t)strtoul(within, NULL, 10) : fallback;
}

/* Of the kind.* rules that match, the heaviest (option weight=, default 1) decides; at
 * equal weight the earliest match. */
static const char *document_kind(pk_segmenter *seg, const char *text, size_t len) {
  const char *kind = "other";
  size_t best_at = (size_t)-1;
  long best_weight = 0;
  for (size_t i = 0; i < seg->sets[SET_KIND].count; i++) {
    const pk_rule *rule = seg->sets[SET_KIND].rules[i];
    if (!rule) continue;
    size_t scope = pk_utf8_prefix(text, len, rule_within(rule, META_WITHIN));
    if (pk_match(seg->matcher, rule, text, scope, 0, false) != PK_MATCH_FOUND) continue;
    long weight = pk_rule_weight(rule);
    size_t at = pk_match_start(seg->matcher);
    if (weight > best_weight || (weight == best_weight && at < best_at)) {
      best_weight = weight;
      best_at = at;
      kind = pk_rule_arg(rule);
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
    if (pk_match(seg->matcher, rule, text, scope, 0, false) != PK_MATCH_FOUND) continue;
    char *value = group_text(seg->matcher, text, "value");
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
static bool send_document(pk_segmenter *seg, block *preamble) {
  const char *text = preamble->text.data ? preamble->text.data : "";
  size_t len = preamble->text.len;
  const char *start = seg->start_text ? seg->start_text : text;
  size_t start_len = seg->start_text ? seg->start_len : len;
  pk_document doc = {0};
  doc.source_name = seg->report->source_name;
  doc.sha256 = seg->report->sha256;
  doc.input_form = seg->report->input_form;
  doc.converter = seg->report->converter;
  doc.kind = seg->kind ? seg->kind : document_kind(seg, start, start_len);
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
  doc.preamble_span = span_of(preamble, 0, len);
  doc.preamble = take_trimmed(&preamble->text);
  bool ok = doc.preamble && seg->sink->ops->document(seg->sink, &doc);
  pk_document_free(&doc);
  seg->document_sent = true;
  return ok;
}

/* ---- items ----------------------------------------------------------------------------------- */

static int compare_hits(const void *a, const void *b) {
  const heading_hit *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  /* At the same place the longer heading wins. */
  return x->heading_end > y->heading_end ? -1 : x->heading_end < y->heading_end;
}

static size_t next_char(const char *text, size_t len, size_t at) {
  at++;
  while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80) at++;
  return at;
}

static bool add_hit(heading_hit **hits, size_t *count, size_t *cap, const heading_hit *hit) {
  if (!pk_reserve((void **)hits, cap, *count + 1, sizeof **hits)) return false;
  (*hits)[(*count)++] = *hit;
  return true;
}

static heading_hit hit_from_match(pk_matcher *matcher, const pk_rule *rule) {
  heading_hit hit = {.rule = rule};
  size_t start, end;
  hit.start = pk_match_start(matcher);
  hit.heading_end = pk_match_end(matcher);
  if (pk_match_group(matcher, "heading", &start, &end)) {
    hit.start = start;
    hit.heading_end = end;
  }
  hit.has_body = pk_match_group(matcher, "body", &hit.body_start, &hit.body_end);
  hit.has_date = pk_match_group(matcher, "date", &hit.date_start, &hit.date_end);
  return hit;
}

/* All section headings in the item's text after its start match, in order, without overlaps. */
static size_t find_headings(pk_segmenter *seg, const block *blk, heading_hit **out) {
  const char *text = blk->text.data;
  size_t len = blk->text.len, count = 0, cap = 0;
  heading_hit *hits = NULL;
  for (size_t i = 0; i < seg->sets[SET_SECTION].count; i++) {
    const pk_rule *rule = seg->sets[SET_SECTION].rules[i];
    if (!rule) continue;
    for (size_t from = blk->body_from; from < len;) {
      if (pk_match(seg->matcher, rule, text, len, from, false) != PK_MATCH_FOUND) break;
      heading_hit hit = hit_from_match(seg->matcher, rule);
      size_t end = pk_match_end(seg->matcher);
      if (hit.heading_end > hit.start && !add_hit(&hits, &count, &cap, &hit)) break;
      from = end > from ? end : next_char(text, len, from);
    }
  }
  if (count) qsort(hits, count, sizeof *hits, compare_hits);
  size_t kept = 0;
  for (size_t i = 0; i < count; i++) {
    if (kept && hits[i].start < hits[kept - 1].heading_end) continue;
    hits[kept++] = hits[i];
    pk_explain_match(seg->report->explain, hits[i].rule, "section heading", page_at(blk, hits[i].start),
                     explain_offset(seg, blk->char_start, text, hits[i].start), text, hits[i].start,
                     hits[i].heading_end);
  }
  *out = hits;
  return kept;
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
      char *number = group_text(seg->matcher, text, "number");
      /* A bare "2" in item 3's list is attachment 3.2, as the appendices number them. */
      if (number && item->number && !strchr(number, '.')) {
        size_t size = strlen(item->number) + strlen(number) + 2;
        char *qualified = malloc(size);
        if (qualified) snprintf(qualified, size, "%s.%s", item->number, number);
        free(number);
        number = qualified;
      }
      att->number = number;
      att->title = group_text(seg->matcher, text, "title");
      att->reference = group_text(seg->matcher, text, "reference");
      char *access = group_text(seg->matcher, text, "access");
      att->access = classify_access(seg, access);
      free(access);
      from = match_end > from ? match_end : next_char(text, end, from);
    }
  }
}

static bool fill_section(pk_segmenter *seg, pk_item *item, block *blk,
                         const heading_hit *hit, size_t text_end) {
  const char *text = blk->text.data;
  pk_section *section = &item->sections[item->section_count++];
  *section = (pk_section){0};
  section->kind = pk_strndup(pk_rule_arg(hit->rule), strlen(pk_rule_arg(hit->rule)));
  section->heading = pk_collapse_ws(text, hit->start, hit->heading_end);
  section->text = trimmed_copy(text, hit->heading_end, text_end);
  section->span = span_of(blk, hit->start, text_end);
  if (hit->has_body) section->body = pk_collapse_ws(text, hit->body_start, hit->body_end);
  if (hit->has_date &&
      !pk_date_find(text + hit->date_start, hit->date_end - hit->date_start, section->date, NULL, NULL))
    section->date[0] = '\0';
  if (strcmp(section->kind, "attachments") == 0)
    add_attachments(seg, item, blk, hit->heading_end, text_end);
  return section->kind && section->heading && section->text;
}

static bool build_sections(pk_segmenter *seg, pk_item *item, block *blk) {
  heading_hit *hits = NULL;
  size_t count = find_headings(seg, blk, &hits);
  size_t header_end = count ? hits[0].start : blk->text.len;
  item->header = trimmed_copy(blk->text.data, 0, header_end);
  item->header_span = span_of(blk, 0, header_end);
  item->sections = count ? calloc(count, sizeof *item->sections) : NULL;
  bool ok = item->header && (!count || item->sections);
  for (size_t i = 0; ok && i < count; i++) {
    size_t text_end = i + 1 < count ? hits[i + 1].start : blk->text.len;
    ok = fill_section(seg, item, blk, &hits[i], text_end);
  }
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
    item->number = next_number(seg->last_number);
    item->number_inferred = item->number != NULL;
  }
  free(seg->last_number);
  seg->last_number = item->number ? pk_strndup(item->number, strlen(item->number)) : NULL;
}

/* The value of the first field.NAME rule matching in TEXT, or NULL. */
static char *field_value(pk_segmenter *seg, const char *name, const char *text) {
  for (size_t i = 0; i < seg->sets[SET_FIELD].count; i++) {
    const pk_rule *rule = seg->sets[SET_FIELD].rules[i];
    if (!rule || strcmp(pk_rule_arg(rule), name) != 0) continue;
    if (pk_match(seg->matcher, rule, text, strlen(text), 0, false) != PK_MATCH_FOUND) continue;
    char *value = group_text(seg->matcher, text, "value");
    if (value) return value;
  }
  return NULL;
}

/* Fields the start rule did not capture may stand in the header, on lines of their own. */
static void fill_fields_from_header(pk_segmenter *seg, pk_item *item) {
  if (!item->case_number) item->case_number = field_value(seg, "case", item->header);
  if (!item->responsible) item->responsible = field_value(seg, "responsible", item->header);
  if (!item->access) {
    char *access = field_value(seg, "access", item->header);
    item->access = classify_access(seg, access);
    free(access);
  }
}

/* A line heading a group of items ("Åbne dagsordenspunkter", "Lukkede sager") gives its
 * access to the items after it, up to the next such line: the last one in BLK's text
 * from FROM on sets the access of the items that follow. */
static void note_group_access(pk_segmenter *seg, const block *blk, size_t from) {
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
        char *value = group_text(seg->matcher, text, "value");
        const char *access = classify_access(seg, value);
        free(value);
        if (access) {
          found = true;
          last_at = start;
          seg->group_access = access;
          pk_explain_match(seg->report->explain, rule, "group access", page_at(blk, start),
                           explain_offset(seg, blk->char_start, text, start), text, start, end);
        }
      }
      at = end > at ? end : next_char(text, len, at);
    }
  }
}

static bool send_item(pk_segmenter *seg, block *blk) {
  pk_item item = {0};
  item.ordinal = ++seg->item_count;
  if (seg->sha256)
    snprintf(item.id, sizeof item.id, "%.12s-%zu", seg->sha256, item.ordinal);
  else
    snprintf(item.id, sizeof item.id, "item-%zu", item.ordinal);
  set_number(seg, &item, &blk->caught, blk->from_toc);
  item.title = blk->caught.title, blk->caught.title = NULL;
  const char *listed =
      item.title || item.number_inferred ? NULL : listed_title_of(seg, item.number);
  if (listed && !(item.title = pk_strndup(listed, strlen(listed)))) return false;
  item.case_number = blk->caught.case_number, blk->caught.case_number = NULL;
  item.responsible = blk->caught.responsible, blk->caught.responsible = NULL;
  item.access = classify_access(seg, blk->caught.access);
  bool ok = build_sections(seg, &item, blk);
  item.span = block_span(blk);
  if (ok) fill_fields_from_header(seg, &item);
  if (!item.access) item.access = seg->group_access;
  note_group_access(seg, blk, blk->body_from);
  if (ok && item.number) ok = pk_numset_add(seg->item_numbers, item.number);
  ok = ok && seg->sink->ops->item(seg->sink, &item);
  pk_item_free(&item);
  seg->report->item_count = seg->item_count;
  return ok;
}

/* ---- appendices and back matter ------------------------------------------------------------- */

static bool send_appendix(pk_segmenter *seg, block *blk) {
  pk_appendix app = {0};
  app.kind = blk->kind == BLOCK_APPENDIX ? "attachment" : "unclassified";
  app.span = block_span(blk);
  app.text = trimmed_copy(blk->text.data ? blk->text.data : "", 0, blk->text.len);
  app.number = blk->caught.number, blk->caught.number = NULL;
  app.title = blk->caught.title, blk->caught.title = NULL;
  app.reference = blk->caught.reference, blk->caught.reference = NULL;
  app.access = classify_access(seg, blk->caught.access);
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

/* ---- blocks ------------------------------------------------------------------------------------ */

/* An item whose block holds nothing after its start match, before any item with content,
 * is an entry of a table of contents ("174. Godkendelse af dagsorden" listed at the top
 * of a web page): its text belongs to the preamble, and its number does not count. */
/* Whether a rule of SET matches all of TEXT[from, stop). */
static bool whole_line_of(pk_segmenter *seg, rule_set set, const char *text, size_t from,
                          size_t stop) {
  for (size_t i = 0; i < seg->sets[set].count; i++) {
    const pk_rule *rule = seg->sets[set].rules[i];
    if (rule && pk_match(seg->matcher, rule, text, stop, from, true) == PK_MATCH_FOUND &&
        pk_match_end(seg->matcher) == stop)
      return true;
  }
  return false;
}

/* Whether every line of TEXT[start, end) is a contents list's furniture: an entry's page
 * number ("5"), a line heading a group of items ("Lukkede punkter"), a contents heading
 * (after the last page number: "53Indholdsfortegnelse lukket møde").  Such lines say
 * nothing of the entry before them. */
static bool only_contents_furniture(pk_segmenter *seg, const char *text, size_t start, size_t end) {
  while (start < end) {
    const char *newline = memchr(text + start, '\n', end - start);
    size_t line_end = newline ? (size_t)(newline - text) : end, from = start, stop = line_end;
    pk_trim_span(text, &from, &stop);
    size_t digits = from;
    while (digits < stop && digits - from < 4 && text[digits] >= '0' && text[digits] <= '9') digits++;
    bool furniture = digits == stop || whole_line_of(seg, SET_GROUP, text, from, stop) ||
                     whole_line_of(seg, SET_CONTENTS, text, digits, stop);
    if (!furniture) return false;
    start = line_end + 1;
  }
  return true;
}

static bool is_contents_entry(pk_segmenter *seg, const block *blk) {
  /* Only a line or page of its own, or an entry under a contents heading, can be a
   * contents entry; items run together inside a page may be empty (an item only named in
   * the minutes). */
  /* Once the body has restarted the contents list, no entry of it is left to read. */
  if (seg->document_sent || seg->contents_closed || blk->kind != BLOCK_ITEM) return false;
  if (blk->contents_tail) return true;
  if (blk->inside_unit && !seg->contents_seen) return false;
  size_t start = blk->body_from, end = blk->text.len;
  pk_trim_span(blk->text.data, &start, &end);
  if (start == end || only_contents_furniture(seg, blk->text.data, start, end)) return true;
  /* Under a contents heading, entries may have group labels between them ("Åbne",
   * "Efterretningssager"): an entry is an item without a single section heading. */
  if (!seg->contents_seen) return false;
  heading_hit *hits = NULL;
  size_t headings = find_headings(seg, blk, &hits);
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
static bool absorb_into_preamble(pk_segmenter *seg, block *blk) {
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
static bool hold_entry(pk_segmenter *seg, block *blk) {
  if (!note_contents_entry(seg, blk) ||
      !pk_reserve((void **)&seg->held, &seg->held_cap, seg->held_count + 1, sizeof *seg->held))
    return false;
  seg->held[seg->held_count++] = *blk;
  *blk = (block){.kind = BLOCK_PREAMBLE};
  return true;
}

/* The held entries go into the preamble, in order. */
static bool absorb_held(pk_segmenter *seg) {
  bool ok = true;
  for (size_t i = 0; i < seg->held_count; i++) {
    ok = ok && absorb_into_preamble(seg, &seg->held[i]);
    block_reset(&seg->held[i], BLOCK_PREAMBLE, 0);
  }
  seg->held_count = 0;
  return ok;
}

static bool ensure_document(pk_segmenter *seg) {
  if (seg->document_sent) return true;
  if (!absorb_held(seg)) return false;
  bool ok = send_document(seg, &seg->preamble);
  block_reset(&seg->preamble, BLOCK_PREAMBLE, 0);
  return ok;
}

/* Whether a section heading is the first thing under the item's title: the item is one
 * of the meeting's (a contents list's last entry runs on into meeting fields or the
 * list's next entry instead). */
static bool heading_opens_body(pk_segmenter *seg, const block *blk) {
  heading_hit *hits = NULL;
  size_t count = find_headings(seg, blk, &hits);
  size_t start = blk->body_from, end = count ? hits[0].start : 0;
  free(hits);
  if (count) pk_trim_span(blk->text.data, &start, &end);
  return count && start == end;
}

/* Whether the held entries run on into item BLK, the first with content: numbered one
 * after another from the first, and BLK next, without the body restarting the list.
 * Then they were no contents list but items with nothing under their titles ("1.
 * Godkendelse af dagsorden", "2. Meddelelser", then "3. Title" and its first heading). */
static bool held_run_into(pk_segmenter *seg, const block *blk) {
  if (seg->contents_closed || !blk->caught.number) return false;
  long next = leading_integer(blk->caught.number);
  for (size_t i = seg->held_count; i-- > 0; next--)
    if (!seg->held[i].caught.number || leading_integer(seg->held[i].caught.number) != next - 1)
      return false;
  return next > 0 && heading_opens_body(seg, blk);
}

/* Before the first item with content (BLK) is sent: the held entries become items where
 * they run on into it, else they go into the preamble. */
static bool settle_held(pk_segmenter *seg, const block *blk) {
  if (!seg->held_count || !held_run_into(seg, blk)) return absorb_held(seg);
  pk_explain_note(seg->report->explain,
                  "offset %zu: the %zu item starts before it with nothing under them number on "
                  "into this item: items, not a contents list", blk->char_start, seg->held_count);
  size_t count = seg->held_count;
  block *entries = seg->held;
  seg->held = NULL, seg->held_count = seg->held_cap = 0;
  bool ok = ensure_document(seg);
  for (size_t i = 0; i < count; i++) {
    ok = ok && send_item(seg, &entries[i]);
    block_reset(&entries[i], BLOCK_PREAMBLE, 0);
  }
  free(entries);
  return ok;
}

static bool finish_block(pk_segmenter *seg) {
  block *blk = &seg->current;
  switch (blk->kind) {
  case BLOCK_PREAMBLE:
    note_group_access(seg, blk, 0);
    seg->preamble = *blk; /* ownership moves; the caller starts a fresh block */
    *blk = (block){.kind = BLOCK_PREAMBLE};
    return true;
  case BLOCK_ITEM:
    if (is_contents_entry(seg, blk)) {
      /* Group labels inside a contents list name the groups of its entries; those after
       * its last entry head the body's first group. */
      if (!blk->contents_tail) return hold_entry(seg, blk);
      note_group_access(seg, blk, blk->body_from);
      return absorb_held(seg) && absorb_into_preamble(seg, blk);
    }
    return settle_held(seg, blk) && ensure_document(seg) && send_item(seg, blk);
  case BLOCK_APPENDIX:
  case BLOCK_UNCLASSIFIED:
    if (!ensure_document(seg)) return false;
    /* Back matter that is only white space is not worth a record. */
    if (blk->caught.number || blk->caught.title) return send_appendix(seg, blk);
    size_t start = 0, end = blk->text.len;
    if (blk->text.data) pk_trim_span(blk->text.data, &start, &end);
    return start == end || send_appendix(seg, blk);
  }
  return false;
}

static void capture_start(pk_segmenter *seg, const char *text, captures *caught) {
  caught->number = group_text(seg->matcher, text, "number");
  caught->title = group_text(seg->matcher, text, "title");
  caught->access = group_text(seg->matcher, text, "access");
  caught->case_number = group_text(seg->matcher, text, "case");
  caught->responsible = group_text(seg->matcher, text, "responsible");
  caught->item = group_text(seg->matcher, text, "item");
  caught->reference = group_text(seg->matcher, text, "reference");
}

/* True when an item start repeats the first entry of the contents list just read (number
 * and title): the document's body begins, and the entry before it was the list's last,
 * whatever its number ("17" listed out of order) and whatever follows it (group labels,
 * meeting fields) before the body. */
static bool restarts_contents(const pk_segmenter *seg, const char *number, const char *title) {
  if (seg->document_sent || seg->contents_closed || !seg->contents_title) return false;
  if (seg->current.kind != BLOCK_ITEM || !number || !title) return false;
  return leading_integer(number) >= 0 &&
         leading_integer(number) == leading_integer(seg->contents_number) &&
         strcmp(title, seg->contents_title) == 0;
}

/* With sequence=increasing an item rule only starts an item whose number is above the
 * previous item's: a numbered list inside an item ("1. at ...") is no new item.  Either
 * sequence also starts the item that restarts a contents list; sequence=restart starts
 * nothing else. */
static bool in_sequence(pk_segmenter *seg, const pk_rule *rule, const char *text) {
  const char *sequence = pk_rule_option(rule, "sequence");
  seg->restart_pending = false;
  if (!sequence) return true;
  char *number = group_text(seg->matcher, text, "number");
  char *title = group_text(seg->matcher, text, "title");
  bool restart = restarts_contents(seg, number, title);
  free(title);
  if (restart) {
    pk_explain_note(seg->report->explain,
                    "rule %s: item %s repeats the first contents entry: the body starts here",
                    pk_rule_name(rule), number);
    free(number);
    seg->restart_pending = true;
    seg->list_next = 0;
    return true;
  }
  /* The item being read counts: its number is not yet in last_number. */
  const char *before = seg->sequence_before ? seg->sequence_before
                       : seg->current.kind == BLOCK_ITEM && seg->current.caught.number
                           ? seg->current.caught.number : seg->last_number;
  if (strcmp(sequence, "increasing") != 0 || !before) {
    free(number);
    return strcmp(sequence, "restart") != 0;
  }
  long value = leading_integer(number), previous = leading_integer(before);
  free(number);
  /* "1. x 2. y 3. z" inside item 2: once a list has started below the item's number,
   * its next numbers are the list's too, even where they rise above the item's. */
  bool in_list = seg->list_next > 0 && value == seg->list_next;
  bool rising = !in_list && (value < 0 || previous < 0 || value > previous);
  seg->list_next = rising ? 0 : value + 1;
  if (!rising)
    pk_explain_note(seg->report->explain,
                    "rule %s: number %ld after item %s does not rise, or goes on a list: not an item (sequence=increasing)",
                    pk_rule_name(rule), value, before);
  return rising;
}

/* The checks of pk_item_title_plausible, and a contents heading is no item's title
 * ("53Indholdsfortegnelse lukket møde": the last entry's page number glued to the next
 * list's heading).  The matcher keeps the item rule's match. */
static bool item_title_plausible(pk_segmenter *seg, const pk_rule *rule, const char *text,
                                 size_t len, size_t from) {
  size_t start, end;
  if (!pk_item_title_plausible(seg->matcher, rule, text)) return false;
  if (!pk_match_group(seg->matcher, "title", &start, &end) || !seg->sets[SET_CONTENTS].count)
    return true;
  bool contents = whole_line_of(seg, SET_CONTENTS, text, start, end);
  /* The item rule's match again, which the contents rules' search replaced. */
  return !contents && pk_match(seg->matcher, rule, text, len, from, true) == PK_MATCH_FOUND;
}

/* The first rule of SET matching at the start of the unit, or NULL. */
static const pk_rule *start_rule(pk_segmenter *seg, rule_set set, const char *text,
                                 size_t len, size_t from, long page) {
  for (size_t i = 0; i < seg->sets[set].count; i++) {
    const pk_rule *rule = seg->sets[set].rules[i];
    if (!rule || (set == SET_ITEM && pk_rule_lines(rule) > 1)) continue; /* see look_ahead */
    if (pk_match(seg->matcher, rule, text, len, from, true) == PK_MATCH_FOUND &&
        (set != SET_ITEM || item_title_plausible(seg, rule, text, len, from)) &&
        in_sequence(seg, rule, text))
      return seg->started_by = rule;
  }
  return NULL;
}

/* In a title-less export: whether the unit is a heading that opens an item (see
 * pk_template_opens); the item then starts with the heading. */
static bool opens_by_template(pk_segmenter *seg, const char *text, size_t len, size_t from) {
  pk_evidence sections = {seg->sets[SET_SECTION].rules, seg->sets[SET_SECTION].count};
  size_t heading_end;
  const pk_rule *heading = pk_heading_line(seg->matcher, &sections, text + from, len - from, &heading_end);
  if (!heading || !pk_template_opens(&seg->template, pk_rule_arg(heading), text + from, heading_end))
    return false;
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
  bool ok = finish_block(seg);
  block_reset(&seg->current, BLOCK_ITEM, seg->cleaned_chars);
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
 * its third point is not taken for the next item. */
static void follow_list(pk_segmenter *seg, const char *line, size_t len) {
  if (seg->list_next <= 0) return;
  long value = 0;
  size_t i = 0;
  while (i < len && i < 4 && line[i] >= '0' && line[i] <= '9') value = value * 10 + (line[i++] - '0');
  if (i == 0 || i >= len || (line[i] != '.' && line[i] != ')')) return;
  if (value == seg->list_next) seg->list_next++;
}

/* Before the body: a line that reads as a contents list's entry (an "entry" rule) keeps
 * its title for the item of its number. */
static bool note_entry_line(pk_segmenter *seg, const char *unit, size_t end, size_t from) {
  for (size_t i = 0; i < seg->sets[SET_ENTRY].count; i++) {
    const pk_rule *rule = seg->sets[SET_ENTRY].rules[i];
    if (!rule || pk_match(seg->matcher, rule, unit, end, from, true) != PK_MATCH_FOUND) continue;
    char *number = group_text(seg->matcher, unit, "number");
    char *title = group_text(seg->matcher, unit, "title");
    bool ok = note_listed_title(seg, number, title);
    free(number);
    free(title);
    return ok;
  }
  return true;
}

static bool take_piece(pk_segmenter *seg, const char *unit, size_t at, size_t end, long page,
                       bool unit_ends) {
  size_t from = at, stop = end;
  pk_trim_span(unit, &from, &stop);
  block_kind kind;
  bool ok = true;
  if (!seg->document_sent && from < stop && start_rule(seg, SET_CONTENTS, unit, end, from, page))
    seg->contents_seen = true;
  const pk_toc_entry *listed = seg->toc.count ? listed_item_here(seg, page) : NULL;
  if (listed) {
    ok = start_listed_item(seg, listed, page);
  } else if (from < stop && !seg->unit_taken && unit_starts_block(seg, unit, end, from, page, &kind)) {
    static const char *const STARTS[] = {"preamble", "item starts", "appendix starts",
                                         "unclassified back matter starts"};
    size_t match_start = pk_match_start(seg->matcher);
    pk_explain_match(seg->report->explain, seg->started_by, STARTS[kind], page,
                     explain_offset(seg, seg->cleaned_chars, unit + at, match_start - at), unit,
                     match_start, pk_match_end(seg->matcher));
    captures caught = {0};
    capture_start(seg, unit, &caught);
    /* An item the template opens starts with its heading, which is its first section. */
    size_t body_from = seg->template_start ? 0 : pk_match_end(seg->matcher) - at;
    bool restart = kind == BLOCK_ITEM && seg->restart_pending;
    seg->current.contents_tail = restart;
    ok = finish_block(seg);
    seg->contents_closed = seg->contents_closed || restart;
    block_reset(&seg->current, kind, seg->cleaned_chars);
    seg->block_id++;
    seg->current.caught = caught;
    seg->current.body_from = body_from;
    seg->current.inside_unit = at > 0;
  } else if (from < stop) {
    follow_list(seg, unit + from, stop - from);
    if (!seg->document_sent && !note_entry_line(seg, unit, end, from)) ok = false;
  }
  ok = ok && append_piece(&seg->current, unit + at, end - at, page, unit_ends);
  seg->cleaned_chars += pk_utf8_count(unit + at, end - at) + unit_ends;
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
    if (!rule || pk_rule_lines(rule) > 1) continue;
    if (pk_match(seg->matcher, rule, text, len, from, true) != PK_MATCH_FOUND ||
        !pk_item_title_plausible(seg->matcher, rule, text))
      continue;
    char *number = group_text(seg->matcher, text, "number");
    char *title = group_text(seg->matcher, text, "title");
    const char *before = seg->current.kind == BLOCK_ITEM && seg->current.caught.number
                             ? seg->current.caught.number : seg->last_number;
    bool leads = number && (!before || restarts_contents(seg, number, title) ||
                            leading_integer(number) > leading_integer(before));
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
  seg->sequence_before = piece_lead_number(seg, text, len, at);
  size_t earliest = search_inner_start(seg, text, len, at);
  free(seg->sequence_before);
  seg->sequence_before = NULL;
  return earliest;
}

static size_t search_inner_start(pk_segmenter *seg, const char *text, size_t len, size_t at) {
  size_t earliest = len;
  for (size_t i = 0; i < seg->sets[SET_ITEM].count; i++) {
    const pk_rule *rule = seg->sets[SET_ITEM].rules[i];
    const char *where = pk_rule_option(rule, "at");
    if (!where || strcmp(where, "anywhere") != 0 || pk_rule_lines(rule) > 1) continue;
    for (size_t from = next_char(text, len, at); from < earliest;) {
      if (pk_match(seg->matcher, rule, text, len, from, false) != PK_MATCH_FOUND) break;
      size_t start = pk_match_start(seg->matcher);
      if (start >= earliest) break;
      if (pk_item_title_plausible(seg->matcher, rule, text) && in_sequence(seg, rule, text)) {
        earliest = start;
        break;
      }
      from = next_char(text, len, start);
    }
  }
  return earliest;
}

/* ---- item rules that look ahead (lines=N) ---------------------------------------------------- */

static bool is_blank(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  return true;
}

static void drop_probes(pk_segmenter *seg, size_t count) {
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
  bool ok = finish_block(seg);
  seg->contents_closed = seg->contents_closed || restart;
  block_reset(&seg->current, BLOCK_ITEM, char_at);
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
        !pk_item_title_plausible(seg->matcher, rule, subject) || !in_sequence(seg, rule, subject))
      continue;
    seg->started_by = rule;
    size_t end = pk_match_end(seg->matcher);
    pk_explain_match(seg->report->explain, rule, "item starts (seen with the lines after it)",
                     at->page, (long long)at->char_at + (long long)pk_utf8_count(subject, pk_match_start(seg->matcher)),
                     subject, pk_match_start(seg->matcher), end);
    captures caught = {0};
    capture_start(seg, subject, &caught);
    size_t start_at = at->block_at, char_at = at->char_at;
    /* The units the match runs into are its own: none of them starts anything. */
    for (size_t j = i + 1; j < seg->probe_count; j++)
      if (seg->probes[j].block_at < start_at + end) seg->probes[j].pending = false;
    size_t held = seg->current.text.len - start_at;
    seg->unit_taken = next && end > held;
    if (!split_current(seg, start_at, char_at, &caught, end)) return false;
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
static bool look_ahead(pk_segmenter *seg, const char *next, size_t next_len) {
  seg->unit_taken = false;
  for (size_t i = 0; i < seg->probe_count; i++) {
    if (!seg->probes[i].pending) continue;
    bool full = seg->probe_count == PROBES_MAX;
    if (next && !full && lines_after(seg, i, next, next_len) + 1 < seg->lines_max) break;
    if (!try_probe(seg, i, next, next_len)) return false;
  }
  size_t done = 0;
  while (done < seg->probe_count && !seg->probes[done].pending) done++;
  drop_probes(seg, seg->probe_count == PROBES_MAX && done == 0 ? 1 : done);
  return true;
}

/* Holds the unit just read, which went into the current block at BLOCK_AT (CHAR_AT in the
 * cleaned text) unless a block started inside it. */
static bool hold_probe(pk_segmenter *seg, const char *text, size_t len, long page,
                       size_t block_at, size_t char_at, bool started_inside) {
  size_t kept = pk_utf8_prefix(text, len, PROBE_BYTES);
  char *copy = pk_strndup(text, kept);
  if (!copy) return false;
  if (seg->probe_count == PROBES_MAX) drop_probes(seg, 1);
  seg->probes[seg->probe_count++] = (probe){
      .text = copy, .len = kept, .truncated = kept < len, .blank = is_blank(text, len),
      .pending = !started_inside && !seg->unit_taken, .block_at = block_at, .char_at = char_at,
      .page = page, .block_id = seg->block_id};
  return true;
}

static bool read_unit(pk_segmenter *seg, const char *text, size_t len, long page) {
  if (seg->lines_max > 1 && !look_ahead(seg, text, len)) return false;
  size_t block_at = seg->current.text.len, char_at = seg->cleaned_chars;
  unsigned long block_id = seg->block_id;
  for (size_t at = 0;;) {
    size_t split = inner_item_start(seg, text, len, at);
    if (!take_piece(seg, text, at, split, page, split == len)) return false;
    if (split == len) break;
    at = split;
  }
  if (seg->lines_max < 2) return true;
  bool started = seg->block_id != block_id;
  return hold_probe(seg, text, len, page, started ? 0 : block_at, char_at, started);
}

bool pk_segmenter_unit(void *opaque, const char *text, size_t len, long page) {
  pk_segmenter *seg = opaque;
  if (seg->failed) return false;
  if (!read_unit(seg, text, len, page)) seg->failed = true;
  return !seg->failed;
}

bool pk_segmenter_finish(pk_segmenter *seg) {
  if (seg->failed) return false;
  if (seg->lines_max > 1 && !look_ahead(seg, NULL, 0)) {
    seg->failed = true;
    return false;
  }
  for (size_t i = seg->toc_next; i < seg->toc.count; i++)
    pk_report_diagnostic(seg->report, "warning", seg->toc.entries[i].page, -1,
                         "the table of contents lists \"%s\" on page %ld, which the document "
                         "does not reach", seg->toc.entries[i].title, seg->toc.entries[i].page);
  bool ok = finish_block(seg) && ensure_document(seg);
  block_reset(&seg->current, BLOCK_PREAMBLE, seg->cleaned_chars);
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
  seg->sha256 = sha256;
  seg->current.kind = BLOCK_PREAMBLE;
  return seg;
}

static void free_sets(pk_segmenter *seg) {
  for (size_t i = 0; i < SET_COUNT; i++) free(seg->sets[i].rules);
  memset(seg->sets, 0, sizeof seg->sets);
}

static bool select_sets(pk_segmenter *seg, const char *profile) {
  free_sets(seg);
  for (size_t set = 0; set < SET_COUNT; set++) {
    rule_list *list = &seg->sets[set];
    list->rules = pk_rules_select(seg->rules, SET_KINDS[set], profile, &list->count);
    if (!list->rules) return false;
  }
  return true;
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

/* The item rules come from the decoder: of every profile's and the layout-independent
 * ones, those that explain the start of the document best. */
static bool choose_item_rules(pk_segmenter *seg, const char *profile, long score, bool forced,
                              const char *start, size_t len) {
  const pk_rule **evidence = malloc((seg->sets[SET_SECTION].count + seg->sets[SET_FIELD].count + 1) *
                                    sizeof *evidence);
  if (!evidence) return false;
  size_t count = 0;
  for (size_t i = 0; i < seg->sets[SET_SECTION].count; i++) evidence[count++] = seg->sets[SET_SECTION].rules[i];
  for (size_t i = 0; i < seg->sets[SET_FIELD].count; i++) evidence[count++] = seg->sets[SET_FIELD].rules[i];
  pk_evidence matter = {evidence, count};
  seg->kind = document_kind(seg, start, len);
  pk_decoding how = {.profile = profile, .detected = score > 0, .forced = forced,
                     .named_record = strcmp(seg->kind, "other") != 0,
                     .evidence = &matter, .window = start, .len = len,
                     .explain = seg->report->explain};
  pk_item_proposal chosen;
  bool ok = pk_decode_item_rules(seg->rules, seg->matcher, &how, &chosen);
  free(evidence);
  if (!ok) return false;
  free(chosen.starts);
  infer_kind(seg, &chosen);
  free(seg->sets[SET_ITEM].rules);
  seg->sets[SET_ITEM].rules = chosen.rules;
  seg->sets[SET_ITEM].count = chosen.count;
  seg->by_template = chosen.label == PK_TEMPLATE_PROPOSAL;
  seg->lines_max = 1;
  for (size_t i = 0; i < chosen.count; i++)
    if (pk_rule_lines(chosen.rules[i]) > seg->lines_max) seg->lines_max = pk_rule_lines(chosen.rules[i]);
  return true;
}

bool pk_segmenter_choose(void *opaque, const char *profile, long score, bool forced,
                         const char *start, size_t len) {
  pk_segmenter *seg = opaque;
  if (!select_sets(seg, profile) || !choose_item_rules(seg, profile, score, forced, start, len))
    return false;
  seg->profile = profile;
  seg->profile_score = score;
  free(seg->start_text);
  seg->start_text = pk_strndup(start, len);
  seg->start_len = len;
  if (!pk_toc_parse(&seg->toc, seg->rules, seg->matcher, profile, start, len)) return false;
  for (size_t i = 0; i < seg->toc.count; i++)
    pk_explain_note(seg->report->explain, "table of contents: item %s \"%s\" starts on page %ld",
                    seg->toc.entries[i].number ? seg->toc.entries[i].number : "(no number)",
                    seg->toc.entries[i].title, seg->toc.entries[i].page);
  return seg->start_text != NULL;
}

void pk_segmenter_free(pk_segmenter *seg) {
  if (!seg) return;
  block_reset(&seg->current, BLOCK_PREAMBLE, 0);
  block_reset(&seg->preamble, BLOCK_PREAMBLE, 0);
  for (size_t i = 0; i < seg->held_count; i++) block_reset(&seg->held[i], BLOCK_PREAMBLE, 0);
  free(seg->held);
  for (size_t i = 0; i < seg->listed_count; i++) free(seg->listed[i].title);
  free(seg->listed);
  free(seg->last_number);
  free(seg->contents_number);
  free(seg->contents_title);
  free(seg->start_text);
  drop_probes(seg, seg->probe_count);
  pk_buf_free(&seg->lookahead);
  free_sets(seg);
  pk_toc_free(&seg->toc);
  pk_numset_free(seg->item_numbers);
  free(seg);
}

/* cleaner.c: wrapper, related-documents list and page furniture, found from the text.
 *
 * A transcript is recognised by its start marker (a `transcript-start` rule) within the
 * first lines; what precedes the marker is the site's wrapper.  After it, each line that
 * begins with the next page number is a page.  A line that does not, followed within a
 * few lines by a `related` rule's match, starts the related-documents list, which runs to
 * the end.  Running headers and printed page numbers are found by comparing neighbouring
 * pages, so no document's header is ever written into a rule.
 *
 * Text with form feeds (pdftotext's output, other text exports) is paged by them: each
 * form feed starts a page ("sheet") of many lines.  A sheet's first and last lines are
 * running headers, footers or printed page numbers when the neighbouring sheets have the
 * same line there, digits aside where they count on with the page; the rest of a sheet's
 * lines are handed on one by one, as plain text is, with the sheet's number. */
#include "config.h"

#include "cleaner.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "../util/leader.h"
#include "explain.h"
#include "ocrwords.h"
#include "reflow.h"

enum {
  HEAD_MAX_LINES = 1000,        /* how far to look for the transcript start marker */
  HEAD_MAX_BYTES = 256 * 1024,
  PARTIAL_KEEP = 64 * 1024,     /* room kept for the next line that comes in pieces */
  RADIUS = 4,                   /* pages compared on each side of a page */
  WINDOW = 2 * RADIUS + 1,
  MIN_RUN = 3,                  /* a running header stands on at least 3 pages in a row */
  MIN_SHORT_RUN = 2,            /* ... or, in a short transcript, on every page after the cover */
  MIN_SHORT_WORDS = 3,          /* ... and then holds at least this many words */
  MAX_HEADER_WORDS = 16,
  MIN_HEADER_BYTES = 6,
  MIN_HEADER_WORDS = 2,
  PROBE_MAX_LINES = 6,          /* non-page lines read before deciding they continue a page */
  PROBE_HELD_MAX = 2 * PROBE_MAX_LINES + 1, /* the most held: those before a marker, it, after */
  MAX_PAGE_JUMP = 3,            /* a page line may skip this many lost pages */
  SITE_TITLE_MAX = 1000,        /* bytes of the wrapper's title kept for the metadata */
  SHEET_FURNITURE_LINES = 2,    /* lines at a sheet's top or bottom that may be furniture */
  FURNITURE_LINE_MAX = 200,     /* a longer line is text, not a header or footer */
  SHEET_HELD_MAX = 4 * 1024 * 1024, /* a longer sheet is handed on as it comes, uncleaned */
  WRAP_MIN_LINES = 12,          /* text lines that show a text hard-wrapped at a width */
  WRAP_OVER = 4,                /* code points a wrapped line may stand over its width */
  WRAP_WIDTH_MAX = 160,         /* the widest measure a text is wrapped at */
  PARAGRAPH_HELD_MAX = 64 * 1024, /* a longer paragraph of wrapped text goes on as it is */
  HEADERS_KEPT = 4,             /* running headers of pasted pages remembered */
  HEADER_MAX = 80               /* bytes of a pasted page's running header */
};

typedef enum { MODE_START, MODE_PAGES, MODE_TRAILER, MODE_TEXT, MODE_SHEETS } clean_mode;

typedef struct page {
  long number;
  pk_buf raw;  /* the page line without its leading page number */
  size_t body; /* where its text starts in RAW: after a sheet's header lines; else 0 */
  size_t tail; /* where it ends: before a sheet's footer lines; else RAW's length */
  size_t line_at; /* where the last line read into RAW starts (lines joined: inside one) */
} page;

typedef struct line_list {
  pk_buf *lines;
  size_t count, cap;
  size_t bytes;
} line_list;

struct pk_cleaner {
  pk_matcher *matcher;
  const pk_rule **starts;  /* transcript-start rules */
  const pk_rule **ocr_words; /* ocr-word rules: words an OCR'd line's first may be misread as */
  size_t ocr_word_count;
  const pk_rule **item_labels; /* item-label rules: an agenda item's label at a line's start */
  size_t item_label_count;
  const pk_rule **case_fields; /* case-field rules: a case's field set off to the right */
  size_t case_field_count;
  const pk_rule **related; /* related-documents rules */
  size_t start_count, related_count;
  const pk_rule **navigation; /* navigation rules: an item page's links to its neighbours */
  size_t navigation_count;
  pk_report *report;
  pk_unit_fn emit;
  void *ctx;
  clean_mode mode;
  pk_buf partial;   /* an incomplete line carried to the next chunk */
  line_list head;   /* lines read while looking for the transcript start */
  line_list probe;  /* non-page lines not yet known to be page text or trailer */
  page window[WINDOW];
  size_t page_count;
  size_t cursor;    /* next page in window[] to clean and emit */
  long last_page;
  long page_base;   /* pages before the transcript being read (see start_second_transcript) */
  size_t marker_lines; /* a start marker among the pages is probe line marker_lines - 1 */
  pk_buf sheet;     /* MODE_SHEETS: the lines of the sheet being read, joined by "\n" */
  size_t sheet_lines; /* MODE_SHEETS: how many lines it holds */
  long sheet_number; /* MODE_SHEETS: its number */
  bool sheet_streaming; /* the sheet outgrew SHEET_HELD_MAX: its lines go straight on */
  pk_measure *measure; /* MODE_SHEETS: the widths of the lines so far (see reflow.h) */
  pk_buf reflowed;  /* MODE_SHEETS: the sheet being handed on, its soft line ends joined */
  pk_buf repaired;  /* an OCR'd line with its misreadings repaired (see pk_ocr_repair) */
  bool wrapped;     /* MODE_TEXT: the text is hard-wrapped at the width in measure */
  pk_buf paragraph; /* MODE_TEXT, wrapped: the lines of the paragraph being read */
  pk_buf held;      /* MODE_TEXT: a line that may be a running header, until the next shows */
  bool holding;     /* ... held is such a line (it may be empty only when not holding) */
  bool after_mark;  /* MODE_TEXT: a page's printed number alone came last (blank lines aside) */
  pk_buf last_line; /* MODE_TEXT: the last line that was not blank, where short (see
                     * navigation_line); empty where it was long */
  unsigned long long headers[HEADERS_KEPT]; /* hashes of the running headers removed so far */
  size_t header_count, header_next; /* ... how many, and the slot the next one takes */
  unsigned long long ocr_repairs;
  bool slid;        /* a page has left the window: the window no longer holds the first page */
  bool ended;       /* the input has ended: the window holds the last page */
  bool failed;
};

pk_cleaner *pk_cleaner_new(const pk_rules *rules, pk_matcher *matcher, pk_report *report,
                           pk_unit_fn emit, void *ctx) {
  pk_cleaner *cleaner = calloc(1, sizeof *cleaner);
  if (!cleaner) return NULL;
  *cleaner = (pk_cleaner){.matcher = matcher, .report = report,
                          .emit = emit, .ctx = ctx, .mode = MODE_START};
  /* The wrapper is read before any profile is chosen: common rules only. */
  cleaner->starts = pk_rules_select(rules, "transcript-start", NULL, &cleaner->start_count);
  cleaner->ocr_words = pk_rules_select(rules, "ocr-word", NULL, &cleaner->ocr_word_count);
  cleaner->item_labels = pk_rules_select(rules, "item-label", NULL, &cleaner->item_label_count);
  cleaner->case_fields = pk_rules_select(rules, "case-field", NULL, &cleaner->case_field_count);
  cleaner->related = pk_rules_select(rules, "related", NULL, &cleaner->related_count);
  cleaner->navigation = pk_rules_select(rules, "navigation", NULL, &cleaner->navigation_count);
  cleaner->measure = calloc(1, sizeof *cleaner->measure);
  if (!cleaner->starts || !cleaner->ocr_words || !cleaner->item_labels || !cleaner->case_fields ||
      !cleaner->related ||
      !cleaner->navigation || !cleaner->measure) {
    pk_cleaner_free(cleaner);
    return NULL;
  }
  return cleaner;
}

static void lines_clear(line_list *list) {
  for (size_t i = 0; i < list->count; i++) pk_buf_free(&list->lines[i]);
  free(list->lines);
  *list = (line_list){0};
}

static bool lines_add(line_list *list, const char *text, size_t len) {
  if (!pk_reserve((void **)&list->lines, &list->cap, list->count + 1, sizeof *list->lines))
    return false;
  list->lines[list->count] = (pk_buf){0};
  if (!pk_buf_append(&list->lines[list->count], text, len)) return false;
  list->count++;
  list->bytes += len;
  return true;
}

void pk_cleaner_free(pk_cleaner *cleaner) {
  if (!cleaner) return;
  pk_buf_free(&cleaner->partial);
  pk_buf_free(&cleaner->sheet);
  pk_buf_free(&cleaner->reflowed);
  pk_buf_free(&cleaner->repaired);
  pk_buf_free(&cleaner->paragraph);
  pk_buf_free(&cleaner->held);
  pk_buf_free(&cleaner->last_line);
  free(cleaner->measure);
  lines_clear(&cleaner->head);
  lines_clear(&cleaner->probe);
  for (size_t i = 0; i < cleaner->page_count; i++) pk_buf_free(&cleaner->window[i].raw);
  free(cleaner->starts);
  free(cleaner->ocr_words);
  free(cleaner->item_labels);
  free(cleaner->case_fields);
  free(cleaner->related);
  free(cleaner->navigation);
  free(cleaner);
}

static bool is_blank_line(const char *text, size_t len) {
  size_t start = 0, end = len;
  pk_trim_span(text, &start, &end);
  return start == end;
}

/* True when one of RULES matches the line; the match goes to the --explain trace. */
static bool matches_any(pk_cleaner *cleaner, const pk_rule **rules, size_t count,
                        const char *text, size_t len, const char *what) {
  for (size_t i = 0; i < count; i++) {
    const pk_rule *rule = rules[i];
    if (pk_match(cleaner->matcher, rule, text, len, 0, false) == PK_MATCH_FOUND) {
      pk_explain_match(cleaner->report->explain, rule, what, cleaner->last_page, -1, text,
                       pk_match_start(cleaner->matcher), pk_match_end(cleaner->matcher));
      return true;
    }
  }
  return false;
}

/* Removed text is counted as the coverage account counts: characters that are not
 * white space. */
static void count_removed(pk_cleaner *cleaner, const char *kind, const char *text, size_t len) {
  pk_report_removed(cleaner->report, kind, pk_text_weight(text, len));
}

static bool emit_unit(pk_cleaner *cleaner, const char *text, size_t len, long page_number) {
  if (!cleaner->emit(cleaner->ctx, text, len, page_number)) cleaner->failed = true;
  return !cleaner->failed;
}

/* ---- running headers and printed page numbers ----------------------------------------- */

/* True when the text of PAGE starts with the LEN bytes of PREFIX followed by white space
 * or its end. */
static bool starts_with_words(const page *pg, const char *prefix, size_t len) {
  const char *text = pg->raw.data ? pg->raw.data + pg->body : "";
  size_t text_len = pg->raw.len - pg->body;
  if (text_len < len || memcmp(text, prefix, len) != 0) return false;
  return text_len == len || text[len] == ' ' || text[len] == '\t';
}

/* Number of pages in a row, through window[at], that start with PREFIX. */
static size_t run_length(const pk_cleaner *cleaner, size_t at, const char *prefix, size_t len) {
  size_t run = 1;
  for (size_t j = at; j > 0 && starts_with_words(&cleaner->window[j - 1], prefix, len); j--)
    run++;
  for (size_t j = at + 1;
       j < cleaner->page_count && starts_with_words(&cleaner->window[j], prefix, len); j++)
    run++;
  return run;
}

/* True when the whole transcript is in the window and every page with text after the
 * first (the cover, which seldom carries the header) starts with PREFIX: an excerpt of a
 * few pages shows its running header too few times for MIN_RUN. */
static bool on_every_page_after_cover(const pk_cleaner *cleaner, const char *prefix, size_t len) {
  if (!cleaner->ended || cleaner->slid) return false;
  size_t pages = 0;
  for (size_t j = 1; j < cleaner->page_count; j++) {
    const page *pg = &cleaner->window[j];
    if (is_blank_line(pg->raw.data ? pg->raw.data + pg->body : "", pg->raw.len - pg->body)) continue;
    if (!starts_with_words(pg, prefix, len)) return false;
    pages++;
  }
  return pages >= MIN_SHORT_RUN;
}

/* True when the first LEN bytes of window[at], WORDS words, standing on RUN pages in a
 * row, are a running header. */
static bool is_header_run(const pk_cleaner *cleaner, size_t at, size_t len, size_t words,
                          size_t run) {
  if (run >= MIN_RUN) return true;
  return at > 0 && run >= MIN_SHORT_RUN && words >= MIN_SHORT_WORDS &&
         on_every_page_after_cover(cleaner, cleaner->window[at].raw.data + cleaner->window[at].body, len);
}

static long leading_number(const pk_buf *text, size_t from, size_t *end);

/* Whether the LEN bytes that start the text of window[at] label a number after them that
 * changes from page to page and is no printed page number ("Sag nr. 43", "Pkt. 12" opening
 * sheet after sheet): a neighbour that starts alike has another number there, none the
 * same (a year the header repeats) nor one at the same distance from its page's number.
 * An item's label, not a running header. */
static bool labels_a_number(const pk_cleaner *cleaner, size_t at, size_t len) {
  const page *pg = &cleaner->window[at];
  size_t end;
  long number = leading_number(&pg->raw, pg->body + len, &end);
  if (number < 0) return false;
  long offset = pg->number - number;
  bool changes = false;
  size_t first = at > 2 ? at - 2 : 0;
  for (size_t j = first; j < cleaner->page_count && j <= at + 2; j++) {
    const page *other = &cleaner->window[j];
    if (j == at || !starts_with_words(other, pg->raw.data + pg->body, len)) continue;
    long other_number = leading_number(&other->raw, other->body + len, &end);
    if (other_number < 0) continue;
    if (other_number == number || other->number - other_number == offset) return false;
    changes = true;
  }
  return changes;
}

/* Byte length of the running header that starts the text of window[at] (at its body):
 * the longest word prefix shared by the longest run of neighbouring pages (at least
 * MIN_RUN, or every page after the cover of a short transcript), but no item's label
 * (labels_a_number), or 0.  On a sheet too,
 * after its header lines: a header may run into the text on its line, as a transcript
 * joins a page's lines, and a PDF typeset from one keeps them so. */
static size_t header_length(const pk_cleaner *cleaner, size_t at) {
  const page *pg = &cleaner->window[at];
  const char *text = pg->raw.data ? pg->raw.data + pg->body : "";
  size_t len = pg->raw.len - pg->body, best_len = 0, best_run = 0, words = 0;
  for (size_t i = 0; i <= len && words < MAX_HEADER_WORDS; i++) {
    if (i < len && text[i] != ' ' && text[i] != '\t') continue;
    if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t') continue;
    words++;
    if (words < MIN_HEADER_WORDS || i < MIN_HEADER_BYTES) continue;
    size_t run = run_length(cleaner, at, text, i);
    if (run < best_run || labels_a_number(cleaner, at, i)) break;
    if (!is_header_run(cleaner, at, i, words, run)) {
      if (best_len) break;
      continue; /* a short transcript's header may need a third word */
    }
    best_run = run;
    best_len = i;
  }
  return best_len;
}

/* The trailing number of the text of PG (a lone token of 1-4 digits), or -1; *at gets its
 * start. */
static long trailing_number(const page *pg, size_t *at) {
  const char *text = pg->raw.data ? pg->raw.data : "";
  size_t end = pg->tail, start;
  while (end > pg->body && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n')) end--;
  start = end;
  while (start > pg->body && text[start - 1] >= '0' && text[start - 1] <= '9') start--;
  if (start == end || end - start > 4) return -1;
  if (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\t' && text[start - 1] != '\n') return -1;
  *at = start;
  return strtol(text + start, NULL, 10);
}

/* Start of the printed page number at the end of the text of window[at], or its tail.
 * A trailing number is a printed page number when a nearby page ends in a number at the
 * same distance from its transcript page number. */
static size_t footer_start(const pk_cleaner *cleaner, size_t at, size_t text_start) {
  const page *this_page = &cleaner->window[at];
  size_t start;
  long printed = trailing_number(this_page, &start);
  if (printed < 0 || start < text_start) return this_page->tail;
  long offset = this_page->number - printed;
  size_t first = at > 2 ? at - 2 : 0;
  for (size_t j = first; j < cleaner->page_count && j <= at + 2; j++) {
    size_t other_start;
    if (j == at) continue;
    long other = trailing_number(&cleaner->window[j], &other_start);
    if (other >= 0 && cleaner->window[j].number - other == offset) return start;
  }
  return this_page->tail;
}

/* The number standing right after byte FROM of TEXT (after blanks, 1-4 digits, then a
 * blank or the end), or -1; *end gets the byte after it. */
static long leading_number(const pk_buf *text, size_t from, size_t *end) {
  size_t i = from;
  while (i < text->len && (text->data[i] == ' ' || text->data[i] == '\t')) i++;
  size_t digits = i;
  while (i < text->len && text->data[i] >= '0' && text->data[i] <= '9') i++;
  if (i == digits || i - digits > 4) return -1;
  if (i < text->len && text->data[i] != ' ' && text->data[i] != '\t') return -1;
  *end = i;
  return strtol(text->data + digits, NULL, 10);
}

/* End of the printed page number right after the running header of window[at] (a header
 * ending "... Side 12"), or HEADER.  It is one when a nearby page with the same header has
 * a number there at the same distance from its transcript page number. */
static size_t header_number_end(const pk_cleaner *cleaner, size_t at, size_t header) {
  const page *this_page = &cleaner->window[at];
  size_t end;
  long printed = header ? leading_number(&this_page->raw, header, &end) : -1;
  if (printed < 0) return header;
  long offset = this_page->number - printed;
  size_t first = at > 2 ? at - 2 : 0;
  for (size_t j = first; j < cleaner->page_count && j <= at + 2; j++) {
    size_t other_end;
    const page *other = &cleaner->window[j];
    if (j == at || !starts_with_words(other, this_page->raw.data, header)) continue;
    long number = leading_number(&other->raw, header, &other_end);
    if (number >= 0 && cleaner->window[j].number - number == offset) return end;
  }
  return header;
}

static bool clean_sheet(pk_cleaner *cleaner, size_t at);

static bool clean_page(pk_cleaner *cleaner, size_t at) {
  if (cleaner->mode == MODE_SHEETS) return clean_sheet(cleaner, at);
  page *this_page = &cleaner->window[at];
  const char *raw = this_page->raw.data ? this_page->raw.data : "";
  size_t header = header_length(cleaner, at);
  size_t number_end = header_number_end(cleaner, at, header);
  size_t footer = footer_start(cleaner, at, number_end);
  if (header)
    pk_explain_note(cleaner->report->explain, "page %ld: running header \"%.*s\" removed (shared by the pages around it)",
                    this_page->number, (int)header, raw);
  if (footer < this_page->raw.len)
    pk_explain_note(cleaner->report->explain, "page %ld: printed page number \"%.*s\" removed",
                    this_page->number, (int)(this_page->raw.len - footer), raw + footer);
  if (number_end > header)
    pk_explain_note(cleaner->report->explain, "page %ld: printed page number \"%.*s\" after the header removed",
                    this_page->number, (int)(number_end - header), raw + header);
  count_removed(cleaner, "running_header", raw, header);
  count_removed(cleaner, "printed_page_number", raw + header, number_end - header);
  count_removed(cleaner, "printed_page_number", raw + footer, this_page->raw.len - footer);
  size_t start = number_end, end = footer;
  pk_trim_span(raw, &start, &end);
  return emit_unit(cleaner, raw + start, end - start, this_page->number);
}

/* Cleans every page that has RADIUS pages after it (all of them when FINAL). */
static bool clean_ready_pages(pk_cleaner *cleaner, bool final) {
  while (cleaner->cursor < cleaner->page_count &&
         (final || cleaner->cursor + RADIUS < cleaner->page_count)) {
    if (!clean_page(cleaner, cleaner->cursor++)) return false;
  }
  return true;
}

static bool add_page(pk_cleaner *cleaner, long number, const char *text, size_t len) {
  if (cleaner->page_count == WINDOW) {
    pk_buf_free(&cleaner->window[0].raw);
    cleaner->slid = true;
    memmove(cleaner->window, cleaner->window + 1, (WINDOW - 1) * sizeof(page));
    cleaner->page_count--;
    cleaner->cursor--;
  }
  page *fresh = &cleaner->window[cleaner->page_count];
  *fresh = (page){.number = number, .tail = len};
  if (!pk_buf_append(&fresh->raw, text, len)) return false;
  cleaner->page_count++;
  cleaner->last_page = number;
  cleaner->report->pages = number;
  return clean_ready_pages(cleaner, false);
}

/* ---- sheets: pages made by form feeds ------------------------------------------------------ */

typedef struct line_span {
  size_t start, end;
} line_span;

/* [START, END) of TEXT without the white space around it (-layout indents a footer by
 * its width, so a page's differs from the next one's), into *OUT; true. */
static bool trimmed(const char *text, size_t start, size_t end, line_span *out) {
  pk_trim_span(text, &start, &end);
  *out = (line_span){start, end};
  return true;
}

/* The K-th line of SHEET that is not blank, counted from its top (from its bottom when
 * FROM_END), trimmed; false when there is none. */
static bool sheet_line(const pk_buf *sheet, size_t k, bool from_end, line_span *out) {
  const char *text = sheet->data ? sheet->data : "";
  size_t len = sheet->len, seen = 0;
  if (!from_end) {
    for (size_t at = 0;;) {
      const char *nl = memchr(text + at, '\n', len - at);
      size_t end = nl ? (size_t)(nl - text) : len;
      if (!is_blank_line(text + at, end - at) && seen++ == k) return trimmed(text, at, end, out);
      if (!nl) return false;
      at = end + 1;
    }
  }
  for (size_t end = len;;) {
    size_t start = end;
    while (start > 0 && text[start - 1] != '\n') start--;
    if (!is_blank_line(text + start, end - start) && seen++ == k) return trimmed(text, start, end, out);
    if (start == 0) return false;
    end = start - 1;
  }
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The number of at most nine digits at TEXT[*AT], moving *AT past it. */
static long digits_at(const char *text, size_t len, size_t *at) {
  long value = 0;
  for (size_t first = *at; *at < len && is_digit(text[*at]) && *at - first < 9; (*at)++)
    value = value * 10 + (text[*at] - '0');
  return value;
}

/* Whether line A of page PAGE_A and line B of page PAGE_B are the same furniture: equal
 * but for numbers that differ by as much as the pages do (a printed page number), which
 * set *COUNTED. */
static bool same_furniture(const char *a, size_t a_len, long page_a, const char *b, size_t b_len,
                           long page_b, bool *counted) {
  size_t i = 0, j = 0;
  while (i < a_len && j < b_len) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      long x = digits_at(a, a_len, &i), y = digits_at(b, b_len, &j);
      if (x != y && y - x != page_b - page_a) return false;
      if (x != y) *counted = true;
    } else if (pk_is_ascii_space((unsigned char)a[i]) && pk_is_ascii_space((unsigned char)b[j])) {
      while (i < a_len && pk_is_ascii_space((unsigned char)a[i])) i++; /* -layout's gaps differ */
      while (j < b_len && pk_is_ascii_space((unsigned char)b[j])) j++;
    } else if (a[i++] != b[j++]) {
      return false;
    }
  }
  return i == a_len && j == b_len;
}

/* Whether window[J] has the line TEXT (of page NUMBER) as its K-th from the top or bottom. */
static bool sheet_has(const pk_cleaner *cleaner, size_t j, size_t k, bool from_end,
                      const char *text, size_t len, long number, bool *counted) {
  const page *other = &cleaner->window[j];
  line_span line;
  return sheet_line(&other->raw, k, from_end, &line) &&
         same_furniture(text, len, number, other->raw.data + line.start, line.end - line.start,
                        other->number, counted);
}

/* Whether the first page of the window shares the first (last) line of window[at]: then
 * it carries the running header (footer), is no cover without one, and a line under it
 * that the first page lacks is text of the pages that have it ("Referat" / "Beslutning"
 * atop the last two of three pages, each continuing an item). */
static bool first_page_has_top(const pk_cleaner *cleaner, size_t at, bool from_end) {
  const page *this_page = &cleaner->window[at];
  line_span line;
  bool counted = false;
  return sheet_line(&this_page->raw, 0, from_end, &line) &&
         sheet_has(cleaner, 0, 0, from_end, this_page->raw.data + line.start, line.end - line.start,
                   this_page->number, &counted);
}

/* Where the word WORD (ASCII, any case) and the blanks after it stand at LINE[at, len):
 * the position after them, else 0. */
static size_t skip_word(const char *line, size_t len, size_t at, const char *word) {
  size_t n = strlen(word);
  if (len - at < n || strncasecmp(line + at, word, n) != 0) return 0;
  at += n;
  size_t blanks = at;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  return at > blanks ? at : 0;
}

/* Where the digits at LINE[at, len) end (at most four), else 0. */
static size_t skip_digits(const char *line, size_t len, size_t at) {
  size_t start = at;
  while (at < len && at - start < 4 && line[at] >= '0' && line[at] <= '9') at++;
  return at > start ? at : 0;
}

/* The page number LINE prints when it is a page's printed number alone ("Side 3 af 12",
 * "Side 3", "Page 3 of 12"), else -1. */
static long page_mark_number(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  size_t word = skip_word(line, len, at, "side");
  if (!word) word = skip_word(line, len, at, "page");
  size_t end = word ? skip_digits(line, len, word) : 0;
  if (!end) return -1;
  long number = strtol(line + word, NULL, 10);
  size_t of = end;
  while (of < len && (line[of] == ' ' || line[of] == '\t')) of++;
  size_t total_at = skip_word(line, len, of, "af");
  if (!total_at) total_at = skip_word(line, len, of, "of");
  size_t total_end = total_at ? skip_digits(line, len, total_at) : 0;
  if (total_end) end = total_end;
  while (end < len && (line[end] == ' ' || line[end] == '\t')) end++;
  return end == len ? number : -1;
}

/* Whether LINE is a page's printed number alone: in plain text, a PDF's page pasted with
 * its number, which stands inside an item's text. */
static bool is_page_mark(const char *line, size_t len) { return page_mark_number(line, len) >= 0; }

/* Whether the line TEXT ends in page NUMBER's own printed number, "Side 2" or "Page 2 of
 * 5", after what the header says ("Plan- og Teknikudvalget  13-05-2014      Side 2"): a
 * header that tells itself by its page, where a short document's sheets are too few to
 * show it by repetition. */
static bool ends_in_own_number(const char *text, size_t len, long number) {
  for (size_t at = len; at > 1; at--)
    if ((text[at - 1] == ' ' || text[at - 1] == '\t') && page_mark_number(text + at, len - at) == number)
      return true;
  return false;
}

/* Whether the line TEXT (of page NUMBER) stands inside the body of a sheet of the window,
 * below its top SHEET_FURNITURE_LINES lines and above its bottom ones: a line the items
 * repeat ("Fraværende: Henrik Dal (D)" closing item after item, the last of each sheet
 * too), where a running footer stands only at a sheet's foot.  Not the first sheet's: its
 * title block may say what a header says.  One pass over each sheet: the earliest body
 * line that is TEXT, and how many lines the sheet has. */
static bool stands_in_a_body(const pk_cleaner *cleaner, const char *text, size_t len, long number) {
  for (size_t j = 0; j < cleaner->page_count; j++) {
    const page *sheet = &cleaner->window[j];
    if (sheet->number <= 1) continue;
    const char *raw = sheet->raw.data ? sheet->raw.data : "";
    size_t lines = 0, first_same = SIZE_MAX;
    bool counted = false;
    for (size_t at = 0; at < sheet->raw.len;) {
      const char *nl = memchr(raw + at, '\n', sheet->raw.len - at);
      size_t end = nl ? (size_t)(nl - raw) : sheet->raw.len;
      line_span line;
      if (!is_blank_line(raw + at, end - at)) {
        if (first_same == SIZE_MAX && lines >= SHEET_FURNITURE_LINES && trimmed(raw, at, end, &line) &&
            same_furniture(text, len, number, raw + line.start, line.end - line.start, number,
                           &counted))
          first_same = lines;
        lines++;
      }
      at = end + 1;
    }
    if (first_same != SIZE_MAX && first_same + SHEET_FURNITURE_LINES < lines) return true;
  }
  return false;
}

/* Whether the K-th line from the top (bottom) of window[at], put in *LINE, is furniture.
 * A line whose number counts on with the page is when a neighbouring page has it too.  A
 * line that is the same everywhere is when it stands on MIN_RUN pages in a row or, when
 * the whole document is in the window, on every page (of two or more) or every page after
 * the cover; and not if it ends in a full stop (a decision, "Godkendt.", that closes item
 * after item, each on a page of its own) or, at a sheet's foot, stands inside a sheet's body
 * too (stands_in_a_body). */
static bool is_sheet_furniture(const pk_cleaner *cleaner, size_t at, size_t k, bool from_end,
                               line_span *line) {
  const page *this_page = &cleaner->window[at];
  if (!sheet_line(&this_page->raw, k, from_end, line) || line->end - line->start > FURNITURE_LINE_MAX)
    return false;
  const char *text = this_page->raw.data + line->start;
  size_t len = line->end - line->start, first = at, last = at;
  /* (the first sheet's top line is the document's own heading, read for its metadata) */
  if (k == 0 && !from_end && this_page->number > 1 && ends_in_own_number(text, len, this_page->number))
    return true;
  bool counted = false;
  while (first > 0 && sheet_has(cleaner, first - 1, k, from_end, text, len, this_page->number, &counted))
    first--;
  while (last + 1 < cleaner->page_count &&
         sheet_has(cleaner, last + 1, k, from_end, text, len, this_page->number, &counted))
    last++;
  size_t run = last - first + 1;
  if (counted) return run >= MIN_SHORT_RUN;
  if (text[len - 1] == '.') return false;
  bool repeated = run >= MIN_RUN;
  if (!repeated && cleaner->ended && !cleaner->slid && cleaner->page_count >= MIN_SHORT_RUN) {
    bool after_cover = first == 1 && run == cleaner->page_count - 1 && run >= MIN_SHORT_RUN &&
                       !first_page_has_top(cleaner, at, from_end);
    repeated = run == cleaner->page_count || after_cover;
  }
  return repeated && !(from_end && stands_in_a_body(cleaner, text, len, this_page->number));
}

/* A furniture line with no words but the page numbering's ("Side 3 af 12") is a printed
 * page number; any other is a running header (or footer). */
static const char *furniture_kind(const char *text, size_t len, bool bottom) {
  static const char *const NUMBERING[] = {"side", "af", "page", "of", "s"};
  for (size_t at = 0; at < len;) {
    size_t start = at;
    while (at < len && ((text[at] | 0x20) >= 'a' && (text[at] | 0x20) <= 'z')) at++;
    if (at == start && (unsigned char)text[at] >= 0x80) return bottom ? "running_footer" : "running_header";
    bool known = at == start;
    for (size_t i = 0; !known && i < sizeof NUMBERING / sizeof *NUMBERING; i++)
      known = strlen(NUMBERING[i]) == at - start && strncasecmp(NUMBERING[i], text + start, at - start) == 0;
    if (!known) return bottom ? "running_footer" : "running_header";
    if (at == start) at++;
  }
  return "printed_page_number";
}

static void remove_furniture(pk_cleaner *cleaner, const page *sheet, const line_span *line,
                             bool bottom) {
  const char *text = sheet->raw.data + line->start;
  size_t len = line->end - line->start;
  const char *kind = furniture_kind(text, len, bottom);
  pk_explain_note(cleaner->report->explain,
                  "page %ld: %s \"%.*s\" removed (the pages around it have it too, or it prints "
                  "its own page number)",
                  sheet->number, kind, (int)len, text);
  count_removed(cleaner, kind, text, len);
}

/* Hands on the lines of [FROM, TO) of TEXT, each a unit of page NUMBER. */
static bool emit_lines(pk_cleaner *cleaner, const char *text, size_t from, size_t to, long number) {
  while (from < to) {
    const char *nl = memchr(text + from, '\n', to - from);
    size_t end = nl ? (size_t)(nl - text) : to;
    if (!emit_unit(cleaner, text + from, end - from, number)) return false;
    from = end + 1;
  }
  return true;
}

/* Hands on the lines of [FROM, TO) of a sheet's TEXT with the typesetter's soft line ends
 * joined and its line-end hyphens dropped (counted): a paragraph is one unit, as in the
 * text it was typeset from.  The first SKIP bytes, a running header already counted, are
 * reflowed with the line they start (its width tells whether it ends a paragraph) but
 * not handed on. */
/* pk_heading_words's question, asked of the ocr-word rules (the heading lexicon). */
static bool lexicon_heading(void *ctx, const char *word, size_t len) {
  pk_cleaner *cleaner = ctx;
  return pk_lexicon_word(cleaner->matcher, cleaner->ocr_words, cleaner->ocr_word_count, word, len);
}

/* Whether one of RULES[0, COUNT) matches TEXT[0, LEN) at its start. */
static bool any_matches_at_start(pk_cleaner *cleaner, const pk_rule **rules, size_t count,
                                 const char *text, size_t len) {
  for (size_t i = 0; i < count; i++)
    if (pk_match(cleaner->matcher, rules[i], text, len, 0, true) == PK_MATCH_FOUND) return true;
  return false;
}

/* pk_heading_words's other question, asked of the item-label rules: whether LINE opens
 * with an agenda item's label and number. */
static bool item_label_opens(void *ctx, const char *line, size_t len) {
  pk_cleaner *cleaner = ctx;
  return any_matches_at_start(cleaner, cleaner->item_labels, cleaner->item_label_count, line, len);
}

/* ... and asked of the case-field rules: whether FIELD is a case's field. */
static bool case_field_whole(void *ctx, const char *field, size_t len) {
  pk_cleaner *cleaner = ctx;
  return any_matches_at_start(cleaner, cleaner->case_fields, cleaner->case_field_count, field, len);
}

static bool emit_reflowed(pk_cleaner *cleaner, const char *text, size_t from, size_t to,
                          size_t skip, long number) {
  unsigned long long hyphens = 0;
  pk_buf *out = &cleaner->reflowed;
  pk_buf_clear(out);
  pk_heading_words headings = {lexicon_heading, item_label_opens, cleaner, case_field_whole};
  /* The first line's indent, trimmed off the body, still tells the reflow its columns. */
  size_t indent = from;
  while (indent > 0 && (text[indent - 1] == ' ' || text[indent - 1] == '\t')) indent--;
  if (from < to &&
      !pk_reflow(text + indent, to - indent, pk_measure_get(cleaner->measure), &headings, out, &hyphens))
    return cleaner->failed = true, false;
  pk_report_removed(cleaner->report, "line_end_hyphen", hyphens);
  const char *lines = out->data ? out->data : "";
  if (skip > out->len || memcmp(lines, text + from, skip) != 0) skip = 0; /* never: reflow keeps a line's start */
  while (skip < out->len && lines[skip] == ' ') skip++;
  return emit_lines(cleaner, lines, skip, out->len, number);
}

/* The lines of FURNITURE_LINES at the top of window[at] that are furniture, into TOP;
 * returns how many. */
static size_t sheet_top(const pk_cleaner *cleaner, size_t at, line_span *top) {
  size_t tops = 0;
  while (tops < SHEET_FURNITURE_LINES && is_sheet_furniture(cleaner, at, tops, false, &top[tops])) tops++;
  return tops;
}

/* The lines of FURNITURE_LINES at the bottom of window[at], below byte FROM, that are
 * furniture, into BOTTOM; returns how many. */
static size_t sheet_bottom(const pk_cleaner *cleaner, size_t at, size_t from, line_span *bottom) {
  size_t bottoms = 0;
  while (bottoms < SHEET_FURNITURE_LINES &&
         is_sheet_furniture(cleaner, at, bottoms, true, &bottom[bottoms]) && bottom[bottoms].start >= from)
    bottoms++;
  return bottoms;
}

/* Each sheet's body and tail: where its text starts and ends, inside its header and
 * footer lines. */
static void find_bodies(pk_cleaner *cleaner) {
  line_span top[SHEET_FURNITURE_LINES], bottom[SHEET_FURNITURE_LINES];
  for (size_t j = 0; j < cleaner->page_count; j++) {
    page *pg = &cleaner->window[j];
    size_t tops = sheet_top(cleaner, j, top);
    pg->body = tops ? top[tops - 1].end + 1 : 0;
    if (pg->body > pg->raw.len) pg->body = pg->raw.len; /* a sheet of header lines only */
    while (pg->body < pg->raw.len && pk_is_ascii_space((unsigned char)pg->raw.data[pg->body])) pg->body++;
    size_t bottoms = sheet_bottom(cleaner, j, pg->body, bottom);
    pg->tail = bottoms ? bottom[bottoms - 1].start : pg->raw.len;
    if (bottoms && pg->tail > pg->body) pg->tail--; /* the line end before the footer */
  }
}

/* Cleans window[at], a sheet: furniture lines off its top and bottom, a running header at
 * the start of its text and a printed page number at its end (as on a transcript's
 * page), and its lines handed on. */
static bool clean_sheet(pk_cleaner *cleaner, size_t at) {
  page *sheet = &cleaner->window[at];
  line_span top[SHEET_FURNITURE_LINES], bottom[SHEET_FURNITURE_LINES];
  size_t tops = sheet_top(cleaner, at, top);
  for (size_t i = 0; i < tops; i++) remove_furniture(cleaner, sheet, &top[i], false);
  find_bodies(cleaner);
  size_t bottoms = sheet_bottom(cleaner, at, sheet->body, bottom);
  for (size_t i = 0; i < bottoms; i++) remove_furniture(cleaner, sheet, &bottom[i], true);
  const char *raw = sheet->raw.data ? sheet->raw.data : "";
  /* Not a number's line ("1. Punkt ..." on page after page): a header is a name. */
  bool numbered = sheet->body < sheet->raw.len && is_digit(raw[sheet->body]);
  size_t header = numbered ? 0 : header_length(cleaner, at);
  size_t footer = footer_start(cleaner, at, sheet->body + header);
  if (header)
    pk_explain_note(cleaner->report->explain, "page %ld: running header \"%.*s\" removed (shared by the pages around it)",
                    sheet->number, (int)header, raw + sheet->body);
  count_removed(cleaner, "running_header", raw + sheet->body, header);
  count_removed(cleaner, "printed_page_number", raw + footer, sheet->tail - footer);
  return emit_reflowed(cleaner, raw, sheet->body, footer, header, sheet->number);
}

/* A sheet too long to hold: the pages before it are cleaned, and it is handed on as it
 * comes, without furniture removed (it stands in no comparison). */
static bool stream_sheet(pk_cleaner *cleaner) {
  if (!clean_ready_pages(cleaner, true)) return false;
  cleaner->sheet_streaming = true;
  cleaner->slid = true;
  cleaner->last_page = cleaner->report->pages = cleaner->sheet_number;
  pk_report_diagnostic(cleaner->report, "warning", cleaner->sheet_number, -1,
                       "page %ld holds over %d bytes: its header and footer were not looked for",
                       cleaner->sheet_number, SHEET_HELD_MAX);
  bool ok = emit_lines(cleaner, cleaner->sheet.data ? cleaner->sheet.data : "", 0, cleaner->sheet.len,
                       cleaner->sheet_number);
  pk_buf_free(&cleaner->sheet);
  return ok;
}

/* An OCR'd page's line with OCR's misreadings repaired, in CLEANER's buffer; *LEN its
 * new length. */
static const char *repair_ocr_line(pk_cleaner *cleaner, const char *line, size_t *len) {
  pk_buf *fixed = &cleaner->repaired;
  pk_buf_clear(fixed);
  if (!pk_buf_append(fixed, line, *len)) return NULL;
  fixed->len = pk_ocr_repair(fixed->data ? fixed->data : "", fixed->len, &cleaner->ocr_repairs);
  if (fixed->data) fixed->data[fixed->len] = '\0';
  if (!pk_ocr_repair_word(fixed, cleaner->matcher, cleaner->ocr_words, cleaner->ocr_word_count,
                          &cleaner->ocr_repairs))
    return NULL;
  *len = fixed->len;
  return fixed->data ? fixed->data : "";
}

static bool is_ocr(const pk_cleaner *cleaner) {
  const char *form = cleaner->report->input_form;
  return form && strcmp(form, "ocr") == 0;
}

/* Whether LINE may open with an item's number as OCR misreads it (pk_ocr_repair_number):
 * after blanks, a digit, O, l or I, or the P of "Pkt." and "Punkt", the labels minute
 * books print (a fast path: most lines are not copied; text OCR'd here has every label). */
static bool may_hold_misread_number(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && (line[at] == ' ' || line[at] == '\t')) at++;
  if (at == len) return false;
  char c = line[at];
  return (c >= '0' && c <= '9') || c == 'O' || c == 'l' || c == 'I' || c == 'P' || c == 'p';
}

/* LINE of a text not read by OCR here with an item's number as OCR misread it repaired
 * (a scan's text may come OCR'd already: "l.  Godkendelse af dagsorden", "Pkt. 1O7"), in
 * CLEANER's buffer; LINE itself where there is nothing to repair, NULL when out of memory. */
static const char *repair_misread_number(pk_cleaner *cleaner, const char *line, size_t *len) {
  if (is_ocr(cleaner) || !may_hold_misread_number(line, *len)) return line;
  pk_buf *fixed = &cleaner->repaired;
  pk_buf_clear(fixed);
  if (!pk_buf_append(fixed, line, *len)) return NULL;
  unsigned long long before = cleaner->ocr_repairs;
  pk_ocr_repair_number(fixed->data, fixed->len, &cleaner->ocr_repairs);
  return cleaner->ocr_repairs == before ? line : fixed->data;
}

static bool sheet_text_line(pk_cleaner *cleaner, const char *line, size_t len) {
  if (is_ocr(cleaner) && len && !(line = repair_ocr_line(cleaner, line, &len))) return false;
  if (!(line = repair_misread_number(cleaner, line, &len))) return false;
  if (!cleaner->sheet_streaming && cleaner->sheet.len + len + 1 > SHEET_HELD_MAX &&
      !stream_sheet(cleaner))
    return false;
  if (cleaner->sheet_streaming) return emit_unit(cleaner, line, len, cleaner->sheet_number);
  bool ok = (!cleaner->sheet_lines++ || pk_buf_append_char(&cleaner->sheet, '\n')) &&
            pk_buf_append(&cleaner->sheet, line, len);
  /* As read: -layout's indents and column gaps tell the reflow where columns stand. */
  pk_measure_add(cleaner->measure, pk_reflow_width(line, len));
  return ok;
}

/* ---- a bound book's gutter ------------------------------------------------------------- */

/* A scan of a bound minute book shows the binding's edge on each line, at its start on a
 * left-hand page and at its end on a right-hand one, and OCR reads it as a bar ("|",
 * sometimes "l", "I" or "!"): "|  § 87. HAVNEUDVIDELSE", "l        at amtet ...",
 * "Side 319                              |".  Where most of a page's lines show it, it
 * is removed (counted as binding_gutter); the text keeps its columns. */
enum { GUTTER_SHARE = 60, /* percent of a page's lines that show the edge */
       GUTTER_MIN = 4 };  /* ... and at least so many bars among them */

static bool is_gutter_mark(char c) { return c == '|' || c == 'l' || c == 'I' || c == '!'; }

typedef struct gutter_count {
  size_t lines, marked, bars;
} gutter_count;

/* The position of LINE's left-edge mark, or LEN: a bar at its start, or a letter read for
 * one, alone or before two spaces. */
static size_t left_mark(const char *line, size_t len) {
  if (!len || !is_gutter_mark(line[0])) return len;
  bool apart = len == 1 || (len >= 3 && line[1] == ' ' && line[2] == ' ');
  return line[0] == '|' || apart ? 0 : len;
}

/* The position of LINE's right-edge mark, or LEN: its last character, after two spaces
 * (or alone), at code point column *COLUMN. */
static size_t right_mark(const char *line, size_t len, size_t *column) {
  size_t end = len;
  while (end > 0 && line[end - 1] == ' ') end--;
  if (!end || !is_gutter_mark(line[end - 1])) return len;
  size_t mark = end - 1;
  bool apart = mark == 0 || (mark >= 2 && line[mark - 1] == ' ' && line[mark - 2] == ' ');
  if (!apart) return len;
  *column = pk_utf8_count(line, mark);
  return mark;
}

/* Removes the marks of one edge of the page TEXT[0, LEN) (RIGHT: the end of the lines, at
 * one column) where most lines show them; returns the characters removed. */
static size_t strip_edge(char *text, size_t len, bool right, bool apply, gutter_count *count,
                         size_t want_column) {
  size_t removed = 0;
  for (size_t at = 0; at < len;) {
    char *nl = memchr(text + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - text) : len, column = 0;
    char *line = text + at;
    size_t line_len = end - at;
    at = end + 1;
    if (is_blank_line(line, line_len)) continue;
    size_t mark = right ? right_mark(line, line_len, &column) : left_mark(line, line_len);
    count->lines++;
    if (mark == line_len || (right && (column + 1 < want_column || column > want_column + 1))) continue;
    count->marked++, count->bars += line[mark] == '|';
    if (apply) line[mark] = ' ', removed++;
  }
  return removed;
}

enum { GUTTER_COLUMNS = 256 }; /* columns a right-hand edge is looked for in */

/* The column most right-edge marks of TEXT stand at (one either side counted with it). */
static size_t right_edge_column(const char *text, size_t len) {
  unsigned long at_column[GUTTER_COLUMNS] = {0};
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(text + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - text) : len, column = 0;
    if (right_mark(text + at, end - at, &column) < end - at && column < GUTTER_COLUMNS) at_column[column]++;
    at = end + 1;
  }
  size_t best = 0;
  unsigned long best_count = 0;
  for (size_t c = 1; c + 1 < GUTTER_COLUMNS; c++) {
    unsigned long near = at_column[c - 1] + at_column[c] + at_column[c + 1];
    if (near > best_count) best = c, best_count = near;
  }
  return best;
}

static void strip_gutter(pk_cleaner *cleaner, char *text, size_t len, long number) {
  for (int right = 0; right <= 1; right++) {
    size_t column = right ? right_edge_column(text, len) : 0;
    gutter_count count = {0};
    strip_edge(text, len, right, false, &count, column);
    if (count.bars < GUTTER_MIN || count.marked * 100 < count.lines * GUTTER_SHARE) continue;
    count = (gutter_count){0};
    size_t removed = strip_edge(text, len, right, true, &count, column);
    pk_report_removed(cleaner->report, "binding_gutter", removed);
    pk_explain_note(cleaner->report->explain, "page %ld: the binding's edge read as bars at the %s "
                    "of %zu lines removed", number, right ? "end" : "start", removed);
  }
}

/* A form feed, or the end of the input: the sheet is complete.  A last sheet that holds
 * nothing (pdftotext ends every page with a form feed) is no page. */
static bool end_sheet(pk_cleaner *cleaner, bool last) {
  const char *text = cleaner->sheet.data ? cleaner->sheet.data : "";
  bool ok = true;
  if (!cleaner->sheet_streaming && !(last && is_blank_line(text, cleaner->sheet.len))) {
    if (cleaner->sheet.data) strip_gutter(cleaner, cleaner->sheet.data, cleaner->sheet.len, cleaner->sheet_number);
    ok = add_page(cleaner, cleaner->sheet_number, text, cleaner->sheet.len);
  }
  cleaner->sheet_streaming = false;
  pk_buf_clear(&cleaner->sheet);
  cleaner->sheet_lines = 0;
  cleaner->sheet_number++;
  return ok;
}

/* The first form feed: the text is paged by them from now on.  Lines still held (no
 * transcript marker was found among them) are its first page; lines already handed on
 * (more than the head holds) were a page whose number they did not get. */
static bool start_sheets(pk_cleaner *cleaner) {
  bool ok = true;
  cleaner->sheet_number = cleaner->mode == MODE_TEXT ? 2 : 1;
  cleaner->mode = MODE_SHEETS;
  for (size_t i = 0; ok && i < cleaner->head.count; i++)
    ok = sheet_text_line(cleaner, cleaner->head.lines[i].data, cleaner->head.lines[i].len);
  lines_clear(&cleaner->head);
  if (cleaner->sheet_number == 1) return ok && end_sheet(cleaner, false);
  return ok;
}

static bool end_text(pk_cleaner *cleaner);

static bool page_break(pk_cleaner *cleaner) {
  switch (cleaner->mode) {
  case MODE_START: return start_sheets(cleaner);
  case MODE_TEXT: return end_text(cleaner) && start_sheets(cleaner);
  case MODE_SHEETS: return end_sheet(cleaner, false);
  case MODE_PAGES:
  case MODE_TRAILER: return true; /* a transcript numbers its pages itself */
  }
  return false;
}

/* ---- transcript pages and the related-documents list ------------------------------------ */

/* The page number LINE starts with as printed ("N text" or "N", after any indent a crawled
 * page gives every line), or -1; sets *text_at. */
static long printed_page_number(const char *line, size_t len, size_t *digits, size_t *text_at) {
  size_t indent = 0;
  while (indent < len && (line[indent] == ' ' || line[indent] == '\t')) indent++;
  size_t i = indent;
  long number = 0;
  while (i < len && i - indent < 8 && line[i] >= '0' && line[i] <= '9')
    number = number * 10 + (line[i++] - '0');
  if (i == indent || i - indent == 8 || (i < len && line[i] != ' ' && line[i] != '\t')) return -1;
  *digits = i - indent;
  *text_at = i < len ? i + 1 : i;
  return number;
}

/* The page a printed number PRINTED (or -1) makes when it is the next page of this
 * transcript, numbered on after earlier transcripts of the file; else -1. */
static long next_page_number(const pk_cleaner *cleaner, long printed) {
  if (printed < 0) return -1;
  long number = printed + cleaner->page_base;
  if (number <= cleaner->last_page || number > cleaner->last_page + 1 + MAX_PAGE_JUMP) return -1;
  return number;
}

/* If LINE is the next page, returns its number (numbered on after earlier transcripts of
 * the file) and sets *text_at. */
static long page_number_of(const pk_cleaner *cleaner, const char *line, size_t len,
                           size_t *digits, size_t *text_at) {
  return next_page_number(cleaner, printed_page_number(line, len, digits, text_at));
}

/* Whether LINE goes on the last line of PAGE: a transcript has one line per page, so
 * where a text browser's dump or a mail broke its pages to a width (the measure of the
 * transcript's lines), a full line's end is the breaking's (a short line, "Side to" above
 * "fortsat tekst", keeps its end). */
static bool continues_page_line(pk_cleaner *cleaner, const page *last, const pk_buf *line) {
  size_t measure = pk_measure_get(cleaner->measure);
  if (!measure || !last->raw.len) return false;
  return pk_reflow_is_full(last->raw.data + last->line_at, last->raw.len - last->line_at,
                           line->data, line->len, measure);
}

/* Probe lines (never blank) that turned out not to start a trailer continue the last
 * page: on its last line where they go on it (continues_page_line), else as lines of it. */
static bool flush_probe_into_page(pk_cleaner *cleaner) {
  bool ok = true;
  for (size_t i = 0; ok && i < cleaner->probe.count; i++) {
    pk_buf *line = &cleaner->probe.lines[i];
    if (cleaner->page_count == 0) {
      ok = emit_unit(cleaner, line->data, line->len, 0);
    } else {
      page *last = &cleaner->window[cleaner->page_count - 1];
      char joint = continues_page_line(cleaner, last, line) ? ' ' : '\n';
      ok = pk_buf_append_char(&last->raw, joint);
      last->line_at = last->raw.len;
      ok = ok && pk_buf_append(&last->raw, line->data, line->len);
      last->tail = last->raw.len;
    }
  }
  lines_clear(&cleaner->probe);
  cleaner->marker_lines = 0;
  return ok;
}

static void start_trailer(pk_cleaner *cleaner) {
  for (size_t i = 0; i < cleaner->probe.count; i++)
    count_removed(cleaner, "related_documents", cleaner->probe.lines[i].data,
                  cleaner->probe.lines[i].len);
  lines_clear(&cleaner->probe);
  cleaner->marker_lines = 0;
  cleaner->mode = MODE_TRAILER;
}

/* A start marker after the pages: files saved one after another into one (a year's
 * minutes, say).  What stood between the last page and the marker (the next file's
 * wrapper, or the related-documents list) is removed as before; the new transcript's pages
 * number on from the last one, so spans keep rising, and its text is cleaned and placed
 * like the first's, not taken for the trailer.  The warning keeps anyone from taking the
 * second document's items for the first's. */
static void start_second_transcript(pk_cleaner *cleaner) {
  pk_report_diagnostic(cleaner->report, "warning", cleaner->last_page, -1,
                       "a second transcript starts after page %ld: the file holds several "
                       "documents, which come out as one (pages numbered on, the first "
                       "one's meeting details); give each document a file of its own",
                       cleaner->last_page);
  cleaner->page_base = cleaner->last_page;
}

static bool is_start_marker(pk_cleaner *cleaner, const char *line, size_t len, const char *what) {
  return matches_any(cleaner, cleaner->starts, cleaner->start_count, line, len, what);
}

/* Whether LINE, the first page line after a start marker among the pages, opens the next
 * transcript: its printed number could open one (page 1, or a later one when the first
 * numbers were lost) and it is not the next page of this one. */
static bool opens_next_transcript(const pk_cleaner *cleaner, const char *line, size_t len) {
  size_t digits, text_at;
  long printed = printed_page_number(line, len, &digits, &text_at);
  return printed >= 1 && printed <= 1 + MAX_PAGE_JUMP && next_page_number(cleaner, printed) < 0;
}

/* Among the pages, a start marker counts only when the next page line opens the next
 * transcript: the probe lines up to it are then removed as wrapper; otherwise
 * ("Transkript:" in the minutes, then the next page) it stays in the page's text. */
static void confirm_second_transcript(pk_cleaner *cleaner) {
  line_list *probe = &cleaner->probe;
  size_t wrapper = cleaner->marker_lines;
  for (size_t i = 0; i < wrapper; i++) {
    count_removed(cleaner, "wrapper", probe->lines[i].data, probe->lines[i].len);
    pk_buf_free(&probe->lines[i]);
  }
  memmove(probe->lines, probe->lines + wrapper, (probe->count - wrapper) * sizeof *probe->lines);
  probe->count -= wrapper;
  cleaner->marker_lines = 0;
  pk_explain_note(cleaner->report->explain, "page %ld: the start marker opens another transcript",
                  cleaner->last_page);
  start_second_transcript(cleaner);
}

/* After the related-documents list, a start marker begins the next transcript at once. */
static bool trailer_line(pk_cleaner *cleaner, const char *line, size_t len) {
  if (!is_start_marker(cleaner, line, len, "another transcript starts")) {
    count_removed(cleaner, "related_documents", line, len);
    return true;
  }
  count_removed(cleaner, "wrapper", line, len);
  start_second_transcript(cleaner);
  cleaner->mode = MODE_PAGES;
  return true;
}

static bool page_line(pk_cleaner *cleaner, const char *line, size_t len) {
  size_t digits, text_at;
  if (!is_blank_line(line, len)) pk_measure_add(cleaner->measure, pk_reflow_width(line, len));
  if (cleaner->marker_lines && opens_next_transcript(cleaner, line, len))
    confirm_second_transcript(cleaner);
  long number = page_number_of(cleaner, line, len, &digits, &text_at);
  if (number > 0) {
    if (!flush_probe_into_page(cleaner)) return false;
    if (number != cleaner->last_page + 1)
      pk_report_diagnostic(cleaner->report, "warning", number, -1,
                           "transcript pages %ld to %ld are missing", cleaner->last_page + 1,
                           number - 1);
    pk_report_removed(cleaner->report, "page_number", digits);
    return add_page(cleaner, number, line + text_at, len - text_at);
  }
  /* A blank line holds nothing to place, remove or match: not kept, however many come. */
  if (is_blank_line(line, len)) return true;
  if (!lines_add(&cleaner->probe, line, len)) return false;
  if (is_start_marker(cleaner, line, len, "start marker: another transcript if a page 1 follows")) {
    /* The lines before it may be the next file's wrapper: kept until a page tells. */
    cleaner->marker_lines = cleaner->probe.count;
  } else if (matches_any(cleaner, cleaner->related, cleaner->related_count, line, len,
                         "related-documents list starts")) {
    start_trailer(cleaner);
    return true;
  }
  /* A wrapper, a marker and what follows it, each short; markers in a row add up. */
  bool waiting = cleaner->probe.count - cleaner->marker_lines <= PROBE_MAX_LINES &&
                 cleaner->probe.count <= PROBE_HELD_MAX;
  return waiting || flush_probe_into_page(cleaner);
}

/* ---- the start: wrapper or plain text ----------------------------------------------------- */

/* The quote marks an e-mail program puts before the lines of a message it answers ("> ",
 * "> > "): minutes forwarded or answered by mail are text quoted so. */
static size_t quote_marks(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && line[at] == '>') {
    at++;
    if (at < len && line[at] == ' ') at++;
  }
  return at;
}


/* The paragraph of wrapped text held so far, its soft line ends joined, handed on. */
static bool flush_paragraph(pk_cleaner *cleaner) {
  pk_buf *held = &cleaner->paragraph;
  bool ok = !held->len || emit_reflowed(cleaner, held->data, 0, held->len, 0, 0);
  pk_buf_clear(held);
  return ok;
}

/* ---- running headers of pages pasted as text --------------------------------------------- */

/* Whether LINE[0, LEN) holds a date with its year: "29.03.2016", "12-03-2019", "14. august
 * 2020" (digits, a stop, a word, four digits). */
static bool holds_dated_year(const char *line, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (line[i] < '0' || line[i] > '9' || (i && line[i - 1] >= '0' && line[i - 1] <= '9')) continue;
    size_t at = i;
    int day = 0, month = 0;
    while (at < len && at - i < 2 && line[at] >= '0' && line[at] <= '9')
      day = day * 10 + (line[at++] - '0');
    if (at >= len || day < 1 || day > 31 || (line[at] != '.' && line[at] != '-' && line[at] != '/'))
      continue;
    at++;
    if (at < len && line[at] == ' ') {
      at++;
      while (at < len && line[at] != ' ' && !(line[at] >= '0' && line[at] <= '9')) at++;
      if (at < len && line[at] == ' ') at++;
    } else {
      size_t month_at = at;
      while (at < len && at - month_at < 2 && line[at] >= '0' && line[at] <= '9')
        month = month * 10 + (line[at++] - '0');
      if (month < 1 || month > 12 || at >= len ||
          (line[at] != '.' && line[at] != '-' && line[at] != '/'))
        continue;
      at++;
    }
    size_t year = at;
    while (at < len && line[at] >= '0' && line[at] <= '9') at++;
    if (at - year == 4 || (at - year == 2 && line[year - 1] != ' ')) return true;
  }
  return false;
}

static unsigned long long line_hash(const char *line, size_t len) {
  unsigned long long hash = PK_FNV_BASIS;
  for (size_t i = 0; i < len; i++) hash = pk_fnv_step(hash, (unsigned char)line[i]);
  return hash;
}

static bool header_seen(const pk_cleaner *cleaner, const char *line, size_t len) {
  unsigned long long hash = line_hash(line, len);
  for (size_t i = 0; i < cleaner->header_count; i++)
    if (cleaner->headers[i] == hash) return true;
  return false;
}

static bool lexicon_heading(void *ctx, const char *word, size_t len);

/* Whether LINE's first word is a word of the heading lexicon (a decision's heading naming
 * its body and date is dated as a header is). */
static bool opens_with_heading_word(pk_cleaner *cleaner, const char *line, size_t len) {
  size_t start = 0;
  while (start < len && (line[start] == ' ' || line[start] == '\t')) start++;
  size_t end = start;
  while (end < len && line[end] != ' ' && line[end] != '\t' && line[end] != ',' && line[end] != ':')
    end++;
  return end > start && lexicon_heading(cleaner, line + start, end - start);
}

/* Whether LINE, beside a page's printed number alone, is the page's running header: a short
 * line with a date ("Byrådet den 29.03.2016") that no heading word opens, or one removed as
 * a header before.  (A line held back only may be one.) */
static bool may_be_header(const pk_cleaner *cleaner, const char *line, size_t len) {
  if (len > HEADER_MAX || is_blank_line(line, len)) return false;
  return holds_dated_year(line, len) || header_seen(cleaner, line, len);
}

static bool is_header(pk_cleaner *cleaner, const char *line, size_t len) {
  if (len > HEADER_MAX || is_blank_line(line, len)) return false;
  return header_seen(cleaner, line, len) ||
         (holds_dated_year(line, len) && !opens_with_heading_word(cleaner, line, len));
}

static void remove_header(pk_cleaner *cleaner, const char *line, size_t len) {
  if (!header_seen(cleaner, line, len)) {
    /* The last HEADERS_KEPT, the oldest replaced. */
    cleaner->headers[cleaner->header_next++ % HEADERS_KEPT] = line_hash(line, len);
    if (cleaner->header_count < HEADERS_KEPT) cleaner->header_count++;
  }
  pk_explain_note(cleaner->report->explain, "running header \"%.*s\" beside a printed page "
                  "number removed", (int)len, line);
  count_removed(cleaner, "running_header", line, len);
}

static bool text_line_on(pk_cleaner *cleaner, const char *line, size_t len);

/* The line held back as a possible running header goes on as text. */
static bool pass_held(pk_cleaner *cleaner) {
  if (!cleaner->holding) return true;
  cleaner->holding = false;
  bool ok = text_line_on(cleaner, cleaner->held.data, cleaner->held.len);
  pk_buf_clear(&cleaner->held);
  return ok;
}

/* The end of plain text (its end, or a form feed): the held line and paragraph go on. */
static bool end_text(pk_cleaner *cleaner) {
  return pass_held(cleaner) && flush_paragraph(cleaner);
}

/* A line of plain text; its quote marks are the mail program's, removed and counted, and a
 * page's printed number alone on it is removed and counted (is_page_mark), with the running
 * header beside it: pages pasted without their breaks ("Byrådet den 29.03.2016" / "Side 2").
 * A line that may be such a header is held until the next line shows. */
static bool text_line(pk_cleaner *cleaner, const char *line, size_t len) {
  size_t quoted = quote_marks(line, len);
  if (quoted) count_removed(cleaner, "quote_marker", line, quoted);
  line += quoted, len -= quoted;
  if (!(line = repair_misread_number(cleaner, line, &len))) return false;
  if (is_page_mark(line, len)) {
    if (cleaner->holding && is_header(cleaner, cleaner->held.data, cleaner->held.len)) {
      remove_header(cleaner, cleaner->held.data, cleaner->held.len);
      cleaner->holding = false;
      pk_buf_clear(&cleaner->held);
    }
    if (!pass_held(cleaner)) return false;
    count_removed(cleaner, "printed_page_number", line, len);
    cleaner->after_mark = true;
    return true;
  }
  if (!pass_held(cleaner)) return false;
  if (cleaner->after_mark && !is_blank_line(line, len)) {
    cleaner->after_mark = false;
    if (is_header(cleaner, line, len)) {
      remove_header(cleaner, line, len);
      return true;
    }
  }
  if (may_be_header(cleaner, line, len)) {
    cleaner->holding = pk_buf_append(&cleaner->held, line, len);
    return cleaner->holding;
  }
  return text_line_on(cleaner, line, len);
}

/* Whether LINE is an item page's link to a neighbouring item ("13. Lukket punkt »", or
 * "5. Godkendelse af ..." under "‹ Forrige punkt"): removed and counted as navigation, so
 * that no item starts at another item's title.  A rule of two lines (lines=2) reads the
 * last line that was not blank, a newline and LINE (the label over the link; the label
 * itself stays text).  Only a short last line is kept, a label being a few words, and read
 * with a line no longer than a link's. */
enum { NAVIGATION_LABEL_MAX = 80, NAVIGATION_LINK_MAX = 320 }; /* bytes of a label, of a link */

/* Whether RULE, tried at one place, matches TEXT from its start (explained). */
static bool matches_at_start(pk_cleaner *cleaner, const pk_rule *rule, const char *text,
                             size_t len) {
  if (pk_match(cleaner->matcher, rule, text, len, 0, true) != PK_MATCH_FOUND) return false;
  pk_explain_match(cleaner->report->explain, rule, "navigation", cleaner->last_page, -1, text,
                   pk_match_start(cleaner->matcher), pk_match_end(cleaner->matcher));
  return true;
}

static bool navigation_line(pk_cleaner *cleaner, const char *line, size_t len) {
  if (is_blank_line(line, len)) return false;
  pk_buf *label = &cleaner->last_line;
  size_t label_len = label->len;
  bool found = false;
  for (size_t i = 0; i < cleaner->navigation_count && !found; i++) {
    const pk_rule *rule = cleaner->navigation[i];
    if (pk_rule_lines(rule) == 1) {
      found = matches_at_start(cleaner, rule, line, len);
    } else if (label_len && len <= NAVIGATION_LINK_MAX) {
      label->len = label_len;
      found = pk_buf_append_char(label, '\n') && pk_buf_append(label, line, len) &&
              matches_at_start(cleaner, rule, label->data, label->len);
    }
  }
  label->len = 0;
  if (found) {
    count_removed(cleaner, "navigation", line, len);
    return true;
  }
  /* Out of memory keeps no label: the next line is only read alone. */
  if (len <= NAVIGATION_LABEL_MAX && cleaner->navigation_count && !pk_buf_append(label, line, len))
    label->len = 0;
  return false;
}

/* A line of plain text past the page furniture. */
static bool text_line_on(pk_cleaner *cleaner, const char *line, size_t len) {
  if (navigation_line(cleaner, line, len)) return true;
  if (!cleaner->wrapped) return emit_unit(cleaner, line, len, 0);
  /* A text wrapped at a width (a text browser's dump, a mail): a paragraph's lines are
   * joined where a line end was the wrapping's, as on a printed page. */
  if (is_blank_line(line, len)) return flush_paragraph(cleaner) && emit_unit(cleaner, line, len, 0);
  if (cleaner->paragraph.len + len + 1 > PARAGRAPH_HELD_MAX && !flush_paragraph(cleaner)) return false;
  return (!cleaner->paragraph.len || pk_buf_append_char(&cleaner->paragraph, '\n')) &&
         pk_buf_append(&cleaner->paragraph, line, len);
}

/* Whether the head's lines are a text hard-wrapped at a width: enough of them, a width
 * that many lines reach (pk_measure_get), and none much longer.  A web page's text has
 * its paragraphs on long lines of their own instead; a few of like length do not make a
 * measure wider than any program wraps at (WRAP_WIDTH_MAX), and a table's rows keep
 * their cells' TABs, which the rules read (a tool that wraps expands them). */
static bool head_is_wrapped(pk_cleaner *cleaner) {
  size_t lines = 0, widest = 0;
  for (size_t i = 0; i < cleaner->head.count; i++) {
    const pk_buf *line = &cleaner->head.lines[i];
    if (line->len && memchr(line->data, '\t', line->len)) return false;
    size_t quoted = quote_marks(line->data, line->len);
    if (is_blank_line(line->data + quoted, line->len - quoted)) continue;
    /* A contents entry's dot leader runs to the page number, past the text's measure. */
    if (pk_ends_in_leader(line->data, quoted, line->len)) continue;
    size_t width = pk_reflow_width(line->data + quoted, line->len - quoted);
    pk_measure_add(cleaner->measure, width);
    if (width > widest) widest = width;
    lines++;
  }
  size_t measure = pk_measure_get(cleaner->measure);
  return lines >= WRAP_MIN_LINES && measure && measure <= WRAP_WIDTH_MAX &&
         widest <= measure + WRAP_OVER;
}

enum { LAYOUT_GAP = 3,            /* spaces between two columns of pdftotext -layout */
       LAYOUT_INDENT = 8,         /* spaces before a column's text */
       LAYOUT_SHARE = 30,         /* percent of the head's lines that show columns */
       LAYOUT_MIN_LINES = 4,
       LAYOUT_MARKER = 4 };        /* bytes of a list's mark ("1.", "a)", a bullet) */

/* Whether LINE[0, LEN) shows pdftotext -layout's columns: text indented to a column, or a
 * gap of spaces between two pieces of text.  A gap after a list's mark at the line's start
 * ("1.", "·", "a)") is the list's hanging indent, as a web page's or Word's no-break spaces
 * set it, not a column. */
static bool has_layout_gap(const char *line, size_t len) {
  size_t at = 0;
  while (at < len && line[at] == ' ') at++;
  if (at < len && at >= LAYOUT_INDENT) return true;
  size_t text_start = at;
  for (size_t spaces = 0; at < len; at++) {
    if (line[at] == ' ') spaces++;
    else if (spaces >= LAYOUT_GAP && at - spaces - text_start > LAYOUT_MARKER) return true;
    else spaces = 0;
  }
  return false;
}

/* Whether the head's lines are pdftotext -layout's page text without its form feeds (an
 * excerpt of one page): many show columns, and none is parted by tabs (a web page's table
 * keeps its cells' tabs, which the rules read). */
static bool head_is_layout(const pk_cleaner *cleaner) {
  size_t lines = 0, gapped = 0;
  for (size_t i = 0; i < cleaner->head.count; i++) {
    const pk_buf *line = &cleaner->head.lines[i];
    if (line->len && memchr(line->data, '\t', line->len)) return false;
    if (is_blank_line(line->data, line->len)) continue;
    lines++;
    gapped += has_layout_gap(line->data, line->len);
  }
  return gapped >= LAYOUT_MIN_LINES && gapped * 100 >= lines * LAYOUT_SHARE;
}

/* No transcript marker: the head lines are ordinary text. */
static bool replay_head_as_text(pk_cleaner *cleaner) {
  cleaner->mode = MODE_TEXT;
  cleaner->wrapped = head_is_wrapped(cleaner);
  if (!cleaner->wrapped && head_is_layout(cleaner)) {
    cleaner->wrapped = true;
    pk_explain_note(cleaner->report->explain, "the text is set in columns as pdftotext -layout "
                    "sets a page: its paragraphs are read as on a page");
  }
  cleaner->report->reflowed = cleaner->wrapped;
  if (cleaner->wrapped)
    pk_explain_note(cleaner->report->explain, "the text is wrapped at %zu characters: a "
                    "paragraph's lines are read as one", pk_measure_get(cleaner->measure));
  bool ok = true;
  for (size_t i = 0; ok && i < cleaner->head.count; i++)
    ok = text_line(cleaner, cleaner->head.lines[i].data, cleaner->head.lines[i].len);
  lines_clear(&cleaner->head);
  return ok;
}

/* The site's title of the document: the wrapper's first line that is not blank. */
static void keep_site_title(pk_cleaner *cleaner) {
  pk_report *report = cleaner->report;
  for (size_t i = 0; !report->site_title && i < cleaner->head.count; i++) {
    const pk_buf *line = &cleaner->head.lines[i];
    char *title = pk_collapse_ws(line->data, 0, pk_utf8_prefix(line->data, line->len, SITE_TITLE_MAX));
    if (title && title[0]) report->site_title = title;
    else free(title);
  }
}

static bool head_line(pk_cleaner *cleaner, const char *line, size_t len) {
  if (matches_any(cleaner, cleaner->starts, cleaner->start_count, line, len,
                  "transcript starts, wrapper before it removed")) {
    keep_site_title(cleaner);
    for (size_t i = 0; i < cleaner->head.count; i++)
      count_removed(cleaner, "wrapper", cleaner->head.lines[i].data, cleaner->head.lines[i].len);
    count_removed(cleaner, "wrapper", line, len);
    lines_clear(&cleaner->head);
    cleaner->mode = MODE_PAGES;
    return true;
  }
  /* A line that would end the search anyway is not copied first: one huge line is the
   * largest thing a document can hold. */
  if (cleaner->head.count + 1 >= HEAD_MAX_LINES || cleaner->head.bytes + len >= HEAD_MAX_BYTES)
    return replay_head_as_text(cleaner) && text_line(cleaner, line, len);
  return lines_add(&cleaner->head, line, len);
}

static bool handle_line(pk_cleaner *cleaner, const char *line, size_t len) {
  if (len == 1 && line[0] == '\f') return page_break(cleaner);
  switch (cleaner->mode) {
  case MODE_SHEETS: return sheet_text_line(cleaner, line, len);
  case MODE_START: return head_line(cleaner, line, len);
  case MODE_PAGES: return page_line(cleaner, line, len);
  case MODE_TRAILER: return trailer_line(cleaner, line, len);
  case MODE_TEXT: return text_line(cleaner, line, len);
  }
  return false;
}

/* After a line that came in pieces: an unusually long one's room is given back. */
static void release_partial(pk_cleaner *cleaner) {
  if (cleaner->partial.cap > PARTIAL_KEEP) pk_buf_free(&cleaner->partial);
  else pk_buf_clear(&cleaner->partial);
}

bool pk_cleaner_text(void *opaque, const char *utf8, size_t len) {
  pk_cleaner *cleaner = opaque;
  while (len > 0 && !cleaner->failed) {
    const char *nl = memchr(utf8, '\n', len);
    if (!nl) return pk_buf_append(&cleaner->partial, utf8, len) || (cleaner->failed = true, false);
    size_t part = (size_t)(nl - utf8);
    bool ok;
    if (cleaner->partial.len) {
      ok = pk_buf_append(&cleaner->partial, utf8, part) &&
           handle_line(cleaner, cleaner->partial.data, cleaner->partial.len);
      release_partial(cleaner);
    } else {
      ok = handle_line(cleaner, utf8, part);
    }
    if (!ok) cleaner->failed = true;
    utf8 += part + 1;
    len -= part + 1;
  }
  return !cleaner->failed;
}

bool pk_cleaner_finish(pk_cleaner *cleaner) {
  if (cleaner->failed) return false;
  if (cleaner->partial.len) {
    bool ok = handle_line(cleaner, cleaner->partial.data, cleaner->partial.len);
    release_partial(cleaner);
    if (!ok) return false;
  }
  if (cleaner->mode == MODE_START) return replay_head_as_text(cleaner) && end_text(cleaner);
  if (cleaner->mode == MODE_TEXT && !end_text(cleaner)) return false;
  if (cleaner->mode == MODE_PAGES && !flush_probe_into_page(cleaner)) return false;
  if (cleaner->mode == MODE_SHEETS && !end_sheet(cleaner, true)) return false;
  cleaner->ended = true;
  if (cleaner->ocr_repairs)
    pk_report_diagnostic(cleaner->report, "info", 0, -1,
                         "OCR: %llu characters read as others (] for J, O or l for digits in an item's number) were repaired",
                         cleaner->ocr_repairs);
  return clean_ready_pages(cleaner, true) && !cleaner->failed;
}

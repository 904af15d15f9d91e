/* parser.c: the pipeline reader -> cleaner -> segmenter -> sink behind pk_parser.
 *
 * In front of the reader, the input's form is told from its first KiB (or forced): text
 * goes to the reader as it is; an HTML page goes through the HTML reader (html.c), a PDF
 * through pdftotext (pdf.c), and their UTF-8 text to a reader that takes it as UTF-8. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../output/sink.h"
#include "../rules/rules.h"
#include "../util/buf.h"
#include "cleaner.h"
#include "coverage.h"
#include "../util/error.h"
#include "html.h"
#include "markdown.h"
#include "pdf.h"
#include "reader.h"
#include "segmenter.h"
#include "selector.h"
#include "../util/sha256.h"

typedef enum { FORM_UNKNOWN, FORM_TEXT, FORM_HTML, FORM_PDF } input_form;

static const char *const FORM_NAMES[] = {NULL, "text", "html", "pdf"};
static const char *const OCR_FORM = "ocr"; /* a PDF read by OCR: its form in the output */

enum { FORM_SNIFF_BYTES = 1024 }; /* what the form is told from */

struct pk_parser {
  input_form form;
  pk_buf sniff;     /* the input's start, until its form is known */
  pk_html *html;    /* FORM_HTML: the page's reader */
  pk_pdf *pdf;      /* FORM_PDF: the PDF's spool and converter */
  char *encoding;   /* forced, or NULL */
  unsigned pdf_timeout;
  unsigned long long pdf_memory;
  bool ocr;         /* a PDF without a text layer is OCR'd (pk_options.ocr) */
  unsigned long long bytes; /* input bytes fed */
  pk_reader *reader;
  pk_cleaner *cleaner;
  pk_markdown *markdown; /* a text file's Markdown markup, in front of the cleaner */
  pk_selector *selector;
  pk_segmenter *segmenter;
  pk_matcher *matcher;
  const pk_rules *rules;
  pk_sink *sink;    /* the caller's emitter */
  pk_sink *counted; /* counts placed text, then hands on to SINK */
  FILE *cleaned_out;
  FILE *coverage_out;
  pk_stats *stats;
  pk_report report;
  pk_error error;
  char *source_name;
  bool finished;
};

static void report_init(pk_report *report, const char *name, const pk_options *options) {
  memset(report, 0, sizeof *report);
  report->source_name = name;
  report->explain = options ? options->explain : NULL;
  if (options && options->source_sha256)
    snprintf(report->sha256, sizeof report->sha256, "%s", options->source_sha256);
}

/* Decoded text on its way to the cleaner: counted in.  A text file's goes through the
 * Markdown stage (which hands it on as it is unless it reads as Markdown); an HTML page's
 * or a PDF's text has no such markup. */
static bool take_text(void *opaque, const char *utf8, size_t len) {
  pk_parser *parser = opaque;
  pk_coverage_in(&parser->report.coverage, utf8, len);
  if (parser->form == FORM_UNKNOWN || parser->form == FORM_TEXT)
    return pk_markdown_text(parser->markdown, utf8, len);
  return pk_cleaner_text(parser->cleaner, utf8, len);
}

/* A cleaned unit on its way to the selector: counted, and written out when asked. */
static bool take_unit(void *opaque, const char *text, size_t len, long page) {
  pk_parser *parser = opaque;
  pk_coverage_cleaned(&parser->report.coverage, text, len);
  if (parser->cleaned_out && (fwrite(text, 1, len, parser->cleaned_out) != len ||
                              putc('\n', parser->cleaned_out) == EOF)) {
    pk_error_set(&parser->error, PK_ERR_IO, parser->source_name, 0, -1,
                 "cannot write the cleaned text: %s", strerror(errno));
    return false;
  }
  return pk_selector_unit(parser->selector, text, len, page);
}

/* The form OPTIONS force, FORM_UNKNOWN when none; false when the name is not a form. */
static bool forced_form(const pk_options *options, input_form *form) {
  *form = FORM_UNKNOWN;
  const char *name = options ? options->form : NULL;
  for (size_t i = FORM_TEXT; name && i <= FORM_PDF; i++)
    if (strcmp(name, FORM_NAMES[i]) == 0) *form = (input_form)i;
  return !name || *form != FORM_UNKNOWN;
}

static bool keep_options(pk_parser *parser, const pk_options *options) {
  parser->pdf_timeout = options ? options->pdf_timeout : 0;
  parser->pdf_memory = options ? options->pdf_memory : 0;
  parser->ocr = options && options->ocr;
  const char *encoding = options ? options->encoding : NULL;
  return !encoding || (parser->encoding = pk_strndup(encoding, strlen(encoding))) != NULL;
}

/* ---- the input's form ------------------------------------------------------------------- */

/* The text of a page or a PDF on its way to the reader. */
static bool take_converted(void *opaque, const char *utf8, size_t len) {
  pk_parser *parser = opaque;
  return pk_reader_feed(parser->reader, utf8, len, &parser->error) == PK_OK;
}

/* Sets up the stages FORM needs; false when out of memory.  A page or a PDF is turned
 * into UTF-8 before the reader, which then takes it as that. */
static bool start_form(pk_parser *parser, input_form form) {
  pk_report *report = &parser->report;
  parser->form = form;
  report->input_form = FORM_NAMES[form];
  report->converter = "";
  pk_reader_free(parser->reader);
  parser->reader = pk_reader_new(form == FORM_TEXT ? parser->encoding : "UTF-8", take_text, parser);
  if (form == FORM_HTML) {
    parser->html = pk_html_new(parser->encoding, take_converted, parser, report);
    report->converter = pk_html_converter();
  } else if (form == FORM_PDF && (parser->pdf = pk_pdf_new(parser->pdf_timeout, parser->pdf_memory))) {
    report->converter = pk_pdf_converter(parser->pdf);
  }
  return parser->reader && (form != FORM_HTML || parser->html) && (form != FORM_PDF || parser->pdf);
}

static pk_status feed_form(pk_parser *parser, const char *data, size_t len) {
  switch (parser->form) {
  case FORM_HTML: return pk_html_feed(parser->html, data, len, &parser->error);
  case FORM_PDF: return pk_pdf_feed(parser->pdf, data, len, &parser->error);
  default: return pk_reader_feed(parser->reader, data, len, &parser->error);
  }
}

/* Holds the input's start until FORM_SNIFF_BYTES (or the end, when FINAL) tell its form. */
static pk_status sniff_form(pk_parser *parser, const char *data, size_t len, bool final) {
  if (!pk_buf_append(&parser->sniff, data, len))
    return pk_error_set(&parser->error, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  if (!final && parser->sniff.len < FORM_SNIFF_BYTES) return PK_OK;
  const char *start = parser->sniff.data;
  size_t head = parser->sniff.len < FORM_SNIFF_BYTES ? parser->sniff.len : FORM_SNIFF_BYTES;
  input_form form = pk_pdf_sniff(start, head) ? FORM_PDF : pk_html_sniff(start, head) ? FORM_HTML : FORM_TEXT;
  if (!start_form(parser, form))
    return pk_error_set(&parser->error, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  pk_buf held = parser->sniff;
  parser->sniff = (pk_buf){0};
  pk_status status = feed_form(parser, held.data, held.len);
  pk_buf_free(&held);
  return status;
}

/* A PDF in which pdftotext found no text has no text layer: read by OCR when asked, else
 * an error that says so. */
static pk_status read_scan(pk_parser *parser) {
  if (!parser->ocr)
    return pk_error_set(&parser->error, PK_ERR_INPUT, parser->source_name, 0, -1,
                        "no text layer (a scanned PDF?): pdftotext found no text in it (--ocr reads it with tesseract)");
  parser->report.input_form = OCR_FORM;
  return pk_pdf_ocr(parser->pdf, take_converted, parser, &parser->error);
}

/* Ends a page's or a PDF's conversion. */
static pk_status finish_form(pk_parser *parser) {
  pk_status status = PK_OK;
  if (parser->form == FORM_HTML) status = pk_html_finish(parser->html, &parser->error);
  if (parser->form == FORM_PDF) status = pk_pdf_finish(parser->pdf, take_converted, parser, &parser->error);
  if (status == PK_OK && parser->form == FORM_PDF && !pk_pdf_has_text(parser->pdf)) status = read_scan(parser);
  if (status == PK_OK) status = pk_reader_finish(parser->reader, &parser->error);
  if (status != PK_OK || parser->form != FORM_PDF) return status;
  if (!parser->report.coverage.in)
    return pk_error_set(&parser->error, PK_ERR_INPUT, parser->source_name, 0, -1,
                        "no text layer (a scanned PDF?), and OCR found no text in it either");
  if (pk_pdf_warning(parser->pdf))
    pk_report_diagnostic(&parser->report, "warning", 0, -1, "pdftotext: %s", pk_pdf_warning(parser->pdf));
  return PK_OK;
}

pk_parser *pk_parser_new(const pk_rules *rules, const pk_options *options, pk_sink *sink,
                         pk_error *err) {
  const char *forced = options ? options->profile : NULL;
  if (forced && !pk_rules_has_profile(rules, forced)) {
    pk_error_set(err, PK_ERR_USAGE, NULL, 0, -1, "unknown profile '%s' (see --list-profiles)", forced);
    return NULL;
  }
  input_form form;
  if (!forced_form(options, &form)) {
    pk_error_set(err, PK_ERR_USAGE, NULL, 0, -1, "unknown input form '%s' (text, html or pdf)", options->form);
    return NULL;
  }
  pk_parser *parser = calloc(1, sizeof *parser);
  if (!parser) {
    pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    return NULL;
  }
  pk_error_clear(&parser->error);
  parser->form = form;
  const char *name = options && options->source_name ? options->source_name : "-";
  parser->source_name = pk_strndup(name, strlen(name));
  report_init(&parser->report, parser->source_name, options);
  parser->sink = sink;
  parser->rules = rules;
  parser->cleaned_out = options ? options->cleaned : NULL;
  parser->coverage_out = options ? options->coverage : NULL;
  parser->stats = options ? options->stats : NULL;
  parser->counted = pk_coverage_sink_new(sink, &parser->report.coverage);
  parser->matcher = parser->counted ? pk_matcher_new(rules) : NULL;
  const char *sha = parser->report.sha256[0] ? parser->report.sha256 : NULL;
  if (parser->matcher)
    parser->segmenter = pk_segmenter_new(rules, parser->matcher, &parser->report,
                                         parser->counted, sha);
  if (parser->segmenter)
    parser->selector = pk_selector_new(rules, parser->matcher, forced, parser->report.explain,
                                       pk_segmenter_choose,
                                       pk_segmenter_unit, parser->segmenter);
  if (parser->selector)
    parser->cleaner = pk_cleaner_new(rules, parser->matcher, &parser->report, take_unit, parser);
  if (parser->cleaner)
    parser->markdown = pk_markdown_new(&parser->report, pk_cleaner_text, parser->cleaner);
  /* Until its first KiB tells the input's form, it is taken for text. */
  bool kept = parser->markdown && keep_options(parser, options);
  if (kept && form == FORM_UNKNOWN) {
    parser->reader = pk_reader_new(parser->encoding, take_text, parser);
  } else if (kept && !start_form(parser, form)) {
    pk_reader_free(parser->reader);
    parser->reader = NULL;
  }
  if (!parser->source_name || !parser->reader) {
    pk_parser_free(parser);
    pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    return NULL;
  }
  return parser;
}

void pk_parser_free(pk_parser *parser) {
  if (!parser) return;
  pk_html_free(parser->html);
  pk_pdf_free(parser->pdf);
  pk_buf_free(&parser->sniff);
  free(parser->encoding);
  pk_reader_free(parser->reader);
  pk_markdown_free(parser->markdown);
  pk_cleaner_free(parser->cleaner);
  pk_selector_free(parser->selector);
  pk_segmenter_free(parser->segmenter);
  pk_matcher_free(parser->matcher);
  pk_sink_free(parser->counted);
  pk_report_free(&parser->report);
  free(parser->source_name);
  free(parser);
}

const pk_error *pk_parser_error(const pk_parser *parser) { return &parser->error; }

/* A stage stopped.  Stages that know why fill parser->error themselves; one that only
 * says "stop" failed to write output or ran out of memory. */
static pk_status stage_failed(pk_parser *parser) {
  if (parser->error.status != PK_OK) {
    /* A stage that does not know the input's name (the reader) leaves it to us. */
    if (!parser->error.file[0])
      snprintf(parser->error.file, sizeof parser->error.file, "%s", parser->source_name);
    return parser->error.status;
  }
  if (pk_sink_failed(parser->sink))
    return pk_error_set(&parser->error, PK_ERR_IO, parser->source_name, 0, -1,
                        "cannot write output: %s", strerror(errno));
  return pk_error_set(&parser->error, PK_ERR_NOMEM, parser->source_name, 0, -1, "out of memory");
}

pk_status pk_parser_feed(pk_parser *parser, const void *data, size_t len) {
  if (parser->error.status != PK_OK) return parser->error.status;
  if (parser->finished)
    return pk_error_set(&parser->error, PK_ERR_USAGE, parser->source_name, 0, -1,
                        "input fed after the end");
  parser->bytes += len;
  pk_status status = parser->form == FORM_UNKNOWN ? sniff_form(parser, data, len, false)
                                                  : feed_form(parser, data, len);
  if (status != PK_OK) return stage_failed(parser);
  return PK_OK;
}

/* One warning per rule whose matches the match or depth limit stopped. */
static void report_limits(pk_parser *parser) {
  for (size_t i = 0; i < pk_rules_size(parser->rules); i++) {
    const pk_rule *rule = pk_rules_at(parser->rules, i);
    unsigned hits = rule ? pk_matcher_limit_hits(parser->matcher, rule) : 0;
    if (!hits) continue;
    pk_report_diagnostic(&parser->report, "warning", 0, -1,
                         "rule %s (%s:%ld) hit the match limit %u time%s and was taken as not "
                         "matching there%s",
                         pk_rule_name(rule), pk_rule_file(rule), pk_rule_line(rule), hits,
                         hits == 1 ? "" : "s",
                         hits >= pk_matcher_give_up() ? "; it was not tried again in this document" : "");
  }
}

/* Adds a diagnostic when the placed text is not the cleaned text; false then. */
static bool check_coverage(pk_parser *parser) {
  pk_report *report = &parser->report;
  if (pk_coverage_complete(report)) return true;
  pk_report_diagnostic(report, "error", 0, -1,
                       "text lost: of %llu characters in, %llu were removed as furniture and "
                       "%llu placed; %lld unplaced%s",
                       report->coverage.in, pk_coverage_removed(report), report->coverage.placed,
                       pk_coverage_unplaced(report),
                       !pk_text_hash_equal(&report->coverage.cleaned_hash, &report->coverage.placed_hash)
                           ? ", and the placed text is not the cleaned text in order" : "");
  return false;
}

/* "NAME: coverage: in N, placed N, removed N (kind N, ...), unplaced N" on coverage_out,
 * written in one piece: parsers in several threads may share the stream. */
static bool write_coverage(pk_parser *parser) {
  const pk_report *report = &parser->report;
  pk_buf line = {0};
  char part[160];
  snprintf(part, sizeof part, ": coverage: in %llu, placed %llu, removed %llu (",
           report->coverage.in, report->coverage.placed, pk_coverage_removed(report));
  bool ok = pk_buf_append_str(&line, parser->source_name) && pk_buf_append_str(&line, part);
  for (size_t i = 0; ok && i < report->removed_count; i++) {
    snprintf(part, sizeof part, "%s%s %llu", i ? ", " : "", report->removed[i].kind,
             report->removed[i].chars);
    ok = pk_buf_append_str(&line, part);
  }
  snprintf(part, sizeof part, "), unplaced %lld%s\n", pk_coverage_unplaced(report),
           pk_coverage_complete(report) ? "" : ", NOT IN ORDER OR INCOMPLETE");
  ok = ok && pk_buf_append_str(&line, part);
  ok = ok && fputs(line.data, parser->coverage_out) != EOF && fflush(parser->coverage_out) == 0;
  pk_buf_free(&line);
  return ok;
}

static void fill_stats(pk_parser *parser) {
  if (!parser->stats) return;
  parser->stats->items = parser->report.item_count;
  parser->stats->bytes = parser->bytes;
  parser->stats->unplaced = pk_coverage_unplaced(&parser->report);
}

static pk_status finish_stages(pk_parser *parser);

pk_status pk_parser_finish(pk_parser *parser) {
  pk_status status = finish_stages(parser);
  fill_stats(parser);
  return status;
}

static pk_status finish_stages(pk_parser *parser) {
  if (parser->error.status != PK_OK) return parser->error.status;
  parser->finished = true;
  pk_status status = parser->form == FORM_UNKNOWN ? sniff_form(parser, "", 0, true) : PK_OK;
  if (status == PK_OK) status = finish_form(parser);
  if (status != PK_OK) return stage_failed(parser);
  if (!pk_markdown_finish(parser->markdown) || !pk_cleaner_finish(parser->cleaner) ||
      !pk_selector_finish(parser->selector))
    return stage_failed(parser);
  parser->report.encoding = parser->form == FORM_HTML ? pk_html_encoding(parser->html)
                           : parser->form == FORM_PDF ? NULL
                                                      : pk_reader_encoding(parser->reader);
  parser->report.bytes = parser->bytes;
  parser->report.replacements = pk_reader_replacements(parser->reader);
  if (pk_reader_mixed(parser->reader))
    pk_report_diagnostic(&parser->report, "warning", 0, -1,
                         "mixed encodings: the start is not valid UTF-8, so it was read as "
                         "Windows-1252, but it holds %zu UTF-8 sequences, which read as wrong "
                         "letters (force one encoding with --encoding)",
                         pk_reader_mixed(parser->reader));
  if (parser->report.replacements)
    pk_report_diagnostic(&parser->report, "warning", 0, -1,
                         "%zu invalid byte sequences or control characters were replaced by U+FFFD",
                         parser->report.replacements);
  if (!pk_segmenter_finish(parser->segmenter)) return stage_failed(parser);
  report_limits(parser);
  bool complete = check_coverage(parser);
  if (!parser->sink->ops->finish(parser->sink, &parser->report) || pk_sink_failed(parser->sink))
    return stage_failed(parser);
  if (parser->coverage_out && !write_coverage(parser)) return stage_failed(parser);
  if (!complete)
    return pk_error_set(&parser->error, PK_ERR_LOST, parser->source_name, 0, -1,
                        "%lld characters of text were not placed in the output, or not in order "
                        "(a bug: please report it with the input)",
                        pk_coverage_unplaced(&parser->report));
  return PK_OK;
}

/* ---- whole streams --------------------------------------------------------------------- */

/* Inputs up to IN_MEMORY_MAX bytes are read once, into memory; longer ones are hashed in a
 * first pass and read again (spooled first when IN cannot seek), so memory stays bounded. */
enum { READ_BLOCK = 64 * 1024, IN_MEMORY_MAX = PK_MEMORY_INPUT_MAX };

static pk_status read_failed(const char *name, pk_error *err) {
  return pk_error_set(err, PK_ERR_INPUT, name, 0, -1, "cannot read: %s", strerror(errno));
}

/* Hashes IN to its end into SHA, copying it to SPOOL when SPOOL is not NULL. */
static pk_status hash_stream(FILE *in, FILE *spool, const char *name, pk_sha256 *sha,
                             pk_error *err) {
  char *block = malloc(READ_BLOCK);
  if (!block) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  size_t got;
  pk_status status = PK_OK;
  while ((got = fread(block, 1, READ_BLOCK, in)) > 0) {
    pk_sha256_update(sha, block, got);
    if (spool && fwrite(block, 1, got, spool) != got) {
      status = pk_error_set(err, PK_ERR_IO, name, 0, -1, "cannot spool input: %s", strerror(errno));
      break;
    }
  }
  if (status == PK_OK && ferror(in)) status = read_failed(name, err);
  free(block);
  return status;
}

static void digest_hex(pk_sha256 *sha, char hex[65]) {
  unsigned char digest[32];
  pk_sha256_final(sha, digest);
  pk_sha256_hex(digest, hex);
}

/* Reads IN into HELD while it stays within IN_MEMORY_MAX bytes; *WHOLE says whether it
 * ended there.  A regular file whose size says it is longer is not read at all. */
static pk_status read_small(FILE *in, long start, const char *name, pk_buf *held, bool *whole,
                            pk_error *err) {
  *whole = false;
  struct stat info;
  if (start >= 0 && fstat(fileno(in), &info) == 0 && info.st_size - start > IN_MEMORY_MAX)
    return PK_OK;
  char *block = malloc(READ_BLOCK);
  if (!block) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  size_t got;
  bool stored = true;
  while (stored && held->len <= IN_MEMORY_MAX && !feof(in) &&
         (got = fread(block, 1, READ_BLOCK, in)) > 0)
    stored = pk_buf_append(held, block, got);
  free(block);
  if (!stored) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  if (ferror(in)) return read_failed(name, err);
  *whole = held->len <= IN_MEMORY_MAX && feof(in);
  return PK_OK;
}

/* Ends the input of PARSER, after feeding stopped with STATUS; copies its error to ERR. */
static pk_status finish_feeding(pk_parser *parser, pk_status status, pk_error *err) {
  if (status == PK_OK) status = pk_parser_finish(parser);
  if (status != PK_OK && err) *err = parser->error;
  return status;
}

static pk_status feed_stream(pk_parser *parser, FILE *in, const char *name, pk_error *err) {
  char *block = malloc(READ_BLOCK);
  if (!block) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  size_t got;
  pk_status status = PK_OK;
  while (status == PK_OK && (got = fread(block, 1, READ_BLOCK, in)) > 0)
    status = pk_parser_feed(parser, block, got);
  bool failed = ferror(in);
  free(block);
  if (status == PK_OK && failed) return read_failed(name, err);
  return finish_feeding(parser, status, err);
}

/* Fed in blocks, as a stream would be, so that no stage holds more than a block at once. */
static pk_status feed_memory(pk_parser *parser, const char *data, size_t len, pk_error *err) {
  pk_status status = PK_OK;
  for (size_t at = 0; status == PK_OK && at < len; at += READ_BLOCK)
    status = pk_parser_feed(parser, data + at, len - at < READ_BLOCK ? len - at : READ_BLOCK);
  return finish_feeding(parser, status, err);
}

/* A parser for the input GIVEN names, whose digest is HEX. */
static pk_parser *start_parser(const pk_rules *rules, const pk_options *given, const char *name,
                               const char *hex, pk_sink *sink, pk_error *err) {
  pk_options options = given ? *given : (pk_options){0};
  options.source_name = name;
  options.source_sha256 = hex;
  return pk_parser_new(rules, &options, sink, err);
}

static bool is_regular(FILE *in) {
  struct stat info;
  return fstat(fileno(in), &info) == 0 && S_ISREG(info.st_mode);
}

/* pk_parse_stream for an input longer than IN_MEMORY_MAX: HELD holds what was read of it
 * already (nothing, for a regular file that said its size); it is freed once spooled. */
static pk_status parse_long_stream(const pk_rules *rules, FILE *in, long start, pk_buf *held,
                                   const pk_options *given, const char *name, pk_sink *sink,
                                   pk_error *err) {
  pk_sha256 sha;
  pk_sha256_init(&sha);
  FILE *spool = NULL;
  pk_status status = PK_OK;
  if (start >= 0) {
    /* A regular file: hash it where it is (from the start, should it have grown since). */
    if (fseek(in, start, SEEK_SET) != 0) return read_failed(name, err);
  } else if (!(spool = tmpfile())) {
    return pk_error_set(err, PK_ERR_IO, name, 0, -1, "cannot create a temporary file: %s",
                        strerror(errno));
  } else {
    pk_sha256_update(&sha, held->data, held->len);
    if (fwrite(held->data, 1, held->len, spool) != held->len)
      status = pk_error_set(err, PK_ERR_IO, name, 0, -1, "cannot spool input: %s", strerror(errno));
    pk_buf_free(held); /* the parse reads the spool, and its memory is bounded without it */
  }
  if (status == PK_OK) status = hash_stream(in, spool, name, &sha, err);
  FILE *source = spool ? spool : in;
  if (status == PK_OK && fseek(source, spool ? 0 : start, SEEK_SET) != 0)
    status = read_failed(name, err);
  if (status == PK_OK) {
    char hex[65];
    digest_hex(&sha, hex);
    pk_parser *parser = start_parser(rules, given, name, hex, sink, err);
    /* pk_parser_new said why it failed (an unknown profile, no memory) in ERR. */
    status = parser ? feed_stream(parser, source, name, err) : (err ? err->status : PK_ERR_NOMEM);
    pk_parser_free(parser);
  }
  if (spool) fclose(spool);
  return status;
}

pk_status pk_parse_stream(const pk_rules *rules, FILE *in, const pk_options *given,
                          pk_sink *sink, pk_error *err) {
  const char *name = given && given->source_name ? given->source_name : "-";
  long start = is_regular(in) ? ftell(in) : -1;
  pk_buf held = {0};
  bool whole;
  pk_status status = read_small(in, start, name, &held, &whole, err);
  if (status == PK_OK && whole)
    status = pk_parse_memory(rules, held.data, held.len, given, sink, err);
  else if (status == PK_OK)
    status = parse_long_stream(rules, in, start, &held, given, name, sink, err);
  pk_buf_free(&held);
  return status;
}

pk_status pk_parse_memory(const pk_rules *rules, const void *data, size_t len,
                          const pk_options *given, pk_sink *sink, pk_error *err) {
  const char *name = given && given->source_name ? given->source_name : "-";
  if (!data) data = ""; /* allowed when LEN is 0: an empty document */
  pk_sha256 sha;
  char hex[65];
  pk_sha256_init(&sha);
  pk_sha256_update(&sha, data, len);
  digest_hex(&sha, hex);
  pk_parser *parser = start_parser(rules, given, name, hex, sink, err);
  pk_status status =
      parser ? feed_memory(parser, data, len, err) : (err ? err->status : PK_ERR_NOMEM);
  pk_parser_free(parser);
  return status;
}

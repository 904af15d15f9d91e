/* json.c: the JSON document emitter.  The document is written as it goes (see
 * jsonwrite.h), so that items are written, and freed, one at a time. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "sink.h"

enum { INDENT = 2 };

typedef struct json_state {
  pk_json_writer w;
  bool items_done;
} json_state;

static pk_json_writer *writer_of(pk_sink *sink) { return &((json_state *)sink->state)->w; }

/* Sends what was written; false once anything failed. */
static bool sent(pk_sink *sink) {
  if (!pk_jw_flush(writer_of(sink))) sink->failed = true;
  return !sink->failed;
}

static void text(pk_json_writer *w, const char *literal) { pk_jw_raw(w, literal, strlen(literal)); }

static void preamble_json(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key_string(w, "text", doc->preamble);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &doc->preamble_span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &doc->preamble_span);
  pk_jw_end(w);
}

/* The document is one object, its items and appendices arrays kept open across the calls
 * that write them: laid out as `jq .` lays it out (jansson's indentation), with members
 * and entries written one by one. */
static bool json_document(pk_sink *sink, const pk_document *doc) {
  pk_json_writer *w = writer_of(sink);
  char generator[64];
  snprintf(generator, sizeof generator, "punktum %s", pk_version());
  pk_jw_object(w);
  pk_jw_key_string(w, "punktum", pk_format_version());
  pk_jw_key_string(w, "generator", generator);
  pk_jw_key(w, "document");
  pk_json_document(w, doc);
  pk_jw_key(w, "preamble");
  preamble_json(w, doc);
  pk_jw_key(w, "items");
  pk_jw_array(w);
  return sent(sink);
}

/* Items come before appendices; the segmenter never sends an item after an appendix. */
static bool json_item(pk_sink *sink, const pk_item *item) {
  pk_json_item(writer_of(sink), item);
  return sent(sink);
}

static void close_items(json_state *state) {
  if (state->items_done) return;
  state->items_done = true;
  pk_jw_end(&state->w);
  pk_jw_key(&state->w, "appendices");
  pk_jw_array(&state->w);
}

static bool json_appendix(pk_sink *sink, const pk_appendix *app) {
  json_state *state = sink->state;
  close_items(state);
  pk_json_appendix(&state->w, app);
  return sent(sink);
}

static void report_source(pk_json_writer *w, const pk_report *report) {
  pk_jw_object(w);
  pk_jw_key_string(w, "name", report->source_name);
  pk_jw_key_nonempty(w, "sha256", report->sha256);
  pk_jw_key_string(w, "encoding", report->encoding);
  pk_jw_key_integer(w, "bytes", (long long)report->bytes);
  pk_jw_key_integer(w, "pages", report->pages);
  pk_jw_key_integer(w, "replaced_characters", (long long)report->replacements);
  /* Counted up to here: the report's own strings are written after this number. */
  pk_jw_key_integer(w, "output_replaced_characters", (long long)w->replaced);
  pk_jw_end(w);
}

static void report_removed(pk_json_writer *w, const pk_report *report) {
  pk_jw_object(w);
  for (size_t i = 0; i < report->removed_count; i++)
    pk_jw_key_integer(w, report->removed[i].kind, (long long)report->removed[i].chars);
  pk_jw_end(w);
}

static void report_coverage(pk_json_writer *w, const pk_report *report) {
  const pk_coverage *coverage = &report->coverage;
  pk_jw_object(w);
  pk_jw_key_integer(w, "in", (long long)coverage->in);
  pk_jw_key_integer(w, "placed", (long long)coverage->placed);
  pk_jw_key_integer(w, "removed", (long long)pk_coverage_removed(report));
  pk_jw_key_integer(w, "unplaced", (long long)pk_coverage_unplaced(report));
  pk_jw_key(w, "complete");
  pk_jw_bool(w, pk_coverage_complete(report));
  pk_jw_end(w);
}

static void report_diagnostics(pk_json_writer *w, const pk_report *report) {
  pk_jw_array(w);
  for (size_t i = 0; i < report->diagnostic_count; i++) {
    const pk_diagnostic *diag = &report->diagnostics[i];
    pk_jw_object(w);
    pk_jw_key_string(w, "level", diag->level);
    pk_jw_key_string(w, "message", diag->message);
    pk_jw_key(w, "page");
    if (diag->page > 0)
      pk_jw_integer(w, diag->page);
    else
      pk_jw_null(w);
    pk_jw_key(w, "offset");
    if (diag->offset >= 0)
      pk_jw_integer(w, (long long)diag->offset);
    else
      pk_jw_null(w);
    pk_jw_end(w);
  }
  pk_jw_end(w);
}

static bool json_finish(pk_sink *sink, const pk_report *report) {
  json_state *state = sink->state;
  pk_json_writer *w = &state->w;
  close_items(state);
  pk_jw_end(w); /* the appendices */
  pk_jw_key(w, "source");
  report_source(w, report);
  pk_jw_key(w, "removed");
  report_removed(w, report);
  pk_jw_key(w, "coverage");
  report_coverage(w, report);
  pk_jw_key(w, "diagnostics");
  report_diagnostics(w, report);
  pk_jw_end(w);
  text(w, "\n");
  return sent(sink) && fflush(sink->out) == 0;
}

static void json_destroy(pk_sink *sink) {
  pk_jw_free(writer_of(sink));
  free(sink->state);
}

static const pk_sink_ops JSON_OPS = {json_document, json_item, json_appendix, json_finish,
                                     json_destroy};

pk_sink *pk_json_sink_new(FILE *out) {
  pk_sink *sink = pk_sink_alloc(&JSON_OPS, out, sizeof(json_state));
  if (sink) pk_jw_init(writer_of(sink), out, INDENT);
  return sink;
}

/* json.c: the JSON document emitter.  Every value is built and escaped by jansson (see
 * records.c); only the document's outer braces and brackets are written here, so that
 * items can be written (and freed) one at a time. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "sink.h"

enum { DUMP_FLAGS = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY };

typedef struct json_state {
  pk_json_context ctx;
  size_t written; /* entries in the open array */
  bool items_done;
  pk_json_out out;
} json_state;

/* Writes TEXT then VALUE (consumed); false once the stream fails. */
static bool put(pk_sink *sink, const char *text, json_t *value) {
  json_state *state = sink->state;
  if (state->ctx.failed) sink->failed = true;
  if (text && !sink->failed && fputs(text, sink->out) == EOF) sink->failed = true;
  if (value) {
    /* One string, one write: json_dumpf writes piece by piece, far slower. */
    state->out.file = sink->out;
    if (!sink->failed && (!pk_json_out_value(&state->out, value, DUMP_FLAGS) ||
                          !pk_json_out_flush(&state->out)))
      sink->failed = true;
    json_decref(value);
  }
  return !sink->failed;
}

static json_t *preamble_json(pk_json_context *ctx, const pk_document *doc) {
  json_t *object = json_object();
  pk_json_set(object, "text", pk_json_text(ctx, doc->preamble));
  pk_json_set(object, "pages", pk_json_pages(&doc->preamble_span));
  pk_json_set(object, "offsets", pk_json_offsets(&doc->preamble_span));
  return object;
}

static bool json_document(pk_sink *sink, const pk_document *doc) {
  json_state *state = sink->state;
  char generator[64];
  snprintf(generator, sizeof generator, "punktum %s", pk_version());
  return put(sink, "{\n\"punktum\": ", json_string(pk_format_version())) &&
         put(sink, ",\n\"generator\": ", json_string(generator)) &&
         put(sink, ",\n\"document\": ", pk_json_document(&state->ctx, doc)) &&
         put(sink, ",\n\"preamble\": ", preamble_json(&state->ctx, doc)) &&
         put(sink, ",\n\"items\": [", NULL);
}

/* Items come before appendices; the segmenter never sends an item after an appendix. */
static bool json_item(pk_sink *sink, const pk_item *item) {
  json_state *state = sink->state;
  const char *sep = state->written++ ? ",\n" : "\n";
  return put(sink, sep, pk_json_item(&state->ctx, item));
}

static bool close_items(pk_sink *sink) {
  json_state *state = sink->state;
  if (state->items_done) return true;
  state->items_done = true;
  bool any = state->written > 0;
  state->written = 0;
  return put(sink, any ? "\n],\n\"appendices\": [" : "],\n\"appendices\": [", NULL);
}

static bool json_appendix(pk_sink *sink, const pk_appendix *app) {
  json_state *state = sink->state;
  if (!close_items(sink)) return false;
  const char *sep = state->written++ ? ",\n" : "\n";
  return put(sink, sep, pk_json_appendix(&state->ctx, app));
}

static json_t *report_source(const pk_report *report, size_t output_replaced) {
  json_t *source = json_object();
  pk_json_set(source, "name", report->source_name ? json_string(report->source_name) : json_null());
  pk_json_set(source, "sha256", report->sha256[0] ? json_string(report->sha256) : json_null());
  pk_json_set(source, "encoding", report->encoding ? json_string(report->encoding) : json_null());
  pk_json_set(source, "bytes", json_integer((json_int_t)report->bytes));
  pk_json_set(source, "pages", json_integer(report->pages));
  pk_json_set(source, "replaced_characters", json_integer((json_int_t)report->replacements));
  pk_json_set(source, "output_replaced_characters", json_integer((json_int_t)output_replaced));
  return source;
}

static json_t *report_coverage(const pk_report *report) {
  const pk_coverage *coverage = &report->coverage;
  return json_pack("{s:I,s:I,s:I,s:I,s:b}", "in", (json_int_t)coverage->in, "placed",
                   (json_int_t)coverage->placed, "removed", (json_int_t)pk_coverage_removed(report),
                   "unplaced", (json_int_t)pk_coverage_unplaced(report), "complete",
                   pk_coverage_complete(report));
}

static json_t *report_diagnostics(pk_json_context *ctx, const pk_report *report) {
  json_t *list = json_array();
  for (size_t i = 0; i < report->diagnostic_count; i++) {
    const pk_diagnostic *diag = &report->diagnostics[i];
    json_t *object = json_object();
    pk_json_set(object, "level", json_string(diag->level));
    pk_json_set(object, "message", pk_json_text(ctx, diag->message));
    pk_json_set(object, "page", diag->page > 0 ? json_integer(diag->page) : json_null());
    pk_json_set(object, "offset",
                        diag->offset >= 0 ? json_integer((json_int_t)diag->offset) : json_null());
    json_array_append_new(list, object);
  }
  return list;
}

static bool json_finish(pk_sink *sink, const pk_report *report) {
  json_state *state = sink->state;
  if (!close_items(sink)) return false;
  json_t *removed = json_object();
  for (size_t i = 0; i < report->removed_count; i++)
    pk_json_set(removed, report->removed[i].kind,
                        json_integer((json_int_t)report->removed[i].chars));
  json_t *diagnostics = report_diagnostics(&state->ctx, report);
  bool ok = put(sink, state->written ? "\n],\n\"source\": " : "],\n\"source\": ",
                report_source(report, state->ctx.replaced)) &&
            put(sink, ",\n\"removed\": ", removed) &&
            put(sink, ",\n\"coverage\": ", report_coverage(report)) &&
            put(sink, ",\n\"diagnostics\": ", diagnostics) && put(sink, "\n}\n", NULL);
  return ok && fflush(sink->out) == 0;
}

static void json_destroy(pk_sink *sink) {
  json_state *state = sink->state;
  pk_buf_free(&state->out.buf);
  free(state);
}

static const pk_sink_ops JSON_OPS = {json_document, json_item, json_appendix, json_finish,
                                     json_destroy};

pk_sink *pk_json_sink_new(FILE *out) { return pk_sink_alloc(&JSON_OPS, out, sizeof(json_state)); }

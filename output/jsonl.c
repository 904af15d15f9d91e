/* jsonl.c: the JSON Lines emitter, one line per item for search indexers.  Each line
 * carries the document's metadata, so lines can be indexed independently, and the item's
 * stable id (source digest prefix and ordinal), so re-indexing the same input replaces
 * rather than duplicates.  Preamble and appendices are left to the document formats.
 * One sink may take several documents in turn: the lines simply follow each other. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>

#include "records.h"
#include "sink.h"

enum { LINE_FLAGS = JSON_COMPACT | JSON_PRESERVE_ORDER };

typedef struct jsonl_state {
  pk_json_context ctx;
  pk_json_out document; /* the current document's metadata as JSON, on every line */
  pk_json_out line;     /* one line on its way out */
} jsonl_state;

static json_t *document_json(pk_json_context *ctx, const pk_document *doc) {
  json_t *object = json_object();
  pk_json_set(object, "source", pk_json_text(ctx, doc->source_name));
  pk_json_set(object, "sha256", pk_json_nonempty(ctx, doc->sha256));
  pk_json_set(object, "kind", pk_json_text(ctx, doc->kind));
  pk_json_set(object, "profile", pk_json_text(ctx, doc->profile));
  pk_json_set(object, "municipality", pk_json_text(ctx, doc->municipality));
  pk_json_set(object, "body", pk_json_text(ctx, doc->body));
  pk_json_set(object, "date", pk_json_nonempty(ctx, doc->date));
  pk_json_set(object, "time", pk_json_nonempty(ctx, doc->time));
  pk_json_set(object, "location", pk_json_text(ctx, doc->location));
  return object;
}

/* The document's metadata is the same on every line: dumped once, copied after. */
static bool jsonl_document(pk_sink *sink, const pk_document *doc) {
  jsonl_state *state = sink->state;
  json_t *document = document_json(&state->ctx, doc);
  state->document = (pk_json_out){.buf = state->document.buf};
  pk_buf_clear(&state->document.buf);
  bool ok = !state->ctx.failed && pk_json_out_value(&state->document, document, LINE_FLAGS);
  json_decref(document);
  if (!ok) sink->failed = true;
  return ok;
}

/* {"id": ..., "document": ..., "item": ...}: each value is jansson's; the braces, keys
 * and commas around them are this function's. */
static bool jsonl_item(pk_sink *sink, const pk_item *item) {
  jsonl_state *state = sink->state;
  json_t *id = pk_json_text(&state->ctx, item->id), *record = pk_json_item(&state->ctx, item);
  pk_json_out *line = &state->line;
  line->file = sink->out;
  const pk_buf *document = &state->document.buf;
  bool ok = !state->ctx.failed && pk_json_out_text(line, "{\"id\":", 6) &&
            pk_json_out_value(line, id, LINE_FLAGS | JSON_ENCODE_ANY) &&
            pk_json_out_text(line, ",\"document\":", 12) &&
            pk_json_out_text(line, document->data, document->len) &&
            pk_json_out_text(line, ",\"item\":", 8) && pk_json_out_value(line, record, LINE_FLAGS) &&
            pk_json_out_text(line, "}\n", 2) && pk_json_out_flush(line);
  json_decref(id);
  json_decref(record);
  if (!ok) sink->failed = true;
  return ok;
}

static bool jsonl_appendix(pk_sink *sink, const pk_appendix *app) {
  (void)app;
  return !sink->failed;
}

static bool jsonl_finish(pk_sink *sink, const pk_report *report) {
  (void)report;
  return !sink->failed && fflush(sink->out) == 0;
}

static void jsonl_destroy(pk_sink *sink) {
  jsonl_state *state = sink->state;
  pk_buf_free(&state->document.buf);
  pk_buf_free(&state->line.buf);
  free(state);
}

static const pk_sink_ops JSONL_OPS = {jsonl_document, jsonl_item, jsonl_appendix, jsonl_finish,
                                      jsonl_destroy};

pk_sink *pk_jsonl_sink_new(FILE *out) { return pk_sink_alloc(&JSONL_OPS, out, sizeof(jsonl_state)); }

/* jsonl.c: the JSON Lines emitter, one line per item for search indexers.  Each line
 * carries the document's metadata, so lines can be indexed independently, and the item's
 * stable id (source digest prefix and ordinal), so re-indexing the same input replaces
 * rather than duplicates.  Preamble and appendices are left to the document formats.
 * One sink may take several documents in turn: the lines simply follow each other. */
#include "config.h"

#include <stdlib.h>

#include "records.h"
#include "sink.h"

typedef struct jsonl_state {
  pk_json_writer document; /* the current document's metadata as JSON, on every line */
  pk_json_writer line;     /* one line on its way out */
} jsonl_state;

/* The document's metadata is the same on every line: written once, copied after. */
static bool jsonl_document(pk_sink *sink, const pk_document *doc) {
  jsonl_state *state = sink->state;
  pk_buf_clear(&state->document.buf);
  pk_json_line_document(&state->document, doc);
  if (!pk_jw_ok(&state->document)) sink->failed = true;
  return !sink->failed;
}

/* {"id": ..., "document": ..., "item": ...} */
static bool jsonl_item(pk_sink *sink, const pk_item *item) {
  jsonl_state *state = sink->state;
  pk_json_writer *line = &state->line;
  const pk_buf *document = &state->document.buf;
  pk_jw_object(line);
  pk_jw_key(line, "id");
  pk_jw_string(line, item->id);
  pk_jw_key(line, "document");
  pk_jw_json(line, document->data, document->len);
  pk_jw_key(line, "item");
  pk_json_item(line, item);
  pk_jw_end(line);
  pk_jw_raw(line, "\n", 1);
  if (!pk_jw_flush(line)) sink->failed = true;
  return !sink->failed;
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
  pk_jw_free(&state->document);
  pk_jw_free(&state->line);
  free(state);
}

static const pk_sink_ops JSONL_OPS = {jsonl_document, jsonl_item, jsonl_appendix, jsonl_finish,
                                      jsonl_destroy};

pk_sink *pk_jsonl_sink_new(FILE *out) {
  pk_sink *sink = pk_sink_alloc(&JSONL_OPS, out, sizeof(jsonl_state));
  if (!sink) return NULL;
  jsonl_state *state = sink->state;
  pk_jw_init(&state->document, NULL, 0);
  pk_jw_init(&state->line, out, 0);
  return sink;
}

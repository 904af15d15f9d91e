/* json.c: the JSON emitter.  Every value is built and escaped by jansson; only the
 * document's outer braces and brackets are written here, so that items can be written
 * (and freed) one at a time. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"

enum { DUMP_FLAGS = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY };

typedef enum { OPEN_NONE, OPEN_ITEMS, OPEN_APPENDICES } open_array;

typedef struct json_state {
  open_array open;
  size_t written; /* entries in the open array */
  bool items_done;
} json_state;

static json_t *string_or_null(const char *value) {
  return value ? json_string(value) : json_null();
}

static json_t *nonempty_or_null(const char *value) {
  return value && value[0] ? json_string(value) : json_null();
}

static json_t *pages_of(const pk_span *span) {
  if (span->first_page <= 0) return json_null();
  return json_pack("[II]", (json_int_t)span->first_page, (json_int_t)span->last_page);
}

static json_t *strings_array(const pk_strings *strings) {
  json_t *array = json_array();
  for (size_t i = 0; i < strings->count; i++)
    json_array_append_new(array, json_string(strings->values[i]));
  return array;
}

/* Writes TEXT then VALUE (consumed); false once the stream fails. */
static bool put(pk_sink *sink, const char *text, json_t *value) {
  if (text && fputs(text, sink->out) == EOF) sink->failed = true;
  if (value) {
    /* One string, one write: json_dumpf writes piece by piece, far slower. */
    char *text_out = json_dumps(value, DUMP_FLAGS);
    if (!text_out || fputs(text_out, sink->out) == EOF) sink->failed = true;
    free(text_out);
    json_decref(value);
  }
  return !sink->failed;
}

static bool json_document(pk_sink *sink, const pk_document *doc) {
  json_t *document = json_object();
  json_object_set_new(document, "kind", json_string(doc->kind));
  json_object_set_new(document, "profile",
                      doc->profile ? json_pack("{sssI}", "name", doc->profile, "score",
                                               (json_int_t)doc->profile_score)
                                   : json_null());
  json_object_set_new(document, "municipality", string_or_null(doc->municipality));
  json_object_set_new(document, "body", string_or_null(doc->body));
  json_object_set_new(document, "date", nonempty_or_null(doc->date));
  json_object_set_new(document, "time", nonempty_or_null(doc->time));
  json_object_set_new(document, "location", string_or_null(doc->location));
  json_object_set_new(document, "members", strings_array(&doc->members));
  json_object_set_new(document, "absent", strings_array(&doc->absent));
  return put(sink, "{\n\"punktum\": ", json_string(pk_format_version())) &&
         put(sink, ",\n\"document\": ", document) &&
         put(sink, ",\n\"preamble\": ", json_string(doc->preamble)) &&
         put(sink, ",\n\"items\": [", NULL);
}

static json_t *section_json(const pk_section *section) {
  json_t *object = json_object();
  json_object_set_new(object, "kind", json_string(section->kind));
  json_object_set_new(object, "heading", json_string(section->heading));
  json_object_set_new(object, "text", json_string(section->text));
  json_object_set_new(object, "body", string_or_null(section->body));
  json_object_set_new(object, "date", nonempty_or_null(section->date));
  json_object_set_new(object, "pages", pages_of(&section->span));
  return object;
}

static json_t *attachment_json(const pk_attachment *attachment) {
  json_t *object = json_object();
  json_object_set_new(object, "number", string_or_null(attachment->number));
  json_object_set_new(object, "title", string_or_null(attachment->title));
  json_object_set_new(object, "reference", string_or_null(attachment->reference));
  json_object_set_new(object, "access", string_or_null(attachment->access));
  return object;
}

static json_t *item_json(const pk_item *item) {
  json_t *object = json_object();
  json_object_set_new(object, "id", json_string(item->id));
  json_object_set_new(object, "number", string_or_null(item->number));
  json_object_set_new(object, "number_inferred", json_boolean(item->number_inferred));
  json_object_set_new(object, "title", string_or_null(item->title));
  json_object_set_new(object, "access", string_or_null(item->access));
  json_object_set_new(object, "case_number", string_or_null(item->case_number));
  json_object_set_new(object, "responsible", string_or_null(item->responsible));
  json_object_set_new(object, "pages", pages_of(&item->span));
  json_object_set_new(object, "header", json_string(item->header));
  json_t *sections = json_array();
  for (size_t i = 0; i < item->section_count; i++)
    json_array_append_new(sections, section_json(&item->sections[i]));
  json_object_set_new(object, "sections", sections);
  json_t *attachments = json_array();
  for (size_t i = 0; i < item->attachment_count; i++)
    json_array_append_new(attachments, attachment_json(&item->attachments[i]));
  json_object_set_new(object, "attachments", attachments);
  return object;
}

/* Items come before appendices; the segmenter never sends an item after an appendix. */
static bool json_item(pk_sink *sink, const pk_item *item) {
  json_state *state = sink->state;
  const char *sep = state->written++ ? ",\n" : "\n";
  state->open = OPEN_ITEMS;
  return put(sink, sep, item_json(item));
}

static bool close_items(pk_sink *sink) {
  json_state *state = sink->state;
  if (state->items_done) return true;
  state->items_done = true;
  state->written = 0;
  return put(sink, "\n],\n\"appendices\": [", NULL);
}

static bool json_appendix(pk_sink *sink, const pk_appendix *app) {
  json_state *state = sink->state;
  if (!close_items(sink)) return false;
  json_t *object = json_object();
  json_object_set_new(object, "kind", json_string(app->kind));
  json_object_set_new(object, "item", string_or_null(app->item));
  json_object_set_new(object, "number", string_or_null(app->number));
  json_object_set_new(object, "title", string_or_null(app->title));
  json_object_set_new(object, "reference", string_or_null(app->reference));
  json_object_set_new(object, "access", string_or_null(app->access));
  json_object_set_new(object, "pages", pages_of(&app->span));
  json_object_set_new(object, "text", json_string(app->text));
  const char *sep = state->written++ ? ",\n" : "\n";
  state->open = OPEN_APPENDICES;
  return put(sink, sep, object);
}

static json_t *report_source(const pk_report *report) {
  json_t *source = json_object();
  json_object_set_new(source, "name", string_or_null(report->source_name));
  json_object_set_new(source, "sha256", nonempty_or_null(report->sha256));
  json_object_set_new(source, "encoding", string_or_null(report->encoding));
  json_object_set_new(source, "bytes", json_integer((json_int_t)report->bytes));
  json_object_set_new(source, "pages", json_integer(report->pages));
  json_object_set_new(source, "replaced_characters", json_integer((json_int_t)report->replacements));
  return source;
}

static json_t *report_diagnostics(const pk_report *report) {
  json_t *list = json_array();
  for (size_t i = 0; i < report->diagnostic_count; i++) {
    const pk_diagnostic *diag = &report->diagnostics[i];
    json_t *object = json_object();
    json_object_set_new(object, "level", json_string(diag->level));
    json_object_set_new(object, "message", json_string(diag->message));
    json_object_set_new(object, "page", diag->page > 0 ? json_integer(diag->page) : json_null());
    json_object_set_new(object, "offset",
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
    json_object_set_new(removed, report->removed[i].kind,
                        json_integer((json_int_t)report->removed[i].chars));
  bool ok = put(sink, state->written ? "\n],\n\"source\": " : "],\n\"source\": ",
                report_source(report)) &&
            put(sink, ",\n\"removed\": ", removed) &&
            put(sink, ",\n\"diagnostics\": ", report_diagnostics(report)) &&
            put(sink, "\n}\n", NULL);
  return ok && fflush(sink->out) == 0;
}

static void json_destroy(pk_sink *sink) { free(sink->state); }

static const pk_sink_ops JSON_OPS = {json_document, json_item, json_appendix, json_finish,
                                     json_destroy};

pk_sink *pk_json_sink_new(FILE *out) {
  pk_sink *sink = calloc(1, sizeof *sink);
  json_state *state = calloc(1, sizeof *state);
  if (!sink || !state) {
    free(sink);
    free(state);
    return NULL;
  }
  *sink = (pk_sink){&JSON_OPS, out, false, state};
  return sink;
}

/* records.c: JSON objects for the model's records, built and escaped by jansson. */
#include "config.h"

#include "records.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

json_t *pk_json_text(pk_json_context *ctx, const char *value) {
  if (!value) return json_null();
  /* jansson refuses invalid UTF-8: replace it rather than lose the field.  Once checked
   * here, the string need not be checked again by jansson. */
  char *safe = pk_text_sanitize(value, false, &ctx->replaced, &ctx->failed);
  if (ctx->failed) return NULL;
  json_t *string = json_string_nocheck(safe ? safe : value);
  free(safe);
  if (!string) ctx->failed = true;
  return string;
}

json_t *pk_json_nonempty(pk_json_context *ctx, const char *value) {
  return value && value[0] ? pk_json_text(ctx, value) : json_null();
}

static json_t *integer_pair(json_int_t first, json_int_t second) {
  json_t *pair = json_array();
  json_array_append_new(pair, json_integer(first));
  json_array_append_new(pair, json_integer(second));
  return pair;
}

json_t *pk_json_pages(const pk_span *span) {
  if (span->first_page <= 0) return json_null();
  return integer_pair((json_int_t)span->first_page, (json_int_t)span->last_page);
}

json_t *pk_json_offsets(const pk_span *span) {
  return integer_pair((json_int_t)span->start, (json_int_t)span->end);
}

void pk_json_set(json_t *object, const char *key, json_t *value) {
  json_object_set_new_nocheck(object, key, value);
}

static json_t *section_json(pk_json_context *ctx, const pk_section *section) {
  json_t *object = json_object();
  pk_json_set(object, "kind", pk_json_text(ctx, section->kind));
  pk_json_set(object, "heading", pk_json_text(ctx, section->heading));
  pk_json_set(object, "text", pk_json_text(ctx, section->text));
  pk_json_set(object, "body", pk_json_text(ctx, section->body));
  pk_json_set(object, "date", pk_json_nonempty(ctx, section->date));
  pk_json_set(object, "pages", pk_json_pages(&section->span));
  pk_json_set(object, "offsets", pk_json_offsets(&section->span));
  return object;
}

static json_t *attachment_json(pk_json_context *ctx, const pk_attachment *attachment) {
  json_t *object = json_object();
  pk_json_set(object, "number", pk_json_text(ctx, attachment->number));
  pk_json_set(object, "title", pk_json_text(ctx, attachment->title));
  pk_json_set(object, "reference", pk_json_text(ctx, attachment->reference));
  pk_json_set(object, "access", pk_json_text(ctx, attachment->access));
  return object;
}

json_t *pk_json_item(pk_json_context *ctx, const pk_item *item) {
  json_t *object = json_object();
  pk_json_set(object, "id", pk_json_text(ctx, item->id));
  pk_json_set(object, "ordinal", json_integer((json_int_t)item->ordinal));
  pk_json_set(object, "number", pk_json_text(ctx, item->number));
  pk_json_set(object, "number_inferred", json_boolean(item->number_inferred));
  pk_json_set(object, "title", pk_json_text(ctx, item->title));
  pk_json_set(object, "access", pk_json_text(ctx, item->access));
  pk_json_set(object, "case_number", pk_json_text(ctx, item->case_number));
  pk_json_set(object, "responsible", pk_json_text(ctx, item->responsible));
  pk_json_set(object, "pages", pk_json_pages(&item->span));
  pk_json_set(object, "offsets", pk_json_offsets(&item->span));
  pk_json_set(object, "header", pk_json_text(ctx, item->header));
  pk_json_set(object, "header_offsets", pk_json_offsets(&item->header_span));
  json_t *sections = json_array();
  for (size_t i = 0; i < item->section_count; i++)
    json_array_append_new(sections, section_json(ctx, &item->sections[i]));
  pk_json_set(object, "sections", sections);
  json_t *attachments = json_array();
  for (size_t i = 0; i < item->attachment_count; i++)
    json_array_append_new(attachments, attachment_json(ctx, &item->attachments[i]));
  pk_json_set(object, "attachments", attachments);
  return object;
}

json_t *pk_json_appendix(pk_json_context *ctx, const pk_appendix *app) {
  json_t *object = json_object();
  pk_json_set(object, "kind", pk_json_text(ctx, app->kind));
  pk_json_set(object, "item", pk_json_text(ctx, app->item));
  pk_json_set(object, "number", pk_json_text(ctx, app->number));
  pk_json_set(object, "title", pk_json_text(ctx, app->title));
  pk_json_set(object, "reference", pk_json_text(ctx, app->reference));
  pk_json_set(object, "access", pk_json_text(ctx, app->access));
  pk_json_set(object, "pages", pk_json_pages(&app->span));
  pk_json_set(object, "offsets", pk_json_offsets(&app->span));
  pk_json_set(object, "text", pk_json_text(ctx, app->text));
  return object;
}

static json_t *strings_array(pk_json_context *ctx, const pk_strings *strings) {
  json_t *array = json_array();
  for (size_t i = 0; i < strings->count; i++)
    json_array_append_new(array, pk_json_text(ctx, strings->values[i]));
  return array;
}

json_t *pk_json_document(pk_json_context *ctx, const pk_document *doc) {
  json_t *document = json_object();
  pk_json_set(document, "kind", pk_json_text(ctx, doc->kind));
  pk_json_set(document, "profile",
      doc->profile ? json_pack("{s:o,s:I}", "name", pk_json_text(ctx, doc->profile), "score",
                               (json_int_t)doc->profile_score)
                   : json_null());
  pk_json_set(document, "municipality", pk_json_text(ctx, doc->municipality));
  pk_json_set(document, "body", pk_json_text(ctx, doc->body));
  pk_json_set(document, "date", pk_json_nonempty(ctx, doc->date));
  pk_json_set(document, "time", pk_json_nonempty(ctx, doc->time));
  pk_json_set(document, "location", pk_json_text(ctx, doc->location));
  pk_json_set(document, "members", strings_array(ctx, &doc->members));
  pk_json_set(document, "absent", strings_array(ctx, &doc->absent));
  return document;
}

static bool spill(pk_json_out *out) {
  return !out->file || out->buf.len < PK_JSON_SPILL || pk_json_out_flush(out);
}

bool pk_json_out_flush(pk_json_out *out) {
  if (!out->failed && out->file && out->buf.len &&
      fwrite(out->buf.data, 1, out->buf.len, out->file) != out->buf.len)
    out->failed = true;
  pk_buf_clear(&out->buf);
  return !out->failed;
}

bool pk_json_out_text(pk_json_out *out, const char *text, size_t len) {
  if (!out->failed && !pk_buf_append(&out->buf, text, len)) out->failed = true;
  return !out->failed && spill(out);
}

/* jansson hands over a document in many small pieces: the common case, room enough, is
 * one copy. */
static int append_dump(const char *bytes, size_t size, void *data) {
  pk_json_out *out = data;
  pk_buf *buf = &out->buf;
  if (buf->cap - buf->len > size) {
    memcpy(buf->data + buf->len, bytes, size);
    buf->len += size;
    buf->data[buf->len] = '\0';
  } else if (!pk_buf_append(buf, bytes, size)) {
    return -1;
  }
  return spill(out) ? 0 : -1;
}

bool pk_json_out_value(pk_json_out *out, const json_t *value, size_t flags) {
  if (!out->failed && (!value || json_dump_callback(value, append_dump, out, flags) != 0))
    out->failed = true;
  return !out->failed;
}

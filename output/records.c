/* records.c: the model's records as JSON: which keys, in which order, holding what. */
#include "config.h"

#include "records.h"

static void integer_pair(pk_json_writer *w, long long first, long long second) {
  pk_jw_array(w);
  pk_jw_integer(w, first);
  pk_jw_integer(w, second);
  pk_jw_end(w);
}

void pk_json_pages(pk_json_writer *w, const pk_span *span) {
  if (span->first_page <= 0)
    pk_jw_null(w);
  else
    integer_pair(w, span->first_page, span->last_page);
}

void pk_json_offsets(pk_json_writer *w, const pk_span *span) {
  integer_pair(w, (long long)span->start, (long long)span->end);
}

static void section_json(pk_json_writer *w, const pk_section *section) {
  pk_jw_object(w);
  pk_jw_key(w, "kind");
  pk_jw_string(w, section->kind);
  pk_jw_key(w, "heading");
  pk_jw_string(w, section->heading);
  pk_jw_key(w, "text");
  pk_jw_string(w, section->text);
  pk_jw_key(w, "body");
  pk_jw_string(w, section->body);
  pk_jw_key(w, "date");
  pk_jw_nonempty(w, section->date);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &section->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &section->span);
  pk_jw_end(w);
}

static void attachment_json(pk_json_writer *w, const pk_attachment *attachment) {
  pk_jw_object(w);
  pk_jw_key(w, "number");
  pk_jw_string(w, attachment->number);
  pk_jw_key(w, "title");
  pk_jw_string(w, attachment->title);
  pk_jw_key(w, "reference");
  pk_jw_string(w, attachment->reference);
  pk_jw_key(w, "access");
  pk_jw_string(w, attachment->access);
  pk_jw_end(w);
}

void pk_json_item(pk_json_writer *w, const pk_item *item) {
  pk_jw_object(w);
  pk_jw_key(w, "id");
  pk_jw_string(w, item->id);
  pk_jw_key(w, "ordinal");
  pk_jw_integer(w, (long long)item->ordinal);
  pk_jw_key(w, "number");
  pk_jw_string(w, item->number);
  pk_jw_key(w, "number_inferred");
  pk_jw_bool(w, item->number_inferred);
  pk_jw_key(w, "title");
  pk_jw_string(w, item->title);
  pk_jw_key(w, "access");
  pk_jw_string(w, item->access);
  pk_jw_key(w, "case_number");
  pk_jw_string(w, item->case_number);
  pk_jw_key(w, "responsible");
  pk_jw_string(w, item->responsible);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &item->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &item->span);
  pk_jw_key(w, "header");
  pk_jw_string(w, item->header);
  pk_jw_key(w, "header_offsets");
  pk_json_offsets(w, &item->header_span);
  pk_jw_key(w, "sections");
  pk_jw_array(w);
  for (size_t i = 0; i < item->section_count; i++) section_json(w, &item->sections[i]);
  pk_jw_end(w);
  pk_jw_key(w, "attachments");
  pk_jw_array(w);
  for (size_t i = 0; i < item->attachment_count; i++)
    attachment_json(w, &item->attachments[i]);
  pk_jw_end(w);
  pk_jw_end(w);
}

void pk_json_appendix(pk_json_writer *w, const pk_appendix *app) {
  pk_jw_object(w);
  pk_jw_key(w, "kind");
  pk_jw_string(w, app->kind);
  pk_jw_key(w, "item");
  pk_jw_string(w, app->item);
  pk_jw_key(w, "number");
  pk_jw_string(w, app->number);
  pk_jw_key(w, "title");
  pk_jw_string(w, app->title);
  pk_jw_key(w, "reference");
  pk_jw_string(w, app->reference);
  pk_jw_key(w, "access");
  pk_jw_string(w, app->access);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &app->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &app->span);
  pk_jw_key(w, "text");
  pk_jw_string(w, app->text);
  pk_jw_end(w);
}

static void strings_array(pk_json_writer *w, const pk_strings *strings) {
  pk_jw_array(w);
  for (size_t i = 0; i < strings->count; i++) pk_jw_string(w, strings->values[i]);
  pk_jw_end(w);
}

/* The meeting's fields, after what each form puts first. */
static void meeting_fields(pk_json_writer *w, const pk_document *doc) {
  pk_jw_key(w, "municipality");
  pk_jw_string(w, doc->municipality);
  pk_jw_key(w, "body");
  pk_jw_string(w, doc->body);
  pk_jw_key(w, "date");
  pk_jw_nonempty(w, doc->date);
  pk_jw_key(w, "time");
  pk_jw_nonempty(w, doc->time);
  pk_jw_key(w, "location");
  pk_jw_string(w, doc->location);
}

void pk_json_document(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key(w, "kind");
  pk_jw_string(w, doc->kind);
  pk_jw_key(w, "profile");
  if (doc->profile) {
    pk_jw_object(w);
    pk_jw_key(w, "name");
    pk_jw_string(w, doc->profile);
    pk_jw_key(w, "score");
    pk_jw_integer(w, (long long)doc->profile_score);
    pk_jw_end(w);
  } else {
    pk_jw_null(w);
  }
  meeting_fields(w, doc);
  pk_jw_key(w, "members");
  strings_array(w, &doc->members);
  pk_jw_key(w, "absent");
  strings_array(w, &doc->absent);
  pk_jw_end(w);
}

void pk_json_line_document(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key(w, "source");
  pk_jw_string(w, doc->source_name);
  pk_jw_key(w, "sha256");
  pk_jw_nonempty(w, doc->sha256);
  pk_jw_key(w, "kind");
  pk_jw_string(w, doc->kind);
  pk_jw_key(w, "profile");
  pk_jw_string(w, doc->profile);
  meeting_fields(w, doc);
  pk_jw_end(w);
}

/* records.c: the model's records as JSON: which keys, in which order, holding what. */
#include "config.h"

#include "records.h"

#include <string.h>

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

static void strings_array(pk_json_writer *w, const pk_strings *strings);

static void count_or_null(pk_json_writer *w, const char *key, long count) {
  pk_jw_key(w, key);
  if (count < 0)
    pk_jw_null(w);
  else
    pk_jw_integer(w, count);
}

/* {"for": 37, "against": 13, "abstain": null, "for_groups": [...], ..., "phrase": "..."} */
static void vote_json(pk_json_writer *w, const pk_vote *vote) {
  pk_jw_object(w);
  count_or_null(w, "for", vote->for_count);
  count_or_null(w, "against", vote->against_count);
  count_or_null(w, "abstain", vote->abstain_count);
  pk_jw_key(w, "for_groups");
  strings_array(w, &vote->for_groups);
  pk_jw_key(w, "against_groups");
  strings_array(w, &vote->against_groups);
  pk_jw_key(w, "abstain_groups");
  strings_array(w, &vote->abstain_groups);
  pk_jw_key_string(w, "phrase", vote->phrase);
  pk_jw_end(w);
}

/* A decision's reading (parser/decisions.c): its outcome, the words that said it, its
 * votes and minority notes. */
static void decision_reading_json(pk_json_writer *w, const pk_section *section) {
  pk_jw_key_string(w, "outcome", section->outcome);
  pk_jw_key_string(w, "outcome_phrase", section->outcome_phrase);
  pk_jw_key(w, "votes");
  pk_jw_array(w);
  for (size_t i = 0; i < section->vote_count; i++) vote_json(w, &section->votes[i]);
  pk_jw_end(w);
  pk_jw_key(w, "minority_notes");
  pk_jw_array(w);
  for (size_t i = 0; i < section->note_count; i++) {
    pk_jw_object(w);
    pk_jw_key_string(w, "who", section->notes[i].who);
    pk_jw_key_string(w, "text", section->notes[i].text);
    pk_jw_end(w);
  }
  pk_jw_end(w);
}

static void section_json(pk_json_writer *w, const pk_section *section) {
  pk_jw_object(w);
  pk_jw_key_string(w, "kind", section->kind);
  pk_jw_key_string(w, "heading", section->heading);
  pk_jw_key_string(w, "text", section->text);
  pk_jw_key_string(w, "body", section->body);
  pk_jw_key_nonempty(w, "date", section->date);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &section->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &section->span);
  if (strcmp(section->kind, "decision") == 0) decision_reading_json(w, section);
  pk_jw_end(w);
}

/* The decisions this meeting made on the item (a copy of their sections' body, date and
 * text, as the title is of the header's): what a reader of the minutes looks for first,
 * apart from the earlier bodies' decisions quoted under the item. */
static void decisions_json(pk_json_writer *w, const pk_item *item) {
  pk_jw_array(w);
  for (size_t i = 0; i < item->section_count; i++) {
    const pk_section *section = &item->sections[i];
    if (!section->this_meeting) continue;
    pk_jw_object(w);
    pk_jw_key_integer(w, "section", (long long)i);
    pk_jw_key_string(w, "body", section->body);
    pk_jw_key_nonempty(w, "date", section->date);
    pk_jw_key_string(w, "text", section->text);
    pk_jw_end(w);
  }
  pk_jw_end(w);
}

static void attachment_json(pk_json_writer *w, const pk_attachment *attachment) {
  pk_jw_object(w);
  pk_jw_key_string(w, "number", attachment->number);
  pk_jw_key_string(w, "title", attachment->title);
  pk_jw_key_string(w, "reference", attachment->reference);
  pk_jw_key_string(w, "access", attachment->access);
  pk_jw_end(w);
}

void pk_json_item(pk_json_writer *w, const pk_item *item) {
  pk_jw_object(w);
  pk_jw_key_string(w, "id", item->id);
  pk_jw_key_integer(w, "ordinal", (long long)item->ordinal);
  pk_jw_key_string(w, "number", item->number);
  pk_jw_key(w, "number_inferred");
  pk_jw_bool(w, item->number_inferred);
  pk_jw_key_string(w, "title", item->title);
  pk_jw_key_string(w, "access", item->access);
  pk_jw_key_string(w, "case_number", item->case_number);
  pk_jw_key_string(w, "responsible", item->responsible);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &item->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &item->span);
  pk_jw_key_string(w, "header", item->header);
  pk_jw_key(w, "header_offsets");
  pk_json_offsets(w, &item->header_span);
  pk_jw_key(w, "sections");
  pk_jw_array(w);
  for (size_t i = 0; i < item->section_count; i++) section_json(w, &item->sections[i]);
  pk_jw_end(w);
  pk_jw_key(w, "decisions");
  decisions_json(w, item);
  pk_jw_key(w, "absent");
  strings_array(w, &item->absent);
  pk_jw_key(w, "conflicts");
  strings_array(w, &item->conflicts);
  pk_jw_key(w, "attachments");
  pk_jw_array(w);
  for (size_t i = 0; i < item->attachment_count; i++)
    attachment_json(w, &item->attachments[i]);
  pk_jw_end(w);
  pk_jw_end(w);
}

void pk_json_appendix(pk_json_writer *w, const pk_appendix *app) {
  pk_jw_object(w);
  pk_jw_key_string(w, "kind", app->kind);
  pk_jw_key_string(w, "item", app->item);
  pk_jw_key_string(w, "number", app->number);
  pk_jw_key_string(w, "title", app->title);
  pk_jw_key_string(w, "reference", app->reference);
  pk_jw_key_string(w, "access", app->access);
  pk_jw_key(w, "pages");
  pk_json_pages(w, &app->span);
  pk_jw_key(w, "offsets");
  pk_json_offsets(w, &app->span);
  pk_jw_key_string(w, "text", app->text);
  pk_jw_end(w);
}

static void strings_array(pk_json_writer *w, const pk_strings *strings) {
  pk_jw_array(w);
  for (size_t i = 0; i < strings->count; i++) pk_jw_string(w, strings->values[i]);
  pk_jw_end(w);
}

/* {"form": "pdf", "converter": "pdftotext 22.12.0"}: the input's form and what read it. */
static void input_record(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key_string(w, "form", doc->input_form ? doc->input_form : "text");
  pk_jw_key_nonempty(w, "converter", doc->converter ? doc->converter : "");
  pk_jw_end(w);
}

/* The meeting's fields, after what each form puts first. */
static void meeting_fields(pk_json_writer *w, const pk_document *doc) {
  pk_jw_key_string(w, "municipality", doc->municipality);
  pk_jw_key_string(w, "body", doc->body);
  pk_jw_key_nonempty(w, "date", doc->date);
  pk_jw_key_nonempty(w, "time", doc->time);
  pk_jw_key_string(w, "location", doc->location);
}

void pk_json_document(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key_string(w, "kind", doc->kind);
  pk_jw_key(w, "profile");
  if (doc->profile) {
    pk_jw_object(w);
    pk_jw_key_string(w, "name", doc->profile);
    pk_jw_key_integer(w, "score", (long long)doc->profile_score);
    pk_jw_end(w);
  } else {
    pk_jw_null(w);
  }
  pk_jw_key(w, "input");
  input_record(w, doc);
  meeting_fields(w, doc);
  pk_jw_key(w, "members");
  strings_array(w, &doc->members);
  pk_jw_key(w, "absent");
  strings_array(w, &doc->absent);
  pk_jw_end(w);
}

void pk_json_line_document(pk_json_writer *w, const pk_document *doc) {
  pk_jw_object(w);
  pk_jw_key_string(w, "source", doc->source_name);
  pk_jw_key_nonempty(w, "sha256", doc->sha256);
  pk_jw_key_string(w, "kind", doc->kind);
  pk_jw_key_string(w, "profile", doc->profile);
  pk_jw_key(w, "input");
  input_record(w, doc);
  meeting_fields(w, doc);
  pk_jw_end(w);
}

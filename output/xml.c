/* xml.c: the XML emitter, written as a stream with libxml2's xmlTextWriter so that each
 * item is written and freed in turn.  It carries the same information as the JSON. */
#include "config.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "text.h"

typedef struct xml_state {
  xmlTextWriterPtr writer;
  bool items_done;
  size_t replaced;    /* characters XML 1.0 cannot carry, replaced by U+FFFD */
  bool out_of_memory;
} xml_state;

#define X(s) ((const xmlChar *)(s))

static xmlTextWriterPtr writer_of(pk_sink *sink) { return ((xml_state *)sink->state)->writer; }

/* libxml2 reports failures as negative results; remember the first. */
static bool check(pk_sink *sink, int rc) {
  if (rc < 0) sink->failed = true;
  return !sink->failed;
}

static bool start(pk_sink *sink, const char *name) {
  return check(sink, xmlTextWriterStartElement(writer_of(sink), X(name)));
}

static bool end(pk_sink *sink) { return check(sink, xmlTextWriterEndElement(writer_of(sink))); }

/* Every string passes here on its way out: what XML cannot carry is replaced, so the
 * output stays well-formed whatever reaches the emitter. */
typedef int (*write_fn)(xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *text);

static bool write_safe(pk_sink *sink, write_fn write, const char *name, const char *text) {
  xml_state *state = sink->state;
  char *safe = pk_text_sanitize(text, true, &state->replaced, &state->out_of_memory);
  if (state->out_of_memory) sink->failed = true;
  if (sink->failed) return false;
  int rc = write(writer_of(sink), X(name), X(safe ? safe : text));
  free(safe);
  return check(sink, rc);
}

static int write_string(xmlTextWriterPtr writer, const xmlChar *name, const xmlChar *text) {
  (void)name;
  return xmlTextWriterWriteString(writer, text);
}

static bool attr(pk_sink *sink, const char *name, const char *value) {
  if (!value || !value[0]) return !sink->failed;
  return write_safe(sink, xmlTextWriterWriteAttribute, name, value);
}

static bool attr_long(pk_sink *sink, const char *name, long long value) {
  char text[32];
  snprintf(text, sizeof text, "%lld", value);
  return attr(sink, name, text);
}

static bool element(pk_sink *sink, const char *name, const char *text) {
  if (!text) return !sink->failed;
  return write_safe(sink, xmlTextWriterWriteElement, name, text);
}

static bool text_content(pk_sink *sink, const char *text) {
  return write_safe(sink, write_string, NULL, text);
}

/* Pages (when paged) and the offsets in the cleaned text. */
static bool span_attrs(pk_sink *sink, const pk_span *span) {
  if (span->first_page > 0) {
    attr_long(sink, "first-page", span->first_page);
    attr_long(sink, "last-page", span->last_page);
  }
  return attr_long(sink, "start", (long long)span->start) &&
         attr_long(sink, "end", (long long)span->end);
}

/* An element holding text, with the span it came from. */
static bool spanned_element(pk_sink *sink, const char *name, const char *text,
                            const pk_span *span) {
  start(sink, name);
  span_attrs(sink, span);
  text_content(sink, text);
  return end(sink);
}

static bool names(pk_sink *sink, const char *list, const pk_strings *strings) {
  if (!start(sink, list)) return false;
  for (size_t i = 0; i < strings->count; i++) element(sink, "name", strings->values[i]);
  return end(sink);
}

static bool xml_document(pk_sink *sink, const pk_document *doc) {
  xmlTextWriterPtr writer = writer_of(sink);
  check(sink, xmlTextWriterSetIndent(writer, 1));
  check(sink, xmlTextWriterSetIndentString(writer, X("  ")));
  check(sink, xmlTextWriterStartDocument(writer, NULL, "UTF-8", NULL));
  start(sink, "punktum");
  attr(sink, "version", pk_format_version());
  char generator[64];
  snprintf(generator, sizeof generator, "punktum %s", pk_version());
  attr(sink, "generator", generator);
  start(sink, "document");
  attr(sink, "kind", doc->kind);
  attr(sink, "profile", doc->profile);
  if (doc->profile) attr_long(sink, "profile-score", doc->profile_score);
  start(sink, "input");
  attr(sink, "form", doc->input_form ? doc->input_form : "text");
  attr(sink, "converter", doc->converter);
  end(sink);
  element(sink, "municipality", doc->municipality);
  element(sink, "body", doc->body);
  element(sink, "date", doc->date[0] ? doc->date : NULL);
  element(sink, "time", doc->time[0] ? doc->time : NULL);
  element(sink, "location", doc->location);
  names(sink, "members", &doc->members);
  names(sink, "absent", &doc->absent);
  end(sink);
  spanned_element(sink, "preamble", doc->preamble, &doc->preamble_span);
  return start(sink, "items");
}

/* A side's list: <for-groups><group>A</group>...</for-groups>. */
static bool groups_xml(pk_sink *sink, const char *name, const pk_strings *groups) {
  if (!start(sink, name)) return false;
  for (size_t i = 0; i < groups->count; i++) element(sink, "group", groups->values[i]);
  return end(sink);
}

/* <vote for="37" against="13">, counts only where printed, the lists and the phrase. */
static bool vote_xml(pk_sink *sink, const pk_vote *vote) {
  start(sink, "vote");
  if (vote->for_count >= 0) attr_long(sink, "for", vote->for_count);
  if (vote->against_count >= 0) attr_long(sink, "against", vote->against_count);
  if (vote->abstain_count >= 0) attr_long(sink, "abstain", vote->abstain_count);
  groups_xml(sink, "for-groups", &vote->for_groups);
  groups_xml(sink, "against-groups", &vote->against_groups);
  groups_xml(sink, "abstain-groups", &vote->abstain_groups);
  element(sink, "phrase", vote->phrase);
  return end(sink);
}

/* A decision's reading (see records.c): the phrase of its outcome (the outcome itself is
 * the section's attribute), its votes and minority notes. */
static bool decision_reading_xml(pk_sink *sink, const pk_section *section) {
  element(sink, "outcome-phrase", section->outcome_phrase);
  start(sink, "votes");
  for (size_t i = 0; i < section->vote_count; i++) vote_xml(sink, &section->votes[i]);
  end(sink);
  start(sink, "minority-notes");
  for (size_t i = 0; i < section->note_count; i++) {
    start(sink, "note");
    attr(sink, "who", section->notes[i].who);
    text_content(sink, section->notes[i].text);
    end(sink);
  }
  return end(sink);
}

static bool section_xml(pk_sink *sink, const pk_section *section) {
  bool decision = strcmp(section->kind, "decision") == 0;
  start(sink, "section");
  attr(sink, "kind", section->kind);
  attr(sink, "body", section->body);
  attr(sink, "date", section->date);
  if (decision) attr(sink, "outcome", section->outcome);
  span_attrs(sink, &section->span);
  element(sink, "heading", section->heading);
  element(sink, "text", section->text);
  if (decision) decision_reading_xml(sink, section);
  return end(sink);
}

/* One of the decisions this meeting made (see records.c): which section, and a copy of
 * its body, date and text. */
static bool decision_xml(pk_sink *sink, const pk_section *section, size_t index) {
  if (!section->this_meeting) return !sink->failed;
  start(sink, "decision");
  attr_long(sink, "section", (long long)index);
  attr(sink, "body", section->body);
  attr(sink, "date", section->date);
  element(sink, "text", section->text);
  return end(sink);
}

static bool attachment_xml(pk_sink *sink, const pk_attachment *attachment) {
  start(sink, "attachment");
  attr(sink, "number", attachment->number);
  attr(sink, "reference", attachment->reference);
  attr(sink, "access", attachment->access);
  element(sink, "title", attachment->title);
  return end(sink);
}

static bool xml_item(pk_sink *sink, const pk_item *item) {
  start(sink, "item");
  attr(sink, "id", item->id);
  attr(sink, "number", item->number);
  attr(sink, "number-inferred", item->number_inferred ? "true" : "false");
  attr(sink, "access", item->access);
  attr_long(sink, "ordinal", (long long)item->ordinal);
  span_attrs(sink, &item->span);
  element(sink, "title", item->title);
  element(sink, "case-number", item->case_number);
  element(sink, "responsible", item->responsible);
  spanned_element(sink, "header", item->header, &item->header_span);
  start(sink, "sections");
  for (size_t i = 0; i < item->section_count; i++) section_xml(sink, &item->sections[i]);
  end(sink);
  start(sink, "decisions");
  for (size_t i = 0; i < item->section_count; i++) decision_xml(sink, &item->sections[i], i);
  end(sink);
  names(sink, "absent", &item->absent);
  names(sink, "conflicts", &item->conflicts);
  start(sink, "attachments");
  for (size_t i = 0; i < item->attachment_count; i++) attachment_xml(sink, &item->attachments[i]);
  end(sink);
  return end(sink);
}

static bool close_items(pk_sink *sink) {
  xml_state *state = sink->state;
  if (state->items_done) return !sink->failed;
  state->items_done = true;
  return end(sink) && start(sink, "appendices");
}

static bool xml_appendix(pk_sink *sink, const pk_appendix *app) {
  close_items(sink);
  start(sink, "appendix");
  attr(sink, "kind", app->kind);
  attr(sink, "item", app->item);
  attr(sink, "number", app->number);
  attr(sink, "reference", app->reference);
  attr(sink, "access", app->access);
  span_attrs(sink, &app->span);
  element(sink, "title", app->title);
  element(sink, "text", app->text);
  return end(sink);
}

static bool coverage_xml(pk_sink *sink, const pk_report *report) {
  start(sink, "coverage");
  attr_long(sink, "in", (long long)report->coverage.in);
  attr_long(sink, "placed", (long long)report->coverage.placed);
  attr_long(sink, "removed", (long long)pk_coverage_removed(report));
  attr_long(sink, "unplaced", pk_coverage_unplaced(report));
  attr(sink, "complete", pk_coverage_complete(report) ? "true" : "false");
  return end(sink);
}

static bool report_xml(pk_sink *sink, const pk_report *report) {
  xml_state *state = sink->state;
  start(sink, "source");
  attr(sink, "name", report->source_name);
  attr(sink, "sha256", report->sha256);
  attr(sink, "encoding", report->encoding);
  attr_long(sink, "bytes", (long long)report->bytes);
  attr_long(sink, "pages", report->pages);
  attr_long(sink, "replaced-characters", (long long)report->replacements);
  /* Counted up to here: the diagnostics below are written after this attribute. */
  attr_long(sink, "output-replaced-characters", (long long)state->replaced);
  end(sink);
  start(sink, "removed");
  for (size_t i = 0; i < report->removed_count; i++) {
    start(sink, "count");
    attr(sink, "kind", report->removed[i].kind);
    attr_long(sink, "characters", (long long)report->removed[i].chars);
    end(sink);
  }
  end(sink);
  coverage_xml(sink, report);
  start(sink, "diagnostics");
  for (size_t i = 0; i < report->diagnostic_count; i++) {
    const pk_diagnostic *diag = &report->diagnostics[i];
    start(sink, "diagnostic");
    attr(sink, "level", diag->level);
    if (diag->page > 0) attr_long(sink, "page", diag->page);
    if (diag->offset >= 0) attr_long(sink, "offset", diag->offset);
    text_content(sink, diag->message);
    end(sink);
  }
  return end(sink);
}

static bool xml_finish(pk_sink *sink, const pk_report *report) {
  close_items(sink);
  end(sink); /* appendices */
  report_xml(sink, report);
  check(sink, xmlTextWriterEndDocument(writer_of(sink)));
  check(sink, xmlTextWriterFlush(writer_of(sink)));
  return !sink->failed && fflush(sink->out) == 0;
}

static void xml_destroy(pk_sink *sink) {
  xml_state *state = sink->state;
  if (state->writer) xmlFreeTextWriter(state->writer);
  free(state);
}

static const pk_sink_ops XML_OPS = {xml_document, xml_item, xml_appendix, xml_finish,
                                    xml_destroy};

pk_sink *pk_xml_sink_new(FILE *out) {
  pk_sink *sink = pk_sink_alloc(&XML_OPS, out, sizeof(xml_state));
  if (!sink) return NULL;
  xml_state *state = sink->state;
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile(out, NULL);
  if (buffer) state->writer = xmlNewTextWriter(buffer);
  if (!state->writer) {
    if (buffer) xmlOutputBufferClose(buffer);
    pk_sink_free(sink);
    return NULL;
  }
  return sink;
}

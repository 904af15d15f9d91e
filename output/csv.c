/* csv.c: the CSV emitter (RFC 4180: CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled; UTF-8 without a byte order mark), one row per item for
 * spreadsheets.  The header row is written once per sink, so one sink may take several
 * documents in turn and give one table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "sink.h"

/* The columns, in order; put_field quotes none of these names. */
static const char HEADER_ROW[] = "id,source,municipality,body,date,number,title,access,"
                                 "case_number,first_page,last_page,decision,attachments,input_form,"
                                 "outcome,votes_for,votes_against,votes_abstain\r\n";

const char *pk_csv_header_row(void) { return HEADER_ROW; }

typedef struct csv_state {
  bool header_written;
  char *source, *municipality, *body; /* the current document's, copied */
  char date[11];
  char input_form[8]; /* the document's form: "text", "html", "pdf" or "ocr" */
} csv_state;

static void put_field(pk_sink *sink, const char *value, bool last) {
  FILE *out = sink->out;
  if (!value) value = "";
  if (strpbrk(value, ",\"\r\n") == NULL) {
    fputs(value, out);
  } else {
    putc('"', out);
    for (const char *c = value; *c; c++) {
      if (*c == '"') putc('"', out);
      putc(*c, out);
    }
    putc('"', out);
  }
  fputs(last ? "\r\n" : ",", out);
  if (ferror(out)) sink->failed = true;
}

static void put_number(pk_sink *sink, long long value, bool known) {
  char text[32] = "";
  if (known) snprintf(text, sizeof text, "%lld", value);
  put_field(sink, text, false);
}

static char *copy_or_null(const char *value) {
  return value ? pk_strndup(value, strlen(value)) : NULL;
}

static void forget_document(csv_state *state) {
  free(state->source);
  free(state->municipality);
  free(state->body);
  state->source = state->municipality = state->body = NULL;
}

static bool csv_document(pk_sink *sink, const pk_document *doc) {
  csv_state *state = sink->state;
  if (!state->header_written && !sink->no_header && fputs(HEADER_ROW, sink->out) == EOF)
    sink->failed = true;
  state->header_written = true;
  forget_document(state);
  state->source = copy_or_null(doc->source_name);
  state->municipality = copy_or_null(doc->municipality);
  state->body = copy_or_null(doc->body);
  snprintf(state->date, sizeof state->date, "%s", doc->date);
  snprintf(state->input_form, sizeof state->input_form, "%s", doc->input_form ? doc->input_form : "text");
  if ((doc->source_name && !state->source) || (doc->municipality && !state->municipality) ||
      (doc->body && !state->body))
    sink->failed = true;
  return !sink->failed;
}

/* The item's decision: the first decision this meeting made on it (NULL: none). */
static const pk_section *first_decision(const pk_item *item) {
  for (size_t i = 0; i < item->section_count; i++)
    if (item->sections[i].this_meeting) return &item->sections[i];
  return NULL;
}

static bool csv_item(pk_sink *sink, const pk_item *item) {
  csv_state *state = sink->state;
  put_field(sink, item->id, false);
  put_field(sink, state->source, false);
  put_field(sink, state->municipality, false);
  put_field(sink, state->body, false);
  put_field(sink, state->date, false);
  put_field(sink, item->number, false);
  put_field(sink, item->title, false);
  put_field(sink, item->access, false);
  put_field(sink, item->case_number, false);
  put_number(sink, item->span.first_page, item->span.first_page > 0);
  put_number(sink, item->span.last_page, item->span.first_page > 0);
  const pk_section *decision = first_decision(item);
  put_field(sink, decision ? decision->text : NULL, false);
  char count[32];
  snprintf(count, sizeof count, "%zu", item->attachment_count);
  put_field(sink, count, false);
  put_field(sink, state->input_form, false);
  /* That decision's outcome, and the counts of its last vote (where several are recorded,
   * an amendment's come first, the main proposal's last); empty where not printed. */
  put_field(sink, decision ? decision->outcome : NULL, false);
  const pk_vote *vote =
      decision && decision->vote_count ? &decision->votes[decision->vote_count - 1] : NULL;
  put_number(sink, vote ? vote->for_count : 0, vote && vote->for_count >= 0);
  put_number(sink, vote ? vote->against_count : 0, vote && vote->against_count >= 0);
  char abstain[32] = "";
  if (vote && vote->abstain_count >= 0) snprintf(abstain, sizeof abstain, "%ld", vote->abstain_count);
  put_field(sink, abstain, true);
  return !sink->failed;
}

static bool csv_appendix(pk_sink *sink, const pk_appendix *app) {
  (void)app;
  return !sink->failed;
}

static bool csv_finish(pk_sink *sink, const pk_report *report) {
  (void)report;
  forget_document(sink->state);
  return !sink->failed && fflush(sink->out) == 0;
}

static void csv_destroy(pk_sink *sink) {
  forget_document(sink->state);
  free(sink->state);
}

static const pk_sink_ops CSV_OPS = {csv_document, csv_item, csv_appendix, csv_finish,
                                    csv_destroy};

pk_sink *pk_csv_sink_new(FILE *out) { return pk_sink_alloc(&CSV_OPS, out, sizeof(csv_state)); }

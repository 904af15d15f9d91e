/* model.c: freeing the document model, and the run report's counters. */
#include "config.h"

#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

/* Enough to see what went wrong; a hostile input must not grow the report without end. */
enum { MAX_DIAGNOSTICS = 500 };

void pk_report_removed(pk_report *report, const char *kind, unsigned long long chars) {
  if (!chars) return;
  for (size_t i = 0; i < report->removed_count; i++) {
    if (strcmp(report->removed[i].kind, kind) == 0) {
      report->removed[i].chars += chars;
      return;
    }
  }
  if (report->removed_count < sizeof report->removed / sizeof report->removed[0])
    report->removed[report->removed_count++] = (pk_removed){kind, chars};
}

void pk_report_diagnostic(pk_report *report, const char *level, long page, long long offset,
                          const char *format, ...) {
  if (report->diagnostic_count >= MAX_DIAGNOSTICS) {
    report->diagnostics_dropped++;
    return;
  }
  char message[512];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  pk_diagnostic *grown = realloc(report->diagnostics,
                                 (report->diagnostic_count + 1) * sizeof *grown);
  if (!grown) return;
  report->diagnostics = grown;
  char *copy = pk_strndup(message, strlen(message));
  if (!copy) return;
  grown[report->diagnostic_count++] = (pk_diagnostic){level, copy, page, offset};
}

void pk_report_free(pk_report *report) {
  for (size_t i = 0; i < report->diagnostic_count; i++) free(report->diagnostics[i].message);
  free(report->diagnostics);
  report->diagnostics = NULL;
  report->diagnostic_count = 0;
  free(report->site_title);
  report->site_title = NULL;
}

void pk_strings_free(pk_strings *strings) {
  for (size_t i = 0; i < strings->count; i++) free(strings->values[i]);
  free(strings->values);
  *strings = (pk_strings){0};
}

bool pk_strings_add(pk_strings *strings, char *value) {
  if (!value) return false;
  if (!pk_reserve((void **)&strings->values, &strings->cap, strings->count + 1,
                  sizeof *strings->values)) {
    free(value);
    return false;
  }
  strings->values[strings->count++] = value;
  return true;
}

void pk_vote_free(pk_vote *vote) {
  pk_strings_free(&vote->for_groups);
  pk_strings_free(&vote->against_groups);
  pk_strings_free(&vote->abstain_groups);
  free(vote->phrase);
  memset(vote, 0, sizeof *vote);
}

void pk_section_free_reading(pk_section *section) {
  for (size_t i = 0; i < section->vote_count; i++) pk_vote_free(&section->votes[i]);
  for (size_t i = 0; i < section->note_count; i++) {
    free(section->notes[i].who);
    free(section->notes[i].text);
  }
  free(section->votes);
  free(section->notes);
  free(section->outcome_phrase);
  section->votes = NULL;
  section->notes = NULL;
  section->outcome_phrase = NULL;
  section->vote_count = section->note_count = 0;
  section->outcome = NULL;
}

static void section_free(pk_section *section) {
  pk_section_free_reading(section);
  free(section->kind);
  free(section->heading);
  free(section->text);
  free(section->body);
}

static void attachment_free(pk_attachment *attachment) {
  free(attachment->number);
  free(attachment->title);
  free(attachment->reference);
}

void pk_item_free(pk_item *item) {
  if (!item) return;
  for (size_t i = 0; i < item->section_count; i++) section_free(&item->sections[i]);
  for (size_t i = 0; i < item->attachment_count; i++) attachment_free(&item->attachments[i]);
  free(item->sections);
  free(item->attachments);
  free(item->number);
  free(item->title);
  free(item->case_number);
  free(item->responsible);
  free(item->header);
  pk_strings_free(&item->absent);
  pk_strings_free(&item->conflicts);
  memset(item, 0, sizeof *item);
}

void pk_appendix_free(pk_appendix *appendix) {
  if (!appendix) return;
  free(appendix->item);
  free(appendix->number);
  free(appendix->title);
  free(appendix->reference);
  free(appendix->text);
  memset(appendix, 0, sizeof *appendix);
}

void pk_document_free(pk_document *document) {
  if (!document) return;
  free(document->municipality);
  free(document->body);
  free(document->location);
  free(document->preamble);
  pk_strings_free(&document->members);
  pk_strings_free(&document->absent);
  memset(document, 0, sizeof *document);
}

unsigned long long pk_coverage_removed(const pk_report *report) {
  unsigned long long removed = 0;
  for (size_t i = 0; i < report->removed_count; i++) removed += report->removed[i].chars;
  return removed;
}

long long pk_coverage_unplaced(const pk_report *report) {
  const pk_coverage *coverage = &report->coverage;
  return (long long)coverage->in - (long long)pk_coverage_removed(report) -
         (long long)coverage->placed;
}

bool pk_coverage_complete(const pk_report *report) {
  const pk_coverage *coverage = &report->coverage;
  return pk_coverage_unplaced(report) == 0 && coverage->cleaned == coverage->placed &&
         pk_text_hash_equal(&coverage->cleaned_hash, &coverage->placed_hash);
}

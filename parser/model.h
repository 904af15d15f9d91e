/* model.h: the document model the segmenter builds and the emitters walk.
 * Emitters only read these records; the segmenter owns and frees them. */
#ifndef PK_MODEL_H
#define PK_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "../util/buf.h"

/* Where a node stands: [start, end) in the cleaned text, counted in Unicode code points
 * (as a Python str is indexed), and its transcript pages (0: not paged). */
typedef struct pk_span {
  size_t start, end;
  long first_page, last_page;
} pk_span;

/* A vote the text records on a decision ("godkendt med 37 stemmer mod 13", "For stemte 5
 * (A, V)"): the counts where printed (-1: not printed), the party letters, group or member
 * names of each side as printed, and the vote's sentences as printed. */
typedef struct pk_strings {
  char **values;
  size_t count, cap;
} pk_strings;

typedef struct pk_vote {
  long for_count, against_count, abstain_count;
  pk_strings for_groups, against_groups, abstain_groups;
  char *phrase;
} pk_vote;

/* A minority's note on a decision ("V ønskede sin stemme ført til protokol", "Mindretals-
 * udtalelse fra Ø: ..."): who, as printed (NULL where the text does not say), and its text. */
typedef struct pk_note {
  char *who;
  char *text;
} pk_note;

typedef struct pk_section {
  char *kind;    /* canonical kind from the rule: summary, decision, other ... */
  char *heading; /* as printed, white space collapsed */
  char *text;
  char *body;    /* deciding body of a decision, or NULL */
  char date[11]; /* YYYY-MM-DD, or "" */
  /* A decision this meeting made on the item, not an earlier body's quoted under it
   * ("Økonomiudvalget, 19. juni 2019, pkt. 146: Indstilles godkendt."). */
  bool this_meeting;
  pk_span span;
  /* A decision's reading (parser/decisions.c), for sections of kind decision with text:
   * the outcome (a static string: "approved", ... "other"; NULL where nothing was read),
   * the words that said it as printed, the votes in order, and the minority notes. */
  const char *outcome;
  char *outcome_phrase;
  pk_vote *votes;
  size_t vote_count;
  pk_note *notes;
  size_t note_count;
} pk_section;

typedef struct pk_attachment {
  char *number;
  char *title;
  char *reference;
  const char *access; /* "open", "closed" or NULL */
} pk_attachment;

typedef struct pk_item {
  size_t ordinal; /* 1-based position in the document */
  char id[40];
  char *number;
  bool number_inferred;
  char *title;
  const char *access;
  char *case_number;
  char *responsible;
  char *header; /* text before the first section, title line included */
  pk_span header_span;
  pk_section *sections;
  size_t section_count;
  pk_attachment *attachments;
  size_t attachment_count;
  pk_span span;
  /* Who was absent from the item's treatment, and who declared a conflict of interest
   * ("Fraværende: ...", "X deltog ikke i behandlingen", "X erklærede sig inhabil"), as
   * printed. */
  pk_strings absent;
  pk_strings conflicts;
} pk_item;

typedef struct pk_appendix {
  const char *kind; /* "attachment" (an attachment's own text) or "unclassified" */
  char *item;       /* number of the item it belongs to, or NULL */
  char *number;
  char *title;
  char *reference;
  const char *access;
  char *text;
  pk_span span;
} pk_appendix;

typedef struct pk_document {
  const char *source_name; /* borrowed from the report, for emitters that repeat it */
  const char *sha256;      /* hex digest of the input, or "" */
  const char *kind; /* "referat", "dagsorden" or "other" */
  const char *profile; /* layout profile whose rules were used, or NULL */
  const char *input_form; /* borrowed from the report: "text", "html" or "pdf" */
  const char *converter;  /* borrowed from the report: "pdftotext 22.12.0", ... or "" */
  long profile_score;
  char *municipality;
  char *body;
  char date[11];
  char time[6];
  char *location;
  pk_strings members;
  pk_strings absent;
  char *preamble;
  pk_span preamble_span;
} pk_document;

typedef struct pk_diagnostic {
  const char *level; /* "warning" or "info" */
  char *message;
  long page;
  long long offset; /* code point offset in the cleaned text, -1 if none */
} pk_diagnostic;

typedef struct pk_removed {
  const char *kind; /* static string: "wrapper", "page_number", ... */
  unsigned long long chars;
} pk_removed;

/* The coverage account, in non-white-space code points (pk_text_weight): what came out
 * of the reader, what the cleaner removed, what reached the segmenter, and what the
 * emitted text nodes hold.  The hashes run over the same characters in order, so equal
 * counts with unequal hashes still show text moved or changed. */
typedef struct pk_coverage {
  unsigned long long in, cleaned, placed;
  pk_text_hash cleaned_hash, placed_hash;
} pk_coverage;

/* What the run learned about its input, handed to the emitters at the end. */
typedef struct pk_report {
  const char *source_name;
  char sha256[65];
  const char *encoding;
  const char *input_form; /* the form read: "text", "html" or "pdf" (static) */
  const char *converter;  /* what turned it into text, with its version, or "" (text);
                             owned by the stage that converts, filled before text flows */
  unsigned long long bytes;
  long pages;
  bool reflowed; /* the cleaner read a wrapped text's lines as paragraphs */
  FILE *explain; /* --explain trace, or NULL */
  size_t replacements;
  size_t item_count;
  pk_removed removed[16];
  size_t removed_count;
  pk_coverage coverage;
  pk_diagnostic *diagnostics;
  size_t diagnostic_count;
  size_t diagnostics_dropped;
  /* The first line of a document-sharing site's wrapper: its title of the document,
   * white space collapsed (NULL without a wrapper).  Removed from the text, it is still
   * read for the meeting's metadata that the text lost. */
  char *site_title;
} pk_report;

void pk_report_removed(pk_report *report, const char *kind, unsigned long long chars);
void pk_report_diagnostic(pk_report *report, const char *level, long page, long long offset,
                          const char *format, ...) __attribute__((format(printf, 5, 6)));
void pk_report_free(pk_report *report);
/* Total characters the cleaner removed. */
unsigned long long pk_coverage_removed(const pk_report *report);
/* Characters neither placed nor removed (negative: placed twice). */
long long pk_coverage_unplaced(const pk_report *report);
/* True when the placed text is the cleaned text: all of it, once, in order. */
bool pk_coverage_complete(const pk_report *report);

void pk_strings_free(pk_strings *strings);
bool pk_strings_add(pk_strings *strings, char *value); /* takes VALUE */
void pk_vote_free(pk_vote *vote);
void pk_section_free_reading(pk_section *section); /* outcome, votes and notes */
void pk_item_free(pk_item *item);
void pk_appendix_free(pk_appendix *appendix);
void pk_document_free(pk_document *document);

#endif

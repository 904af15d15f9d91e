/* records.h: the JSON objects for one item, section, attachment and appendix, shared by
 * the JSON document emitter and the JSON Lines emitter so both say the same thing. */
#ifndef PK_RECORDS_H
#define PK_RECORDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "../parser/buf.h"

#include "../parser/model.h"

/* Each returns a new reference.  Strings that are not valid UTF-8 (which the reader never
 * lets through) are replaced rather than dropped; *REPLACED counts them. */
typedef struct pk_json_context {
  size_t replaced;
  bool failed; /* out of memory */
} pk_json_context;

/* Sets KEY, one of the emitters' own ASCII literals (so jansson need not check it), to
 * VALUE (consumed). */
void pk_json_set(json_t *object, const char *key, json_t *value);
json_t *pk_json_text(pk_json_context *ctx, const char *value);      /* null for NULL */
json_t *pk_json_nonempty(pk_json_context *ctx, const char *value);  /* null for NULL or "" */
json_t *pk_json_pages(const pk_span *span);   /* [first, last] or null */
json_t *pk_json_offsets(const pk_span *span); /* [start, end] */
json_t *pk_json_item(pk_json_context *ctx, const pk_item *item);
json_t *pk_json_appendix(pk_json_context *ctx, const pk_appendix *app);
json_t *pk_json_document(pk_json_context *ctx, const pk_document *doc);

/* Text on its way to FILE: pieces gather in BUF and leave in one write when flushed, or
 * as soon as they pass PK_JSON_SPILL bytes, so a huge item never stands in memory twice.
 * With FILE NULL everything stays in BUF. */
enum { PK_JSON_SPILL = 1024 * 1024 };
typedef struct pk_json_out {
  pk_buf buf;
  FILE *file;
  bool failed; /* dumping or writing failed */
} pk_json_out;

/* Appends VALUE as jansson dumps it with FLAGS; false once anything failed. */
bool pk_json_out_value(pk_json_out *out, const json_t *value, size_t flags);
/* Appends LEN bytes as they are: the punctuation around values. */
bool pk_json_out_text(pk_json_out *out, const char *text, size_t len);
/* Writes what BUF holds to FILE. */
bool pk_json_out_flush(pk_json_out *out);

#endif

/* jsonwrite.h: JSON written as it goes, value after value, with no tree in between.
 *
 * Every string value is escaped by jansson; what is written here needs no escaping: the
 * punctuation, the indentation, the emitters' own ASCII keys, integers, true, false and
 * null.  The layout is jansson's own for JSON_COMPACT or JSON_INDENT(n) (with
 * JSON_PRESERVE_ORDER), so a record reads byte for byte as if jansson had dumped a tree
 * of it: the tests compare the two.  Writing instead of building a tree keeps memory at
 * the size of the text being written: a tree of an item with a hundred thousand
 * sections costs ten times the item's text, and its nodes, allocated one by one, cost
 * more time than the escaping.
 *
 * Errors are sticky: after a failed allocation, dump or write every call does nothing,
 * and pk_jw_ok says false. */
#ifndef PK_JSONWRITE_H
#define PK_JSONWRITE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "../util/buf.h"

/* Deeper than any record punktum writes. */
enum { PK_JW_DEPTH_MAX = 8 };

/* Written text leaves for FILE in one write per flush, or as soon as PK_JW_SPILL bytes
 * wait, so a huge item never stands in memory twice.  With FILE NULL it stays in BUF. */
enum { PK_JW_SPILL = 1024 * 1024 };

typedef struct pk_json_writer {
  pk_buf buf;
  FILE *file;
  json_t *scratch;     /* one jansson string, reset for every string value it escapes */
  size_t replaced;     /* characters of invalid UTF-8 replaced in string values */
  int indent;          /* spaces per level, or 0: compact */
  int depth;           /* containers open */
  bool after_key;      /* a key was written: its value comes next, in place */
  bool failed;
  char closer[PK_JW_DEPTH_MAX + 1];     /* '}' or ']' of each open container */
  bool has_member[PK_JW_DEPTH_MAX + 1]; /* the container at this depth has a member */
} pk_json_writer;

/* A writer to FILE (or NULL: keep in BUF) laying out with INDENT spaces per level (0:
 * compact). */
void pk_jw_init(pk_json_writer *w, FILE *file, int indent);
/* Frees what the writer holds; the file stays open. */
void pk_jw_free(pk_json_writer *w);
bool pk_jw_ok(const pk_json_writer *w);

void pk_jw_object(pk_json_writer *w);
void pk_jw_array(pk_json_writer *w);
void pk_jw_end(pk_json_writer *w); /* closes the innermost object or array */
/* KEY: one of the emitters' own literals, ASCII with nothing to escape. */
void pk_jw_key(pk_json_writer *w, const char *key);

/* TEXT, or null for NULL.  Bytes that are not UTF-8 (which the reader never lets
 * through) are replaced, not dropped, and counted in REPLACED. */
void pk_jw_string(pk_json_writer *w, const char *text);
void pk_jw_nonempty(pk_json_writer *w, const char *text); /* null for NULL or "" */
void pk_jw_integer(pk_json_writer *w, long long value);
void pk_jw_bool(pk_json_writer *w, bool value);
void pk_jw_null(pk_json_writer *w);

/* A member of the open object: KEY (as pk_jw_key) and its value. */
void pk_jw_key_string(pk_json_writer *w, const char *key, const char *text);
void pk_jw_key_nonempty(pk_json_writer *w, const char *key, const char *text);
void pk_jw_key_integer(pk_json_writer *w, const char *key, long long value);

/* LEN bytes of JSON that a writer of the same layout wrote earlier, as the next value. */
void pk_jw_json(pk_json_writer *w, const char *json, size_t len);
/* LEN bytes as they are, outside any value: the text around top-level values. */
void pk_jw_raw(pk_json_writer *w, const char *text, size_t len);
/* Writes what waits in BUF to FILE. */
bool pk_jw_flush(pk_json_writer *w);

#endif

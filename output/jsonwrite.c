/* jsonwrite.c: JSON written as it goes, in jansson's layout; jansson escapes every
 * string (see jsonwrite.h for why there is no tree). */
#include "config.h"

#include "jsonwrite.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

void pk_jw_init(pk_json_writer *w, FILE *file, int indent) {
  *w = (pk_json_writer){.file = file, .indent = indent};
}

void pk_jw_free(pk_json_writer *w) {
  pk_buf_free(&w->buf);
  json_decref(w->scratch);
  w->scratch = NULL;
}

bool pk_jw_ok(const pk_json_writer *w) { return !w->failed; }

/* ---- bytes out ------------------------------------------------------------------------- */

bool pk_jw_flush(pk_json_writer *w) {
  if (!w->failed && w->file && w->buf.len &&
      fwrite(w->buf.data, 1, w->buf.len, w->file) != w->buf.len)
    w->failed = true;
  pk_buf_clear(&w->buf);
  return !w->failed;
}

static bool spill(pk_json_writer *w) {
  return !w->file || w->buf.len < PK_JW_SPILL || pk_jw_flush(w);
}

static void put(pk_json_writer *w, const char *bytes, size_t len) {
  if (w->failed) return;
  pk_buf *buf = &w->buf;
  /* The common case, room enough, is one copy. */
  if (buf->cap - buf->len > len) {
    memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
  } else if (!pk_buf_append(buf, bytes, len)) {
    w->failed = true;
    return;
  }
  spill(w);
}

void pk_jw_raw(pk_json_writer *w, const char *text, size_t len) { put(w, text, len); }

/* jansson hands a dumped value over in pieces. */
static int take_dump(const char *bytes, size_t size, void *data) {
  pk_json_writer *w = data;
  put(w, bytes, size);
  return w->failed ? -1 : 0;
}

/* ---- layout: jansson's dump_indent ------------------------------------------------------ */

static void newline_indent(pk_json_writer *w, int depth) {
  static const char spaces[] = "\n                                                                ";
  if (w->indent <= 0) return;
  size_t n = (size_t)depth * (size_t)w->indent;
  put(w, spaces, 1);
  for (; n > sizeof spaces - 2; n -= sizeof spaces - 2) put(w, spaces + 1, sizeof spaces - 2);
  put(w, spaces + 1, n);
}

/* What comes before a member of the open container: nothing for a value after its key;
 * else a comma after an earlier member, and the member's own line. */
static void before_member(pk_json_writer *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth == 0) return;
  if (w->has_member[w->depth]) put(w, ",", 1);
  newline_indent(w, w->depth);
  w->has_member[w->depth] = true;
}

static void open_container(pk_json_writer *w, char opener, char closer) {
  before_member(w);
  if (w->depth >= PK_JW_DEPTH_MAX) {
    w->failed = true;
    return;
  }
  put(w, &opener, 1);
  w->depth++;
  w->closer[w->depth] = closer;
  w->has_member[w->depth] = false;
}

void pk_jw_object(pk_json_writer *w) { open_container(w, '{', '}'); }
void pk_jw_array(pk_json_writer *w) { open_container(w, '[', ']'); }

void pk_jw_end(pk_json_writer *w) {
  if (w->depth == 0) {
    w->failed = true;
    return;
  }
  /* An empty container closes at once: "{}", "[]". */
  if (w->has_member[w->depth]) newline_indent(w, w->depth - 1);
  put(w, &w->closer[w->depth], 1);
  w->depth--;
}

static void after_key(pk_json_writer *w) {
  if (w->indent > 0)
    put(w, ": ", 2);
  else
    put(w, ":", 1);
  w->after_key = true;
}

void pk_jw_key(pk_json_writer *w, const char *key) {
  before_member(w);
  put(w, "\"", 1);
  put(w, key, strlen(key));
  put(w, "\"", 1);
  after_key(w);
}

/* ---- values ---------------------------------------------------------------------------- */

/* TEXT, valid UTF-8, as jansson escapes it. */
static void escaped(pk_json_writer *w, const char *text) {
  if (w->failed) return;
  size_t len = strlen(text);
  if (!w->scratch) w->scratch = json_stringn_nocheck(text, len);
  else if (json_string_setn_nocheck(w->scratch, text, len) != 0) w->failed = true;
  if (!w->scratch ||
      json_dump_callback(w->scratch, take_dump, w, JSON_ENCODE_ANY) != 0)
    w->failed = true;
}

/* Whether jansson escapes a character of TEXT (UTF-8): a quote, a backslash or a control
 * character below U+0020; it writes all others as they are (no JSON_ENSURE_ASCII, no
 * JSON_ESCAPE_SLASH).  test_jsonwrite compares the two byte for byte. */
static bool needs_escape(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c < 0x20 || c == '"' || c == '\\') return true;
  }
  return false;
}

/* TEXT with anything that is not UTF-8 replaced: jansson refuses invalid UTF-8.  What
 * needs no escape is copied between its quotes as jansson would write it. */
static void escaped_text(pk_json_writer *w, const char *text) {
  char *safe = pk_text_sanitize(text, false, &w->replaced, &w->failed);
  const char *valid = safe ? safe : text;
  size_t len = strlen(valid);
  if (!w->failed && !needs_escape(valid, len)) {
    put(w, "\"", 1);
    put(w, valid, len);
    put(w, "\"", 1);
  } else {
    escaped(w, valid);
  }
  free(safe);
}

void pk_jw_null(pk_json_writer *w) {
  before_member(w);
  put(w, "null", 4);
}

void pk_jw_string(pk_json_writer *w, const char *text) {
  if (!text) {
    pk_jw_null(w);
    return;
  }
  before_member(w);
  escaped_text(w, text);
}

void pk_jw_nonempty(pk_json_writer *w, const char *text) {
  pk_jw_string(w, text && text[0] ? text : NULL);
}

/* Decimal digits need no escaping, and snprintf (what jansson calls) is slow. */
void pk_jw_integer(pk_json_writer *w, long long value) {
  char digits[24];
  char *at = digits + sizeof digits;
  unsigned long long magnitude = value < 0 ? 0ull - (unsigned long long)value
                                           : (unsigned long long)value;
  do {
    *--at = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude);
  if (value < 0) *--at = '-';
  before_member(w);
  put(w, at, (size_t)(digits + sizeof digits - at));
}

void pk_jw_json(pk_json_writer *w, const char *json, size_t len) {
  before_member(w);
  put(w, json, len);
}

void pk_jw_bool(pk_json_writer *w, bool value) {
  before_member(w);
  if (value)
    put(w, "true", 4);
  else
    put(w, "false", 5);
}

void pk_jw_key_string(pk_json_writer *w, const char *key, const char *text) {
  pk_jw_key(w, key);
  pk_jw_string(w, text);
}

void pk_jw_key_nonempty(pk_json_writer *w, const char *key, const char *text) {
  pk_jw_key(w, key);
  pk_jw_nonempty(w, text);
}

void pk_jw_key_integer(pk_json_writer *w, const char *key, long long value) {
  pk_jw_key(w, key);
  pk_jw_integer(w, value);
}

/* error.c: the library's one error record, and its "FILE:LINE: offset N: message" form. */
#include "config.h"

#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

pk_status pk_error_set(pk_error *err, pk_status status, const char *file, long line,
                       long offset, const char *format, ...) {
  if (!err) return status;
  err->status = status;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->page = 0;
  err->offset = offset;
  va_list args;
  va_start(args, format);
  vsnprintf(err->message, sizeof err->message, format, args);
  va_end(args);
  return status;
}

void pk_error_clear(pk_error *err) {
  if (!err) return;
  memset(err, 0, sizeof *err);
  err->offset = -1;
}

/* Appends to BUF (SIZE bytes, USED of them taken), cutting what does not fit. */
static void append(char *buf, size_t size, size_t *used, const char *format, ...) {
  if (*used + 1 >= size) return;
  va_list args;
  va_start(args, format);
  int n = vsnprintf(buf + *used, size - *used, format, args);
  va_end(args);
  if (n > 0) *used = (size_t)n >= size - *used ? size - 1 : *used + (size_t)n;
}

char *pk_error_format(const pk_error *err, char *buf, size_t size) {
  if (!size) return buf;
  size_t used = 0;
  buf[0] = '\0';
  if (err->file[0]) append(buf, size, &used, "%s:", err->file);
  if (err->line > 0) append(buf, size, &used, "%ld:", err->line);
  if (err->page > 0) append(buf, size, &used, "%spage %ld:", used ? " " : "", err->page);
  if (err->offset >= 0) append(buf, size, &used, "%soffset %ld:", used ? " " : "", err->offset);
  append(buf, size, &used, "%s%s", used ? " " : "", err->message);
  return buf;
}

const char *pk_version(void) { return PACKAGE_VERSION; }
const char *pk_format_version(void) { return PK_FORMAT_VERSION; }

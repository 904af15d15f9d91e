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

char *pk_error_format(const pk_error *err, char *buf, size_t size) {
  if (!size) return buf;
  size_t used = 0;
  buf[0] = '\0';
#define PK_PUT(...)                                                        \
  do {                                                                     \
    int n = snprintf(buf + used, size - used, __VA_ARGS__);                \
    if (n > 0) used = (size_t)n >= size - used ? size - 1 : used + (size_t)n; \
  } while (0)
  if (err->file[0]) PK_PUT("%s:", err->file);
  if (err->line > 0) PK_PUT("%ld:", err->line);
  if (err->page > 0) PK_PUT(" page %ld:", err->page);
  if (err->offset >= 0) PK_PUT(" offset %ld:", err->offset);
  PK_PUT("%s%s", used ? " " : "", err->message);
#undef PK_PUT
  return buf;
}

const char *pk_version(void) { return PACKAGE_VERSION; }
const char *pk_format_version(void) { return PK_FORMAT_VERSION; }

/* explain.c: the --explain trace. */
#include "config.h"

#include "explain.h"

#include "../util/buf.h"

#include <stdarg.h>

enum { SHOWN_BYTES = 100 }; /* matched text is cut here, on a character boundary */

static void put_excerpt(FILE *out, const char *text, size_t start, size_t end) {
  size_t stop = start + pk_utf8_prefix(text + start, end - start, SHOWN_BYTES);
  fputc('"', out);
  for (size_t i = start; i < stop; i++) fputc(text[i] == '\n' ? ' ' : text[i], out);
  fputs(stop < end ? "...\"" : "\"", out);
}

void pk_explain_match(FILE *out, const pk_rule *rule, const char *what, long page,
                      long long offset, const char *text, size_t start, size_t end) {
  if (!out) return;
  fprintf(out, "%s:%ld:", pk_rule_file(rule), pk_rule_line(rule));
  if (page > 0) fprintf(out, " page %ld", page);
  if (offset >= 0) fprintf(out, " offset %lld", offset);
  const char *profile = pk_rule_profile(rule);
  fprintf(out, "%s%s by %s%s%s (%s%s%s): ", page > 0 || offset >= 0 ? ": " : " ", what, profile[0] ? profile : "", profile[0] ? "/" : "",
          pk_rule_name(rule), pk_rule_kind(rule), pk_rule_arg(rule)[0] ? "." : "", pk_rule_arg(rule));
  put_excerpt(out, text, start, end);
  fputc('\n', out);
}

void pk_explain_note(FILE *out, const char *format, ...) {
  if (!out) return;
  va_list args;
  va_start(args, format);
  vfprintf(out, format, args);
  va_end(args);
  fputc('\n', out);
}

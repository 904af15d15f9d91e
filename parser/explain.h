/* explain.h: --explain, the trace an archivist reads to write rules for a new layout:
 * which rule fired where (file, line, page, offset, matched text), and why each item
 * boundary was drawn.  Every function does nothing when tracing is off (OUT is NULL). */
#ifndef PK_EXPLAIN_H
#define PK_EXPLAIN_H

#include <stddef.h>
#include <stdio.h>

#include "../rules/rules.h"

/* "FILE:LINE: page P offset O: WHAT rule NAME (KIND): "text"" for a match of RULE on
 * TEXT[START, END); OFFSET is the match's place in the cleaned text, PAGE 0 if none. */
void pk_explain_match(FILE *out, const pk_rule *rule, const char *what, long page,
                      long long offset, const char *text, size_t start, size_t end);
/* A free-form line, for decisions no single rule made. */
void pk_explain_note(FILE *out, const char *format, ...) __attribute__((format(printf, 2, 3)));

#endif

/* linebound.h: whether a pattern's matches stay inside one line (private to rules/). */
#ifndef PK_LINEBOUND_H
#define PK_LINEBOUND_H

#include <stdbool.h>

/* True when every match attempt of PATTERN (compiled as the rules are: UTF, UCP) at a
 * position reads only the line holding it, with the newlines around it: nothing in it
 * matches a newline or looks past one, and nothing depends on where the subject starts
 * or ends, or where the search started, but through (?m)'s ^ and $ (the pattern must
 * start with (?m) to use them).  Its matches in a line are then the same in every text
 * that holds the line whole.  False whenever in doubt. */
bool pk_pattern_line_bound(const char *pattern);

/* True when every match of PATTERN starts at a line's start: it starts with (?m)^ and has
 * no alternative beside that (no '|' outside a group).  So does its after=sentence form
 * start at a full stop, question or exclamation mark. */
bool pk_pattern_starts_lines(const char *pattern);

#endif

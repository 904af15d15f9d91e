/* leader.c: dot leaders (see leader.h). */
#include "leader.h"

#include <string.h>

static const char ELLIPSIS[] = "\xe2\x80\xa6"; /* U+2026, which some lists' leaders use */

/* The bytes of the dot or ellipsis at TEXT[at] (before END), else 0; the dots it counts for. */
static size_t dot_at(const char *text, size_t at, size_t end, size_t *dots) {
  if (at < end && text[at] == '.') return *dots = 1, 1;
  if (at + 3 <= end && memcmp(text + at, ELLIPSIS, 3) == 0) return *dots = 3, 3;
  return 0;
}

size_t pk_leader_at(const char *text, size_t at, size_t end) {
  size_t run = at, dots = 0, step, counted;
  while ((step = dot_at(text, run, end, &counted)) > 0) run += step, dots += counted;
  return dots >= 3 ? run - at : 0;
}

size_t pk_leader_start(const char *text, size_t start, size_t end) {
  size_t at = end, dots = 0;
  for (;;) {
    if (at > start && text[at - 1] == '.') at--, dots++;
    else if (at >= start + 3 && memcmp(text + at - 3, ELLIPSIS, 3) == 0) at -= 3, dots += 3;
    else break;
  }
  return dots >= 3 ? at : end;
}

bool pk_ends_in_leader(const char *text, size_t start, size_t end) {
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                         text[end - 1] == '\r'))
    end--;
  size_t digits = end;
  while (digits > start && end - digits < 4 && text[digits - 1] >= '0' && text[digits - 1] <= '9')
    digits--;
  if (digits == end) return false;
  while (digits > start && (text[digits - 1] == ' ' || text[digits - 1] == '\t')) digits--;
  return pk_leader_start(text, start, digits) < digits;
}

/* selector.h: chooses the layout profile.  Holds the first units of cleaned text, scores
 * every profile's `detect` rules on them, names the winner, then passes the held units and
 * all later ones on unchanged. */
#ifndef PK_SELECTOR_H
#define PK_SELECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "../rules/rules.h"
#include "cleaner.h"

/* The start of the cleaned text a profile is chosen on: its units, each followed by "\n"
 * (the last may be cut, without one), and the page of each whole unit (0: the text has no
 * pages).  Owned by the selector. */
typedef struct pk_start {
  const char *text; /* not NUL-terminated */
  size_t len;
  const long *unit_pages;
  size_t units;
  const pk_scan *scan; /* TEXT scanned for the rules' literals, or NULL */
} pk_start;

/* Whether each unit of START is a page of its own (a transcript's pages, one unit each;
 * not the lines of a text or of a PDF's page). */
bool pk_start_units_are_pages(const pk_start *start);
/* Whether unit I of START is the first of its page. */
bool pk_start_opens_page(const pk_start *start, size_t i);

/* Told once: the chosen profile (NULL: none, only common rules), its score, whether it was
 * forced (--profile) rather than detected, and the start of the text it was chosen on. */
typedef bool (*pk_choose_fn)(void *ctx, const char *profile, long score, bool forced,
                             const pk_start *start);

typedef struct pk_selector pk_selector;

/* FORCED names a profile to use without detection, or NULL.  Everything is borrowed. */
pk_selector *pk_selector_new(const pk_rules *rules, pk_matcher *matcher, const char *forced,
                             FILE *explain, pk_choose_fn choose, pk_unit_fn next, void *ctx);
/* A pk_unit_fn. */
bool pk_selector_unit(void *selector, const char *text, size_t len, long page);
bool pk_selector_finish(pk_selector *selector);
void pk_selector_free(pk_selector *selector);

/* The generic profile, used when no other profile's detection rules fire. */
#define PK_GENERIC_PROFILE "generic"

#endif

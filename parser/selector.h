/* selector.h: chooses the layout profile.  Holds the first units of cleaned text, scores
 * every profile's `detect` rules on them, names the winner, then passes the held units and
 * all later ones on unchanged. */
#ifndef PK_SELECTOR_H
#define PK_SELECTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "../rules/rules.h"
#include "cleaner.h"

/* Told once: the chosen profile (NULL: none, only common rules), its score, whether it was
 * forced (--profile) rather than detected, the start of the cleaned text it was chosen on
 * (not NUL-terminated, owned by the caller), and whether each unit of it is a page of its
 * own (a transcript's pages, one unit each, not the lines of a text or a PDF's page). */
typedef bool (*pk_choose_fn)(void *ctx, const char *profile, long score, bool forced,
                             const char *start, size_t len, bool pages);

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

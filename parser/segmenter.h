/* segmenter.h: cleaned units -> document, items with sections, appendices.
 * Each finished item is handed to the sink and freed, so memory follows the largest
 * item.  Which text starts an item, a section or an appendix is decided by rules only. */
#ifndef PK_SEGMENTER_H
#define PK_SEGMENTER_H

#include <stdbool.h>
#include <stddef.h>

#include "../output/sink.h"
#include "../rules/rules.h"
#include "model.h"
#include "selector.h"

typedef struct pk_segmenter pk_segmenter;

/* Everything is borrowed.  SHA256 (hex, may be NULL) prefixes item ids. */
pk_segmenter *pk_segmenter_new(const pk_rules *rules, pk_matcher *matcher, pk_report *report,
                               pk_sink *sink, const char *sha256);
/* Sets the layout profile whose rules apply, and the start of the text that the document's
 * kind and metadata are read from (a pk_choose_fn); before the first unit. */
bool pk_segmenter_choose(void *segmenter, const char *profile, long score, bool forced,
                         const pk_start *start);
/* Takes one unit (a pk_unit_fn). */
bool pk_segmenter_unit(void *segmenter, const char *text, size_t len, long page);
bool pk_segmenter_finish(pk_segmenter *segmenter);
void pk_segmenter_free(pk_segmenter *segmenter);

#endif

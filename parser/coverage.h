/* coverage.h: the proof that no text is lost.  Every non-white-space character the reader
 * decodes must end up either removed by the cleaner (counted by kind) or in exactly one
 * text node an emitter receives.  The parser counts the first two stages; a sink placed
 * in front of the emitter counts the third. */
#ifndef PK_COVERAGE_H
#define PK_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "../output/sink.h"
#include "model.h"

/* Text decoded by the reader. */
void pk_coverage_in(pk_coverage *coverage, const char *text, size_t len);
/* Text the cleaner handed on, in order. */
void pk_coverage_cleaned(pk_coverage *coverage, const char *text, size_t len);
/* Text of one emitted node, in document order. */
void pk_coverage_placed(pk_coverage *coverage, const char *text);

/* A sink that counts the text of every node into COVERAGE, then passes the node on to
 * INNER.  INNER and COVERAGE are borrowed; finishing and freeing INNER stay the caller's. */
pk_sink *pk_coverage_sink_new(pk_sink *inner, pk_coverage *coverage);

#endif

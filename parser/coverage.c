/* coverage.c: counting text through the pipeline, and the counting sink. */
#include "config.h"

#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

void pk_coverage_in(pk_coverage *coverage, const char *text, size_t len) {
  coverage->in += pk_text_weight(text, len);
}

void pk_coverage_cleaned(pk_coverage *coverage, const char *text, size_t len) {
  pk_text_account(text, len, &coverage->cleaned_hash, &coverage->cleaned);
}

void pk_coverage_placed(pk_coverage *coverage, const char *text) {
  if (!text) return;
  pk_text_account(text, strlen(text), &coverage->placed_hash, &coverage->placed);
}

/* ---- the counting sink ------------------------------------------------------------------ */

typedef struct counting {
  pk_sink *inner;
  pk_coverage *coverage;
} counting;

static counting *counting_of(pk_sink *sink) { return sink->state; }

static bool pass(pk_sink *sink, bool ok) {
  if (!ok || pk_sink_failed(counting_of(sink)->inner)) sink->failed = true;
  return !sink->failed;
}

static bool count_document(pk_sink *sink, const pk_document *doc) {
  counting *state = counting_of(sink);
  pk_coverage_placed(state->coverage, doc->preamble);
  return pass(sink, state->inner->ops->document(state->inner, doc));
}

static bool count_item(pk_sink *sink, const pk_item *item) {
  counting *state = counting_of(sink);
  pk_coverage_placed(state->coverage, item->header);
  for (size_t i = 0; i < item->section_count; i++) {
    pk_coverage_placed(state->coverage, item->sections[i].heading);
    pk_coverage_placed(state->coverage, item->sections[i].text);
  }
  return pass(sink, state->inner->ops->item(state->inner, item));
}

static bool count_appendix(pk_sink *sink, const pk_appendix *app) {
  counting *state = counting_of(sink);
  pk_coverage_placed(state->coverage, app->text);
  return pass(sink, state->inner->ops->appendix(state->inner, app));
}

static bool count_finish(pk_sink *sink, const pk_report *report) {
  counting *state = counting_of(sink);
  return pass(sink, state->inner->ops->finish(state->inner, report));
}

static void count_destroy(pk_sink *sink) { free(sink->state); }

static const pk_sink_ops COUNTING_OPS = {count_document, count_item, count_appendix,
                                         count_finish, count_destroy};

pk_sink *pk_coverage_sink_new(pk_sink *inner, pk_coverage *coverage) {
  pk_sink *sink = pk_sink_alloc(&COUNTING_OPS, inner->out, sizeof(counting));
  if (sink) *(counting *)sink->state = (counting){inner, coverage};
  return sink;
}

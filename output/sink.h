/* sink.h: what every emitter implements.  The segmenter calls these in document order:
 * document (with the preamble) once, then items, then appendices, then finish. */
#ifndef PK_SINK_H
#define PK_SINK_H

#include <stdbool.h>
#include <stdio.h>

#include "punktum.h"
#include "../parser/model.h"

typedef struct pk_sink_ops {
  bool (*document)(pk_sink *sink, const pk_document *document);
  bool (*item)(pk_sink *sink, const pk_item *item);
  bool (*appendix)(pk_sink *sink, const pk_appendix *appendix);
  bool (*finish)(pk_sink *sink, const pk_report *report);
  void (*destroy)(pk_sink *sink);
} pk_sink_ops;

struct pk_sink {
  const pk_sink_ops *ops;
  FILE *out;
  bool failed;
  bool no_header; /* pk_sink_set_header(sink, 0) */
  void *state;    /* the emitter's own */
};

/* A sink with OPS writing to OUT and a zeroed state of STATE_SIZE bytes; NULL when out
 * of memory.  Every emitter's constructor starts here. */
pk_sink *pk_sink_alloc(const pk_sink_ops *ops, FILE *out, size_t state_size);

pk_sink *pk_json_sink_new(FILE *out);
pk_sink *pk_xml_sink_new(FILE *out);
pk_sink *pk_jsonl_sink_new(FILE *out);
pk_sink *pk_csv_sink_new(FILE *out);
/* The CSV header row, CRLF included.  Static storage. */
const char *pk_csv_header_row(void);

#endif

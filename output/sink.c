/* sink.c: choosing an emitter. */
#include "config.h"

#include <stdlib.h>

#include "sink.h"

pk_sink *pk_sink_alloc(const pk_sink_ops *ops, FILE *out, size_t state_size) {
  pk_sink *sink = calloc(1, sizeof *sink);
  void *state = calloc(1, state_size ? state_size : 1);
  if (!sink || !state) {
    free(sink);
    free(state);
    return NULL;
  }
  *sink = (pk_sink){.ops = ops, .out = out, .state = state};
  return sink;
}

pk_sink *pk_sink_new(pk_format format, FILE *out) {
  switch (format) {
  case PK_FORMAT_JSON: return pk_json_sink_new(out);
  case PK_FORMAT_XML: return pk_xml_sink_new(out);
  case PK_FORMAT_JSONL: return pk_jsonl_sink_new(out);
  case PK_FORMAT_CSV: return pk_csv_sink_new(out);
  }
  return NULL;
}

void pk_sink_set_header(pk_sink *sink, int write_header) { sink->no_header = !write_header; }

int pk_sink_header(pk_format format, FILE *out) {
  if (format != PK_FORMAT_CSV) return 0;
  return fputs(pk_csv_header_row(), out) == EOF ? -1 : 0;
}

int pk_sink_failed(const pk_sink *sink) { return sink->failed || ferror(sink->out); }

void pk_sink_free(pk_sink *sink) {
  if (!sink) return;
  sink->ops->destroy(sink);
  free(sink);
}

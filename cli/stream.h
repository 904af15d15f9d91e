/* stream.h: --stream, many documents in one input stream, for distributed engines
 * (Hadoop Streaming, Spark's pipe(), GNU parallel --pipe). */
#ifndef PK_CLI_STREAM_H
#define PK_CLI_STREAM_H

#include <stdbool.h>
#include <stdio.h>

#include "punktum.h"

typedef struct cli_stream {
  pk_format format;      /* jsonl or csv */
  char separator;        /* between documents: '\0' or '\f' */
  bool names;            /* each document's first line is its name */
  const char *encoding, *profile;
  bool coverage;
  unsigned pdf_timeout;  /* --pdf-timeout (0: the library's default) */
  bool ocr;              /* --ocr */
} cli_stream;

/* Reads documents from IN, writes one stream to OUT; returns the exit status. */
int cli_stream_run(const cli_stream *options, const pk_rules *rules, FILE *in, FILE *out);

#endif

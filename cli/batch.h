/* batch.h: running many inputs: in parallel, each output written atomically (under
 * -o DIR) or combined into one stream in input order, with progress and a summary. */
#ifndef PK_CLI_BATCH_H
#define PK_CLI_BATCH_H

#include <stdbool.h>

#include "inputs.h"
#include "punktum.h"

typedef struct cli_batch {
  pk_format format;
  const char *out_dir;     /* -o DIR, or NULL: one stream on standard output */
  bool skip_existing;      /* leave an output that is newer than its input */
  int jobs;                /* workers */
  bool quiet;              /* no progress, no summary */
  bool progress;           /* redraw a progress line on standard error */
  bool summary;            /* print a summary at the end */
  const char *encoding, *profile;
  bool coverage;           /* --coverage lines on standard error */
  unsigned pdf_timeout;    /* --pdf-timeout (0: the library's default) */
  bool ocr;                /* --ocr */
} cli_batch;

/* Runs every input of LIST with RULES; returns the exit status (0, or 1 when any input
 * failed).  Failures are listed on standard error as "punktum: PATH: reason". */
int cli_batch_run(const cli_batch *batch, const pk_rules *rules, const cli_inputs *list);

/* The file name extension of FORMAT's output, ".json" ... */
const char *cli_format_extension(pk_format format);

#endif

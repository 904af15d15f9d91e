/* fuzz_rules.c: the rule-file loader on arbitrary text, then a short parse with whatever
 * rules it accepted (catastrophic patterns must hit the match limits, not hang). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "punktum.h"

static const char SAMPLE[] =
    "Referat\nByrådet 12-03-2020\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
    "2. Budget\nSagsfremstilling\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  pk_rules *rules = pk_rules_new();
  if (!rules) abort();
  pk_error err;
  pk_status status = pk_rules_add_text(rules, "fuzz.rules", (const char *)data, size, &err);
  if (status != PK_OK && status != PK_ERR_RULES) abort();
  if (status == PK_OK) {
    char message[1200];
    pk_error_format(&err, message, sizeof message); /* must not crash on any state */
    FILE *out = fopen("/dev/null", "wb");
    pk_sink *sink = pk_sink_new(PK_FORMAT_JSON, out);
    pk_options options = {.source_name = "sample"};
    pk_parser *parser = pk_parser_new(rules, &options, sink, NULL);
    if (parser && pk_parser_feed(parser, SAMPLE, sizeof SAMPLE - 1) == PK_OK)
      pk_parser_finish(parser);
    pk_parser_free(parser);
    pk_sink_free(sink);
    fclose(out);
  }
  pk_rules_free(rules);
  return 0;
}

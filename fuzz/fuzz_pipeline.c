/* fuzz_pipeline.c: bytes -> the whole pipeline -> every output format.  Besides crashes
 * and sanitizer reports, it fails when an output is malformed: the XML must parse, the
 * JSON and every JSON Lines line must load, and the coverage account must balance.  The
 * first byte picks the chunk size the input is fed in, so split lines and characters
 * are exercised too. */
/* The input's form: NULL tells it from the input (fuzz_html.c forces "html"). */
#ifndef FUZZ_FORM
#define FUZZ_FORM NULL
#endif

#include <jansson.h>
#include <libxml/parser.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "punktum.h"

static pk_rules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  xmlInitParser();
  rules = pk_rules_new();
  if (!rules || pk_rules_add_builtin(rules, NULL) != PK_OK) abort();
  return 0;
}

/* Parses DATA into FORMAT; returns the output (malloc'd, *LEN bytes). */
static char *parse(const uint8_t *data, size_t size, size_t chunk, pk_format format, size_t *len,
                   pk_status *status) {
  char *out = NULL;
  FILE *stream = open_memstream(&out, len);
  if (!stream) abort();
  pk_sink *sink = pk_sink_new(format, stream);
  /* A PDF would start pdftotext for every input: the fuzzer reads "%PDF-" as text. */
  bool pdf = size >= 5 && memcmp(data, "%PDF-", 5) == 0;
  pk_options options = {.source_name = "fuzz", .source_sha256 = "0123456789ab",
                        .form = FUZZ_FORM ? FUZZ_FORM : pdf ? "text" : NULL};
  pk_parser *parser = pk_parser_new(rules, &options, sink, NULL);
  if (!sink || !parser) abort();
  *status = PK_OK;
  for (size_t at = 0; at < size && *status == PK_OK; at += chunk)
    *status = pk_parser_feed(parser, data + at, size - at < chunk ? size - at : chunk);
  if (*status == PK_OK) *status = pk_parser_finish(parser);
  pk_parser_free(parser);
  pk_sink_free(sink);
  fclose(stream);
  return out;
}

static void check_json(const char *text, size_t len) {
  json_error_t error;
  json_t *value = json_loadb(text, len, 0, &error);
  if (!value) {
    fprintf(stderr, "malformed JSON: %s at %d\n", error.text, error.position);
    abort();
  }
  json_t *coverage = json_object_get(value, "coverage");
  if (!json_is_true(json_object_get(coverage, "complete"))) {
    fprintf(stderr, "coverage account does not balance\n");
    abort();
  }
  json_decref(value);
}

static void check_lines(const char *text, size_t len) {
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(text + at, '\n', len - at);
    if (!nl) abort(); /* every record ends its line */
    json_error_t error;
    json_t *value = json_loadb(text + at, (size_t)(nl - text) - at, 0, &error);
    if (!value) abort();
    json_decref(value);
    at = (size_t)(nl - text) + 1;
  }
}

static void check_xml(const char *text, size_t len) {
  xmlDocPtr doc = xmlReadMemory(text, (int)len, "fuzz.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    fprintf(stderr, "malformed XML\n");
    abort();
  }
  xmlFreeDoc(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const size_t CHUNKS[] = {1, 2, 3, 7, 64, 4096, (size_t)-1};
  size_t chunk = size ? CHUNKS[data[0] % (sizeof CHUNKS / sizeof CHUNKS[0])] : 1;
  static const pk_format FORMATS[] = {PK_FORMAT_JSON, PK_FORMAT_XML, PK_FORMAT_JSONL, PK_FORMAT_CSV};
  for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
    size_t len = 0;
    pk_status status;
    char *out = parse(data, size, chunk, FORMATS[i], &len, &status);
    /* Input errors (binary data) are fine; what was written must still be well-formed
     * when the parse succeeded. */
    if (status == PK_OK) {
      if (FORMATS[i] == PK_FORMAT_JSON) check_json(out, len);
      if (FORMATS[i] == PK_FORMAT_XML) check_xml(out, len);
      if (FORMATS[i] == PK_FORMAT_JSONL) check_lines(out, len);
    } else if (status != PK_ERR_INPUT) {
      fprintf(stderr, "unexpected status %d\n", (int)status);
      abort();
    }
    free(out);
  }
  return 0;
}

/* stream.c: documents separated by a NUL or form feed byte on standard input, each
 * optionally led by a name line, parsed in turn into one JSON Lines or CSV stream.
 * Each document is read whole before it is parsed (its digest gives the items' ids): in
 * memory up to HELD_MAX bytes, past that in a temporary file, so that memory stays
 * bounded whatever a document's size.  A document that fails is reported and the stream
 * goes on. */
#include "config.h"

#include "stream.h"

#include "inputs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* Most documents are a few kilobytes: held in memory they cost no file system calls. */
enum { BLOCK = 64 * 1024, HELD_MAX = PK_MEMORY_INPUT_MAX };

typedef struct document {
  char *held;       /* the text while it is at most HELD_MAX bytes */
  size_t held_cap;
  FILE *spool;      /* the text of a longer document; made when first needed, then reused */
  bool spooled;     /* this document's text is in the spool, not in held */
  int lost;         /* errno of a failure to hold or spool the text: the document is skipped */
  unsigned long long bytes;
  char name[512];
  size_t name_len;
  bool name_done;   /* the name line has been read (or there is none) */
  size_t ordinal;
} document;

static void start_document(document *doc, const cli_stream *options) {
  doc->spooled = false;
  doc->lost = 0;
  doc->bytes = 0;
  doc->name_len = 0;
  doc->name_done = !options->names;
  doc->ordinal++;
}

/* Moves the held text to the spool, which takes the rest of the document. */
static bool start_spool(document *doc) {
  if (!doc->spool && !(doc->spool = tmpfile())) return false;
  rewind(doc->spool);
  doc->spooled = true;
  return fwrite(doc->held, 1, doc->bytes, doc->spool) == doc->bytes;
}

static bool hold(document *doc, const char *data, size_t len) {
  size_t need = doc->bytes + len;
  if (need > doc->held_cap) {
    size_t cap = doc->held_cap ? doc->held_cap : BLOCK;
    while (cap < need) cap *= 2;
    char *grown = realloc(doc->held, cap);
    if (!grown) return false;
    doc->held = grown;
    doc->held_cap = cap;
  }
  memcpy(doc->held + doc->bytes, data, len);
  return true;
}

/* Appends LEN bytes to the current document's text. */
static void keep(document *doc, const char *data, size_t len) {
  if (len == 0 || doc->lost) return; /* nothing held yet may mean no buffer yet */
  errno = 0;
  bool kept = (doc->spooled || doc->bytes + len <= HELD_MAX || start_spool(doc)) &&
              (doc->spooled ? fwrite(data, 1, len, doc->spool) == len : hold(doc, data, len));
  if (kept) doc->bytes += len;
  else doc->lost = errno ? errno : ENOMEM;
}

/* Takes LEN bytes of the current document: the name line first, then its text. */
static void take(document *doc, const char *data, size_t len) {
  if (!doc->name_done) {
    const char *nl = memchr(data, '\n', len);
    size_t part = nl ? (size_t)(nl - data) : len;
    size_t room = sizeof doc->name - 1 - doc->name_len;
    size_t kept = part < room ? part : room;
    memcpy(doc->name + doc->name_len, data, kept);
    doc->name_len += kept;
    if (!nl) return;
    doc->name_done = true;
    data += part + 1;
    len -= part + 1;
  }
  keep(doc, data, len);
}

static const char *name_of(document *doc) {
  while (doc->name_len && (doc->name[doc->name_len - 1] == '\r' || doc->name[doc->name_len - 1] == ' '))
    doc->name_len--;
  doc->name[doc->name_len] = '\0';
  if (!doc->name_len) snprintf(doc->name, sizeof doc->name, "stdin:%zu", doc->ordinal);
  return doc->name;
}

/* Parses the document (held or spooled) into SINK; false when it failed (reported). */
static bool parse_document(const cli_stream *options, const pk_rules *rules, document *doc,
                           pk_sink *sink, bool *output_failed) {
  const char *name = name_of(doc);
  /* The spool's last writes may fail only now, when they leave stdio's buffer. */
  if (!doc->lost && doc->spooled &&
      (fflush(doc->spool) != 0 || ftruncate(fileno(doc->spool), (off_t)doc->bytes) != 0 ||
       fseek(doc->spool, 0, SEEK_SET) != 0))
    doc->lost = errno ? errno : EIO;
  if (doc->lost) {
    fprintf(stderr, "punktum: %s: cannot hold the document: %s\n", name, strerror(doc->lost));
    return false;
  }
  pk_options parse = {.encoding = options->encoding, .profile = options->profile,
                      .source_name = name, .form = cli_form_of(name),
                      .pdf_timeout = options->pdf_timeout, .ocr = options->ocr,
                      .coverage = options->coverage ? stderr : NULL};
  pk_error err;
  pk_status status = doc->spooled ? pk_parse_stream(rules, doc->spool, &parse, sink, &err)
                                  : pk_parse_memory(rules, doc->held, doc->bytes, &parse, sink, &err);
  if (status == PK_OK) return true;
  char text[1200];
  pk_error_format(&err, text, sizeof text);
  if (err.file[0]) fprintf(stderr, "punktum: %s\n", text);
  else fprintf(stderr, "punktum: %s: %s\n", name, text);
  if (status == PK_ERR_IO) *output_failed = true;
  return false;
}

int cli_stream_run(const cli_stream *options, const pk_rules *rules, FILE *in, FILE *out) {
  document doc = {0};
  pk_sink *sink = pk_sink_new(options->format, out);
  char *block = malloc(BLOCK);
  if (!sink || !block) {
    fprintf(stderr, "punktum: cannot start the stream: out of memory\n");
    pk_sink_free(sink);
    free(block);
    return 1;
  }
  size_t failed = 0, documents = 0;
  bool output_failed = false, any = false;
  start_document(&doc, options);
  for (size_t got; !output_failed && (got = fread(block, 1, BLOCK, in)) > 0;) {
    for (size_t at = 0; at < got;) {
      char *end = memchr(block + at, options->separator, got - at);
      size_t part = end ? (size_t)(end - (block + at)) : got - at;
      if (part) any = true;
      take(&doc, block + at, part);
      at += part;
      if (!end) break;
      at++; /* the separator */
      /* Nothing between two separators (or before the first) is no document. */
      if (any) {
        documents++;
        failed += !parse_document(options, rules, &doc, sink, &output_failed);
      }
      any = false;
      start_document(&doc, options);
    }
  }
  if (ferror(in)) {
    fprintf(stderr, "punktum: -: cannot read: %s\n", strerror(errno));
    failed++;
  }
  if (any && !output_failed) {
    documents++;
    failed += !parse_document(options, rules, &doc, sink, &output_failed);
  }
  pk_sink_free(sink);
  if (doc.spool) fclose(doc.spool);
  free(doc.held);
  free(block);
  if (output_failed) fprintf(stderr, "punktum: cannot write the output\n");
  if (failed) fprintf(stderr, "punktum: %zu of %zu documents failed\n", failed, documents);
  return failed || output_failed ? 1 : 0;
}

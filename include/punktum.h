/* punktum.h: the public interface of libpunktum.
 *
 * libpunktum turns exported Danish municipal meeting texts (minutes, agendas) into
 * structured records.  Input is fed in chunks of any size; finished agenda items are
 * handed to a sink (JSON or XML writer) and freed, so memory follows the largest item,
 * not the input.
 *
 * Threading: every object is independent; a compiled pk_rules may be shared read-only
 * by parsers in several threads.  The library has no global mutable state.
 *
 * Errors: functions that can fail return a pk_status and fill the pk_error passed in
 * (which may be NULL when the caller does not want details).
 */
#ifndef PUNKTUM_H
#define PUNKTUM_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum pk_status {
  PK_OK = 0,
  PK_ERR_INPUT,  /* the input cannot be read or decoded */
  PK_ERR_RULES,  /* a rule file is malformed */
  PK_ERR_IO,     /* writing output failed */
  PK_ERR_NOMEM,  /* out of memory */
  PK_ERR_USAGE,  /* a function was called with invalid arguments */
  PK_ERR_LOST    /* the output was written, but the coverage check found text that it
                    does not hold (a bug in punktum's rules or code) */
} pk_status;

/* One error model for the whole library.  `file` names the input or rule file,
 * `line` is 1-based (0 when unknown), `page` the transcript page (0 when unknown),
 * `offset` a byte offset within the line, or within the input when line is 0
 * (-1 when unknown). */
typedef struct pk_error {
  pk_status status;
  char file[512];
  long line;
  long page;
  long offset;
  char message[512];
} pk_error;

/* Formats ERR as "FILE:LINE: offset N: message" (parts that are unknown are left out)
 * into BUF of SIZE bytes.  Returns BUF. */
char *pk_error_format(const pk_error *err, char *buf, size_t size);

/* The library's version string, e.g. "0.1.0". Static storage. */
const char *pk_version(void);
/* The version of the output formats. Static storage. */
const char *pk_format_version(void);

/* ---- Rules --------------------------------------------------------------------- */

typedef struct pk_rules pk_rules;

/* Returns an empty rule set, or NULL when out of memory.  Caller frees with pk_rules_free. */
pk_rules *pk_rules_new(void);
/* Whether rules added from now on are compiled to machine code (PCRE2's JIT; on by
 * default).  Off, the interpreter gives the same matches, slower: for systems that forbid
 * executable memory, and for valgrind, which cannot follow JIT code's wide reads. */
void pk_rules_set_jit(pk_rules *rules, int enabled);
/* Adds the rule files embedded in the library. */
pk_status pk_rules_add_builtin(pk_rules *rules, pk_error *err);
/* Adds one rule file.  A rule whose name is already present replaces the earlier one. */
pk_status pk_rules_add_file(pk_rules *rules, const char *path, pk_error *err);
/* Adds every "*.rules" file of DIR, in name order. */
pk_status pk_rules_add_dir(pk_rules *rules, const char *dir, pk_error *err);
/* Adds rules from TEXT (LEN bytes); NAME is used in error messages.  TEXT is copied. */
pk_status pk_rules_add_text(pk_rules *rules, const char *name, const char *text, size_t len,
                            pk_error *err);
/* Number of active rules. */
size_t pk_rules_count(const pk_rules *rules);
/* The I-th layout profile (0-based, in load order), or NULL past the last.  The string
 * belongs to RULES. */
const char *pk_rules_profile(const pk_rules *rules, size_t i);
void pk_rules_free(pk_rules *rules);

/* ---- Sinks (output writers) ------------------------------------------------------ */

/* JSON and XML hold one whole document each.  JSONL (one line per item) and CSV (one row
 * per item, header row once) hold items only, and one sink may take several documents in
 * turn, giving one combined stream. */
typedef enum pk_format { PK_FORMAT_JSON, PK_FORMAT_XML, PK_FORMAT_JSONL, PK_FORMAT_CSV } pk_format;

typedef struct pk_sink pk_sink;

/* A sink writing one document in FORMAT to OUT.  OUT stays owned by the caller and must
 * outlive the sink.  Returns NULL when out of memory. */
pk_sink *pk_sink_new(pk_format format, FILE *out);
/* Whether the sink writes its format's header (CSV: the header row) before the first
 * document; on by default.  A program that combines several sinks' output into one
 * stream turns it off in all of them and writes the header once with pk_sink_header. */
void pk_sink_set_header(pk_sink *sink, int write_header);
/* Writes FORMAT's header (nothing for formats without one) to OUT; 0 on success. */
int pk_sink_header(pk_format format, FILE *out);
/* Non-zero once a write to the sink's stream has failed. */
int pk_sink_failed(const pk_sink *sink);
void pk_sink_free(pk_sink *sink);

/* ---- Parser ---------------------------------------------------------------------- */

/* What a parse found, for progress and summaries. */
typedef struct pk_stats {
  size_t items;
  unsigned long long bytes;   /* input bytes read */
  long long unplaced;         /* characters the coverage account could not place (0) */
} pk_stats;

typedef struct pk_options {
  const char *encoding;      /* force an input encoding (iconv name); NULL: detect */
  const char *profile;       /* force a layout profile; NULL: choose by detection */
  const char *source_name;   /* shown in output and messages; NULL: "-" */
  const char *source_sha256; /* hex digest of the whole input, if known; used for ids */
  FILE *explain;             /* if not NULL, which rule fired where, and why, is written here */
  FILE *cleaned;             /* if not NULL, the cleaned text (what offsets count in) goes here */
  FILE *coverage;            /* if not NULL, one line of coverage figures goes here at the end */
  pk_stats *stats;           /* if not NULL, filled in when the parse finishes (or fails) */
  const char *form;          /* "text", "html" or "pdf": read the input as that form; NULL:
                                tell from its first KiB ("%PDF-"; a doctype, <html> or the
                                tags that start a page; else text) */
  unsigned pdf_timeout;      /* seconds pdftotext may take to read a PDF (0: 60) */
  unsigned long long pdf_memory; /* bytes of address space pdftotext may use (0: 1 GiB) */
  int ocr;                   /* non-zero: a PDF without a text layer is read by OCR (pdftoppm and
                                tesseract -l dan, under the same limits, page by page);
                                false: it is an error that says so */
} pk_options;

typedef struct pk_parser pk_parser;

/* Creates a parser that writes to SINK.  RULES and SINK are borrowed and must outlive the
 * parser; OPTIONS is copied.  Returns NULL (and fills ERR) on failure. */
pk_parser *pk_parser_new(const pk_rules *rules, const pk_options *options, pk_sink *sink,
                         pk_error *err);
/* Feeds LEN bytes of input.  Chunks may split lines and multibyte characters anywhere. */
pk_status pk_parser_feed(pk_parser *parser, const void *data, size_t len);
/* Ends the input and writes the rest of the document. */
pk_status pk_parser_finish(pk_parser *parser);
/* The error that stopped the parser (status PK_OK if none).  Owned by the parser. */
const pk_error *pk_parser_error(const pk_parser *parser);
void pk_parser_free(pk_parser *parser);

/* The largest input pk_parse_stream reads into memory whole; a program that gathers
 * documents itself (punktum --stream) holds them in memory up to the same size. */
#define PK_MEMORY_INPUT_MAX (4u * 1024u * 1024u)

/* Convenience: parses the stream IN completely, with OPTIONS (may be NULL; the digest is
 * computed here).  The output carries the source digest and item ids made from it, so the
 * input is hashed before it is parsed: an input of up to PK_MEMORY_INPUT_MAX bytes (4 MiB)
 * is read once, into memory; a longer one is hashed first and then read again (seeking
 * back when IN is a regular file, spooled to a temporary file otherwise), so memory stays
 * bounded. */
pk_status pk_parse_stream(const pk_rules *rules, FILE *in, const pk_options *options,
                          pk_sink *sink, pk_error *err);
/* Convenience: parses the LEN bytes at DATA (borrowed; NULL when LEN is 0) completely, with
 * OPTIONS (may be NULL; the digest is computed here).  For documents already in memory:
 * nothing is spooled or read twice. */
pk_status pk_parse_memory(const pk_rules *rules, const void *data, size_t len,
                          const pk_options *options, pk_sink *sink, pk_error *err);

#ifdef __cplusplus
}
#endif
#endif

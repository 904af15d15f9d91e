/* reader.h: bytes in any of the supported encodings -> UTF-8 text with "\n" line ends.
 *
 * The encoding is forced, or detected from the first 64 KiB: a byte-order mark, then
 * UTF-16 without a mark (NUL bytes in every other position), then valid UTF-8, else
 * Windows-1252.  Invalid sequences and NUL bytes become U+FFFD and are counted.  A form
 * feed (a page break of pdftotext and other text exports) is handed on as a line of its
 * own, "\f\n", which the cleaner takes as the start of a page. */
#ifndef PK_READER_H
#define PK_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "punktum.h"

/* Receives decoded text; returns false to stop the reader (the callback's own error). */
typedef bool (*pk_text_fn)(void *ctx, const char *utf8, size_t len);

typedef struct pk_reader pk_reader;

/* ENCODING may be NULL (detect).  Returns NULL when out of memory. */
pk_reader *pk_reader_new(const char *encoding, pk_text_fn emit, void *ctx);
pk_status pk_reader_feed(pk_reader *reader, const void *data, size_t len, pk_error *err);
pk_status pk_reader_finish(pk_reader *reader, pk_error *err);
/* The encoding in use ("UTF-8", "UTF-16LE", "WINDOWS-1252", ...), NULL before detection. */
const char *pk_reader_encoding(const pk_reader *reader);
/* How many invalid sequences or NUL bytes were replaced by U+FFFD. */
size_t pk_reader_replacements(const pk_reader *reader);
/* Valid multibyte UTF-8 sequences found in a start that, as a whole, is not UTF-8 and was
 * read as Windows-1252: more than none means the file mixes encodings. */
size_t pk_reader_mixed(const pk_reader *reader);
/* How many input bytes were fed. */
unsigned long long pk_reader_bytes(const pk_reader *reader);
void pk_reader_free(pk_reader *reader);
/* Whether DATA[0, LEN) is UTF-8; where not FINAL (more follows), a sequence cut at its end
 * may be whole in what follows. */
bool pk_valid_utf8(const char *data, size_t len, bool final);

#endif

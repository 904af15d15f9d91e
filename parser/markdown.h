/* markdown.h: text written as Markdown (a page saved by html2text or pandoc, a council
 * page exported as Markdown): its markup is not the document's text.  Where a text's
 * start reads as Markdown, each line loses the markup around its words before the
 * cleaner sees it, and the characters taken away are counted as removed "markup":
 * a heading's leading hashes ("## 1. Godkendelse af dagsorden"), strong emphasis
 * ("**Sagsnummer:** 25/00087"), a link's brackets and address ("[bilag 3](https://...)"
 * keeps "bilag 3"), an image's ("![Logo](...)" keeps "Logo"), a thematic break ("* * *")
 * and a backslash that escapes punctuation ("1\. Title").  Lists, emphasis with one star,
 * code and tables stay as they are written. */
#ifndef PK_MARKDOWN_H
#define PK_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "model.h"
#include "reader.h"

/* Whether TEXT[0, LEN) (a text's start) reads as Markdown: at least two headings of
 * hashes at a line's start and a link or strong emphasis, or three such headings. */
bool pk_markdown_sniff(const char *text, size_t len);

/* LINE[0, LEN) (no line end) without its markup, appended to OUT; returns the characters
 * taken away as the coverage account weighs them (pk_text_weight: white space is not
 * counted), or (size_t)-1 when out of memory. */
size_t pk_markdown_line(const char *line, size_t len, pk_buf *out);

/* The stage in front of the cleaner: text goes to EMIT as it comes, or, where the text's
 * first chunk reads as Markdown, line by line without its markup (counted in REPORT's
 * removed characters as "markup").  REPORT is borrowed; NULL when out of memory. */
typedef struct pk_markdown pk_markdown;
pk_markdown *pk_markdown_new(pk_report *report, pk_text_fn emit, void *ctx);
/* Takes decoded UTF-8 (a pk_text_fn); lines may be split across calls. */
bool pk_markdown_text(void *markdown, const char *utf8, size_t len);
/* Hands on a last line without its end. */
bool pk_markdown_finish(pk_markdown *markdown);
void pk_markdown_free(pk_markdown *markdown);

#endif

/* html.h: an HTML page -> UTF-8 text, as a browser shows it, for the rest of the pipeline.
 *
 * libxml2's HTML parser reads the page (push parser, SAX events, no tree: memory follows
 * the longest single piece of markup or text, not the page; never a network fetch, no
 * external entities).  The charset comes from a forced encoding, the byte-order mark, the
 * page's meta charset / http-equiv, or libxml2's detection.  Scripts, styles, forms,
 * navigation, the page's header and footer, and hidden elements are dropped: their text
 * is counted as removed wrapper (and as text in), so the coverage account still closes.
 * Block elements end lines, table cells are separated by a TAB, list items keep their
 * number ("3. ") or get a bullet ("• "), white space collapses as a browser collapses it
 * and <pre> is kept as it is. */
#ifndef PK_HTML_H
#define PK_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "punktum.h"
#include "reader.h"

/* Whether the first LEN bytes of an input look like an HTML page: a doctype or <html>,
 * or, after blanks and comments, tags of which one is <body>, <div>, <p> ... */
bool pk_html_sniff(const char *data, size_t len);

typedef struct pk_html pk_html;

/* ENCODING may be NULL (detect).  EMIT receives the page's text; REPORT (borrowed) counts
 * the text dropped.  Returns NULL when out of memory. */
pk_html *pk_html_new(const char *encoding, pk_text_fn emit, void *ctx, pk_report *report);
pk_status pk_html_feed(pk_html *html, const char *data, size_t len, pk_error *err);
pk_status pk_html_finish(pk_html *html, pk_error *err);
/* The charset the page was read in ("UTF-8", "windows-1252" ...), once it is known. */
const char *pk_html_encoding(const pk_html *html);
/* "libxml2 2.9.14": the converter, for the output's input record.  Static storage. */
const char *pk_html_converter(void);
void pk_html_free(pk_html *html);

#endif

/* pdf.h: a PDF -> the text of its pages, by poppler's pdftotext -layout run as a child process.
 *
 * Why a child and not libpoppler linked in: poppler is GPL (linking it would make
 * libpunktum GPL too), a broken or hostile PDF can crash or hang it (a child's crash is
 * an error message, not the end of a batch), and a child can be given a time limit and a
 * memory limit (RLIMIT_AS) that a library call cannot.  The cost is a process per PDF.
 *
 * The PDF's bytes are spooled to an unnamed temporary file as they are fed (memory stays
 * bounded); at the end pdftotext reads that file and its standard output (UTF-8, a form
 * feed after each page) is handed on as it comes.  The shell is never involved. */
#ifndef PK_PDF_H
#define PK_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "punktum.h"
#include "reader.h"

enum { PK_PDF_SECONDS = 60 };                             /* default time limit */
#define PK_PDF_MEMORY (1024ull * 1024ull * 1024ull)      /* default address-space limit */

/* Whether an input starting with these LEN bytes is a PDF ("%PDF-"). */
bool pk_pdf_sniff(const char *data, size_t len);

typedef struct pk_pdf pk_pdf;

/* SECONDS and MEMORY (bytes) limit pdftotext; 0 takes the defaults above.  NULL when out
 * of memory. */
pk_pdf *pk_pdf_new(unsigned seconds, unsigned long long memory);
/* Takes LEN more bytes of the PDF. */
pk_status pk_pdf_feed(pk_pdf *pdf, const void *data, size_t len, pk_error *err);
/* Runs pdftotext on the PDF, handing its text to EMIT (which returns false to stop). */
pk_status pk_pdf_finish(pk_pdf *pdf, pk_text_fn emit, void *ctx, pk_error *err);
/* Whether pdftotext found text in the PDF: when not, nothing was handed on (a scan). */
bool pk_pdf_has_text(const pk_pdf *pdf);
/* OCR for a PDF without a text layer: each page rendered by pdftoppm and read by
 * `tesseract -l dan`, each a child process under the same time and memory limits as
 * pdftotext, the page image in a private temporary directory removed after it; the text
 * of each page, then a form feed, to EMIT.  The converter becomes "tesseract 5.3.0 -l
 * dan, pdftoppm 22.12.0".  Call after pk_pdf_finish. */
pk_status pk_pdf_ocr(pk_pdf *pdf, pk_text_fn emit, void *ctx, pk_error *err);
/* "pdftotext 22.12.0" once pk_pdf_finish has started ("" before; the string stays where
 * it is, so it may be borrowed before it is filled in), for the output. */
const char *pk_pdf_converter(const pk_pdf *pdf);
/* What pdftotext wrote to its standard error when it succeeded all the same (warnings
 * about a damaged file), first line only; NULL when it wrote nothing. */
const char *pk_pdf_warning(const pk_pdf *pdf);
void pk_pdf_free(pk_pdf *pdf);

#endif

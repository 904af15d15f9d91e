/* fuzz_html.c: bytes read as an HTML page (libxml2's HTML parser and html.c) through the
 * whole pipeline into every output format, with the checks of fuzz_pipeline.c: no crash
 * or sanitizer report, well-formed XML and JSON, a coverage account that balances (the
 * text dropped as the page's wrapper counted in and removed). */
#define FUZZ_FORM "html"
#include "fuzz_pipeline.c"

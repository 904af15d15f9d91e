/* leader.h: a contents list's dot leaders ("Meddelelser fra formanden ........ 4"), which
 * the cleaner's reflow, the contents reader and the decoder each look for. */
#ifndef PK_LEADER_H
#define PK_LEADER_H

#include <stdbool.h>
#include <stddef.h>

/* The bytes of the dot leader (three dots or more, or ellipses) at TEXT[at], else 0. */
size_t pk_leader_at(const char *text, size_t at, size_t end);
/* The start of the dot leader that ends TEXT[start, end), else END. */
size_t pk_leader_start(const char *text, size_t start, size_t end);
/* The bytes from AT past the page number a contents entry prints after its leader: blanks,
 * a word for the page ("side", "s."), the number (up to four digits; OCR's "l" or "I" for
 * the one after the word only); after the word, the number ends its word; else 0. */
size_t pk_page_number_at(const char *text, size_t at, size_t end);
/* Where the page number that ends TEXT[start, end) starts, its page's word with it ("side
 * 4", "4", "side l"), else END. */
size_t pk_page_number_start(const char *text, size_t start, size_t end);
/* Whether TEXT[start, end) ends in a dot leader and a page number ("opgaveudvalg om
 * Ungepolitik .........16", "Meddelelser ........ side 1"): a contents entry's title that
 * a line or page end broke. */
bool pk_ends_in_leader(const char *text, size_t start, size_t end);

#endif

/* text.h: making text safe for an output format.  The reader already hands on valid
 * UTF-8 without control characters, so this finds nothing in a correct run; it is the
 * emitters' own guarantee that their output stays well-formed whatever reaches them. */
#ifndef PK_TEXT_H
#define PK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* If TEXT holds bytes that are not UTF-8, or (when FOR_XML) characters XML 1.0 cannot
 * carry (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF),
 * returns a malloc'd copy with each replaced by U+FFFD and adds their number to
 * *REPLACED.  Returns NULL when TEXT is fine as it is (or when out of memory, with
 * *FAILED set). */
char *pk_text_sanitize(const char *text, bool for_xml, size_t *replaced, bool *failed);

#endif

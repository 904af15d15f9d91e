/* ocrwords.h: an OCR'd line's first word repaired where it is a word of the rules' OCR
 * lexicon (rule kind ocr-word) misread in OCR's usual ways: 0 for O or Ø, 1, I or | for l,
 * rn for m ("0konomi", "BesIutning", "Sagsfrernstilling").  The line's first word is where
 * a section heading stands; a word the lexicon does not know is left as it was. */
#ifndef PK_OCRWORDS_H
#define PK_OCRWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "../rules/rules.h"
#include "../util/buf.h"

/* Whether a rule of WORDS (the ocr-word rules: the heading lexicon, a capital first)
 * matches all of TEXT[0, LEN). */
bool pk_lexicon_word(pk_matcher *matcher, const pk_rule *const *words, size_t count,
                     const char *text, size_t len);

/* Repairs the line in LINE (its length may change: rn becomes m, 0 becomes Ø); WORDS are
 * the ocr-word rules; *REPAIRS counts the words repaired.  False when out of memory. */
bool pk_ocr_repair_word(pk_buf *line, pk_matcher *matcher, const pk_rule *const *words,
                        size_t count, unsigned long long *repairs);

/* TEXT[0, LEN) as read where OCR put a digit for a letter, one byte for one so that every
 * offset holds: a 1 between small letters, or ending a word of three letters, is l ("ti1",
 * "Ti1trådt"; not a footnote's "Godkendt1"), a 0 opening a word in small letters is O
 * ("0rienteringen", "0lsen"), a 0 alone in a list of party letters is O ("V, C og 0", "Bak
 * (0)"; not the count in "0 undlod"), an l beside digits or alone is 1 ("l3", "l undlod").
 * A new copy, NUL-terminated, that the caller frees; NULL where nothing reads otherwise,
 * or when out of memory (*FAILED set). */
char *pk_ocr_digits_as_letters(const char *text, size_t len, bool *failed);

#endif

/* reflow.h: the lines of a printed page (pdftotext's output, an OCR'd scan) as they were
 * written, before the typesetter broke them to the page's measure.
 *
 * A typesetter ends a line where the next word does not fit: a line end is soft (a space
 * of the paragraph) when the line holds nearly the page's measure and the next line's
 * first word would not have fitted on it.  A word broken at a line end with a hyphen
 * ("beskæfti-" / "gelse") is joined and its hyphen dropped (counted), unless what follows
 * is a conjunction ("Arbejdsmarkeds- og"): a hyphen that belongs to the text.  Lines are
 * trimmed and runs of spaces (pdftotext -layout's columns) become one space.  Nothing
 * else changes: a short line, a blank line, a line after a full stop that is not itself
 * full stay where they are, so a heading alone on its line stays alone.  Two columns of
 * pdftotext -layout, a label column beside a text column, are read label first, then
 * the text as a column of its own measure; a label column that plain pdftotext reads
 * before its values ("Dato:", "Sted:", then the two values) is paired again. */
#ifndef PK_REFLOW_H
#define PK_REFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

/* Below this measure (code points) a page is a narrow column or a list: not reflowed. */
enum { PK_REFLOW_MIN_MEASURE = 50 };

/* The page's measure, learnt from the widths of a document's lines: a width W with many
 * lines just below it (in (W - 10%, W]), where a typesetter's full lines stand.  The
 * longest line would not do: pdftotext joins a word broken at a line end with the
 * whole next line, and such lines are longer than any the typesetter set. */
enum { PK_REFLOW_BINS = 512 };
typedef struct pk_measure {
  unsigned long widths[PK_REFLOW_BINS]; /* lines of each width in code points */
  /* pk_measure_get's answer, kept until a line is added: every page of a sheet asks. */
  bool known;
  size_t known_width;
} pk_measure;
void pk_measure_add(pk_measure *measure, size_t width);
/* 0 while no line reaches PK_REFLOW_MIN_MEASURE. */
size_t pk_measure_get(pk_measure *measure);
/* Code points of LINE once tidied (pk_reflow_tidy_line). */
size_t pk_reflow_width(const char *line, size_t len);
/* Whether line A[0, A_LEN) holds so much of the page's MEASURE that line B's first word
 * would not have fitted on it: its end is the breaking's, not the writer's. */
bool pk_reflow_is_full(const char *a, size_t a_len, const char *b, size_t b_len, size_t measure);
/* One line trimmed and its runs of spaces made one, appended to OUT. */
bool pk_reflow_tidy_line(const char *line, size_t len, pk_buf *out);
/* The rules' words the reflow asks about; CTX is the caller's, any function may be
 * NULL (no such words).  IS_HEADING: whether WORD[0, LEN), a single word, is a word of the
 * heading lexicon (a heading of its own under a full line, not the paragraph's last word).
 * OPENS_ITEM: whether LINE[0, LEN) opens with an agenda item's label and number ("Ad pkt.
 * 4", "Punkt 4": the item-label rules), which starts a line as a list's number does.
 * IS_CASE_FIELD: whether FIELD[0, LEN), set off at a line's right end, is a case's field
 * ("J.nr. l7.0l.05": the case-field rules). */
typedef struct pk_heading_words {
  bool (*is_heading)(void *ctx, const char *word, size_t len);
  bool (*opens_item)(void *ctx, const char *line, size_t len);
  void *ctx;
  bool (*is_case_field)(void *ctx, const char *field, size_t len);
} pk_heading_words;

/* Appends the lines of TEXT ("\n"-separated, tidied), soft line ends joined, to OUT;
 * MEASURE is the page's measure (pk_measure_get); HEADINGS (NULL: none) tells a heading
 * word alone on its line.  *HYPHENS counts the hyphens dropped. */
bool pk_reflow(const char *text, size_t len, size_t measure, const pk_heading_words *headings,
               pk_buf *out, unsigned long long *hyphens);

/* Whether LINE[0, LEN) ends a sentence: in . : ! or ?, but not in an abbreviation
 * ("pkt.", "nr.", "dec.": a short word in small letters with its full stop). */
bool pk_reflow_ends_sentence(const char *line, size_t len);

/* Whether LINE[0, LEN) is a rule drawn under a line ("-----", "_____", "====="): a
 * typewriter's underline, never a paragraph's words. */
bool pk_is_rule_line(const char *line, size_t len);

/* OCR's usual misreadings where no word can stand, repaired in the N bytes of LINE (in
 * place): "]" for J at a word's start ("]obcenter", "] .nr."), a space OCR put inside
 * "J .nr.", and letters for digits in an item's number at the line's start ("l.", "1O.",
 * "l2." before a capitalised title: a token that is a number but for O, l or I).  Never a
 * word that could be prose, so no line becomes a heading or an item that was not one.
 * Returns the new length; *REPAIRS counts the characters changed. */
size_t pk_ocr_repair(char *line, size_t len, unsigned long long *repairs);
/* pk_ocr_repair's repair of an item's number alone ("l. Godkendelse", "Pkt. 1O7"): for
 * any text, which may be OCR's output pasted or saved by hand; such a token is never a
 * word or a number as written. */
size_t pk_ocr_repair_number(char *line, size_t len, unsigned long long *repairs);

#endif

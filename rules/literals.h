/* literals.h: the words a pattern's every match must hold (private to rules/). */
#ifndef PK_LITERALS_H
#define PK_LITERALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of literals of which every match of a pattern holds at least one, inside the text
 * the match reads from its start on (what it consumes and what its lookaheads read; not
 * what a lookbehind reads).  Letters in ASCII that the pattern matches in any case are
 * given in lower case and marked CASELESS; everything else is the bytes themselves. */
typedef struct pk_literal {
  char *text; /* malloc'd, NUL-terminated */
  size_t len;
  bool caseless;
} pk_literal;

typedef struct pk_literal_set {
  pk_literal *items;
  size_t count;
  /* The ASCII bytes a match may read (bit N of reads[N / 64]: byte N), from its start up
   * to the end of what it or its lookaheads read: a match holding a literal at P starts
   * after the last other ASCII byte before P.  Bytes outside ASCII are not told apart. */
  uint64_t reads[2];
  /* The most bytes from where a match starts to where one of its literals starts that it
   * holds (PK_LEAD_ANY: no bound): a match holding a literal at P starts LEAD before P at
   * the earliest. */
  size_t lead;
} pk_literal_set;

#define PK_LEAD_ANY SIZE_MAX

enum { PK_LITERAL_MIN = 3 }; /* shorter literals are too common to rule lines out */

/* The literals of PATTERN (compiled with UTF and UCP, without extended syntax): false,
 * with *OUT empty, when there are none of at least PK_LITERAL_MIN bytes each, when the
 * pattern holds anything the reader does not know, or when out of memory.  A conservative
 * reading: a literal it gives is one that every match holds. */
bool pk_pattern_literals(const char *pattern, pk_literal_set *out);
void pk_literal_set_free(pk_literal_set *set);

/* The bytes a match of PATTERN (as pk_pattern_literals reads it) may start with: bit N of
 * FIRST[N / 64] for byte N, every byte outside ASCII where a class starts it.  False, with
 * FIRST untouched, where a match may be empty or the pattern holds what the reader does
 * not know. */
bool pk_pattern_first_bytes(const char *pattern, uint64_t first[4]);

#endif

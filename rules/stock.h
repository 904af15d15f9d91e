/* stock.h: the built-in rules' PCRE2 codes, compiled when the library was built.
 *
 * Compiling the built-in rules' patterns was most of what loading them cost, at every
 * start of the program.  rules/precompile loads the built-in rules once at build time,
 * keeping a copy of every code it compiles, in order, and writes them serialized
 * (pcre2_serialize_encode) with the pattern and options each was compiled from
 * (rules/stock.c).  pk_rules_add_builtin then decodes them and takes each code in turn
 * where the same pattern is compiled with the same options; at the first that differs
 * (a word list grown by rules loaded before), or where the PCRE2 at hand cannot decode
 * them (another version), it compiles as before.  The codes are PCRE2's own, so every
 * match is the same. */
#ifndef PK_STOCK_H
#define PK_STOCK_H

#include <stddef.h>
#include <stdint.h>

typedef struct pk_stock_key {
  size_t at;  /* the pattern's first byte in pk_stock.patterns */
  size_t len;
  uint32_t options;
} pk_stock_key;

/* What rules/literals.c reads in a code's pattern (pk_pattern_literals and
 * pk_pattern_first_bytes), read at build time too: loading spares it. */
typedef struct pk_stock_literal {
  size_t at; /* its first byte in pk_stock.literal_text */
  size_t len;
  unsigned char caseless;
} pk_stock_literal;

typedef struct pk_stock_facts {
  unsigned char literals_ok; /* pk_pattern_literals' answer */
  size_t first_literal, literal_count; /* in pk_stock.literals */
  uint64_t reads[2];
  size_t lead;
  unsigned char first_ok; /* pk_pattern_first_bytes' answer, and its bytes */
  uint64_t first[4];
} pk_stock_facts;

typedef struct pk_stock {
  const unsigned char *bytes; /* pcre2_serialize_encode's, of COUNT codes */
  size_t size;
  const pk_stock_key *keys;   /* COUNT, in the order the codes were compiled */
  const char *patterns;
  size_t count;               /* 0: none (the build could not make them) */
  const pk_stock_facts *facts; /* COUNT: each code's pattern's */
  const pk_stock_literal *literals;
  const char *literal_text;
} pk_stock;

extern const pk_stock pk_stock_codes;

/* For rules/precompile: every code a pk_rules compiles while one is set, copied (its own
 * pcre2_code, freed by the log's owner), with its pattern and options. */
typedef struct pk_code_log {
  void **codes; /* pcre2_code * */
  char **patterns;
  size_t *lens;
  uint32_t *options;
  size_t count, cap;
} pk_code_log;

typedef struct pk_rules pk_rules;
void pk_rules_log_codes(pk_rules *rules, pk_code_log *log);

#endif

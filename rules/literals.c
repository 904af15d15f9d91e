/* literals.c: the words a pattern's every match must hold (see literals.h).
 *
 * The pattern is read into a small tree (literal characters, anything else that reads a
 * character, zero-width assertions, sequences, alternatives, repeats, lookaheads and calls
 * of named groups), and each node tells what it requires:
 *   - a literal character is itself; a sequence requires what any of its parts requires,
 *     and the runs of literal characters in it are literals of their own (the longest
 *     such set is taken);
 *   - alternatives require one of what each requires (nothing where one requires nothing);
 *   - a repeat at least once requires what its body requires; an optional one nothing;
 *   - a positive lookahead requires what its body does (it reads on from where it stands);
 *     a lookbehind and a negative assertion require nothing;
 *   - a call of a named group requires what the group does, read with the options in
 *     force where the group stands.
 * Letters matched in any case ((?i)) are kept in lower case; a letter outside ASCII in any
 * case, and anything the reader does not know, requires nothing, or gives up on the whole
 * pattern (backreferences, conditions, verbs, callouts, \Q...\E, extended syntax). */
#include "config.h"

#include "literals.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_NODES = 1 << 16, MAX_DEPTH = 24, MAX_SET = 256, MAX_LITERAL = 64 };

typedef enum { N_LIT, N_ANY, N_ZERO, N_SEQ, N_ALT, N_REPEAT, N_LOOK, N_CALL } node_kind;

typedef struct node {
  node_kind kind;
  unsigned char bytes[4]; /* N_LIT: the character, in UTF-8 */
  unsigned char nbytes;
  bool caseless;          /* N_LIT: an ASCII letter matched in any case (kept in lower case) */
  size_t first, last;     /* N_SEQ, N_ALT: the first and last part (0: none; node 0 is the root) */
  size_t next;            /* the next part of the node this is a part of (0: none) */
  size_t nkids;
  size_t child;           /* N_REPEAT, N_LOOK */
  unsigned long min, max; /* N_REPEAT; max ULONG_MAX: unbounded */
  const char *name;       /* N_CALL */
  size_t name_len;
  uint64_t ascii[2];      /* N_LIT, N_ANY: the ASCII bytes it may read (bit N: byte N) */
} node;

typedef struct group_name {
  const char *name;
  size_t len;
  size_t node;
  unsigned count;
  size_t memo; /* what a call of it requires: its memo's number + 1, 0 until worked out */
} group_name;

typedef struct parser {
  const char *p;
  size_t at;
  node *nodes;
  size_t count, cap;
  group_name *names;
  size_t name_count, name_cap;
  bool failed; /* out of memory, or something the reader does not know */
  bool at_start_offset; /* \G: where a search starts matters, not only what it reads */
} parser;

/* ---- sets of ASCII bytes ------------------------------------------------------------------ */

static void ascii_add(uint64_t set[2], uint32_t c) {
  if (c < 128) set[c >> 6] |= 1ULL << (c & 63);
}

static void ascii_range(uint64_t set[2], uint32_t low, uint32_t high) {
  for (uint32_t c = low; c <= high && c < 128; c++) ascii_add(set, c);
}

static void ascii_all(uint64_t set[2]) { set[0] = set[1] = ~0ULL; }

static void ascii_not(uint64_t set[2]) {
  set[0] = ~set[0];
  set[1] = ~set[1];
}

/* Each ASCII letter in SET with its other case: 'A' to 'Z' are bits 1 to 26 of set[1],
 * 'a' to 'z' bits 33 to 58 (a pattern's every letter is folded while rules load). */
static void ascii_fold(uint64_t set[2]) {
  uint64_t letters = (set[1] >> 1 | set[1] >> 33) & 0x3FFFFFF;
  set[1] |= letters << 1 | letters << 33;
}

/* \d \w \s \h \v \R \X \N and their negations (UCP: their ASCII bytes are these):
 * false for any other letter. */
static bool escape_ascii(char e, uint64_t set[2]) {
  set[0] = set[1] = 0;
  switch (e | 0x20) {
  case 'd': ascii_range(set, '0', '9'); break;
  case 'w':
    ascii_range(set, '0', '9'), ascii_range(set, 'A', 'Z'), ascii_range(set, 'a', 'z');
    ascii_add(set, '_');
    break;
  case 's': ascii_range(set, '\t', '\r'), ascii_add(set, ' '); break;
  case 'h': ascii_add(set, '\t'), ascii_add(set, ' '); break;
  case 'v': ascii_range(set, '\n', '\r'); break;
  default:
    if (e == 'R') ascii_range(set, '\n', '\r');
    else if (e == 'X' || e == 'N') ascii_all(set); /* \N: not a newline; all, to be safe */
    else return false;
    return true;
  }
  if (e >= 'A' && e <= 'Z') ascii_not(set);
  return true;
}

/* \p{NAME} (\P: NEGATED) of the few properties whose ASCII bytes are known; any other,
 * all bytes (a set too large is safe, one too small is not). */
static void property_ascii(const char *name, size_t len, bool negated, uint64_t set[2]) {
  set[0] = set[1] = 0;
  if (len && name[0] == '^') name++, len--, negated = !negated;
  static const struct { const char *name; const char *ranges; } KNOWN[] = {
      {"L", "AZaz"}, {"L&", "AZaz"}, {"Lu", "AZ"}, {"Ll", "az"}, {"N", "09"}, {"Nd", "09"},
      {"Xan", "AZaz09"}, {"Xwd", "AZaz09__"}};
  for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++) {
    if (strlen(KNOWN[i].name) != len || memcmp(KNOWN[i].name, name, len) != 0) continue;
    for (const char *r = KNOWN[i].ranges; *r; r += 2) ascii_range(set, (unsigned char)r[0], (unsigned char)r[1]);
    if (negated) ascii_not(set);
    return;
  }
  ascii_all(set);
}

static size_t new_node(parser *ps, node_kind kind) {
  if (ps->failed) return 0;
  if (ps->count == ps->cap) {
    size_t cap = ps->cap ? ps->cap * 2 : 64;
    node *grown = cap <= MAX_NODES ? realloc(ps->nodes, cap * sizeof *grown) : NULL;
    if (!grown) {
      ps->failed = true;
      return 0;
    }
    ps->nodes = grown;
    ps->cap = cap;
  }
  ps->nodes[ps->count] = (node){.kind = kind};
  return ps->count++;
}

static void add_kid(parser *ps, size_t parent, size_t kid) {
  if (ps->failed) return;
  node *n = &ps->nodes[parent];
  if (n->nkids) ps->nodes[n->last].next = kid;
  else n->first = kid;
  n->last = kid;
  n->nkids++;
}

static void note_name(parser *ps, const char *name, size_t len, size_t at) {
  for (size_t i = 0; i < ps->name_count; i++)
    if (ps->names[i].len == len && memcmp(ps->names[i].name, name, len) == 0) {
      ps->names[i].count++;
      return;
    }
  if (ps->name_count == ps->name_cap) {
    size_t cap = ps->name_cap ? ps->name_cap * 2 : 8;
    group_name *grown = realloc(ps->names, cap * sizeof *grown);
    if (!grown) {
      ps->failed = true;
      return;
    }
    ps->names = grown;
    ps->name_cap = cap;
  }
  ps->names[ps->name_count++] = (group_name){name, len, at, 1, 0};
}

/* A node that reads one character of the ASCII bytes SET (or any outside ASCII). */
static size_t any_node(parser *ps, const uint64_t set[2]) {
  size_t id = new_node(ps, N_ANY);
  if (!ps->failed) memcpy(ps->nodes[id].ascii, set, sizeof ps->nodes[id].ascii);
  return id;
}

static size_t byte_node(parser *ps, uint32_t c) {
  uint64_t set[2] = {0, 0};
  ascii_add(set, c);
  return any_node(ps, set);
}

static size_t literal_node(parser *ps, uint32_t cp, bool caseless) {
  if (caseless && cp >= 0x80) { /* Unicode's case folding: not read */
    /* Of the characters outside ASCII only KELVIN SIGN and LATIN SMALL LETTER LONG S are
     * an ASCII letter's in any case (k, s); all letters, to be safe. */
    uint64_t letters[2] = {0, 0};
    if (cp == 0x212A || cp == 0x17F) ascii_range(letters, 'A', 'Z'), ascii_range(letters, 'a', 'z');
    return any_node(ps, letters);
  }
  size_t id = new_node(ps, N_LIT);
  if (ps->failed) return id;
  node *n = &ps->nodes[id];
  if (cp < 0x80) {
    bool letter = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    n->bytes[0] = (unsigned char)(letter && caseless ? (cp | 0x20) : cp);
    n->nbytes = 1;
    n->caseless = letter && caseless;
    ascii_add(n->ascii, cp);
    if (n->caseless) ascii_fold(n->ascii);
  } else if (cp < 0x800) {
    n->bytes[0] = (unsigned char)(0xC0 | (cp >> 6));
    n->bytes[1] = (unsigned char)(0x80 | (cp & 0x3F));
    n->nbytes = 2;
  } else if (cp < 0x10000) {
    n->bytes[0] = (unsigned char)(0xE0 | (cp >> 12));
    n->bytes[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    n->bytes[2] = (unsigned char)(0x80 | (cp & 0x3F));
    n->nbytes = 3;
  } else {
    n->bytes[0] = (unsigned char)(0xF0 | (cp >> 18));
    n->bytes[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    n->bytes[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    n->bytes[3] = (unsigned char)(0x80 | (cp & 0x3F));
    n->nbytes = 4;
  }
  return id;
}

/* The UTF-8 character at the reader: its code point (0xFFFFFFFF where it is not valid). */
static uint32_t take_char(parser *ps) {
  const unsigned char *s = (const unsigned char *)ps->p + ps->at;
  unsigned len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
  if (!len) {
    ps->failed = true;
    return 0xFFFFFFFF;
  }
  uint32_t cp = len == 1 ? s[0] : (uint32_t)(s[0] & (0x3F >> (len - 1)));
  for (unsigned i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      ps->failed = true;
      return 0xFFFFFFFF;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  ps->at += len;
  return cp;
}

static size_t parse_alt(parser *ps, bool caseless);

/* ")" closing a group. */
static void expect_close(parser *ps) {
  if (ps->p[ps->at] != ')') ps->failed = true;
  else ps->at++;
}

static bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* One character of a class at P[*I] (a literal, or an escape standing for one), moved
 * past: its code point; 0xFFFFFFFF where it is none the reader knows. */
static uint32_t class_char(const char *p, size_t *i) {
  const unsigned char *s = (const unsigned char *)p + *i;
  if (s[0] != '\\') {
    unsigned len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (!len) return 0xFFFFFFFF;
    uint32_t cp = len == 1 ? s[0] : (uint32_t)(s[0] & (0x3F >> (len - 1)));
    for (unsigned k = 1; k < len; k++) {
      if ((s[k] & 0xC0) != 0x80) return 0xFFFFFFFF;
      cp = (cp << 6) | (s[k] & 0x3F);
    }
    *i += len;
    return cp;
  }
  static const char SIMPLE[] = "ntrfeab", CODES[] = "\n\t\r\f\x1b\a\b";
  const char *simple = s[1] ? strchr(SIMPLE, s[1]) : NULL;
  if (simple) {
    *i += 2;
    return (unsigned char)CODES[simple - SIMPLE];
  }
  if (s[1] == 'x') {
    uint32_t cp = 0;
    size_t k = 2, digits = 0;
    bool braced = s[2] == '{';
    for (k += braced; is_hex((char)s[k]) && digits < (braced ? 8u : 2u); k++, digits++)
      cp = cp * 16 + (uint32_t)(s[k] <= '9' ? s[k] - '0' : (s[k] | 0x20) - 'a' + 10);
    if (braced && (s[k] != '}' || !digits)) return 0xFFFFFFFF;
    *i += k + braced;
    return cp;
  }
  if (s[1] >= 0x21 && s[1] < 0x7F && !(s[1] >= '0' && s[1] <= '9') &&
      !((s[1] | 0x20) >= 'a' && (s[1] | 0x20) <= 'z')) {
    *i += 2;
    return s[1];
  }
  return 0xFFFFFFFF;
}

/* The ASCII bytes the class P[start, end) (between its brackets) may match: all where it
 * holds anything this does not know. */
static void class_ascii(const char *p, size_t start, size_t end, bool caseless, uint64_t set[2]) {
  set[0] = set[1] = 0;
  size_t i = start;
  bool negated = p[i] == '^', beyond = false;
  i += negated;
  while (i < end) {
    if (p[i] == '[' && p[i + 1] == ':') { /* POSIX classes: not read */
      ascii_all(set);
      return;
    }
    if (p[i] == '\\' && p[i + 1] && strchr("dDwWsShHvVpP", p[i + 1])) {
      uint64_t part[2];
      if (p[i + 1] == 'p' || p[i + 1] == 'P') {
        bool negated_property = p[i + 1] == 'P';
        const char *name = p + i + 2;
        size_t len = 1;
        if (*name == '{') {
          const char *close = strchr(name, '}');
          if (!close || close > p + end) {
            ascii_all(set);
            return;
          }
          name++;
          len = (size_t)(close - name);
          i = (size_t)(close - p) + 1;
        } else {
          i += 3;
        }
        property_ascii(name, len, negated_property, part);
      } else {
        escape_ascii(p[i + 1], part);
        i += 2;
      }
      set[0] |= part[0], set[1] |= part[1];
      continue;
    }
    uint32_t low = class_char(p, &i), high = low;
    if (low != 0xFFFFFFFF && p[i] == '-' && i + 1 < end) {
      i++;
      high = class_char(p, &i);
    }
    if (low == 0xFFFFFFFF || high == 0xFFFFFFFF || i > end) {
      ascii_all(set);
      return;
    }
    ascii_range(set, low, high);
    beyond = beyond || high >= 0x80;
  }
  /* A character outside ASCII may match an ASCII letter in any case (K, KELVIN SIGN). */
  if (caseless && beyond && !negated) ascii_range(set, 'A', 'Z'), ascii_range(set, 'a', 'z');
  if (caseless) ascii_fold(set);
  if (negated) ascii_not(set);
}

/* A class "[...]": read past. */
static size_t parse_class(parser *ps, bool caseless) {
  size_t i = ps->at + 1;
  if (ps->p[i] == '^') i++;
  if (ps->p[i] == ']') i++;
  while (ps->p[i] && ps->p[i] != ']') {
    if (ps->p[i] == '\\') {
      if (!ps->p[i + 1] || ps->p[i + 1] == 'Q' || ps->p[i + 1] == 'E') {
        ps->failed = true;
        return 0;
      }
      i += 2;
    } else if (ps->p[i] == '[' && ps->p[i + 1] == ':') {
      const char *end = strstr(ps->p + i + 2, ":]");
      if (!end) {
        ps->failed = true;
        return 0;
      }
      i = (size_t)(end - ps->p) + 2;
    } else {
      i++;
    }
  }
  if (ps->p[i] != ']') {
    ps->failed = true;
    return 0;
  }
  uint64_t set[2];
  class_ascii(ps->p, ps->at + 1, i, caseless, set);
  ps->at = i + 1;
  return any_node(ps, set);
}


static size_t parse_escape(parser *ps, bool caseless) {
  char e = ps->p[ps->at + 1];
  uint64_t set[2];
  if ((e && strchr("dDwWsShHvVRX", e)) || (e == 'N' && ps->p[ps->at + 2] != '{')) {
    ps->at += 2;
    escape_ascii(e, set);
    if (caseless) ascii_fold(set);
    return any_node(ps, set);
  }
  if (e == 'p' || e == 'P') {
    const char *name = ps->p + ps->at + 2;
    size_t len = 1;
    if (ps->p[ps->at + 2] == '{') {
      const char *close = strchr(ps->p + ps->at + 2, '}');
      if (!close) {
        ps->failed = true;
        return 0;
      }
      name++;
      len = (size_t)(close - name);
      ps->at = (size_t)(close - ps->p) + 1;
    } else if (ps->p[ps->at + 2]) {
      ps->at += 3;
    } else {
      ps->failed = true;
      return 0;
    }
    property_ascii(name, len, e == 'P', set);
    if (caseless) ascii_fold(set);
    return any_node(ps, set);
  }
  if (e && strchr("bBAzZGK", e)) {
    ps->at += 2;
    if (e == 'G') ps->at_start_offset = true;
    return new_node(ps, N_ZERO);
  }
  if (e == 'x') {
    uint32_t cp = 0;
    size_t i = ps->at + 2;
    if (ps->p[i] == '{') {
      size_t digits = 0;
      for (i++; is_hex(ps->p[i]) && digits < 8; i++, digits++)
        cp = cp * 16 + (uint32_t)(ps->p[i] <= '9' ? ps->p[i] - '0' : (ps->p[i] | 0x20) - 'a' + 10);
      if (ps->p[i] != '}' || !digits || cp > 0x10FFFF) {
        ps->failed = true;
        return 0;
      }
      i++;
    } else {
      for (size_t digits = 0; digits < 2 && is_hex(ps->p[i]); digits++, i++)
        cp = cp * 16 + (uint32_t)(ps->p[i] <= '9' ? ps->p[i] - '0' : (ps->p[i] | 0x20) - 'a' + 10);
    }
    ps->at = i;
    if (cp == '\n' || cp == '\r') return byte_node(ps, cp);
    return literal_node(ps, cp, caseless);
  }
  if (e == 't') {
    ps->at += 2;
    return literal_node(ps, '\t', caseless);
  }
  static const char CONTROLS[] = "nrfea", CODES[] = "\n\r\f\x1b\a";
  const char *control = e ? strchr(CONTROLS, e) : NULL;
  if (control) {
    ps->at += 2;
    return byte_node(ps, (unsigned char)CODES[control - CONTROLS]);
  }
  unsigned char c = (unsigned char)e;
  if (c >= 0x21 && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
      !(c >= 'A' && c <= 'Z')) {
    ps->at += 2;
    return literal_node(ps, c, caseless);
  }
  ps->failed = true; /* backreferences, \Q, \c, \o, \g, \k, octal ... */
  return 0;
}

/* "(?" at the reader: an option setting, a group of any kind, or a call. */
static size_t parse_special_group(parser *ps, bool *caseless, bool *is_setting) {
  const char *p = ps->p;
  size_t i = ps->at + 2; /* after "(?" */
  *is_setting = false;
  char c = p[i];
  if (c == '#') {
    const char *close = strchr(p + i, ')');
    if (!close) {
      ps->failed = true;
      return 0;
    }
    ps->at = (size_t)(close - p) + 1;
    *is_setting = true; /* nothing */
    return 0;
  }
  if (c == ':' || c == '>' || c == '|') {
    ps->at = i + 1;
    size_t inner = parse_alt(ps, *caseless);
    expect_close(ps);
    return inner;
  }
  if (c == '=') {
    ps->at = i + 1;
    size_t inner = parse_alt(ps, *caseless);
    expect_close(ps);
    size_t look = new_node(ps, N_LOOK);
    if (!ps->failed) ps->nodes[look].child = inner;
    return look;
  }
  if (c == '!' || (c == '<' && (p[i + 1] == '=' || p[i + 1] == '!'))) {
    ps->at = i + (c == '!' ? 1 : 2);
    parse_alt(ps, *caseless);
    expect_close(ps);
    return new_node(ps, N_ZERO);
  }
  if (c == '<' || c == '\'' || (c == 'P' && p[i + 1] == '<')) {
    if (c == 'P') i++;
    char close = p[i] == '<' ? '>' : '\'';
    const char *end = strchr(p + i + 1, close);
    if (!end) {
      ps->failed = true;
      return 0;
    }
    const char *name = p + i + 1;
    size_t name_len = (size_t)(end - name);
    ps->at = (size_t)(end - p) + 1;
    size_t inner = parse_alt(ps, *caseless);
    expect_close(ps);
    note_name(ps, name, name_len, inner);
    return inner;
  }
  if (c == '&' || (c == 'P' && p[i + 1] == '>')) {
    const char *name = p + i + (c == '&' ? 1 : 2);
    const char *end = strchr(name, ')');
    if (!end) {
      ps->failed = true;
      return 0;
    }
    size_t id = new_node(ps, N_CALL);
    if (!ps->failed) {
      ps->nodes[id].name = name;
      ps->nodes[id].name_len = (size_t)(end - name);
    }
    ps->at = (size_t)(end - p) + 1;
    return id;
  }
  if (c == '(') {
    static const char DEFINE[] = "(DEFINE)";
    if (strncmp(p + i, DEFINE, sizeof DEFINE - 1) != 0) {
      ps->failed = true; /* a condition */
      return 0;
    }
    ps->at = i + sizeof DEFINE - 1;
    parse_alt(ps, *caseless);
    expect_close(ps);
    return new_node(ps, N_ZERO);
  }
  /* Option letters, then ")" (for the rest of the group) or ":" (a group of its own). */
  bool on = true, now = *caseless;
  for (; p[i] && p[i] != ')' && p[i] != ':'; i++) {
    if (p[i] == '-') on = false;
    else if (p[i] == '^') on = false, now = false;
    else if (p[i] == 'i') now = on;
    else if (!strchr("msnJU", p[i])) {
      ps->failed = true; /* x and xx (extended syntax), callouts, recursion ... */
      return 0;
    }
  }
  if (p[i] == ')') {
    ps->at = i + 1;
    *caseless = now;
    *is_setting = true;
    return 0;
  }
  if (p[i] != ':') {
    ps->failed = true;
    return 0;
  }
  ps->at = i + 1;
  size_t inner = parse_alt(ps, now);
  expect_close(ps);
  return inner;
}

/* A quantifier after an atom, if one follows: the repeat, else ATOM. */
static size_t parse_quantifier(parser *ps, size_t atom) {
  const char *p = ps->p;
  unsigned long min, max;
  char c = p[ps->at];
  size_t end = ps->at + 1;
  if (c == '*') min = 0, max = ULONG_MAX;
  else if (c == '+') min = 1, max = ULONG_MAX;
  else if (c == '?') min = 0, max = 1;
  else if (c == '{') {
    size_t i = ps->at + 1;
    if (p[i] == ',' || (p[i] == ' ')) {
      ps->failed = true; /* "{,n}" reads differently in PCRE2's versions */
      return atom;
    }
    if (!(p[i] >= '0' && p[i] <= '9')) return atom; /* a literal "{" follows */
    min = 0;
    for (; p[i] >= '0' && p[i] <= '9'; i++) min = min * 10 + (unsigned long)(p[i] - '0');
    max = min;
    if (p[i] == ',') {
      i++;
      if (p[i] >= '0' && p[i] <= '9') {
        max = 0;
        for (; p[i] >= '0' && p[i] <= '9'; i++) max = max * 10 + (unsigned long)(p[i] - '0');
      } else {
        max = ULONG_MAX;
      }
    }
    if (p[i] != '}') {
      ps->failed = true;
      return atom;
    }
    end = i + 1;
  } else {
    return atom;
  }
  ps->at = end;
  if (p[ps->at] == '?' || p[ps->at] == '+') ps->at++;
  size_t id = new_node(ps, N_REPEAT);
  if (!ps->failed) {
    ps->nodes[id].child = atom;
    ps->nodes[id].min = min;
    ps->nodes[id].max = max;
  }
  return id;
}

static size_t parse_alt(parser *ps, bool caseless) {
  size_t alt = new_node(ps, N_ALT), seq = new_node(ps, N_SEQ);
  while (!ps->failed && ps->p[ps->at] && ps->p[ps->at] != ')') {
    char c = ps->p[ps->at];
    if (c == '|') {
      add_kid(ps, alt, seq);
      seq = new_node(ps, N_SEQ);
      ps->at++;
      continue;
    }
    size_t atom;
    if (c == '(') {
      if (ps->p[ps->at + 1] == '*') {
        ps->failed = true; /* verbs */
        break;
      }
      if (ps->p[ps->at + 1] == '?') {
        bool setting;
        atom = parse_special_group(ps, &caseless, &setting);
        if (setting) continue;
      } else {
        ps->at++;
        atom = parse_alt(ps, caseless);
        expect_close(ps);
      }
    } else if (c == '[') {
      atom = parse_class(ps, caseless);
    } else if (c == '\\') {
      if (!ps->p[ps->at + 1]) {
        ps->failed = true;
        break;
      }
      atom = parse_escape(ps, caseless);
    } else if (c == '.') {
      ps->at++;
      uint64_t all[2];
      ascii_all(all); /* a newline too, under (?s) */
      atom = any_node(ps, all);
    } else if (c == '^' || c == '$') {
      ps->at++;
      atom = new_node(ps, N_ZERO);
    } else if (c == '*' || c == '+' || c == '?') {
      ps->failed = true; /* a quantifier with nothing before it */
      break;
    } else {
      uint32_t cp = take_char(ps);
      if (ps->failed) break;
      atom = (cp == '\n' || cp == '\r') ? byte_node(ps, cp) : literal_node(ps, cp, caseless);
    }
    atom = parse_quantifier(ps, atom);
    add_kid(ps, seq, atom);
  }
  add_kid(ps, alt, seq);
  return alt;
}

/* ---- what a node requires --------------------------------------------------------------- */

/* A literal while the pattern is read: its bytes in the reader's arena. */
typedef struct lit {
  size_t at, len;
  bool caseless;
} lit;

typedef struct lit_set {
  lit *items;
  size_t count, cap;
  bool some; /* false: the node requires nothing */
  size_t lead; /* the most bytes from the node's start to one of its literals' (PK_LEAD_ANY) */
} lit_set;

/* A string of literal characters a node always matches exactly, if it does. */
typedef struct exact {
  char text[MAX_LITERAL];
  size_t len;
  bool caseless;
  bool some; /* false: the node matches no one fixed string */
} exact;

typedef struct memo {
  bool done;
  bool busy; /* being worked out: a call inside the group itself recurses */
  exact ex;
  lit_set set;
} memo;

typedef struct reader_ctx {
  const parser *ps;
  char *arena;
  size_t arena_len, arena_cap;
  memo *memos; /* per group name: what a call of it requires */
  size_t *longest; /* per node: the most bytes it reads + 1, 0 until worked out */
  bool failed;
} reader_ctx;

static size_t add_lengths(size_t a, size_t b) { return a > PK_LEAD_ANY - b ? PK_LEAD_ANY : a + b; }

/* The most bytes node ID consumes (PK_LEAD_ANY: no bound): a character of a class four
 * (UTF-8's longest), a letter in any case three (KELVIN SIGN is k), assertions none. */
static size_t longest(reader_ctx *ctx, size_t id, unsigned depth) {
  if (depth > MAX_DEPTH) return PK_LEAD_ANY;
  if (ctx->longest && ctx->longest[id]) return ctx->longest[id] - 1;
  const node *n = &ctx->ps->nodes[id];
  size_t most = 0;
  switch (n->kind) {
  case N_LIT: most = n->caseless ? 3 : n->nbytes; break;
  case N_ANY: most = 4; break;
  case N_ZERO:
  case N_LOOK: most = 0; break;
  case N_SEQ:
  case N_ALT:
    for (size_t kid = n->nkids ? n->first : 0, k = 0; k < n->nkids; k++, kid = ctx->ps->nodes[kid].next) {
      size_t part = longest(ctx, kid, depth + 1);
      most = n->kind == N_SEQ ? add_lengths(most, part) : (part > most ? part : most);
    }
    break;
  case N_REPEAT: {
    size_t one = longest(ctx, n->child, depth + 1);
    most = n->max == 0 ? 0 : n->max == ULONG_MAX ? (one ? PK_LEAD_ANY : 0)
           : one > PK_LEAD_ANY / n->max ? PK_LEAD_ANY : one * n->max;
    break;
  }
  case N_CALL:
    most = PK_LEAD_ANY;
    for (size_t i = 0; i < ctx->ps->name_count; i++) {
      const group_name *g = &ctx->ps->names[i];
      if (g->len == n->name_len && memcmp(g->name, n->name, g->len) == 0 && g->count == 1)
        most = longest(ctx, g->node, depth + 1);
    }
    break;
  }
  if (ctx->longest) ctx->longest[id] = most == PK_LEAD_ANY ? PK_LEAD_ANY : most + 1;
  return most;
}

static void set_free(lit_set *set) {
  free(set->items);
  *set = (lit_set){0};
}

static bool set_add(reader_ctx *ctx, lit_set *set, const char *text, size_t len, bool caseless) {
  for (size_t i = 0; i < set->count; i++)
    if (set->items[i].len == len && set->items[i].caseless == caseless &&
        memcmp(ctx->arena + set->items[i].at, text, len) == 0)
      return true;
  if (set->count >= MAX_SET) return false;
  if (set->count == set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 8;
    lit *grown = realloc(set->items, cap * sizeof *grown);
    if (!grown) return false;
    set->items = grown;
    set->cap = cap;
  }
  /* TEXT may be in the arena itself: where it is, it is there already. */
  size_t at;
  if (ctx->arena && text >= ctx->arena && text < ctx->arena + ctx->arena_len) {
    at = (size_t)(text - ctx->arena);
  } else {
    if (ctx->arena_len + len > ctx->arena_cap) {
      size_t cap = ctx->arena_cap ? ctx->arena_cap * 2 : 1024;
      while (cap < ctx->arena_len + len) cap *= 2;
      char *grown = realloc(ctx->arena, cap);
      if (!grown) return false;
      ctx->arena = grown;
      ctx->arena_cap = cap;
    }
    at = ctx->arena_len;
    memcpy(ctx->arena + at, text, len);
    /* A caseless literal is compared in lower case: its letters all go there. */
    if (caseless)
      for (size_t i = 0; i < len; i++)
        if (ctx->arena[at + i] >= 'A' && ctx->arena[at + i] <= 'Z') ctx->arena[at + i] |= 0x20;
    ctx->arena_len += len;
  }
  set->items[set->count++] = (lit){at, len, caseless};
  return true;
}

/* SET's literals added to OUT. */
static bool set_merge(reader_ctx *ctx, lit_set *out, const lit_set *set) {
  for (size_t i = 0; i < set->count; i++) {
    const lit *l = &set->items[i];
    bool known = false;
    for (size_t k = 0; k < out->count && !known; k++)
      known = out->items[k].len == l->len && out->items[k].caseless == l->caseless &&
              memcmp(ctx->arena + out->items[k].at, ctx->arena + l->at, l->len) == 0;
    if (known) continue;
    if (out->count >= MAX_SET) return false;
    if (out->count == out->cap) {
      size_t cap = out->cap ? out->cap * 2 : 8;
      while (cap < out->count + 1) cap *= 2;
      lit *grown = realloc(out->items, cap * sizeof *grown);
      if (!grown) return false;
      out->items = grown;
      out->cap = cap;
    }
    out->items[out->count++] = *l;
  }
  return true;
}

static bool set_copy(const lit_set *from, lit_set *to) {
  *to = (lit_set){.some = from->some, .lead = from->lead};
  if (!from->count) return true;
  to->items = malloc(from->count * sizeof *to->items);
  if (!to->items) return false;
  memcpy(to->items, from->items, from->count * sizeof *to->items);
  to->count = to->cap = from->count;
  return true;
}

/* The shortest literal's length, the worth of a set: a longer one rules out more lines. */
static size_t shortest(const lit_set *set) {
  size_t best = (size_t)-1;
  for (size_t i = 0; i < set->count; i++)
    if (set->items[i].len < best) best = set->items[i].len;
  return set->count ? best : 0;
}

static bool better(const lit_set *a, const lit_set *b) {
  if (!a->some) return false;
  if (!b->some) return true;
  size_t sa = shortest(a), sb = shortest(b);
  return sa != sb ? sa > sb : a->count < b->count;
}

static bool set_of_exact(reader_ctx *ctx, const exact *e, lit_set *out) {
  *out = (lit_set){0};
  if (!e->some || !e->len) return true;
  out->some = true;
  return set_add(ctx, out, e->text, e->len, e->caseless);
}

/* BEST becomes CANDIDATE where that is better; the other is freed. */
static void keep_better(lit_set *best, lit_set *candidate) {
  if (better(candidate, best)) {
    set_free(best);
    *best = *candidate;
  } else {
    set_free(candidate);
  }
}

static void require(reader_ctx *ctx, size_t id, unsigned depth, exact *ex, lit_set *out);

/* Each part's literals stand OFFSET bytes further from the sequence's start at most: the
 * most the parts before it read. */
static void require_seq(reader_ctx *ctx, const node *n, unsigned depth, exact *ex, lit_set *out) {
  exact run = {.some = true};
  bool all_exact = true;
  lit_set best = {0}, r;
  size_t offset = 0, run_offset = 0;
  for (size_t kid = n->nkids ? n->first : 0, k = 0; k < n->nkids && !ctx->failed;
       k++, kid = ctx->ps->nodes[kid].next) {
    exact e;
    lit_set s;
    require(ctx, kid, depth, &e, &s);
    s.lead = add_lengths(offset, s.lead);
    keep_better(&best, &s);
    size_t here = offset;
    offset = add_lengths(offset, longest(ctx, kid, depth));
    if (e.some && run.len + e.len <= MAX_LITERAL) {
      if (!run.len) run_offset = here;
      memcpy(run.text + run.len, e.text, e.len);
      run.len += e.len;
      run.caseless = run.caseless || e.caseless;
      continue;
    }
    all_exact = false;
    if (!set_of_exact(ctx, &run, &r)) ctx->failed = true;
    r.lead = run_offset;
    keep_better(&best, &r);
    run = (exact){.some = true};
    /* A literal too long to join the run starts the next. */
    if (e.some) {
      memcpy(run.text, e.text, e.len);
      run.len = e.len;
      run.caseless = e.caseless;
      run_offset = here;
    }
  }
  if (!set_of_exact(ctx, &run, &r)) ctx->failed = true;
  r.lead = run_offset;
  keep_better(&best, &r);
  *ex = all_exact ? run : (exact){0};
  *out = best;
}

static void require_alt(reader_ctx *ctx, const node *n, unsigned depth, exact *ex, lit_set *out) {
  *ex = (exact){0};
  if (n->nkids == 1) {
    require(ctx, n->first, depth, ex, out);
    return;
  }
  *out = (lit_set){.some = true};
  for (size_t kid = n->first, k = 0; k < n->nkids && !ctx->failed;
       k++, kid = ctx->ps->nodes[kid].next) {
    exact e;
    lit_set s;
    require(ctx, kid, depth, &e, &s);
    if (e.some && e.len) {
      set_free(&s);
      if (!set_of_exact(ctx, &e, &s)) ctx->failed = true;
    }
    if (!s.some) {
      set_free(&s);
      set_free(out);
      return;
    }
    if (s.lead > out->lead) out->lead = s.lead;
    if (!set_merge(ctx, out, &s)) ctx->failed = true;
    set_free(&s);
  }
}

static void require(reader_ctx *ctx, size_t id, unsigned depth, exact *ex, lit_set *out) {
  *ex = (exact){0};
  *out = (lit_set){0};
  if (ctx->failed || depth > MAX_DEPTH) {
    ctx->failed = true;
    return;
  }
  const node *n = &ctx->ps->nodes[id];
  switch (n->kind) {
  case N_LIT:
    memcpy(ex->text, n->bytes, n->nbytes);
    ex->len = n->nbytes;
    ex->caseless = n->caseless;
    ex->some = true; /* the sequence it stands in makes its run a set */
    return;
  case N_ANY:
    return;
  case N_ZERO:
    ex->some = true; /* the empty string */
    return;
  case N_SEQ:
    require_seq(ctx, n, depth, ex, out);
    return;
  case N_ALT:
    require_alt(ctx, n, depth, ex, out);
    return;
  case N_REPEAT: {
    exact e;
    require(ctx, n->child, depth + 1, &e, out);
    if (n->min == 1 && n->max == 1) *ex = e;
    else if (n->min == 0 && n->max == 0) ex->some = true;
    if (n->min == 0) {
      set_free(out);
    } else if (e.some && e.len) {
      set_free(out);
      if (!set_of_exact(ctx, &e, out)) ctx->failed = true;
    }
    return;
  }
  case N_LOOK: {
    exact e;
    require(ctx, n->child, depth + 1, &e, out);
    if (e.some && e.len) {
      set_free(out);
      if (!set_of_exact(ctx, &e, out)) ctx->failed = true;
    }
    ex->some = true; /* it consumes nothing */
    return;
  }
  case N_CALL:
    for (size_t i = 0; i < ctx->ps->name_count; i++) {
      const group_name *g = &ctx->ps->names[i];
      if (g->len != n->name_len || memcmp(g->name, n->name, g->len) != 0) continue;
      if (g->count != 1) return;
      /* A group reads the same wherever it is called: worked out once. */
      memo *m = &ctx->memos[i];
      /* A group that calls itself ("(?<g>a(?&g)?b)") promises nothing at its inner call:
       * worked out again there, it would write over the set the outer call is building. */
      if (m->busy) return;
      if (!m->done) {
        m->busy = true;
        require(ctx, g->node, depth + 1, &m->ex, &m->set);
        m->busy = false;
        m->done = !ctx->failed;
      }
      if (ctx->failed) return;
      *ex = m->ex;
      if (!set_copy(&m->set, out)) ctx->failed = true;
      return;
    }
    return;
  }
}

void pk_literal_set_free(pk_literal_set *set) {
  for (size_t i = 0; i < set->count; i++) free(set->items[i].text);
  free(set->items);
  *set = (pk_literal_set){0};
}

bool pk_pattern_literals(const char *pattern, pk_literal_set *out) {
  *out = (pk_literal_set){0};
  parser ps = {.p = pattern};
  new_node(&ps, N_ANY); /* node 0: "none" in the links */
  size_t root = parse_alt(&ps, false);
  if (pattern[ps.at] != '\0') ps.failed = true; /* an unmatched ")" */
  reader_ctx ctx = {.ps = &ps, .failed = ps.failed};
  if (!ctx.failed) {
    ctx.memos = calloc(ps.name_count + 1, sizeof *ctx.memos);
    ctx.longest = calloc(ps.count + 1, sizeof *ctx.longest);
    if (!ctx.memos || !ctx.longest) ctx.failed = true;
  }
  exact ex;
  lit_set set = {0};
  if (!ctx.failed) require(&ctx, root, 0, &ex, &set);
  if (!ctx.failed && ex.some && ex.len) {
    set_free(&set);
    if (!set_of_exact(&ctx, &ex, &set)) ctx.failed = true;
  }
  out->lead = set.lead;
  bool ok = !ctx.failed && set.some && set.count && shortest(&set) >= PK_LITERAL_MIN;
  /* Every node the pattern holds, wherever it stands (in a lookbehind, a negative
   * assertion, a group defined and not called): more bytes than a match may read, never
   * fewer. */
  for (size_t i = 1; ok && i < ps.count; i++)
    out->reads[0] |= ps.nodes[i].ascii[0], out->reads[1] |= ps.nodes[i].ascii[1];
  if (ps.at_start_offset) ascii_all(out->reads);
  if (ok) {
    out->items = calloc(set.count, sizeof *out->items);
    ok = out->items != NULL;
    for (size_t i = 0; ok && i < set.count; i++) {
      char *text = malloc(set.items[i].len + 1);
      if (!text) {
        ok = false;
        break;
      }
      memcpy(text, ctx.arena + set.items[i].at, set.items[i].len);
      text[set.items[i].len] = '\0';
      out->items[out->count++] = (pk_literal){text, set.items[i].len, set.items[i].caseless};
    }
    if (!ok) pk_literal_set_free(out);
  }
  set_free(&set);
  for (size_t i = 0; ctx.memos && i < ps.name_count; i++) set_free(&ctx.memos[i].set);
  free(ctx.memos);
  free(ctx.longest);
  free(ctx.arena);
  free(ps.nodes);
  free(ps.names);
  return ok;
}

/* ---- the bytes a match starts with ----------------------------------------------------- */

typedef struct first_set {
  uint64_t bits[4]; /* bit N of bits[N / 64]: a match may start with byte N */
  bool nullable;    /* the node may match the empty string */
} first_set;

static void first_of(const parser *ps, size_t id, unsigned depth, first_set *out, bool *unknown);

static void first_of_call(const parser *ps, const node *n, unsigned depth, first_set *out,
                          bool *unknown) {
  for (size_t i = 0; i < ps->name_count; i++) {
    const group_name *g = &ps->names[i];
    if (g->len != n->name_len || memcmp(g->name, n->name, g->len) != 0) continue;
    if (g->count == 1) first_of(ps, g->node, depth + 1, out, unknown);
    else *unknown = true;
    return;
  }
  *unknown = true;
}

/* What node ID may start with: its first character's first byte (any byte outside ASCII
 * where the node reads a class), and whether it may read nothing.  Assertions read
 * nothing here (a set too large is safe). */
static void first_of(const parser *ps, size_t id, unsigned depth, first_set *out, bool *unknown) {
  *out = (first_set){.nullable = true};
  if (*unknown || depth > MAX_DEPTH) {
    *unknown = true;
    return;
  }
  const node *n = &ps->nodes[id];
  first_set part;
  switch (n->kind) {
  case N_LIT:
    out->nullable = false;
    out->bits[n->bytes[0] >> 6] |= 1ULL << (n->bytes[0] & 63);
    if (n->caseless) out->bits[(n->bytes[0] & ~0x20) >> 6] |= 1ULL << ((n->bytes[0] & ~0x20) & 63);
    return;
  case N_ANY:
    out->nullable = false;
    out->bits[0] = n->ascii[0], out->bits[1] = n->ascii[1];
    out->bits[2] = out->bits[3] = ~0ULL;
    return;
  case N_ZERO:
  case N_LOOK:
    return;
  case N_SEQ:
  case N_ALT:
    out->nullable = n->kind == N_SEQ;
    for (size_t kid = n->nkids ? n->first : 0, k = 0; k < n->nkids && !*unknown;
         k++, kid = ps->nodes[kid].next) {
      first_of(ps, kid, depth + 1, &part, unknown);
      for (int w = 0; w < 4; w++) out->bits[w] |= part.bits[w];
      if (n->kind == N_ALT) out->nullable = out->nullable || part.nullable;
      else if (!part.nullable) {
        out->nullable = false;
        break;
      }
    }
    if (n->kind == N_ALT && !n->nkids) out->nullable = true;
    return;
  case N_REPEAT:
    if (n->max == 0) return;
    first_of(ps, n->child, depth + 1, out, unknown);
    out->nullable = out->nullable || n->min == 0;
    return;
  case N_CALL:
    first_of_call(ps, n, depth, out, unknown);
    return;
  }
}

bool pk_pattern_first_bytes(const char *pattern, uint64_t first[4]) {
  parser ps = {.p = pattern};
  new_node(&ps, N_ANY); /* node 0: "none" in the links */
  size_t root = parse_alt(&ps, false);
  if (pattern[ps.at] != '\0') ps.failed = true;
  bool unknown = ps.failed;
  first_set set = {.nullable = true};
  if (!unknown) first_of(&ps, root, 0, &set, &unknown);
  bool known = !unknown && !set.nullable;
  if (known) memcpy(first, set.bits, sizeof set.bits);
  free(ps.nodes);
  free(ps.names);
  return known;
}

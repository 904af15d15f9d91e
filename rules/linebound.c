/* linebound.c: whether a pattern's matches stay inside one line (see linebound.h).
 *
 * A conservative reading of the pattern's text: anything it does not know, or that could
 * match or look past a newline, makes the answer no.  A wrong yes would let the segmenter
 * take a match from the decoder's window that its own search would not find; a wrong no
 * only costs the search. */
#include "config.h"

#include "linebound.h"

#include <stdbool.h>
#include <string.h>

/* General categories of Unicode (none holds a newline, which is Cc), and the script
 * the templates are written in. */
static const char *const PROPERTIES[] = {
    "L",  "Lu", "Ll", "Lt", "Lm", "Lo", "L&", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd",
    "Ps", "Pe", "Pi", "Pf", "Po", "S",  "Sm", "Sc", "Sk", "So", "M",  "Mn", "Mc", "Me",
    "Z",  "Zs", "Zl", "Zp", "Latin"};

static bool known_property(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof PROPERTIES / sizeof *PROPERTIES; i++)
    if (strlen(PROPERTIES[i]) == len && memcmp(PROPERTIES[i], name, len) == 0) return true;
  return false;
}

/* \p{Name} or \pL at P (just after the backslash): its length, or 0 when the property
 * could hold a newline (a negated one, \p{Any}, \p{Cc}, a script of no letters). */
static size_t property_escape(const char *p) {
  if (p[0] != 'p') return 0;
  if (p[1] != '{') return known_property(p + 1, 1) ? 2 : 0;
  const char *close = strchr(p + 2, '}');
  if (!close || !known_property(p + 2, (size_t)(close - p - 2))) return 0;
  return (size_t)(close - p) + 1;
}

/* An escape that matches only characters other than a newline, or asserts at one place
 * without reading past the characters beside it, at P (just after the backslash): its
 * length, or 0.  \n is not among them: the classes below take it on their own terms. */
static size_t safe_escape(const char *p) {
  if (p[0] == 'p') return property_escape(p);
  if (strchr("hdwbBt", p[0])) return 1;
  /* An escaped punctuation character is that character. */
  unsigned char c = (unsigned char)p[0];
  if (c >= 0x21 && c < 0x7F && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
      !(c >= 'A' && c <= 'Z'))
    return 1;
  return 0;
}

/* The class starting at P ('['): its length, or 0 when it may match a newline.  A
 * negated class is safe only with \n in it; a class that is not negated must hold nothing
 * that matches one. */
static size_t class_length(const char *p) {
  size_t i = 1;
  bool negated = p[i] == '^', newline = false, unsafe = false;
  if (negated) i++;
  if (p[i] == ']') i++; /* a ']' first is a character of the class */
  while (p[i] && p[i] != ']') {
    if (p[i] == '\\') {
      if (p[i + 1] == 'n') {
        newline = true;
        i += 2;
        continue;
      }
      size_t len = safe_escape(p + i + 1);
      /* \t-x would be a range over the control characters, newline among them. */
      if (!len || (p[i + 1] == 't' && (p[i + 2] == '-' || (i > 1 && p[i - 1] == '-'))))
        unsafe = true;
      i += 1 + (len ? len : 1);
    } else if (p[i] == '[' && p[i + 1] == ':') {
      const char *end = strstr(p + i + 2, ":]");
      if (!end) return 0;
      size_t len = (size_t)(end - (p + i + 2));
      if (p[i + 2] == '^' || (len == 5 && (memcmp(p + i + 2, "space", 5) == 0 ||
                                           memcmp(p + i + 2, "cntrl", 5) == 0)))
        unsafe = true;
      i = (size_t)(end - p) + 2;
    } else {
      if ((unsigned char)p[i] < 0x20 && p[i] != '\t') unsafe = true;
      i++;
    }
  }
  if (p[i] != ']') return 0;
  if (negated ? !newline : (newline || unsafe)) return 0;
  return i + 1;
}

/* An option setting "(?letters)" or "(?letters:" at P ('('): its length up to the
 * letters' end, 0 when P is no option setting.  *DOTALL when it turns on (?s), *UNSETS
 * when it turns off an option other than (?i) ('^' turns off all of them): (?-i:...) only
 * compares letters by case, and reads no more of the text. */
static size_t option_setting(const char *p, bool *dotall, bool *unsets) {
  if (p[1] != '?') return 0;
  size_t i = 2;
  bool off = false, other_off = false;
  while ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') || p[i] == '-' ||
         p[i] == '^') {
    if (p[i] == '^') other_off = true;
    if (p[i] == '-' || p[i] == '^') off = true;
    else if (p[i] == 's' && !off) *dotall = true;
    else if (off && p[i] != 'i') other_off = true;
    i++;
  }
  if (i == 2 || (p[i] != ')' && p[i] != ':')) return 0;
  *unsets = *unsets || other_off;
  return i;
}

/* Whether the pattern starts by turning on (?m), so that its ^ and $ are line anchors. */
static bool starts_multiline(const char *pattern) {
  if (pattern[0] != '(' || pattern[1] != '?') return false;
  bool m = false;
  size_t i = 2;
  for (; (pattern[i] >= 'a' && pattern[i] <= 'z') || (pattern[i] >= 'A' && pattern[i] <= 'Z'); i++)
    m = m || pattern[i] == 'm';
  return m && pattern[i] == ')';
}

/* The length of the class starting at P ('['), whatever it holds; 0 when it is not closed. */
static size_t skip_class(const char *p) {
  size_t i = 1;
  if (p[i] == '^') i++;
  if (p[i] == ']') i++;
  while (p[i] && p[i] != ']') {
    if (p[i] == '\\' && p[i + 1]) i += 2;
    else if (p[i] == '[' && p[i + 1] == ':' && strstr(p + i + 2, ":]"))
      i = (size_t)(strstr(p + i + 2, ":]") - p) + 2;
    else i++;
  }
  return p[i] == ']' ? i + 1 : 0;
}

bool pk_pattern_starts_lines(const char *pattern) {
  static const char START[] = "(?m)^";
  if (strncmp(pattern, START, sizeof START - 1) != 0) return false;
  int depth = 0;
  for (size_t i = sizeof START - 1; pattern[i];) {
    char c = pattern[i];
    if (c == '\\') {
      if (pattern[i + 1] == 'Q') return false; /* quoted text: not worth reading */
      i += pattern[i + 1] ? 2 : 1;
    } else if (c == '[') {
      size_t len = skip_class(pattern + i);
      if (!len) return false;
      i += len;
    } else if (c == '(' && pattern[i + 1] == '?' && pattern[i + 2] == '#') {
      const char *close = strchr(pattern + i, ')');
      if (!close) return false;
      i = (size_t)(close - pattern) + 1;
    } else {
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == '|' && depth == 0) return false;
      if (depth < 0) return false;
      i++;
    }
  }
  return true;
}

bool pk_pattern_line_bound(const char *pattern) {
  bool multiline = starts_multiline(pattern), dotall = false, unsets = false;
  for (size_t i = 0; pattern[i];) {
    char c = pattern[i];
    if (c == '\\') {
      /* \K, \G, \A, \z, \Z, \n, \s, \R, \x.., backreferences: all no. */
      size_t len = safe_escape(pattern + i + 1);
      if (!len) return false;
      i += 1 + len;
    } else if (c == '[') {
      size_t len = class_length(pattern + i);
      if (!len) return false;
      i += len;
    } else if (c == '(' && pattern[i + 1] == '*') {
      return false; /* verbs, and the newline conventions (*CR), (*ANY) ... */
    } else if (c == '(' && pattern[i + 1] == '?' && pattern[i + 2] == 'C') {
      return false; /* callouts */
    } else if (c == '(' && pattern[i + 1] == '?' && pattern[i + 2] == '#') {
      const char *close = strchr(pattern + i, ')');
      if (!close) return false;
      i = (size_t)(close - pattern) + 1;
    } else if (c == '(') {
      size_t len = option_setting(pattern + i, &dotall, &unsets);
      if (dotall || unsets) return false;
      i += len ? len : 1;
    } else if (c == '^' || c == '$') {
      if (!multiline) return false; /* the subject's own start or end */
      i++;
    } else {
      i++;
    }
  }
  return true;
}

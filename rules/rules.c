/* rules.c: loading, checking and compiling rule files, and matching with PCRE2 JIT. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rules.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "builtin.h"

/* Generous for real headings, small enough that a backtracking rule fails fast. */
/* A rule that hits the match limit GIVE_UP times in one document is not tried again
 * there: a pattern that backtracks catastrophically on this layout would otherwise spend
 * the limit at every line. */
enum { MATCH_LIMIT = 5000000, DEPTH_LIMIT = 5000, JIT_STACK_MAX = 1024 * 1024, GIVE_UP = 16 };
enum { TAIL_MAX = 65536 };

typedef struct rule_option {
  char *key;
  char *value;
} rule_option;

struct pk_rule {
  char *name;
  char *kind; /* "section" */
  char *arg;  /* "summary", or "" */
  char *profile; /* "" for rules every profile uses */
  char *file;
  long line;
  rule_option *options;
  size_t option_count;
  int kind_id; /* index of kind in KNOWN_KINDS: every document selects its rules by kind */
  pcre2_code *code;
  /* The same pattern compiled anchored, for the kinds tried at one place: PCRE2's JIT
   * does not take PCRE2_ANCHORED at match time and would leave such matches to the
   * interpreter, several times slower. */
  pcre2_code *anchored_code;
  /* after=sentence: the pattern as it matches right after a sentence's end glued to it
   * ("... kl. 16.30.Sagsfremstilling"), where the pattern itself starts at a line's. */
  pcre2_code *sentence_code;
  size_t tail;          /* tail=N: matches lie in the last N bytes of a line; 0 = anywhere */
  const char *contains; /* contains=TEXT: every match holds TEXT (the option's own string) */
  unsigned lines;       /* lines=N: an item rule sees its unit and the N-1 non-blank after it */
  size_t contains_len;
  bool disabled;
  size_t slot; /* its index in pk_rules, for per-parser counts */
  char *pattern; /* as written: a word list that grows is compiled into it again */
  long pattern_column;
};

/* `words NAME = ALTERNATIVES`: a lexicon a pattern calls as (?&NAME).  Each line of the
 * same name adds alternatives, so a rule directory can extend a built-in lexicon. */
typedef struct word_list {
  char *name;
  pk_buf alternatives; /* "a|b|c", without a group around it */
} word_list;

struct pk_rules {
  pk_rule **slots;
  size_t count;
  size_t cap;
  char **profiles; /* the distinct profile names, in the order they first appear */
  size_t profile_count;
  size_t profile_cap;
  bool no_jit; /* pk_rules_set_jit(rules, 0) */
  word_list *lists;
  size_t list_count;
};

/* The kinds a rule file may use: whether the kind needs an argument, and whether the
 * segmenter or the contents reader tries its rules at one place (anchored). */
static const struct {
  const char *kind;
  bool needs_arg;
  bool anchored;
} KNOWN_KINDS[] = {
    {"wrapper", false, false},    {"transcript-start", false, false}, {"related", false, false},
    {"kind", true, false},        {"meta", true, false},              {"item", false, true},
    {"section", true, false},     {"attachment", false, true},        {"appendix", false, true},
    {"backmatter", false, true},  {"access", true, true},             {"detect", false, false},
    {"field", true, false},       {"toc", true, true},                {"contents", false, true},
    {"group", true, false},       {"entry", false, true},             {"title-end", false, false},
    {"ocr-word", false, true},
};

enum { KIND_UNKNOWN = -1 };
static int kind_index(const char *kind);
static void free_codes(pk_rule *rule);

/* ---- rule records ------------------------------------------------------------------ */

static void rule_free(pk_rule *rule) {
  if (!rule) return;
  for (size_t i = 0; i < rule->option_count; i++) {
    free(rule->options[i].key);
    free(rule->options[i].value);
  }
  free(rule->options);
  free_codes(rule);
  free(rule->name);
  free(rule->kind);
  free(rule->arg);
  free(rule->profile);
  free(rule->file);
  free(rule->pattern);
  free(rule);
}

pk_rules *pk_rules_new(void) { return calloc(1, sizeof(pk_rules)); }

void pk_rules_free(pk_rules *rules) {
  if (!rules) return;
  for (size_t i = 0; i < rules->count; i++) rule_free(rules->slots[i]);
  free(rules->slots);
  for (size_t i = 0; i < rules->profile_count; i++) free(rules->profiles[i]);
  free(rules->profiles);
  for (size_t i = 0; i < rules->list_count; i++) {
    free(rules->lists[i].name);
    pk_buf_free(&rules->lists[i].alternatives);
  }
  free(rules->lists);
  free(rules);
}

size_t pk_rules_size(const pk_rules *rules) { return rules->count; }

const pk_rule *pk_rules_at(const pk_rules *rules, size_t i) {
  return i < rules->count && !rules->slots[i]->disabled ? rules->slots[i] : NULL;
}

void pk_rules_set_jit(pk_rules *rules, int enabled) { rules->no_jit = !enabled; }

size_t pk_rules_count(const pk_rules *rules) {
  size_t active = 0;
  for (size_t i = 0; i < rules->count; i++) active += !rules->slots[i]->disabled;
  return active;
}

const char *pk_rule_name(const pk_rule *rule) { return rule->name; }
const char *pk_rule_kind(const pk_rule *rule) { return rule->kind; }
const char *pk_rule_arg(const pk_rule *rule) { return rule->arg; }
const char *pk_rule_profile(const pk_rule *rule) { return rule->profile; }
const char *pk_rule_file(const pk_rule *rule) { return rule->file; }
long pk_rule_line(const pk_rule *rule) { return rule->line; }
bool pk_rule_is(const pk_rule *rule, const char *kind) { return strcmp(rule->kind, kind) == 0; }

bool pk_rule_in_profile(const pk_rule *rule, const char *profile) {
  return !rule->profile[0] || (profile && strcmp(rule->profile, profile) == 0);
}

const pk_rule **pk_rules_select(const pk_rules *rules, const char *kind, const char *profile,
                                size_t *count) {
  const pk_rule **selected = calloc(rules->count + 1, sizeof *selected);
  *count = 0;
  if (!selected) return NULL;
  int kind_id = kind_index(kind);
  for (size_t i = 0; i < rules->count; i++) {
    const pk_rule *rule = rules->slots[i];
    if (!rule->disabled && rule->kind_id == kind_id && kind_id != KIND_UNKNOWN &&
        pk_rule_in_profile(rule, profile))
      selected[(*count)++] = rule;
  }
  return selected;
}

bool pk_rules_has_profile(const pk_rules *rules, const char *name) {
  for (size_t i = 0; i < rules->profile_count; i++)
    if (strcmp(rules->profiles[i], name) == 0) return true;
  return false;
}

/* The I-th distinct profile name in load order, or NULL past the last. */
const char *pk_rules_profile(const pk_rules *rules, size_t i) {
  return i < rules->profile_count ? rules->profiles[i] : NULL;
}

/* Every document asks for the list of profiles: it is kept as rules are stored. */
static bool note_profile(pk_rules *rules, const char *name) {
  if (!name[0] || pk_rules_has_profile(rules, name)) return true;
  if (!pk_reserve((void **)&rules->profiles, &rules->profile_cap, rules->profile_count + 1,
                  sizeof *rules->profiles))
    return false;
  char *copy = pk_strndup(name, strlen(name));
  if (!copy) return false;
  rules->profiles[rules->profile_count++] = copy;
  return true;
}

unsigned pk_rule_lines(const pk_rule *rule) { return rule->lines ? rule->lines : 1; }

const char *pk_rule_option(const pk_rule *rule, const char *key) {
  for (size_t i = 0; i < rule->option_count; i++)
    if (strcmp(rule->options[i].key, key) == 0) return rule->options[i].value;
  return NULL;
}

/* Names are unique within a profile (the common rules being one more profile). */
static bool same_slot(const pk_rule *rule, const char *profile, const char *name) {
  return strcmp(rule->profile, profile) == 0 && strcmp(rule->name, name) == 0;
}

long pk_rule_weight(const pk_rule *rule) {
  const char *weight = pk_rule_option(rule, "weight");
  return weight ? strtol(weight, NULL, 10) : 1;
}

static pk_rule *find_rule(pk_rules *rules, const char *profile, const char *name) {
  for (size_t i = 0; i < rules->count; i++)
    if (same_slot(rules->slots[i], profile, name)) return rules->slots[i];
  return NULL;
}

/* A rule with a name already present takes the old rule's place (and its order). */
static bool store_rule(pk_rules *rules, pk_rule *rule) {
  if (!note_profile(rules, rule->profile)) return false;
  for (size_t i = 0; i < rules->count; i++) {
    if (same_slot(rules->slots[i], rule->profile, rule->name)) {
      rule_free(rules->slots[i]);
      rule->slot = i;
      rules->slots[i] = rule;
      return true;
    }
  }
  if (rules->count == rules->cap) {
    size_t cap = rules->cap ? rules->cap * 2 : 32;
    pk_rule **slots = realloc(rules->slots, cap * sizeof *slots);
    if (!slots) return false;
    rules->slots = slots;
    rules->cap = cap;
  }
  rule->slot = rules->count;
  rules->slots[rules->count++] = rule;
  return true;
}

/* ---- parsing one line ---------------------------------------------------------------- */

typedef struct line_ctx {
  const char *file;
  long number;
  const char *text;    /* the line, NUL-terminated */
  const char *profile; /* set by the file's `profile NAME` line, or "" */
} line_ctx;

static pk_status line_error(const line_ctx *line, size_t column, pk_error *err,
                            const char *message) {
  return pk_error_set(err, PK_ERR_RULES, line->file, line->number, (long)column, "%s", message);
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Splits off the next blank-separated word at *pos; returns its length (0 at line end). */
static size_t next_word(const char *text, size_t *pos, size_t *word_start) {
  while (is_blank(text[*pos])) (*pos)++;
  *word_start = *pos;
  while (text[*pos] && !is_blank(text[*pos])) (*pos)++;
  return *pos - *word_start;
}

/* The index of KIND in KNOWN_KINDS, or KIND_UNKNOWN. */
static int kind_index(const char *kind) {
  for (size_t i = 0; i < sizeof KNOWN_KINDS / sizeof KNOWN_KINDS[0]; i++)
    if (strcmp(KNOWN_KINDS[i].kind, kind) == 0) return (int)i;
  return KIND_UNKNOWN;
}

static bool kind_is_known(const char *kind, bool *needs_arg) {
  int index = kind_index(kind);
  if (index != KIND_UNKNOWN) *needs_arg = KNOWN_KINDS[index].needs_arg;
  return index != KIND_UNKNOWN;
}

static pk_status set_kind(pk_rule *rule, const line_ctx *line, size_t at, size_t len,
                          pk_error *err) {
  const char *word = line->text + at;
  const char *dot = memchr(word, '.', len);
  size_t kind_len = dot ? (size_t)(dot - word) : len;
  rule->kind = pk_strndup(word, kind_len);
  rule->arg = dot ? pk_strndup(dot + 1, len - kind_len - 1) : pk_strndup("", 0);
  if (!rule->kind || !rule->arg) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  bool needs_arg;
  char message[160];
  rule->kind_id = kind_index(rule->kind);
  if (!kind_is_known(rule->kind, &needs_arg)) {
    snprintf(message, sizeof message, "unknown rule kind '%s'", rule->kind);
    return line_error(line, at, err, message);
  }
  if (needs_arg && !rule->arg[0]) {
    snprintf(message, sizeof message, "rule kind '%s' needs an argument: %s.NAME", rule->kind,
             rule->kind);
    return line_error(line, at, err, message);
  }
  return PK_OK;
}

/* tail=, contains=, at= and sequence= are checked as they are read, so that a typo cannot
 * silently turn a rule off or change what it does. */
static pk_status set_search_option(pk_rule *rule, const rule_option *option,
                                   const line_ctx *line, size_t at, pk_error *err) {
  if (strcmp(option->key, "tail") == 0) {
    char *end;
    errno = 0;
    unsigned long bytes = strtoul(option->value, &end, 10);
    if (errno || *end || !isdigit((unsigned char)option->value[0]) || bytes == 0 || bytes > TAIL_MAX)
      return line_error(line, at, err, "tail= needs a number of bytes from 1 to 65536");
    rule->tail = bytes;
  } else if (strcmp(option->key, "contains") == 0) {
    if (!option->value[0]) return line_error(line, at, err, "contains= needs a text");
    rule->contains = option->value;
    rule->contains_len = strlen(option->value);
  } else if (strcmp(option->key, "after") == 0) {
    if (strcmp(option->value, "sentence") != 0)
      return line_error(line, at, err, "after= takes only 'sentence'");
  } else if (strcmp(option->key, "at") == 0) {
    if (strcmp(option->value, "anywhere") != 0 && strcmp(option->value, "page-start") != 0)
      return line_error(line, at, err, "at= takes 'anywhere' or 'page-start'");
  } else if (strcmp(option->key, "sequence") == 0) {
    if (strcmp(option->value, "increasing") != 0 && strcmp(option->value, "restart") != 0 &&
        strcmp(option->value, "repeated") != 0)
      return line_error(line, at, err, "sequence= takes 'increasing', 'restart' or 'repeated'");
  } else if (strcmp(option->key, "lines") == 0) {
    const char *v = option->value;
    if (v[0] < '1' || v[0] > '0' + PK_RULE_LINES_MAX || v[1])
      return line_error(line, at, err, "lines= needs a number of lines from 1 to 4");
    rule->lines = (unsigned)(v[0] - '0');
  }
  return PK_OK;
}

static pk_status add_option(pk_rule *rule, const line_ctx *line, size_t at, size_t len,
                            pk_error *err) {
  const char *word = line->text + at;
  const char *eq = memchr(word, '=', len);
  if (!eq || eq == word)
    return line_error(line, at, err, "expected OPTION=VALUE or '=' before the pattern");
  rule_option *options = realloc(rule->options, (rule->option_count + 1) * sizeof *options);
  if (!options) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  rule->options = options;
  rule_option *option = &options[rule->option_count++];
  option->key = pk_strndup(word, (size_t)(eq - word));
  option->value = pk_strndup(eq + 1, len - (size_t)(eq - word) - 1);
  if (!option->key || !option->value) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  return set_search_option(rule, option, line, at, err);
}

/* after=sentence: a pattern that starts "(?m)^" (a heading alone on its line, searched
 * at line starts only, which PCRE2 does fast) is also tried right after a sentence's end
 * ("... 16.30.Sagsfremstilling"): the same pattern behind a full stop after a small letter
 * or a digit, searched from the full stops only.  Two fast searches instead of one
 * pattern that would have to be tried at every character. */
static const char LINE_START[] = "(?m)^";
static const char SENTENCE_END[] = "(?m)(?<=[\\p{Ll}\\p{N}])[.!?]\\K";

static pk_status compile_sentence_form(pk_rule *rule, const line_ctx *line, size_t at,
                                       const char *pattern, size_t len, bool jit,
                                       pk_error *err) {
  const char *after = pk_rule_option(rule, "after");
  if (!after) return PK_OK;
  size_t prefix = sizeof LINE_START - 1;
  if (len < prefix || memcmp(pattern, LINE_START, prefix) != 0)
    return line_error(line, at, err, "after=sentence needs a pattern that starts with (?m)^");
  size_t head = sizeof SENTENCE_END - 1, total = head + len - prefix;
  char *glued = malloc(total + 1);
  if (!glued) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  memcpy(glued, SENTENCE_END, head);
  memcpy(glued + head, pattern + prefix, len - prefix);
  glued[total] = '\0';
  int code;
  PCRE2_SIZE offset;
  rule->sentence_code = pcre2_compile((PCRE2_SPTR)glued, total,
                                      PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &code, &offset, NULL);
  free(glued);
  if (!rule->sentence_code) return line_error(line, at, err, "after=sentence: bad pattern");
  if (jit) pcre2_jit_compile(rule->sentence_code, PCRE2_JIT_COMPLETE);
  return PK_OK;
}

/* Whether PATTERN calls the word list NAME: "(?&NAME)". */
static bool calls_list(const char *pattern, const char *name) {
  size_t name_len = strlen(name);
  for (const char *at = strstr(pattern, "(?&"); at; at = strstr(at + 3, "(?&"))
    if (strncmp(at + 3, name, name_len) == 0 && at[3 + name_len] == ')') return true;
  return false;
}

/* The rule's pattern with a (?(DEFINE)...) group for each word list it calls, and each
 * list those call, so that (?&NAME) matches any of the list's alternatives, in any case
 * (a lexicon lists words; the rule says where capitals must stand). */
static bool expand_pattern(const pk_rules *rules, const char *pattern, pk_buf *out) {
  bool ok = pk_buf_append(out, pattern, strlen(pattern));
  bool *added = calloc(rules->list_count + 1, sizeof *added);
  if (!added) return false;
  for (bool grew = true; ok && grew;) {
    grew = false;
    for (size_t i = 0; ok && i < rules->list_count; i++) {
      const word_list *list = &rules->lists[i];
      if (added[i] || !calls_list(out->data, list->name)) continue;
      added[i] = grew = true;
      ok = pk_buf_append(out, "(?(DEFINE)(?<", 13) &&
           pk_buf_append(out, list->name, strlen(list->name)) && pk_buf_append(out, ">(?i:", 5) &&
           pk_buf_append(out, list->alternatives.data, list->alternatives.len) &&
           pk_buf_append(out, ")))", 3);
    }
  }
  free(added);
  return ok;
}

static void free_codes(pk_rule *rule) {
  pcre2_code_free(rule->code);
  pcre2_code_free(rule->anchored_code);
  pcre2_code_free(rule->sentence_code);
  rule->code = rule->anchored_code = rule->sentence_code = NULL;
}

/* Compiles rule->pattern (again, when a word list it calls has grown); LINE and AT say
 * where the pattern was written, for errors. */
static pk_status compile_rule(const pk_rules *rules, pk_rule *rule, const line_ctx *line,
                              size_t at, pk_error *err) {
  free_codes(rule);
  pk_buf expanded = {0};
  if (!expand_pattern(rules, rule->pattern, &expanded)) {
    pk_buf_free(&expanded);
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  }
  const char *pattern = expanded.data;
  size_t len = expanded.len;
  int code;
  PCRE2_SIZE offset;
  rule->code = pcre2_compile((PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES,
                             &code, &offset, NULL);
  pk_status status = PK_OK;
  bool jit = !rules->no_jit;
  if (!rule->code) {
    PCRE2_UCHAR text[256];
    pcre2_get_error_message(code, text, sizeof text);
    char message[320];
    size_t own = strlen(rule->pattern);
    snprintf(message, sizeof message, "bad pattern%s: %s",
             offset > own ? " (in a word list it calls)" : "", (const char *)text);
    status = line_error(line, at + (offset > own ? own : offset), err, message);
  } else {
    status = compile_sentence_form(rule, line, at, pattern, len, jit, err);
  }
  /* JIT is an optimisation: where it is unavailable (or turned off) the interpreter is
   * used, with the same results. */
  if (status == PK_OK && jit) {
    pcre2_jit_compile(rule->code, PCRE2_JIT_COMPLETE);
    if (rule->kind_id != KIND_UNKNOWN && KNOWN_KINDS[rule->kind_id].anchored) {
      rule->anchored_code = pcre2_compile(
          (PCRE2_SPTR)pattern, len, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_ANCHORED,
          &code, &offset, NULL);
      if (rule->anchored_code) pcre2_jit_compile(rule->anchored_code, PCRE2_JIT_COMPLETE);
    }
  }
  pk_buf_free(&expanded);
  return status;
}

static pk_status compile_pattern(const pk_rules *rules, pk_rule *rule, const line_ctx *line,
                                 size_t at, pk_error *err) {
  const char *pattern = line->text + at;
  size_t len = strlen(pattern);
  while (len && is_blank(pattern[len - 1])) len--;
  if (!len) return line_error(line, at, err, "empty pattern");
  rule->pattern = pk_strndup(pattern, len);
  if (!rule->pattern) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  rule->pattern_column = (long)at;
  return compile_rule(rules, rule, line, at, err);
}

/* ---- word lists ------------------------------------------------------------------------ */

static word_list *find_list(pk_rules *rules, const char *name, size_t len) {
  for (size_t i = 0; i < rules->list_count; i++)
    if (strlen(rules->lists[i].name) == len && strncmp(rules->lists[i].name, name, len) == 0)
      return &rules->lists[i];
  return NULL;
}

static word_list *add_list(pk_rules *rules, const char *name, size_t len) {
  word_list *lists = realloc(rules->lists, (rules->list_count + 1) * sizeof *lists);
  if (!lists) return NULL;
  rules->lists = lists;
  word_list *list = &lists[rules->list_count];
  *list = (word_list){pk_strndup(name, len), {0}};
  if (!list->name) return NULL;
  rules->list_count++;
  return list;
}

static bool is_list_name(const char *name, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (!isalnum((unsigned char)name[i]) && name[i] != '_') return false;
  return len && !isdigit((unsigned char)name[0]);
}

/* The rules loaded before a list grew call its old alternatives: compile again every rule
 * that calls a list (directly or through another list). */
static pk_status recompile_callers(pk_rules *rules, pk_error *err) {
  for (size_t i = 0; i < rules->count; i++) {
    pk_rule *rule = rules->slots[i];
    if (!strstr(rule->pattern, "(?&")) continue;
    line_ctx where = {rule->file, rule->line, "", rule->profile};
    pk_status status = compile_rule(rules, rule, &where, (size_t)rule->pattern_column, err);
    if (status != PK_OK) return status;
  }
  return PK_OK;
}

/* `words NAME = ALTERNATIVES` */
static pk_status parse_words(pk_rules *rules, const line_ctx *line, size_t pos, pk_error *err) {
  size_t at, len = next_word(line->text, &pos, &at);
  if (!is_list_name(line->text + at, len))
    return line_error(line, at, err, "'words' needs a name of letters, digits and _");
  const char *name = line->text + at;
  size_t name_len = len, sign_at;
  len = next_word(line->text, &pos, &sign_at);
  if (len != 1 || line->text[sign_at] != '=')
    return line_error(line, sign_at, err, "expected '= ALTERNATIVES' after the list's name");
  while (is_blank(line->text[pos])) pos++;
  size_t end = strlen(line->text);
  while (end > pos && is_blank(line->text[end - 1])) end--;
  if (end == pos) return line_error(line, pos, err, "empty word list");
  word_list *list = find_list(rules, name, name_len);
  if (!list) list = add_list(rules, name, name_len);
  if (!list || (list->alternatives.len && !pk_buf_append(&list->alternatives, "|", 1)) ||
      !pk_buf_append(&list->alternatives, line->text + pos, end - pos))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  return recompile_callers(rules, err);
}

static pk_status parse_disable(pk_rules *rules, const line_ctx *line, size_t pos,
                               pk_error *err) {
  size_t at, len = next_word(line->text, &pos, &at);
  if (!len) return line_error(line, pos, err, "'disable' needs a rule name");
  char *name = pk_strndup(line->text + at, len);
  if (!name) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  pk_rule *rule = find_rule(rules, line->profile, name);
  free(name);
  if (!rule) return line_error(line, at, err, "'disable' names no rule loaded before it");
  rule->disabled = true;
  return PK_OK;
}

static pk_status parse_rule(pk_rules *rules, const line_ctx *line, pk_error *err) {
  size_t pos = 0, at, len = next_word(line->text, &pos, &at);
  if (len == 7 && strncmp(line->text + at, "disable", 7) == 0)
    return parse_disable(rules, line, pos, err);
  if (len == 5 && strncmp(line->text + at, "words", 5) == 0)
    return parse_words(rules, line, pos, err);
  pk_rule *rule = calloc(1, sizeof *rule);
  if (!rule) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  rule->line = line->number;
  rule->file = pk_strndup(line->file, strlen(line->file));
  rule->profile = pk_strndup(line->profile, strlen(line->profile));
  pk_status status = set_kind(rule, line, at, len, err);
  if (status == PK_OK) {
    len = next_word(line->text, &pos, &at);
    if (!len || (len == 1 && line->text[at] == '='))
      status = line_error(line, at, err, "expected a rule name after the kind");
    else
      rule->name = pk_strndup(line->text + at, len);
  }
  while (status == PK_OK) {
    len = next_word(line->text, &pos, &at);
    if (!len) {
      status = line_error(line, at, err, "expected '= PATTERN'");
    } else if (len == 1 && line->text[at] == '=') {
      while (is_blank(line->text[pos])) pos++;
      status = compile_pattern(rules, rule, line, pos, err);
      break;
    } else {
      status = add_option(rule, line, at, len, err);
    }
  }
  if (status == PK_OK && !store_rule(rules, rule))
    status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  if (status != PK_OK) rule_free(rule);
  return status;
}

/* ---- files ---------------------------------------------------------------------------- */

/* `profile NAME`: the rules after it in this file belong to profile NAME. */
static pk_status parse_profile(const line_ctx *line, char **profile, pk_error *err) {
  size_t pos = 0, at, len = next_word(line->text, &pos, &at);
  len = next_word(line->text, &pos, &at);
  if (!len) return line_error(line, pos, err, "'profile' needs a name");
  size_t extra_at, extra = next_word(line->text, &pos, &extra_at);
  if (extra) return line_error(line, extra_at, err, "'profile' takes one name");
  free(*profile);
  *profile = pk_strndup(line->text + at, len);
  return *profile ? PK_OK : pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
}

static bool starts_with_word(const char *text, const char *word) {
  size_t len = strlen(word);
  return strncmp(text, word, len) == 0 && (text[len] == ' ' || text[len] == '\t' || !text[len]);
}

pk_status pk_rules_add_text(pk_rules *rules, const char *name, const char *text, size_t len,
                            pk_error *err) {
  pk_buf line_text = {0};
  char *profile = pk_strndup("", 0);
  long number = 0;
  pk_status status = PK_OK;
  for (size_t start = 0; start < len && status == PK_OK;) {
    const char *nl = memchr(text + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - text) : len;
    number++;
    pk_buf_clear(&line_text);
    size_t line_len = end - start;
    if (line_len && text[end - 1] == '\r') line_len--;
    if (!pk_buf_append(&line_text, text + start, line_len))
      status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    else if (memchr(line_text.data, '\0', line_len))
      status = pk_error_set(err, PK_ERR_RULES, name, number, -1, "NUL byte in rule file");
    else {
      size_t first = 0;
      while (is_blank(line_text.data[first])) first++;
      char c = line_text.data[first];
      if (c != '\0' && c != '#') {
        line_ctx line = {name, number, line_text.data, profile ? profile : ""};
        if (starts_with_word(line_text.data + first, "profile"))
          status = parse_profile(&line, &profile, err);
        else
          status = parse_rule(rules, &line, err);
      }
    }
    start = end + 1;
  }
  pk_buf_free(&line_text);
  free(profile);
  return status;
}

pk_status pk_rules_add_file(pk_rules *rules, const char *path, pk_error *err) {
  FILE *file = fopen(path, "rb");
  if (!file) return pk_error_set(err, PK_ERR_RULES, path, 0, -1, "%s", strerror(errno));
  pk_buf text = {0};
  char block[8192];
  size_t got;
  bool ok = true;
  while (ok && (got = fread(block, 1, sizeof block, file)) > 0) ok = pk_buf_append(&text, block, got);
  bool failed = ferror(file);
  fclose(file);
  pk_status status;
  if (!ok) status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  else if (failed) status = pk_error_set(err, PK_ERR_RULES, path, 0, -1, "read error");
  else status = pk_rules_add_text(rules, path, text.data ? text.data : "", text.len, err);
  pk_buf_free(&text);
  return status;
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_rules_suffix(const char *name) {
  size_t len = strlen(name);
  return len > 6 && strcmp(name + len - 6, ".rules") == 0;
}

pk_status pk_rules_add_dir(pk_rules *rules, const char *dir, pk_error *err) {
  DIR *handle = opendir(dir);
  if (!handle) return pk_error_set(err, PK_ERR_RULES, dir, 0, -1, "%s", strerror(errno));
  char **names = NULL;
  size_t count = 0;
  pk_status status = PK_OK;
  struct dirent *entry;
  while (status == PK_OK && (entry = readdir(handle)) != NULL) {
    if (!has_rules_suffix(entry->d_name)) continue;
    char **grown = realloc(names, (count + 1) * sizeof *names);
    char *copy = grown ? pk_strndup(entry->d_name, strlen(entry->d_name)) : NULL;
    if (grown) names = grown;
    if (!copy) status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    else names[count++] = copy;
  }
  closedir(handle);
  if (count) qsort(names, count, sizeof *names, compare_names);
  for (size_t i = 0; i < count; i++) {
    if (status == PK_OK) {
      pk_buf path = {0};
      if (!pk_buf_append_str(&path, dir) || !pk_buf_append_char(&path, '/') ||
          !pk_buf_append_str(&path, names[i]))
        status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
      else
        status = pk_rules_add_file(rules, path.data, err);
      pk_buf_free(&path);
    }
    free(names[i]);
  }
  free(names);
  return status;
}

pk_status pk_rules_add_builtin(pk_rules *rules, pk_error *err) {
  for (size_t i = 0; i < pk_builtin_rule_file_count; i++) {
    const pk_builtin_file *file = &pk_builtin_rule_files[i];
    pk_status status = pk_rules_add_text(rules, file->name, (const char *)file->data,
                                         file->size, err);
    if (status != PK_OK) return status;
  }
  return PK_OK;
}

/* ---- matching ------------------------------------------------------------------------ */

struct pk_matcher {
  pcre2_match_data *data;
  pcre2_match_data *spare; /* the other form's match of an after=sentence rule */
  pcre2_match_data *held;  /* a match kept aside by pk_matcher_hold */
  const pk_rule *held_rule;
  pcre2_match_context *context;
  pcre2_jit_stack *jit_stack; /* made when a match first needs more than 32 KiB */
  const pk_rule *rule; /* rule of the last match */
  unsigned *limit_hits; /* per rule slot: matches stopped by the limits */
  size_t rule_count;
};

/* PCRE2 asks before each JIT match; NULL means its own 32 KiB on the machine stack,
 * enough for nearly every match.  A document starts thousands of matchers in a batch, so
 * the large stack (an mmap of JIT_STACK_MAX) is made only when a match runs out. */
static pcre2_jit_stack *jit_stack_of(void *data) {
  pk_matcher *matcher = data;
  return matcher->jit_stack;
}

pk_matcher *pk_matcher_new(const pk_rules *rules) {
  pk_matcher *matcher = calloc(1, sizeof *matcher);
  if (!matcher) return NULL;
  uint32_t most_groups = 0;
  for (size_t i = 0; i < rules->count; i++) {
    uint32_t groups = 0;
    pcre2_pattern_info(rules->slots[i]->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    if (groups > most_groups) most_groups = groups;
  }
  matcher->data = pcre2_match_data_create(most_groups + 1, NULL);
  matcher->spare = pcre2_match_data_create(most_groups + 1, NULL);
  matcher->held = pcre2_match_data_create(most_groups + 1, NULL);
  matcher->context = pcre2_match_context_create(NULL);
  matcher->rule_count = rules->count;
  matcher->limit_hits = calloc(rules->count ? rules->count : 1, sizeof *matcher->limit_hits);
  if (!matcher->data || !matcher->spare || !matcher->held || !matcher->context || !matcher->limit_hits) {
    pk_matcher_free(matcher);
    return NULL;
  }
  pcre2_set_match_limit(matcher->context, MATCH_LIMIT);
  pcre2_set_depth_limit(matcher->context, DEPTH_LIMIT);
  pcre2_jit_stack_assign(matcher->context, jit_stack_of, matcher);
  return matcher;
}

void pk_matcher_free(pk_matcher *matcher) {
  if (!matcher) return;
  pcre2_match_data_free(matcher->data);
  pcre2_match_data_free(matcher->spare);
  pcre2_match_data_free(matcher->held);
  pcre2_match_context_free(matcher->context);
  pcre2_jit_stack_free(matcher->jit_stack);
  free(matcher->limit_hits);
  free(matcher);
}

static pk_match_result run_code(pk_matcher *matcher, const pk_rule *rule, const pcre2_code *code,
                                pcre2_match_data *data, const char *subject, size_t len,
                                size_t from, uint32_t options) {
  /* The reader hands on valid UTF-8 only, so PCRE2 need not check it again; left on, the
   * check runs over the rest of the subject at every call, quadratic in a long item. */
  int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, from, options | PCRE2_NO_UTF_CHECK,
                       data, matcher->context);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT && !matcher->jit_stack) {
    matcher->jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
    if (matcher->jit_stack)
      rc = pcre2_match(code, (PCRE2_SPTR)subject, len, from, options | PCRE2_NO_UTF_CHECK,
                       data, matcher->context);
  }
  if (rc >= 0) return PK_MATCH_FOUND;
  if (rc == PCRE2_ERROR_NOMATCH) return PK_MATCH_NONE;
  if (rule->slot < matcher->rule_count) matcher->limit_hits[rule->slot]++;
  return PK_MATCH_LIMIT;
}

/* An after=sentence rule: the earlier of its line form's match and its sentence form's
 * (the line form's where both start at one place) is the match. */
static pk_match_result run_either(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                  size_t len, size_t from, uint32_t options) {
  pk_match_result line = run_code(matcher, rule, rule->code, matcher->data, subject, len, from, options);
  if (line == PK_MATCH_LIMIT) return line;
  pk_match_result glued =
      run_code(matcher, rule, rule->sentence_code, matcher->spare, subject, len, from, options);
  if (glued == PK_MATCH_LIMIT) return glued;
  if (glued == PK_MATCH_FOUND &&
      (line != PK_MATCH_FOUND || pcre2_get_ovector_pointer(matcher->spare)[0] <
                                     pcre2_get_ovector_pointer(matcher->data)[0])) {
    pcre2_match_data *taken = matcher->spare;
    matcher->spare = matcher->data;
    matcher->data = taken;
    return PK_MATCH_FOUND;
  }
  return line;
}

static pk_match_result run_match(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                 size_t len, size_t from, uint32_t options) {
  const pcre2_code *code = rule->code;
  if ((options & PCRE2_ANCHORED) && rule->anchored_code) {
    code = rule->anchored_code;
    options &= ~(uint32_t)PCRE2_ANCHORED;
  } else if (!(options & PCRE2_ANCHORED) && rule->sentence_code) {
    return run_either(matcher, rule, subject, len, from, options);
  }
  return run_code(matcher, rule, code, matcher->data, subject, len, from, options);
}

static bool is_blank_byte(char c) { return c == ' ' || c == '\t'; }

/* Where a tail= rule's search of the line [start, end) begins: TAIL bytes before the
 * line's last non-blank, moved back to a character's start and over the blanks before
 * it (they may belong to the match), never before START. */
static size_t tail_start(const char *subject, size_t start, size_t end, size_t tail) {
  size_t last = end;
  while (last > start && is_blank_byte(subject[last - 1])) last--;
  if (last - start <= tail) return start;
  size_t at = last - tail;
  while (at > start && ((unsigned char)subject[at] & 0xC0) == 0x80) at--;
  while (at > start && is_blank_byte(subject[at - 1])) at--;
  return at;
}

static size_t line_end(const char *subject, size_t len, size_t from) {
  const char *nl = memchr(subject + from, '\n', len - from);
  return nl ? (size_t)(nl - subject) : len;
}

/* A tail= rule: the lines from FROM on, each searched only in its tail.  Runs of lines
 * no longer than the tail are searched in one call, as the text exports of web pages
 * have thousands of short lines.  A line's end is the subject's end: '$' matches there as
 * at any line end, and a lookahead cannot see past it (punktum-rules(5) says so). */
static pk_match_result match_tails(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                   size_t len, size_t from) {
  size_t line_start = from;
  while (line_start < len) {
    size_t search_end = line_end(subject, len, line_start);
    size_t search_from = tail_start(subject, line_start, search_end, rule->tail);
    /* Whole lines: extend over the short lines that follow. */
    while (search_from == line_start && search_end < len) {
      size_t next_end = line_end(subject, len, search_end + 1);
      if (tail_start(subject, search_end + 1, next_end, rule->tail) != search_end + 1) break;
      search_end = next_end;
    }
    pk_match_result found = run_match(matcher, rule, subject, search_end, search_from, 0);
    if (found != PK_MATCH_NONE) return found;
    line_start = search_end + 1;
  }
  return PK_MATCH_NONE;
}

pk_match_result pk_match(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                         size_t len, size_t from, bool anchored) {
  matcher->rule = rule;
  if (rule->slot < matcher->rule_count && matcher->limit_hits[rule->slot] >= GIVE_UP)
    return PK_MATCH_LIMIT;
  if (from > len) return PK_MATCH_NONE;
  /* A cheap scan for the text every match holds spares the regex most subjects. */
  if (rule->contains && !memmem(subject + from, len - from, rule->contains, rule->contains_len))
    return PK_MATCH_NONE;
  if (anchored) return run_match(matcher, rule, subject, len, from, PCRE2_ANCHORED);
  if (rule->tail) return match_tails(matcher, rule, subject, len, from);
  return run_match(matcher, rule, subject, len, from, 0);
}

/* The last match and its rule change places with the held ones: hold, then restore. */
static void swap_held(pk_matcher *matcher) {
  pcre2_match_data *data = matcher->data;
  const pk_rule *rule = matcher->rule;
  matcher->data = matcher->held;
  matcher->rule = matcher->held_rule;
  matcher->held = data;
  matcher->held_rule = rule;
}

void pk_matcher_hold(pk_matcher *matcher) { swap_held(matcher); }
void pk_matcher_restore(pk_matcher *matcher) { swap_held(matcher); }

unsigned pk_matcher_limit_hits(const pk_matcher *matcher, const pk_rule *rule) {
  return rule->slot < matcher->rule_count ? matcher->limit_hits[rule->slot] : 0;
}

unsigned pk_matcher_give_up(void) { return GIVE_UP; }

size_t pk_match_start(const pk_matcher *matcher) {
  return pcre2_get_ovector_pointer(matcher->data)[0];
}

size_t pk_match_end(const pk_matcher *matcher) {
  return pcre2_get_ovector_pointer(matcher->data)[1];
}

bool pk_match_group(const pk_matcher *matcher, const char *name, size_t *start, size_t *end) {
  PCRE2_SPTR first, last;
  int entry_size = pcre2_substring_nametable_scan(matcher->rule->code, (PCRE2_SPTR)name,
                                                  &first, &last);
  if (entry_size < 0) return false;
  PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(matcher->data);
  uint32_t pairs = pcre2_get_ovector_count(matcher->data);
  /* With duplicate names, the first group of that name that took part wins. */
  for (PCRE2_SPTR entry = first; entry <= last; entry += entry_size) {
    uint32_t group = ((uint32_t)entry[0] << 8) | entry[1];
    if (group >= pairs || ovector[2 * group] == PCRE2_UNSET) continue;
    *start = ovector[2 * group];
    *end = ovector[2 * group + 1];
    return true;
  }
  return false;
}

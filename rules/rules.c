/* rules.c: loading, checking and compiling rule files, and matching with PCRE2 JIT. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rules.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/error.h"
#include "../util/wordset.h"
#include "builtin.h"
#include "linebound.h"
#include "literals.h"
#include "stock.h"

/* Generous for real headings, small enough that a backtracking rule fails fast. */
/* A rule that hits the match limit GIVE_UP times in one document is not tried again
 * there: a pattern that backtracks catastrophically on this layout would otherwise spend
 * the limit at every line. */
/* A line-bound rule is searched near its literals only in a line this long at least, where
 * its matches start this near them and it has so many literals at most (each search's end
 * asks for the next of every literal); elsewhere PCRE2's own search of the lines is faster. */
enum { NEAR_LINE_MIN = 256, NEAR_LEAD_MAX = 64, NEAR_LITERALS_MAX = 8 };
enum { MATCH_LIMIT = 5000000, DEPTH_LIMIT = 5000, JIT_STACK_MAX = 1024 * 1024, GIVE_UP = 16 };
enum { TAIL_MAX = 65536 };

typedef struct rule_option {
  char *key;
  char *value;
} rule_option;

enum { JIT_NONE, JIT_WANTED, JIT_READY }; /* a code's JIT: none (the interpreter), to come, done */

struct pk_rule {
  char *name;
  char *kind; /* "section" */
  char *arg;  /* "summary", or "" */
  char *profile; /* "" for rules every profile uses */
  char *file;
  long line;
  unsigned generation; /* which pk_rules_add_* call loaded it */
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
  /* Which of the three were JIT-compiled: those are matched by pcre2_jit_match, which
   * skips pcre2_match's checks of its arguments (a tenth of a small page's matching). */
  /* JIT_READY where compiled; JIT_WANTED where it is to be, the first time the code is
   * matched (a run matches few of the rules' codes, and compiling is most of loading). */
  _Atomic unsigned char code_jit, anchored_jit, sentence_jit;
  bool line_bound;  /* see pk_rule_line_bound */
  bool starts_lines; /* every match starts a line (pk_pattern_starts_lines) */
  bool empty_match;  /* the pattern may match the empty string (PCRE2 finds no shortest) */
  size_t tail;          /* tail=N: matches lie in the last N bytes of a line; 0 = anywhere */
  const char *contains; /* contains=TEXT: every match holds TEXT (the option's own string) */
  unsigned lines;       /* lines=N: an item rule sees its unit and the N-1 non-blank after it */
  size_t contains_len;
  bool disabled;
  /* The literals every match holds (literals.h), and their numbers in the rules' index of
   * literals (pk_scan): a scanned text where none of them stands needs no search. */
  pk_literal_set literals;
  uint32_t *literal_ids;
  size_t literal_count;  /* 0: no literals, every text is searched */
  bool literal_caseless; /* one of them is compared in any case */
  /* The ASCII bytes no match reads (bit N of barrier[N / 64]: byte N; see literals.h):
   * a match holding a literal starts after the last of them before it.  BARRED: the rule
   * has some, and a scanned search starts only there (its code takes an offset limit). */
  uint64_t barrier[2];
  size_t lead; /* see pk_literal_set: a match starts at most LEAD bytes before its literal */
  bool barred;
  bool contains_literal; /* its one literal is its contains= text: found once, by memmem */
  bool words_only; /* its literals are read for pk_rule_may_hold_at, not scanned for */
  /* The bytes its matches start with (bit N of first[N / 64]: byte N), where FIRST_KNOWN:
   * a try at one place that starts with another byte fails without PCRE2. */
  uint64_t first[4];
  bool first_known;
  pk_wordset any_words; /* any=WORDS (pk_rule_next_word) */
  bool has_any;         /* the rule has any=, even one of no words (it then matches nowhere) */
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

/* Every literal of the rules, once (pk_scan): looked up by its first three bytes in lower
 * case, hashed into buckets. */
enum { LITERAL_BUCKET_BITS = 12, LITERAL_BUCKETS = 1 << LITERAL_BUCKET_BITS, KEY_BITS = 16 };
typedef struct literal_index {
  const pk_literal **items; /* borrowed from the rules' literal sets */
  uint32_t *keys;           /* each one's first three bytes in lower case */
  /* Each one's first eight bytes (in lower case where it is caseless), and a mask of those
   * it has: most places where a literal's first three bytes stand hold another. */
  uint64_t *heads, *head_masks;
  size_t count;
  uint32_t *bucket_start;   /* LITERAL_BUCKETS + 1 offsets into bucket_ids */
  uint32_t *bucket_ids;
  uint64_t *filter;         /* a bit for each literal's first three bytes, hashed (KEY_BITS) */
  unsigned char lower[256]; /* each byte in lower case (ASCII's letters) */
} literal_index;

/* The built-in rules' codes decoded from pk_stock_codes while pk_rules_add_builtin runs:
 * CODES[NEXT] is the one the next compile takes, where its pattern and options match. */
typedef struct code_stock {
  pcre2_code **codes;
  size_t count, next;
} code_stock;

struct pk_rules {
  literal_index literals;
  code_stock stock;
  pk_code_log *log; /* pk_rules_log_codes: rules/precompile's copy of each code */
  /* pk_rules_select's answers, made with the index: for each kind and each profile (0: none
   * of the profiles, I + 1: profiles[I]), the rules in load order. */
  const pk_rule **selections;
  size_t *selection_start; /* kinds * (profile_count + 1) + 1 offsets into selections */
  pk_rule **slots;
  size_t count;
  size_t cap;
  char **profiles; /* the distinct profile names, in the order they first appear */
  size_t profile_count;
  size_t profile_cap;
  bool no_jit; /* pk_rules_set_jit(rules, 0) */
  unsigned generation; /* pk_rules_add_* calls so far: a later call's rule may replace */
  word_list *lists;
  size_t list_count;
};

/* The kinds a rule file may use: whether the kind needs an argument, whether the
 * segmenter or the contents reader tries its rules at one place (anchored), and whether
 * it also searches them (only an item rule with at=anywhere, of those only tried at one
 * place).  A pattern that is never searched is not JIT-compiled for searching: a fifth of
 * the compiling, done at every start.  Were it searched, the interpreter would match it,
 * with the same results. */
static const struct {
  const char *kind;
  bool needs_arg;
  bool anchored;
  bool searched;
} KNOWN_KINDS[] = {
    {"wrapper", false, false, true},    {"transcript-start", false, false, true},
    {"related", false, false, true},    {"kind", true, false, true},
    {"meta", true, false, true},        {"item", false, true, false},
    {"section", true, false, true},     {"attachment", false, true, true},
    {"appendix", false, true, false},   {"backmatter", false, true, false},
    {"access", true, true, false},      {"detect", false, false, true},
    {"field", true, false, true},       {"toc", true, true, true},
    {"contents", false, true, false},   {"group", true, false, true},
    {"entry", false, true, false},      {"title-end", false, false, true},
    {"ocr-word", false, true, false},   {"title-wrap", false, false, true},
    {"outcome", true, false, true},     {"vote", false, false, true},
    {"minority", false, false, true},   {"presence", true, false, true},
    {"navigation", false, true, false}, {"decision-start", false, false, true},
    {"item-label", false, true, false}, {"case-field", false, true, false},
};

/* The arguments a kind takes, where it takes only some (NULL-terminated lists). */
static const char *const OUTCOME_ARGS[] = {"approved", "rejected", "recommended", "noted",
                                           "postponed", "referred", "withdrawn", "amended",
                                           "discussed", "other", "skip", "fallen", "adopted", NULL};
static const char *const PRESENCE_ARGS[] = {"absent", "conflict", NULL};
static const struct {
  const char *kind;
  const char *const *args;
} KIND_ARGS[] = {{"outcome", OUTCOME_ARGS}, {"presence", PRESENCE_ARGS}};

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
  pk_wordset_free(&rule->any_words);
  free_codes(rule);
  free(rule->literal_ids);
  free(rule->name);
  free(rule->kind);
  free(rule->arg);
  free(rule->profile);
  free(rule->file);
  free(rule->pattern);
  free(rule);
}

pk_rules *pk_rules_new(void) { return calloc(1, sizeof(pk_rules)); }

static void literal_index_free(literal_index *index) {
  free(index->items);
  free(index->keys);
  free(index->heads);
  free(index->head_masks);
  free(index->bucket_start);
  free(index->bucket_ids);
  free(index->filter);
  *index = (literal_index){0};
}

void pk_rules_free(pk_rules *rules) {
  if (!rules) return;
  literal_index_free(&rules->literals);
  free(rules->selections);
  free(rules->selection_start);
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
/* Names compared by their first byte before strcmp: these are asked for every rule at
 * every unit, and most names differ at once. */
static bool same_name(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }

bool pk_rule_is(const pk_rule *rule, const char *kind) { return same_name(rule->kind, kind); }

bool pk_rule_in_profile(const pk_rule *rule, const char *profile) {
  return !rule->profile[0] || (profile && strcmp(rule->profile, profile) == 0);
}

const pk_rule **pk_rules_select(const pk_rules *rules, const char *kind, const char *profile,
                                size_t *count) {
  *count = 0;
  int kind_id = kind_index(kind);
  if (rules->selection_start) {
    size_t p = 0;
    for (size_t i = 0; profile && i < rules->profile_count && !p; i++)
      if (same_name(rules->profiles[i], profile)) p = i + 1;
    size_t at = kind_id == KIND_UNKNOWN ? 0 : (size_t)kind_id * (rules->profile_count + 1) + p;
    size_t from = rules->selection_start[at], to = rules->selection_start[at + 1];
    if (kind_id == KIND_UNKNOWN) to = from;
    const pk_rule **selected = calloc(to - from + 1, sizeof *selected);
    if (!selected) return NULL;
    memcpy(selected, rules->selections + from, (to - from) * sizeof *selected);
    *count = to - from;
    return selected;
  }
  const pk_rule **selected = calloc(rules->count + 1, sizeof *selected);
  if (!selected) return NULL;
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

bool pk_rule_line_bound(const pk_rule *rule) { return rule->line_bound; }

bool pk_rule_may_match_empty(const pk_rule *rule) { return rule->empty_match; }

const char *pk_rule_option(const pk_rule *rule, const char *key) {
  for (size_t i = 0; i < rule->option_count; i++)
    if (same_name(rule->options[i].key, key)) return rule->options[i].value;
  return NULL;
}

bool pk_rule_has_words(const pk_rule *rule) { return rule->has_any; }

size_t pk_rule_next_word(const pk_rule *rule, const char *text, size_t len, size_t from) {
  return pk_wordset_find(&rule->any_words, text, len, from);
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

/* A rule with a name already loaded by an earlier pk_rules_add_* call (a rule directory
 * over the built-in rules) takes the old rule's place (and its order).  One call's files
 * name each rule once: a second rule of the name would silently put out the first. */
static pk_status store_rule(pk_rules *rules, pk_rule *rule, const line_ctx *line, pk_error *err) {
  if (!note_profile(rules, rule->profile))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  rule->generation = rules->generation;
  for (size_t i = 0; i < rules->count; i++) {
    if (same_slot(rules->slots[i], rule->profile, rule->name)) {
      const pk_rule *old = rules->slots[i];
      if (old->generation == rules->generation)
        return pk_error_set(err, PK_ERR_RULES, line->file, line->number, 0,
                            "rule '%s' is defined twice (first at %s:%ld)", rule->name, old->file,
                            old->line);
      rule_free(rules->slots[i]);
      rule->slot = i;
      rules->slots[i] = rule;
      return PK_OK;
    }
  }
  if (rules->count == rules->cap) {
    size_t cap = rules->cap ? rules->cap * 2 : 32;
    pk_rule **slots = realloc(rules->slots, cap * sizeof *slots);
    if (!slots) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
    rules->slots = slots;
    rules->cap = cap;
  }
  rule->slot = rules->count;
  rules->slots[rules->count++] = rule;
  return PK_OK;
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
    if (same_name(KNOWN_KINDS[i].kind, kind)) return (int)i;
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
  for (size_t k = 0; k < sizeof KIND_ARGS / sizeof *KIND_ARGS; k++) {
    if (strcmp(KIND_ARGS[k].kind, rule->kind) != 0) continue;
    bool known = false;
    for (const char *const *arg = KIND_ARGS[k].args; *arg && !known; arg++)
      known = strcmp(*arg, rule->arg) == 0;
    if (!known) {
      snprintf(message, sizeof message, "rule kind '%s' takes no argument '%s'", rule->kind,
               rule->arg);
      return line_error(line, at, err, message);
    }
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
    if (strcmp(option->value, "anywhere") != 0 && strcmp(option->value, "text") != 0 &&
        strcmp(option->value, "page-start") != 0)
      return line_error(line, at, err, "at= takes 'anywhere', 'text' or 'page-start'");
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
/* ---- compiling, from the stock where it has the code ------------------------------------ */

static void drop_stock(code_stock *stock) {
  for (size_t i = stock->next; i < stock->count; i++) pcre2_code_free(stock->codes[i]);
  free(stock->codes);
  *stock = (code_stock){0};
}

/* Decodes the built-in rules' codes (none where this PCRE2 cannot: they are compiled). */
static void load_stock(code_stock *stock) {
  const pk_stock *from = &pk_stock_codes;
  if (!from->count || pcre2_serialize_get_number_of_codes(from->bytes) != (int32_t)from->count)
    return;
  pcre2_code **codes = malloc(from->count * sizeof *codes);
  if (!codes) return;
  if (pcre2_serialize_decode(codes, (int32_t)from->count, from->bytes, NULL) != (int32_t)from->count) {
    free(codes);
    return;
  }
  *stock = (code_stock){codes, from->count, 0};
}

/* The stock's next code, where it was compiled from PATTERN with OPTIONS; else NULL, and
 * the stock is dropped: the codes after it were compiled from other patterns than come. */
static pcre2_code *take_stock(code_stock *stock, const char *pattern, size_t len, uint32_t options) {
  if (stock->next >= stock->count) return NULL;
  const pk_stock_key *key = &pk_stock_codes.keys[stock->next];
  if (key->len != len || key->options != options ||
      memcmp(pk_stock_codes.patterns + key->at, pattern, len) != 0) {
    drop_stock(stock);
    return NULL;
  }
  return stock->codes[stock->next++];
}

/* The stock's facts of PATTERN where its next code was compiled from it, else NULL. */
static const pk_stock_facts *stock_facts(const code_stock *stock, const char *pattern, size_t len) {
  if (stock->next >= stock->count || !pk_stock_codes.facts) return NULL;
  const pk_stock_key *key = &pk_stock_codes.keys[stock->next];
  if (key->len != len || memcmp(pk_stock_codes.patterns + key->at, pattern, len) != 0) return NULL;
  return &pk_stock_codes.facts[stock->next];
}

/* pk_pattern_literals(PATTERN, OUT), from FACTS where not NULL. */
static bool pattern_literals(const pk_stock_facts *facts, const char *pattern, pk_literal_set *out) {
  if (!facts) return pk_pattern_literals(pattern, out);
  *out = (pk_literal_set){NULL, 0, {facts->reads[0], facts->reads[1]}, facts->lead};
  if (!facts->literals_ok) return false;
  out->items = calloc(facts->literal_count, sizeof *out->items);
  bool ok = out->items != NULL;
  for (size_t i = 0; ok && i < facts->literal_count; i++) {
    const pk_stock_literal *literal = &pk_stock_codes.literals[facts->first_literal + i];
    char *text = pk_strndup(pk_stock_codes.literal_text + literal->at, literal->len);
    ok = text != NULL;
    if (ok) out->items[out->count++] = (pk_literal){text, literal->len, literal->caseless};
  }
  if (!ok) pk_literal_set_free(out);
  return ok;
}

/* pk_pattern_first_bytes(PATTERN, FIRST), from FACTS where not NULL. */
static bool pattern_first_bytes(const pk_stock_facts *facts, const char *pattern, uint64_t first[4]) {
  if (!facts) return pk_pattern_first_bytes(pattern, first);
  if (facts->first_ok) memcpy(first, facts->first, sizeof facts->first);
  return facts->first_ok;
}

static void log_code(pk_code_log *log, const pcre2_code *code, const char *pattern, size_t len,
                     uint32_t options) {
  if (log->count == log->cap) {
    size_t cap = log->cap ? 2 * log->cap : 256;
    void **codes = realloc(log->codes, cap * sizeof *codes);
    if (codes) log->codes = codes;
    char **patterns = realloc(log->patterns, cap * sizeof *patterns);
    if (patterns) log->patterns = patterns;
    size_t *lens = realloc(log->lens, cap * sizeof *lens);
    if (lens) log->lens = lens;
    uint32_t *all = realloc(log->options, cap * sizeof *all);
    if (all) log->options = all;
    if (!codes || !patterns || !lens || !all) abort(); /* rules/precompile only */
    log->cap = cap;
  }
  log->codes[log->count] = pcre2_code_copy(code);
  log->patterns[log->count] = pk_strndup(pattern, len);
  log->lens[log->count] = len;
  log->options[log->count++] = options;
}

void pk_rules_log_codes(pk_rules *rules, pk_code_log *log) { rules->log = log; }

/* pcre2_compile of PATTERN, or the stock's code of it. */
static pcre2_code *compile_code(pk_rules *rules, const char *pattern, size_t len, uint32_t options,
                                int *error, PCRE2_SIZE *offset) {
  pcre2_code *code = take_stock(&rules->stock, pattern, len, options);
  if (code) return code;
  code = pcre2_compile((PCRE2_SPTR)pattern, len, options, error, offset, NULL);
  if (code && rules->log) log_code(rules->log, code, pattern, len, options);
  return code;
}

static const char LINE_START[] = "(?m)^";
static const char SENTENCE_END[] = "(?m)(?<=[\\p{Ll}\\p{N}])[.!?]\\K";

static pk_status compile_sentence_form(pk_rules *rules, pk_rule *rule, const line_ctx *line, size_t at,
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
  rule->sentence_code = compile_code(rules, glued, total, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES,
                                     &code, &offset);
  free(glued);
  if (!rule->sentence_code) return line_error(line, at, err, "after=sentence: bad pattern");
  rule->sentence_jit = jit ? JIT_WANTED : JIT_NONE;
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
/* Copies PATTERN[0, LEN) to OUT with each literal space that stands alone (not escaped, not
 * in a character class, a comment or a look-behind, no quantifier after it) as \h+: a rule
 * written "Beslutning i Byrådet" reads the words however many blanks part them, as a
 * justified line, a pasted page or a run of no-break spaces sets them. */
static bool widen_blanks(const char *pattern, size_t len, pk_buf *out) {
  bool ok = true, in_class = false;
  unsigned char behind[64] = {0}; /* per open group: 1 where it is a look-behind */
  size_t depth = 0, lookbehinds = 0;
  for (size_t i = 0; ok && i < len; i++) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < len) {
      ok = pk_buf_append(out, pattern + i, 2);
      i++;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < len && pattern[i + 1] == ']') ok = pk_buf_append_char(out, pattern[i++]);
      if (i + 2 < len && pattern[i + 1] == '^' && pattern[i + 2] == ']') {
        ok = ok && pk_buf_append(out, pattern + i, 2);
        i++;
      }
    } else if (c == '(' && i + 2 < len && pattern[i + 1] == '?' && pattern[i + 2] == '#') {
      const char *close = memchr(pattern + i, ')', len - i);
      size_t end = close ? (size_t)(close - pattern) + 1 : len;
      ok = pk_buf_append(out, pattern + i, end - i);
      i = end - 1;
      continue;
    } else if (c == '(') {
      bool look = i + 3 < len && pattern[i + 1] == '?' && pattern[i + 2] == '<' &&
                  (pattern[i + 3] == '=' || pattern[i + 3] == '!');
      if (depth < sizeof behind) behind[depth] = look;
      depth++;
      lookbehinds += look;
    } else if (c == ')' && depth) {
      depth--;
      if (depth < sizeof behind) lookbehinds -= behind[depth];
    } else if (c == ' ' && !lookbehinds) {
      char next = i + 1 < len ? pattern[i + 1] : '\0';
      if (next != '?' && next != '*' && next != '+' && next != '{') {
        ok = pk_buf_append(out, "\\h+", 3);
        continue;
      }
    }
    ok = ok && pk_buf_append_char(out, c);
  }
  return ok;
}

static bool expand_pattern(const pk_rules *rules, const char *pattern, pk_buf *out) {
  bool ok = widen_blanks(pattern, strlen(pattern), out);
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
           widen_blanks(list->alternatives.data, list->alternatives.len, out) &&
           pk_buf_append(out, ")))", 3);
    }
  }
  free(added);
  return ok;
}

/* What a search of the rule reads (pk_rule_line_bound), from the pattern as expanded.  The
 * sentence form's own start ((?<=[\p{Ll}\p{N}])[.!?]\K) reads only the line it is in. */
static void note_line_bound(pk_rule *rule, const char *pattern) {
  uint32_t shortest = 0;
  pcre2_pattern_info(rule->code, PCRE2_INFO_MINLENGTH, &shortest);
  rule->empty_match = shortest == 0;
  /* Both read lines as PCRE2 does where a newline is LF alone, as Debian builds it. */
  uint32_t newline = 0;
  pcre2_config(PCRE2_CONFIG_NEWLINE, &newline);
  if (newline != PCRE2_NEWLINE_LF) return;
  rule->line_bound = !rule->contains && pk_pattern_line_bound(pattern);
  rule->starts_lines = pk_pattern_starts_lines(pattern);
}

bool pk_rule_applies(const pk_rule *rule, bool run_together) {
  const char *where = pk_rule_option(rule, "at");
  return run_together || !where || strcmp(where, "text") != 0;
}

bool pk_rule_inside_units(const pk_rule *rule, bool run_together) {
  const char *where = pk_rule_option(rule, "at");
  return where && (strcmp(where, "anywhere") == 0 || (run_together && strcmp(where, "text") == 0));
}

/* Whether the rule is ever searched, not only tried at one place (see KNOWN_KINDS). */
static bool is_searched(const pk_rule *rule) {
  if (rule->kind_id == KIND_UNKNOWN || KNOWN_KINDS[rule->kind_id].searched) return true;
  return pk_rule_inside_units(rule, true);
}

static void free_codes(pk_rule *rule) {
  pcre2_code_free(rule->code);
  pcre2_code_free(rule->anchored_code);
  pcre2_code_free(rule->sentence_code);
  rule->code = rule->anchored_code = rule->sentence_code = NULL;
  rule->code_jit = rule->anchored_jit = rule->sentence_jit = JIT_NONE;
  pk_literal_set_free(&rule->literals);
  rule->barrier[0] = rule->barrier[1] = 0;
  rule->lead = PK_LEAD_ANY;
  rule->barred = rule->first_known = rule->contains_literal = false;
  rule->line_bound = rule->starts_lines = rule->empty_match = false;
}

/* Whether every place LONG stands holds SHORT too: compared alike, SHORT inside LONG. */
static bool covers(const pk_literal *longer, const pk_literal *shorter) {
  return longer->caseless == shorter->caseless && longer->len >= shorter->len &&
         memmem(longer->text, longer->len, shorter->text, shorter->len) != NULL;
}

/* SET without the literals that hold another of it ("indholdsfortegnelse" where "indhold"
 * is one): a text holds one of the set where it holds one of the rest.  Of two alike, the
 * first is kept. */
static void drop_covered(pk_literal_set *set) {
  bool *covered = calloc(set->count + 1, sizeof *covered);
  if (!covered) return; /* out of memory: all are looked for, as before */
  /* Which are covered, in the set as it is; then the others moved up. */
  for (size_t i = 0; i < set->count; i++)
    for (size_t k = 0; k < set->count && !covered[i]; k++)
      covered[i] = k != i && covers(&set->items[i], &set->items[k]) &&
                   (set->items[k].len < set->items[i].len || k < i);
  size_t kept = 0;
  for (size_t i = 0; i < set->count; i++) {
    if (covered[i]) free(set->items[i].text);
    else set->items[kept++] = set->items[i];
  }
  set->count = kept;
  free(covered);
}

/* Compiles rule->pattern (again, when a word list it calls has grown); LINE and AT say
 * where the pattern was written, for errors. */
static pk_status compile_rule(pk_rules *rules, pk_rule *rule, const line_ctx *line,
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
  /* The sentence form holds the pattern whole after its own start: the same literals.
   * Only the kinds searched in scanned texts have them read (the rest are not asked). */
  const pk_stock_facts *facts = stock_facts(&rules->stock, pattern, len);
  static const char *const SCANNED[] = {"section", "field", "item", "detect", "meta", "kind"};
  for (size_t k = 0; k < sizeof SCANNED / sizeof *SCANNED; k++)
    if (strcmp(rule->kind, SCANNED[k]) == 0 && pattern_literals(facts, pattern, &rule->literals)) {
      rule->barrier[0] = ~rule->literals.reads[0];
      rule->barrier[1] = ~rule->literals.reads[1];
      rule->lead = rule->literals.lead;
    }
  /* A contents rule is tried at every unit before the document's first item, and reads a
   * whole line for its words (pk_rule_may_hold_at); a decision's rules search each
   * decision's text (pk_rule_may_hold_after), most for words it does not hold, and the
   * first search of a rule compiles its JIT.  Their literals are read for that only: not
   * scanned for in every window (pk_scan), and their searches are left as they were.  A
   * literal holding another of the set is dropped (pk_rule_may_hold_* look for each). */
  static const char *const WORDS_ONLY[] = {"contents", "outcome", "vote", "minority",
                                            "decision-start"};
  rule->words_only = false;
  for (size_t k = 0; k < sizeof WORDS_ONLY / sizeof *WORDS_ONLY; k++)
    if (strcmp(rule->kind, WORDS_ONLY[k]) == 0 && pattern_literals(facts, pattern, &rule->literals)) {
      drop_covered(&rule->literals);
      rule->words_only = true;
    }
  /* A search of a rule with barriers, or whose matches start near their literals, is
   * limited to the places a match may start. */
  uint32_t limits =
      rule->barrier[0] | rule->barrier[1] || rule->lead != PK_LEAD_ANY ? PCRE2_USE_OFFSET_LIMIT : 0;
  /* A rule with any= words is searched near them, its matches starting by the last one
   * (pk_match_starting_by). */
  uint32_t word_limit = rule->has_any ? PCRE2_USE_OFFSET_LIMIT : 0;
  rule->code = compile_code(rules, pattern, len,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | limits | word_limit, &code,
                            &offset);
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
    status = compile_sentence_form(rules, rule, line, at, pattern, len, jit, err);
    note_line_bound(rule, pattern);
    /* The sentence form starts its matches a character early; a tail= rule searches its
     * own parts of lines. */
    rule->barred = limits && !rule->sentence_code && !rule->tail;
    rule->contains_literal = rule->contains && rule->literals.count == 1 &&
                             !rule->literals.items[0].caseless &&
                             strcmp(rule->literals.items[0].text, rule->contains) == 0;
    /* A section rule's too: a line is a heading only where one matches from its first
     * character (the decoder's heading_line). */
    if (rule->kind_id != KIND_UNKNOWN &&
        (KNOWN_KINDS[rule->kind_id].anchored || strcmp(rule->kind, "section") == 0))
      rule->first_known = pattern_first_bytes(facts, pattern, rule->first);
  }
  /* JIT is an optimisation: where it is unavailable (or turned off) the interpreter is
   * used, with the same results. */
  if (status == PK_OK && jit) {
    if (is_searched(rule)) rule->code_jit = JIT_WANTED;
    if (rule->kind_id != KIND_UNKNOWN && KNOWN_KINDS[rule->kind_id].anchored) {
      rule->anchored_code = compile_code(
          rules, pattern, len, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_ANCHORED, &code, &offset);
      rule->anchored_jit = rule->anchored_code ? JIT_WANTED : JIT_NONE;
    }
  }
  pk_buf_free(&expanded);
  return status;
}

static pk_status compile_pattern(pk_rules *rules, pk_rule *rule, const line_ctx *line,
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

/* Whether PATTERN calls the list NAME, directly or through the lists it calls. */
static bool reaches_list(const pk_rules *rules, const char *pattern, const char *name) {
  if (!strstr(pattern, "(?&")) return false;
  if (calls_list(pattern, name)) return true;
  bool *seen = calloc(rules->list_count + 1, sizeof *seen);
  if (!seen) return true; /* out of memory: compile it again, as before */
  bool found = false;
  /* The lists PATTERN reaches, grown until no list is added. */
  for (size_t i = 0; i < rules->list_count; i++) seen[i] = calls_list(pattern, rules->lists[i].name);
  for (bool grew = true; grew && !found;) {
    grew = false;
    for (size_t i = 0; i < rules->list_count && !found; i++) {
      if (!seen[i]) continue;
      const char *alternatives = rules->lists[i].alternatives.data;
      if (!alternatives) continue;
      found = calls_list(alternatives, name);
      for (size_t k = 0; k < rules->list_count && !found; k++)
        if (!seen[k] && calls_list(alternatives, rules->lists[k].name)) seen[k] = grew = true;
    }
  }
  free(seen);
  return found;
}

/* The rules loaded before list NAME grew call its old alternatives: compile again every rule
 * that calls it (directly or through another list).  A list just made is called by no rule
 * yet (a rule that calls a list not yet made is an error). */
static pk_status recompile_callers(pk_rules *rules, const char *name, pk_error *err) {
  for (size_t i = 0; i < rules->count; i++) {
    pk_rule *rule = rules->slots[i];
    if (!reaches_list(rules, rule->pattern, name)) continue;
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
  bool grown = list != NULL;
  if (!list) list = add_list(rules, name, name_len);
  if (!list || (list->alternatives.len && !pk_buf_append(&list->alternatives, "|", 1)) ||
      !pk_buf_append(&list->alternatives, line->text + pos, end - pos))
    return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  return grown ? recompile_callers(rules, list->name, err) : PK_OK;
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
      const char *any = pk_rule_option(rule, "any"); /* the options are all read by now */
      rule->has_any = any != NULL;
      status = compile_pattern(rules, rule, line, pos, err);
      if (status == PK_OK && any && !pk_wordset_build(&rule->any_words, &any, 1))
        status = pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
      break;
    } else {
      status = add_option(rule, line, at, len, err);
    }
  }
  if (status == PK_OK) status = store_rule(rules, rule, line, err);
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

static pk_status add_text(pk_rules *rules, const char *name, const char *text, size_t len,
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

static pk_status add_file(pk_rules *rules, const char *path, pk_error *err) {
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
  else status = add_text(rules, path, text.data ? text.data : "", text.len, err);
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

static pk_status add_dir(pk_rules *rules, const char *dir, pk_error *err) {
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
        status = add_file(rules, path.data, err);
      pk_buf_free(&path);
    }
    free(names[i]);
  }
  free(names);
  return status;
}

static pk_status add_builtin(pk_rules *rules, pk_error *err) {
  if (!rules->log) load_stock(&rules->stock);
  pk_status status = PK_OK;
  for (size_t i = 0; status == PK_OK && i < pk_builtin_rule_file_count; i++) {
    const pk_builtin_file *file = &pk_builtin_rule_files[i];
    status = add_text(rules, file->name, (const char *)file->data, file->size, err);
  }
  drop_stock(&rules->stock);
  return status;
}

/* ---- the index of literals (pk_scan) ----------------------------------------------------- */

static inline unsigned char lower_byte(unsigned char c) {
  return (unsigned char)(c | ((unsigned)(c - 'A') < 26u) << 5);
}

static uint32_t prefix_key(const char *text) {
  return (uint32_t)lower_byte((unsigned char)text[0]) |
         (uint32_t)lower_byte((unsigned char)text[1]) << 8 |
         (uint32_t)lower_byte((unsigned char)text[2]) << 16;
}

static uint32_t bucket_of(uint32_t key) {
  return (key * 2654435761u) >> (32 - LITERAL_BUCKET_BITS);
}

static inline uint32_t filter_bit(uint32_t key) { return (key * 0x9E3779B1u) >> (32 - KEY_BITS); }

static bool same_literal(const pk_literal *a, const pk_literal *b) {
  return a->len == b->len && a->caseless == b->caseless && memcmp(a->text, b->text, a->len) == 0;
}

/* LITERAL's first eight bytes as a little-endian word (in lower case where it is caseless,
 * as a scan compares them), and the mask of the bytes it has. */
static void head_of(const pk_literal *literal, uint64_t *head, uint64_t *mask) {
  *head = *mask = 0;
  for (size_t i = 0; i < literal->len && i < 8; i++) {
    *head |= (uint64_t)(unsigned char)literal->text[i] << (8 * i);
    *mask |= (uint64_t)0xFF << (8 * i);
  }
}

/* Eight bytes of text with ASCII's capitals in lower case, all at once: a byte's high bit
 * is set where it is from 'A' to 'Z' (and below 0x80), then moved to 0x20. */
static inline uint64_t lower_word(uint64_t word) {
  const uint64_t high = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
  uint64_t seven = word & low7;
  uint64_t from_a = seven + 0x3F3F3F3F3F3F3F3FULL;  /* high bit: >= 'A' (0x41) */
  uint64_t past_z = seven + 0x2525252525252525ULL;  /* high bit: > 'Z' (0x5A) */
  uint64_t capital = from_a & ~past_z & ~word & high;
  return word | capital >> 2;
}

/* Eight bytes of text as a little-endian word (one load). */
static inline uint64_t load_word(const char *text) {
  uint64_t word;
  memcpy(&word, text, sizeof word);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  word = __builtin_bswap64(word);
#endif
  return word;
}

/* The index of every rule's literals, made again from the rules as they are: after rules
 * were added (a rule compiled again has new literals).  Where memory runs out, no rule has
 * literals, and every text is searched. */
static void index_literals(pk_rules *rules) {
  literal_index *index = &rules->literals;
  literal_index_free(index);
  size_t total = 0;
  for (size_t i = 0; i < rules->count; i++) {
    pk_rule *rule = rules->slots[i];
    free(rule->literal_ids);
    rule->literal_ids = NULL;
    rule->literal_count = 0;
    rule->literal_caseless = false;
    if (!rule->words_only) total += rule->literals.count;
  }
  if (!total) return;
  for (unsigned c = 0; c < 256; c++) index->lower[c] = lower_byte((unsigned char)c);
  size_t table_cap = 16;
  while (table_cap < total * 2) table_cap *= 2;
  uint32_t *table = malloc(table_cap * sizeof *table); /* literal number + 1, 0: free */
  index->items = malloc(total * sizeof *index->items);
  index->keys = malloc(total * sizeof *index->keys);
  index->heads = malloc(total * sizeof *index->heads);
  index->head_masks = malloc(total * sizeof *index->head_masks);
  index->bucket_start = calloc(LITERAL_BUCKETS + 1, sizeof *index->bucket_start);
  index->filter = calloc((1u << KEY_BITS) / 64, sizeof *index->filter);
  bool ok = table && index->items && index->keys && index->heads && index->head_masks &&
            index->bucket_start && index->filter;
  if (ok) memset(table, 0, table_cap * sizeof *table);
  for (size_t i = 0; ok && i < rules->count; i++) {
    pk_rule *rule = rules->slots[i];
    if (!rule->literals.count || rule->words_only) continue;
    rule->literal_ids = malloc(rule->literals.count * sizeof *rule->literal_ids);
    if (!rule->literal_ids) {
      ok = false;
      break;
    }
    for (size_t k = 0; k < rule->literals.count; k++) {
      const pk_literal *literal = &rule->literals.items[k];
      uint32_t hash = 2166136261u;
      for (size_t b = 0; b < literal->len; b++) hash = (hash ^ (unsigned char)literal->text[b]) * 16777619u;
      size_t at = hash & (table_cap - 1);
      while (table[at] && !same_literal(index->items[table[at] - 1], literal))
        at = (at + 1) & (table_cap - 1);
      if (!table[at]) {
        uint32_t key = prefix_key(literal->text);
        index->items[index->count] = literal;
        index->keys[index->count] = key;
        head_of(literal, &index->heads[index->count], &index->head_masks[index->count]);
        uint32_t bit = filter_bit(key);
        index->filter[bit / 64] |= 1ULL << (bit & 63);
        table[at] = (uint32_t)++index->count;
      }
      rule->literal_ids[k] = table[at] - 1;
      rule->literal_caseless = rule->literal_caseless || literal->caseless;
    }
    rule->literal_count = rule->literals.count;
  }
  free(table);
  if (ok) {
    index->bucket_ids = malloc((index->count + 1) * sizeof *index->bucket_ids);
    ok = index->bucket_ids != NULL;
  }
  if (ok) {
    for (size_t i = 0; i < index->count; i++) index->bucket_start[bucket_of(index->keys[i]) + 1]++;
    for (size_t b = 0; b < LITERAL_BUCKETS; b++) index->bucket_start[b + 1] += index->bucket_start[b];
    uint32_t *fill = malloc(LITERAL_BUCKETS * sizeof *fill);
    ok = fill != NULL;
    if (ok) {
      memcpy(fill, index->bucket_start, LITERAL_BUCKETS * sizeof *fill);
      for (size_t i = 0; i < index->count; i++)
        index->bucket_ids[fill[bucket_of(index->keys[i])]++] = (uint32_t)i;
    }
    free(fill);
  }
  if (!ok) {
    literal_index_free(index);
    for (size_t i = 0; i < rules->count; i++) {
      free(rules->slots[i]->literal_ids);
      rules->slots[i]->literal_ids = NULL;
      rules->slots[i]->literal_count = 0;
    }
  }
}

/* pk_rules_select's answers, made again from the rules as they are (NULL where memory runs
 * out: then it looks them up at every call). */
static void index_selections(pk_rules *rules) {
  free(rules->selections);
  free(rules->selection_start);
  rules->selections = NULL;
  rules->selection_start = NULL;
  size_t kinds = sizeof KNOWN_KINDS / sizeof KNOWN_KINDS[0], profiles = rules->profile_count + 1;
  size_t *start = calloc(kinds * profiles + 1, sizeof *start);
  const pk_rule **selections = malloc((rules->count * profiles + 1) * sizeof *selections);
  if (!start || !selections) {
    free(start);
    free(selections);
    return;
  }
  size_t count = 0;
  for (size_t k = 0; k < kinds; k++)
    for (size_t p = 0; p < profiles; p++) {
      start[k * profiles + p] = count;
      const char *profile = p ? rules->profiles[p - 1] : NULL;
      for (size_t i = 0; i < rules->count; i++) {
        const pk_rule *rule = rules->slots[i];
        if (!rule->disabled && rule->kind_id == (int)k && pk_rule_in_profile(rule, profile))
          selections[count++] = rule;
      }
    }
  start[kinds * profiles] = count;
  rules->selections = selections;
  rules->selection_start = start;
}

static void index_rules(pk_rules *rules) {
  index_literals(rules);
  index_selections(rules);
}

pk_status pk_rules_add_text(pk_rules *rules, const char *name, const char *text, size_t len,
                            pk_error *err) {
  rules->generation++;
  pk_status status = add_text(rules, name, text, len, err);
  index_rules(rules);
  return status;
}

pk_status pk_rules_add_file(pk_rules *rules, const char *path, pk_error *err) {
  rules->generation++;
  pk_status status = add_file(rules, path, err);
  index_rules(rules);
  return status;
}

pk_status pk_rules_add_dir(pk_rules *rules, const char *dir, pk_error *err) {
  rules->generation++;
  pk_status status = add_dir(rules, dir, err);
  index_rules(rules);
  return status;
}

pk_status pk_rules_add_builtin(pk_rules *rules, pk_error *err) {
  rules->generation++;
  pk_status status = add_builtin(rules, err);
  index_rules(rules);
  return status;
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
  unsigned long limit_events; /* all matches stopped by the limits */
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

/* One match of CODE, by its JIT code where JIT compiled it (same results, fewer checks). */
static int match_once(pk_matcher *matcher, const pcre2_code *code, bool jit,
                      pcre2_match_data *data, const char *subject, size_t len, size_t from,
                      uint32_t options) {
  /* The reader hands on valid UTF-8 only, so PCRE2 need not check it again; left on, the
   * check runs over the rest of the subject at every call, quadratic in a long item. */
  if (jit) {
    int rc = pcre2_jit_match(code, (PCRE2_SPTR)subject, len, from, options, data, matcher->context);
    if (rc != PCRE2_ERROR_JIT_BADOPTION) return rc; /* else the interpreter, as pcre2_match does */
  }
  return pcre2_match(code, (PCRE2_SPTR)subject, len, from, options | PCRE2_NO_UTF_CHECK, data,
                     matcher->context);
}

/* A rule's JIT states change as its codes are first matched: the one thing of a rule that
 * matching writes. */
static pk_rule *mutable(const pk_rule *rule) { return (pk_rule *)rule; }

/* Compiling a code's JIT the first time it is matched: rules are shared by the threads of
 * a batch, so one compiles while the others wait. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

static bool jit_ready(const pcre2_code *code, _Atomic unsigned char *state) {
  unsigned char now = atomic_load_explicit(state, memory_order_acquire);
  if (now != JIT_WANTED) return now == JIT_READY;
  pthread_mutex_lock(&jit_lock);
  now = atomic_load_explicit(state, memory_order_relaxed);
  if (now == JIT_WANTED) {
    now = pcre2_jit_compile((pcre2_code *)code, PCRE2_JIT_COMPLETE) == 0 ? JIT_READY : JIT_NONE;
    atomic_store_explicit(state, now, memory_order_release);
  }
  pthread_mutex_unlock(&jit_lock);
  return now == JIT_READY;
}

static pk_match_result run_code(pk_matcher *matcher, const pk_rule *rule, const pcre2_code *code,
                                _Atomic unsigned char *jit_state, pcre2_match_data *data,
                                const char *subject, size_t len, size_t from, uint32_t options) {
  /* PCRE2_ANCHORED at match time is the interpreter's: JIT code cannot take it. */
  bool jit = jit_state && !(options & PCRE2_ANCHORED) && jit_ready(code, jit_state);
  int rc = match_once(matcher, code, jit, data, subject, len, from, options);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT && !matcher->jit_stack) {
    matcher->jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
    if (matcher->jit_stack) rc = match_once(matcher, code, jit, data, subject, len, from, options);
  }
  if (rc >= 0) return PK_MATCH_FOUND;
  if (rc == PCRE2_ERROR_NOMATCH) return PK_MATCH_NONE;
  matcher->limit_events++;
  if (rule->slot < matcher->rule_count) matcher->limit_hits[rule->slot]++;
  return PK_MATCH_LIMIT;
}

/* Whether no line starts in SUBJECT[from, len): a search there of a rule whose matches
 * start lines finds nothing, and need not be made (a tail= rule's search of a long line's
 * end, mostly).  PCRE2 itself would try FROM, and fail at its ^. */
static bool no_line_start(const pk_rule *rule, const char *subject, size_t len, size_t from) {
  return rule->starts_lines && from > 0 && subject[from - 1] != '\n' &&
         !memchr(subject + from, '\n', len - from);
}

/* Whether SUBJECT[from, len) has no full stop, question or exclamation mark, where the
 * sentence form of a rule whose matches start lines starts its matches. */
static bool no_sentence_end(const pk_rule *rule, const char *subject, size_t len, size_t from) {
  return rule->starts_lines && !memchr(subject + from, '.', len - from) &&
         !memchr(subject + from, '!', len - from) && !memchr(subject + from, '?', len - from);
}

/* An after=sentence rule: the earlier of its line form's match and its sentence form's
 * (the line form's where both start at one place) is the match. */
static pk_match_result run_either(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                  size_t len, size_t from, uint32_t options) {
  pk_match_result line = no_line_start(rule, subject, len, from)
                             ? PK_MATCH_NONE
                             : run_code(matcher, rule, rule->code, &mutable(rule)->code_jit, matcher->data,
                                        subject, len, from, options);
  if (line == PK_MATCH_LIMIT) return line;
  if (no_sentence_end(rule, subject, len, from)) return line;
  pk_match_result glued =
      run_code(matcher, rule, rule->sentence_code, &mutable(rule)->sentence_jit, matcher->spare, subject,
               len, from, options);
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
  if ((options & PCRE2_ANCHORED) && rule->anchored_code)
    return run_code(matcher, rule, rule->anchored_code, &mutable(rule)->anchored_jit, matcher->data,
                    subject, len, from, options & ~(uint32_t)PCRE2_ANCHORED);
  if (!(options & PCRE2_ANCHORED) && rule->sentence_code)
    return run_either(matcher, rule, subject, len, from, options);
  if (!(options & PCRE2_ANCHORED) && no_line_start(rule, subject, len, from)) return PK_MATCH_NONE;
  return run_code(matcher, rule, rule->code, &mutable(rule)->code_jit, matcher->data, subject, len,
                  from, options);
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

size_t pk_rule_line_search_start(const pk_rule *rule, const char *subject, size_t start,
                                 size_t end) {
  return rule->tail ? tail_start(subject, start, end, rule->tail) : start;
}

static size_t line_end(const char *subject, size_t len, size_t from) {
  const char *nl = memchr(subject + from, '\n', len - from);
  return nl ? (size_t)(nl - subject) : len;
}

enum { TAIL_RUN_MAX = 4096 }; /* bytes of short lines searched in one call */

/* A tail= rule: the lines from FROM on, each searched only in its tail.  Runs of lines
 * no longer than the tail are searched in one call, as the text exports of web pages
 * have thousands of short lines, up to TAIL_RUN_MAX bytes a call (a search that stops at
 * its first match must not walk every line after it).  A line's end is the subject's end:
 * '$' matches there as at any line end, and a lookahead cannot see past it
 * (punktum-rules(5) says so). */
static pk_match_result match_tails(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                   size_t len, size_t from) {
  size_t line_start = from;
  while (line_start < len) {
    size_t search_end = line_end(subject, len, line_start);
    size_t search_from = tail_start(subject, line_start, search_end, rule->tail);
    /* Whole lines: extend over the short lines that follow, TAIL_RUN_MAX bytes at most. */
    while (search_from == line_start && search_end < len &&
           search_end - line_start < TAIL_RUN_MAX) {
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

/* Where a match of a barred rule holding a literal at AT may start: after the last of its
 * barrier bytes in TEXT[floor, at), else at FLOOR; and its lead before AT at the earliest. */
static size_t after_barrier(const pk_rule *rule, const char *text, size_t floor, size_t at) {
  const unsigned char *s = (const unsigned char *)text;
  if (rule->lead < at - floor) floor = at - rule->lead;
  while (at > floor && !(s[at - 1] < 128 && (rule->barrier[s[at - 1] >> 6] >> (s[at - 1] & 63) & 1)))
    at--;
  return at;
}

static size_t first_literal(const pk_scan *scan, const pk_rule *rule, size_t from, size_t end);

/* A text whose bytes are a scanned text's from BASE on: the scan tells where literals stand
 * in it. */
typedef struct scan_view {
  const pk_scan *scan;
  size_t base;
} scan_view;

/* The first place at or after FROM where one of RULE's literals starts and ends by END, in
 * the text VIEW holds; (size_t)-1 where none does. */
static size_t view_literal(const scan_view *view, const pk_rule *rule, size_t from, size_t end) {
  size_t at = first_literal(view->scan, rule, view->base + from, view->base + end);
  return at == (size_t)-1 ? at : at - view->base;
}

/* The first place at or after FROM where one of RULE's literals stands in TEXT[0, LEN):
 * told by VIEW, the text's scan, where there is one; else found by memmem (for literals
 * compared as written). */
static size_t next_literal(const pk_rule *rule, const scan_view *view, const char *text, size_t len,
                           size_t from) {
  if (view) return view_literal(view, rule, from, len);
  size_t first = (size_t)-1;
  for (size_t k = 0; k < rule->literals.count; k++) {
    const pk_literal *literal = &rule->literals.items[k];
    /* Only a place before the first found so far matters. */
    size_t end = first == (size_t)-1 || first + literal->len - 1 > len ? len : first + literal->len - 1;
    const char *hit = end > from ? memmem(text + from, end - from, literal->text, literal->len) : NULL;
    if (hit) first = (size_t)(hit - text);
  }
  return first;
}

/* Where each of a rule's literals (up to CURSORS of them) next stands in a text that is not
 * scanned, as a barred search goes on: each literal is looked for once from each place it
 * was found, not again from every later place. */
enum { CURSORS = 16, NOWHERE = 0 };
typedef struct literal_cursors {
  size_t at[CURSORS]; /* where found + 1 (NOWHERE: not found from LOOKED on) */
  size_t looked[CURSORS]; /* + 1: 0 where not looked for yet */
} literal_cursors;

/* next_literal for a text that is not scanned, with CURSORS; (size_t)-1 where none. */
static size_t next_by_cursors(const pk_rule *rule, literal_cursors *cursors, const char *text,
                              size_t len, size_t from) {
  size_t first = (size_t)-1;
  for (size_t k = 0; k < rule->literals.count; k++) {
    const pk_literal *literal = &rule->literals.items[k];
    bool stale = !cursors->looked[k] || (cursors->at[k] != NOWHERE && cursors->at[k] - 1 < from);
    if (stale) {
      const char *hit = from < len ? memmem(text + from, len - from, literal->text, literal->len) : NULL;
      cursors->at[k] = hit ? (size_t)(hit - text) + 1 : NOWHERE;
      cursors->looked[k] = from + 1;
    }
    if (cursors->at[k] != NOWHERE && cursors->at[k] - 1 < first) first = cursors->at[k] - 1;
  }
  return first;
}

/* A barred rule's search of TEXT[0, LEN) from FROM, where its first literal stands at AT
 * (VIEW: the text's scan, or NULL): only from the places a match may start, before each
 * literal and after the barrier bytes before it, each run of them searched at once with
 * PCRE2's offset limit.  A match starting elsewhere would read a barrier byte on its way
 * to its literal; the first match found is the first from FROM on, as one search would
 * find it. */
static pk_match_result match_barred(pk_matcher *matcher, const pk_rule *rule, const scan_view *view,
                                    const char *text, size_t len, size_t from, size_t at) {
  matcher->rule = rule;
  literal_cursors cursors = {{0}, {0}};
  bool cursored = !view && rule->literals.count <= CURSORS;
  size_t start = after_barrier(rule, text, from, at), limit = at;
  while (start <= len) {
    /* The run goes on over the literals after it with no barrier byte before them. */
    size_t next = limit >= len ? (size_t)-1
                  : cursored ? next_by_cursors(rule, &cursors, text, len, limit + 1)
                             : next_literal(rule, view, text, len, limit + 1);
    size_t next_start = next != (size_t)-1 ? after_barrier(rule, text, limit, next) : len + 1;
    if (next != (size_t)-1 && next_start <= limit) {
      limit = next;
      continue;
    }
    pcre2_set_offset_limit(matcher->context, limit);
    pk_match_result found = run_match(matcher, rule, text, len, start, 0);
    pcre2_set_offset_limit(matcher->context, PCRE2_UNSET);
    if (found != PK_MATCH_NONE) return found;
    start = next_start;
    limit = next;
  }
  return PK_MATCH_NONE;
}

pk_match_result pk_match_starting_by(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                     size_t len, size_t from, size_t last_start) {
  if (rule->barred || !rule->has_any) /* no offset limit of its own to take */
    return pk_match(matcher, rule, subject, len, from, false);
  pcre2_set_offset_limit(matcher->context, last_start);
  pk_match_result found = pk_match(matcher, rule, subject, len, from, false);
  pcre2_set_offset_limit(matcher->context, PCRE2_UNSET);
  return found;
}

bool pk_rule_may_start(const pk_rule *rule, const char *subject, size_t len, size_t at) {
  if (!rule->first_known) return true;
  unsigned char c = at < len ? (unsigned char)subject[at] : 0;
  return at < len && (rule->first[c >> 6] >> (c & 63) & 1);
}

static bool literal_at(const pk_literal *literal, const char *text, size_t left);

/* Whether LITERAL stands in TEXT[0, len). */
static bool literal_in(const pk_literal *literal, const char *text, size_t len) {
  if (!literal->caseless) return memmem(text, len, literal->text, literal->len) != NULL;
  if (literal->len > len) return false;
  /* Its first byte's places in either case, by memchr, the rest compared there. */
  unsigned char first = (unsigned char)literal->text[0];
  unsigned char other = (unsigned)(first - 'a') < 26u ? first ^ 0x20 : first;
  size_t last = len - literal->len + 1; /* places it may start before */
  const char *lower = memchr(text, first, last), *upper = other != first ? memchr(text, other, last) : NULL;
  while (lower || upper) {
    const char *at = !upper || (lower && lower < upper) ? lower : upper;
    if (literal_at(literal, at, len - (size_t)(at - text))) return true;
    size_t next = (size_t)(at - text) + 1;
    if (at == lower) lower = next < last ? memchr(text + next, first, last - next) : NULL;
    else upper = next < last ? memchr(text + next, other, last - next) : NULL;
  }
  return false;
}

static bool odd_case_in(const char *text, size_t len);

/* Whether the literals of SET cannot tell anything of SUBJECT[from, len): none, nothing
 * left, or a caseless literal where a character stands that PCRE2 matches in any case with
 * an ASCII letter (the Kelvin sign, the long s, the dotted and dotless I). */
static bool literals_say_nothing(const pk_literal_set *set, const char *subject, size_t len,
                                 size_t from) {
  if (!set->count || from >= len) return true;
  bool caseless = false;
  for (size_t k = 0; k < set->count; k++) caseless |= set->items[k].caseless;
  return caseless && odd_case_in(subject + from, len - from);
}

bool pk_rule_may_hold_after(const pk_rule *rule, const char *subject, size_t len, size_t from) {
  const pk_literal_set *set = &rule->literals;
  if (literals_say_nothing(set, subject, len, from)) return true;
  for (size_t k = 0; k < set->count; k++)
    if (literal_in(&set->items[k], subject + from, len - from)) return true;
  return false;
}

bool pk_rule_may_hold_at(const pk_rule *rule, const char *subject, size_t len, size_t from) {
  const pk_literal_set *set = &rule->literals;
  if (literals_say_nothing(set, subject, len, from)) return true;
  for (size_t k = 0; k < set->count; k++) {
    const pk_literal *literal = &set->items[k];
    if (literal->len > len - from) continue;
    size_t room = len - from - literal->len; /* how far past FROM it may start */
    size_t end = set->lead < room ? from + set->lead + literal->len : len;
    if (literal_in(literal, subject + from, end - from)) return true;
  }
  return false;
}

pk_match_result pk_match(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                         size_t len, size_t from, bool anchored) {
  matcher->rule = rule;
  if (rule->slot < matcher->rule_count && matcher->limit_hits[rule->slot] >= GIVE_UP)
    return PK_MATCH_LIMIT;
  if (from > len) return PK_MATCH_NONE;
  /* A cheap scan for the text every match holds spares the regex most subjects. */
  const char *held =
      rule->contains ? memmem(subject + from, len - from, rule->contains, rule->contains_len) : NULL;
  if (rule->contains && !held) return PK_MATCH_NONE;
  if (anchored && !pk_rule_may_start(rule, subject, len, from)) return PK_MATCH_NONE;
  if (anchored) return run_match(matcher, rule, subject, len, from, PCRE2_ANCHORED);
  if (rule->tail) return match_tails(matcher, rule, subject, len, from);
  if (rule->barred && !rule->line_bound && rule->literal_count && !rule->literal_caseless) {
    size_t at = rule->contains_literal ? (size_t)(held - subject) : next_literal(rule, NULL, subject, len, from);
    return at == (size_t)-1 ? PK_MATCH_NONE : match_barred(matcher, rule, NULL, subject, len, from, at);
  }
  return run_match(matcher, rule, subject, len, from, 0);
}

/* ---- scanned texts ------------------------------------------------------------------------ */

struct pk_scan {
  const literal_index *index;
  const char *text;
  size_t len;
  /* The text holds a character that PCRE2 matches in any case with an ASCII letter
   * (K KELVIN SIGN, LATIN SMALL LETTER LONG S, the dotted and dotless I): the literals
   * compared in any case are not looked for, their rules are searched. */
  bool odd_case;
  uint32_t *start; /* per literal: where its places begin in AT (index count + 1) */
  size_t *at;      /* the places of each literal, in order */
};

static bool odd_case_in(const char *text, size_t len) {
  static const char *const ODD[] = {"\xC4\xB0", "\xC4\xB1", "\xC5\xBF", "\xE2\x84\xAA"};
  if (!memchr(text, 0xC4, len) && !memchr(text, 0xC5, len) && !memchr(text, 0xE2, len))
    return false;
  for (size_t i = 0; i < sizeof ODD / sizeof *ODD; i++)
    if (memmem(text, len, ODD[i], strlen(ODD[i]))) return true;
  return false;
}

/* Whether LITERAL stands at TEXT (LEFT bytes on). */
static bool literal_at(const pk_literal *literal, const char *text, size_t left) {
  if (literal->len > left) return false;
  if (!literal->caseless) return memcmp(literal->text, text, literal->len) == 0;
  for (size_t i = 0; i < literal->len; i++)
    if (lower_byte((unsigned char)text[i]) != (unsigned char)literal->text[i]) return false;
  return true;
}

/* Whether LITERAL (number ID) stands at TEXT, LEFT bytes on: its first eight bytes
 * compared at once where eight are left. */
static inline bool literal_here(const literal_index *index, uint32_t id, const char *text, size_t left) {
  const pk_literal *literal = index->items[id];
  if (left < 8 || literal->len > left) return literal_at(literal, text, left);
  uint64_t word = load_word(text);
  if (literal->caseless) word = lower_word(word);
  if ((word & index->head_masks[id]) != index->heads[id]) return false;
  return literal->len <= 8 || literal_at(literal, text, left);
}

typedef struct place {
  uint32_t literal;
  size_t at;
} place;

pk_scan *pk_scan_new(const pk_rules *rules, const char *text, size_t len) {
  const literal_index *index = &rules->literals;
  if (!index->count || !text) return NULL;
  pk_scan *scan = calloc(1, sizeof *scan);
  if (!scan) return NULL;
  *scan = (pk_scan){.index = index, .text = text, .len = len};
  place *places = NULL;
  size_t count = 0, cap = 0;
  bool ok = true;
  const unsigned char *s = (const unsigned char *)text;
  scan->odd_case = odd_case_in(text, len);
  /* The first three bytes in lower case at each place, rolled on: a bit for them, hashed,
   * rules out most places at once. */
  const unsigned char *lower = index->lower;
  const uint64_t *filter = index->filter;
  uint32_t key = len > 2 ? (uint32_t)lower[s[0]] << 8 | (uint32_t)lower[s[1]] << 16 : 0;
  for (size_t i = 0; i + 2 < len; i++) {
    key = key >> 8 | (uint32_t)lower[s[i + 2]] << 16;
    uint32_t bit = filter_bit(key);
    if (!(filter[bit / 64] >> (bit & 63) & 1)) continue;
    uint32_t bucket = bucket_of(key);
    for (uint32_t k = index->bucket_start[bucket]; k < index->bucket_start[bucket + 1]; k++) {
      uint32_t id = index->bucket_ids[k];
      if (index->keys[id] != key || !literal_here(index, id, text + i, len - i)) continue;
      if (!pk_reserve((void **)&places, &cap, count + 1, sizeof *places)) {
        ok = false;
        break;
      }
      places[count++] = (place){id, i};
    }
    if (!ok) break;
  }
  scan->start = ok ? calloc(index->count + 1, sizeof *scan->start) : NULL;
  scan->at = ok ? malloc((count + 1) * sizeof *scan->at) : NULL;
  if (!scan->start || !scan->at) {
    free(places);
    pk_scan_free(scan);
    return NULL;
  }
  for (size_t i = 0; i < count; i++) scan->start[places[i].literal + 1]++;
  for (size_t i = 0; i < index->count; i++) scan->start[i + 1] += scan->start[i];
  /* Places in each literal's run stay in text order: they are found in that order. */
  uint32_t *fill = malloc((index->count + 1) * sizeof *fill);
  if (!fill) {
    free(places);
    pk_scan_free(scan);
    return NULL;
  }
  memcpy(fill, scan->start, (index->count + 1) * sizeof *fill);
  for (size_t i = 0; i < count; i++) scan->at[fill[places[i].literal]++] = places[i].at;
  free(fill);
  free(places);
  return scan;
}

pk_scan *pk_scan_copy(const pk_scan *scan, const char *text) {
  if (!scan || !text) return NULL;
  pk_scan *copy = calloc(1, sizeof *copy);
  size_t literals = scan->index->count + 1, places = scan->start[scan->index->count];
  if (copy) {
    *copy = *scan;
    copy->text = text;
    copy->start = malloc(literals * sizeof *copy->start);
    copy->at = malloc((places + 1) * sizeof *copy->at);
  }
  if (!copy || !copy->start || !copy->at) {
    if (copy) free(copy->start), free(copy->at);
    free(copy);
    return NULL;
  }
  memcpy(copy->start, scan->start, literals * sizeof *copy->start);
  memcpy(copy->at, scan->at, places * sizeof *copy->at);
  return copy;
}

void pk_scan_free(pk_scan *scan) {
  if (!scan) return;
  free(scan->start);
  free(scan->at);
  free(scan);
}

const char *pk_scan_text(const pk_scan *scan) { return scan->text; }
size_t pk_scan_len(const pk_scan *scan) { return scan->len; }

/* Whether the scan can tell where RULE's literals stand. */
static bool scan_knows(const pk_scan *scan, const pk_rule *rule) {
  return scan && rule->literal_count && (!scan->odd_case || !rule->literal_caseless);
}

/* The first place at or after FROM where one of RULE's literals starts and ends by END;
 * (size_t)-1 where none does. */
static size_t first_literal(const pk_scan *scan, const pk_rule *rule, size_t from, size_t end) {
  size_t first = (size_t)-1;
  for (size_t k = 0; k < rule->literal_count; k++) {
    uint32_t id = rule->literal_ids[k];
    size_t low = scan->start[id], high = scan->start[id + 1];
    /* Most of a rule's literals stand nowhere in the text, or not after FROM. */
    if (low == high || scan->at[high - 1] < from) continue;
    size_t len = scan->index->items[id]->len;
    while (low < high) {
      size_t mid = low + (high - low) / 2;
      if (scan->at[mid] < from) low = mid + 1;
      else high = mid;
    }
    for (; low < scan->start[id + 1] && scan->at[low] < first; low++)
      if (scan->at[low] + len <= end) {
        first = scan->at[low];
        break;
      }
  }
  return first;
}

bool pk_scan_may_hold(const pk_scan *scan, const pk_rule *rule, size_t start, size_t end) {
  return !scan_knows(scan, rule) || first_literal(scan, rule, start, end) != (size_t)-1;
}

pk_match_result pk_match_scanned(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                 size_t from) {
  return pk_match_scanned_to(matcher, rule, scan, from, scan->len);
}

/* pk_match of RULE in TEXT[0, LEN) from FROM, where VIEW tells where the rule's literals
 * stand in the text. */
static pk_match_result match_scanned(pk_matcher *matcher, const pk_rule *rule, const scan_view *view,
                                     const char *text, size_t len, size_t from) {
  if (!scan_knows(view->scan, rule) ||
      (rule->slot < matcher->rule_count && matcher->limit_hits[rule->slot] >= GIVE_UP))
    return pk_match(matcher, rule, text, len, from, false);
  size_t at = from <= len ? view_literal(view, rule, from, len) : (size_t)-1;
  if (at == (size_t)-1) {
    matcher->rule = rule;
    return PK_MATCH_NONE;
  }
  if (!rule->line_bound && rule->barred) {
    matcher->rule = rule;
    /* Where the contains= text is the one literal, the scan found it at AT. */
    if (rule->contains && !rule->contains_literal &&
        !memmem(text + from, len - from, rule->contains, rule->contains_len))
      return PK_MATCH_NONE;
    return match_barred(matcher, rule, view, text, len, from, at);
  }
  if (!rule->line_bound) return pk_match(matcher, rule, text, len, from, false);
  /* A match and every literal it holds stand in one line: only the lines a literal stands
   * in are searched, each up to its newline (a run of such lines at once). */
  while (at != (size_t)-1) {
    size_t line_start = at;
    while (line_start > from && text[line_start - 1] != '\n') line_start--;
    const char *newline = memchr(text + at, '\n', len - at);
    size_t line_end = newline ? (size_t)(newline - text) + 1 : len;
    size_t next = line_end < len ? view_literal(view, rule, line_end, len) : (size_t)-1;
    while (next != (size_t)-1 && line_end < len) {
      newline = memchr(text + line_end, '\n', len - line_end);
      size_t after = newline ? (size_t)(newline - text) + 1 : len;
      if (next >= after) break; /* not in the line that follows */
      line_end = after;
      next = line_end < len ? view_literal(view, rule, line_end, len) : (size_t)-1;
    }
    /* In a long line (a transcript's page is one) a rule whose matches start near their
     * literal is searched only there, where it has few literals to look for. */
    bool near = rule->barred && rule->lead <= NEAR_LEAD_MAX &&
                rule->literal_count <= NEAR_LITERALS_MAX && line_end - line_start >= NEAR_LINE_MIN;
    pk_match_result found = near ? match_barred(matcher, rule, view, text, line_end, line_start, at)
                                 : pk_match(matcher, rule, text, line_end, line_start, false);
    if (found != PK_MATCH_NONE) return found;
    at = next;
  }
  return PK_MATCH_NONE;
}

pk_match_result pk_match_scanned_to(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                    size_t from, size_t end) {
  scan_view view = {scan, 0};
  return match_scanned(matcher, rule, &view, scan->text, end < scan->len ? end : scan->len, from);
}

pk_match_result pk_match_scanned_in(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                    size_t base, const char *text, size_t len, size_t from) {
  if (base > scan->len || len > scan->len - base) return pk_match(matcher, rule, text, len, from, false);
  scan_view view = {scan, base};
  return match_scanned(matcher, rule, &view, text, len, from);
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

unsigned long pk_matcher_limit_events(const pk_matcher *matcher) { return matcher->limit_events; }

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

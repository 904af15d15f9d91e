/* rules.h: the rule engine.  Rule files are parsed and compiled once (PCRE2 with JIT);
 * each parser then matches through its own pk_matcher, so a pk_rules can be shared.
 *
 * A rule file line is
 *     KIND[.ARG]  NAME  [OPTION=VALUE ...]  =  PATTERN
 * or  disable NAME
 * or  profile NAME     (the rules after it in the file belong to profile NAME)
 * Blank lines and lines starting with '#' are ignored.  See punktum-rules(5). */
#ifndef PK_RULES_H
#define PK_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "punktum.h"

typedef struct pk_rule pk_rule;

size_t pk_rules_size(const pk_rules *rules); /* slots, including disabled ones */
/* The rule in slot I, or NULL when that rule was disabled. */
const pk_rule *pk_rules_at(const pk_rules *rules, size_t i);

const char *pk_rule_name(const pk_rule *rule);
const char *pk_rule_kind(const pk_rule *rule);
/* The part after the dot in KIND.ARG, or "" */
const char *pk_rule_arg(const pk_rule *rule);
/* The profile the rule belongs to, or "" for a rule of every profile. */
const char *pk_rule_profile(const pk_rule *rule);
const char *pk_rule_file(const pk_rule *rule);
long pk_rule_line(const pk_rule *rule);
/* Value of OPTION=VALUE, or NULL. */
const char *pk_rule_option(const pk_rule *rule, const char *key);
/* Whether the rule has any=WORDS (words parted by '|'; an empty list holds none, and the
 * rule then matches nowhere); and the first place at or after FROM in SUBJECT[0, len)
 * where one of them stands (LEN: none stands there, or the rule has no words). */
bool pk_rule_has_words(const pk_rule *rule);
size_t pk_rule_next_word(const pk_rule *rule, const char *subject, size_t len, size_t from);
bool pk_rule_is(const pk_rule *rule, const char *kind);
/* An item rule's lines= option: how many non-blank units, its own first, it is matched
 * against (1 when absent, at most PK_RULE_LINES_MAX). */
enum { PK_RULE_LINES_MAX = 4 };
unsigned pk_rule_lines(const pk_rule *rule);
/* Whether an item rule applies to the text: an at=text rule only where RUN_TOGETHER (plain
 * text, not a transcript's pages, whose lines ran into one: a pasted page of short
 * minutes), any other rule always. */
bool pk_rule_applies(const pk_rule *rule, bool run_together);
/* Whether an item rule starts items inside a unit, after its first character: at=anywhere
 * always, at=text where it applies. */
bool pk_rule_inside_units(const pk_rule *rule, bool run_together);
/* Whether a search of the rule reads each line on its own: every match attempt at a
 * position reads only the line holding it and the newlines around it, and the rule has
 * no contains= (a check of the whole rest of the subject).  Its matches inside a line
 * are then the same in any text that holds the line whole, from the line's start or
 * from the end of one of them; apart from the match limit, a budget of each search,
 * which a shorter text reaches later. */
bool pk_rule_line_bound(const pk_rule *rule);
/* Whether the rule may match the empty string (PCRE2 found no shortest match above 0). */
bool pk_rule_may_match_empty(const pk_rule *rule);
/* Where a search of the rule in the line SUBJECT[start, end) (END at its newline or the
 * subject's end) begins: START, or for a tail= rule where the line's tail begins. */
size_t pk_rule_line_search_start(const pk_rule *rule, const char *subject, size_t start,
                                 size_t end);
/* The rule's weight= option, 1 when absent. */
long pk_rule_weight(const pk_rule *rule);
/* The active rules of KIND that apply under PROFILE (the common rules and PROFILE's own;
 * with PROFILE NULL the common rules only), in load order.  Returns a malloc'd array the
 * caller frees, with *COUNT entries, or NULL when out of memory. */
const pk_rule **pk_rules_select(const pk_rules *rules, const char *kind, const char *profile,
                                size_t *count);
/* True when some rule belongs to profile NAME. */
bool pk_rules_has_profile(const pk_rules *rules, const char *name);
/* True when RULE applies under PROFILE: it is a common rule or one of PROFILE's. */
bool pk_rule_in_profile(const pk_rule *rule, const char *profile);

typedef struct pk_matcher pk_matcher;

pk_matcher *pk_matcher_new(const pk_rules *rules);
void pk_matcher_free(pk_matcher *matcher);

typedef enum { PK_MATCH_NONE = 0, PK_MATCH_FOUND = 1, PK_MATCH_LIMIT = -1 } pk_match_result;

/* Looks for RULE in subject[from, len), which must be valid UTF-8 with FROM and LEN on
 * character boundaries (the reader guarantees it for all text).  ANCHORED: only a match
 * starting at FROM counts.
 * PK_MATCH_LIMIT when the rule hit the match or depth limit (treat as no match). */
pk_match_result pk_match(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                         size_t len, size_t from, bool anchored);
/* pk_match of a rule with any= words in SUBJECT[0, len) from FROM (not anchored), its match
 * starting at LAST_START or before (where the last of its words searched for stands: every
 * match holds one); for a rule without words, pk_match. */
pk_match_result pk_match_starting_by(pk_matcher *matcher, const pk_rule *rule, const char *subject,
                                     size_t len, size_t from, size_t last_start);
/* How often RULE's matches were stopped by the match or depth limit in this matcher; from
 * pk_matcher_give_up() times on, pk_match does not try RULE again and says LIMIT. */
unsigned pk_matcher_limit_hits(const pk_matcher *matcher, const pk_rule *rule);
/* A text scanned once for the literals of every rule (the words each match of a rule must
 * hold, read from its pattern): a rule none of whose literals stands in a part of the text
 * need not be searched there.  NULL when no rule has literals, or out of memory: callers
 * then search with pk_match.  TEXT is borrowed and must not change while the scan lives. */
typedef struct pk_scan pk_scan;
pk_scan *pk_scan_new(const pk_rules *rules, const char *text, size_t len);
/* A scan of the same bytes at TEXT (a copy of the scanned text); NULL where SCAN is. */
pk_scan *pk_scan_copy(const pk_scan *scan, const char *text);
void pk_scan_free(pk_scan *scan);
const char *pk_scan_text(const pk_scan *scan);
size_t pk_scan_len(const pk_scan *scan);
/* pk_match of RULE in the scanned text from FROM (not anchored): the same match, found
 * where the rule's literals stand (for a line-bound rule, in those lines only); apart from
 * the match limit, a budget of each search, which searches of single lines reach later. */
pk_match_result pk_match_scanned(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                 size_t from);
/* The same in the scanned text's first END bytes: pk_match of the text cut there. */
pk_match_result pk_match_scanned_to(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                    size_t from, size_t end);
/* pk_match of RULE in TEXT[0, LEN) from FROM (not anchored), where TEXT's bytes are the
 * scanned text's from BASE on: searched as pk_match_scanned searches (TEXT beyond the
 * scanned text: searched all through). */
pk_match_result pk_match_scanned_in(pk_matcher *matcher, const pk_rule *rule, const pk_scan *scan,
                                    size_t base, const char *text, size_t len, size_t from);
/* False when no match of RULE can start at SUBJECT[at] (LEN bytes in all): the byte there
 * starts none of its matches (known for the rules tried at one place). */
bool pk_rule_may_start(const pk_rule *rule, const char *subject, size_t len, size_t at);
/* Whether a match of RULE tried at SUBJECT[from] may hold one of the rule's literals: one
 * stands in SUBJECT[from, len), within the rule's lead of FROM.  True where the rule has no
 * literals read, or the text holds a character PCRE2 matches in any case with an ASCII
 * letter (see pk_scan). */
bool pk_rule_may_hold_at(const pk_rule *rule, const char *subject, size_t len, size_t from);
/* The same for a search of RULE from FROM: whether one of its literals stands in
 * SUBJECT[from, len). */
bool pk_rule_may_hold_after(const pk_rule *rule, const char *subject, size_t len, size_t from);
/* False when no match of RULE can lie in the scanned text's [start, end) (with what its
 * lookaheads read there): one of its literals would stand there.  SCAN may be NULL. */
bool pk_scan_may_hold(const pk_scan *scan, const pk_rule *rule, size_t start, size_t end);
/* How many matches the limits have stopped in this matcher so far, of any rule: while it
 * stays the same, a search repeated on the same text finds what it found before. */
unsigned long pk_matcher_limit_events(const pk_matcher *matcher);
unsigned pk_matcher_give_up(void);
/* Keeps the last match aside while other rules are tried; pk_matcher_restore makes it
 * the last match again (one match is held at a time). */
void pk_matcher_hold(pk_matcher *matcher);
void pk_matcher_restore(pk_matcher *matcher);
/* Span of the whole last match. */
size_t pk_match_start(const pk_matcher *matcher);
size_t pk_match_end(const pk_matcher *matcher);
/* Span of the named group in the last match; false when the group is absent or unset. */
bool pk_match_group(const pk_matcher *matcher, const char *name, size_t *start, size_t *end);

#endif

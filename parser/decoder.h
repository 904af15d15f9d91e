/* decoder.h: the document-level choice of the rules that start items.
 *
 * Every profile's item rules, and every layout-independent item rule (an item rule of no
 * profile), propose item starts over the start of the document; the decoder keeps the
 * proposal that best explains the text: the most starts followed by item matter (a
 * section heading, a case field) before the next start, numbers rising in one marker
 * shape, fewest starts with no matter.  The detected profile is evidence, not a gate: its
 * own item rules win a tie, and stand when no proposal finds any item matter. */
#ifndef PK_DECODER_H
#define PK_DECODER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../rules/rules.h"

/* One proposal: a set of item rules, in load order. */
typedef struct pk_item_proposal {
  const pk_rule **rules; /* malloc'd; the rules are borrowed */
  size_t count;
  const char *label;     /* the profile's name, or the layout-independent rule's name */
  size_t explained;      /* starts followed by item matter, or in a numbered run */
  size_t unexplained;    /* starts with text but no item matter */
  size_t matter;         /* of those, starts followed by item matter (not only numbered) */
  size_t titled;         /* starts with a title */
} pk_item_proposal;

/* The evidence of item matter: rules whose matches inside an item say it is one. */
typedef struct pk_evidence {
  const pk_rule *const *rules;
  size_t count;
} pk_evidence;

/* What the choice is made on. */
typedef struct pk_decoding {
  const char *profile;   /* the profile chosen by its detect rules, or the fallback; NULL: none */
  bool detected;         /* PROFILE scored above zero (the fallback does not) */
  bool forced;           /* PROFILE was named by the user: its item rules are used as they are */
  bool named_record;     /* a kind rule names the text minutes or an agenda */
  const pk_evidence *evidence;
  const char *window;    /* the cleaned units of the start of the document, each + "\n" */
  size_t len;
  FILE *explain;         /* the scores are written here (NULL: nowhere) */
} pk_decoding;

/* Chooses the item rules for a document from the proposals scored on HOW's window.  A
 * text that is no meeting record (no kind named, no decision heading) gets the detected
 * profile's item rules only, and none under the fallback.  *CHOSEN receives the proposal
 * (the caller frees its rules); false when out of memory. */
bool pk_decode_item_rules(const pk_rules *rules, pk_matcher *matcher, const pk_decoding *how,
                          pk_item_proposal *chosen);

/* After a match of the item rule RULE in SUBJECT: false when its title reads as prose (a
 * sentence ends inside it) rather than as a heading, so the match starts no item. */
bool pk_item_title_plausible(pk_matcher *matcher, const pk_rule *rule, const char *subject);

#endif

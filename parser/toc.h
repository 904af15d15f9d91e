/* toc.h: items from a table of contents.  Some agendas ("dagsordenspunkter med bilag")
 * carry no item headings in their body: only the table of contents on the first page says
 * which item starts on which page.  The toc.* rules of the chosen profile say what an
 * entry, an attachment entry and a printed number look like. */
#ifndef PK_TOC_H
#define PK_TOC_H

#include <stddef.h>

#include "../rules/rules.h"

typedef struct pk_toc_entry {
  char *number; /* as printed, or NULL */
  char *title;
  long page;    /* transcript page the item starts on */
} pk_toc_entry;

typedef struct pk_toc {
  pk_toc_entry *entries;
  size_t count;
} pk_toc;

/* Reads the table of contents in TEXT (the document's first units) with PROFILE's toc
 * rules.  Returns false only when out of memory; an absent table gives count 0. */
bool pk_toc_parse(pk_toc *toc, const pk_rules *rules, pk_matcher *matcher,
                  const char *profile, const char *text, size_t len);
void pk_toc_free(pk_toc *toc);

#endif

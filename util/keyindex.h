/* keyindex.h: the places of an array's entries by a 64-bit key, so that finding the
 * entries with a given key costs constant time instead of a walk of the array (a contents
 * list of 10,000 entries is asked about once for each item start after it).  The index
 * does not hold the entries: place N is the array's entry N, added in order. */
#ifndef PK_KEYINDEX_H
#define PK_KEYINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PK_KEYINDEX_NONE ((size_t)-1)

typedef struct pk_keyindex {
  uint64_t *keys;   /* open addressing: the key of each used slot */
  size_t *latest;   /* 1 + the last place added with the slot's key; 0: slot unused */
  size_t slot_cap;  /* a power of two, or 0 */
  size_t *earlier;  /* for each place, 1 + the place added before it with its key; 0: none */
  size_t count, earlier_cap;
} pk_keyindex;

/* Gives the next place (index->count) the key KEY; false when out of memory (the index is
 * unchanged then). */
bool pk_keyindex_add(pk_keyindex *index, uint64_t key);
/* The last place added with KEY, or PK_KEYINDEX_NONE. */
size_t pk_keyindex_last(const pk_keyindex *index, uint64_t key);
/* The place added with PLACE's key before PLACE, or PK_KEYINDEX_NONE. */
size_t pk_keyindex_before(const pk_keyindex *index, size_t place);
/* Empties the index, keeping its memory unless its slots far outnumber the places added
 * (then they are let go: clearing costs what was added). */
void pk_keyindex_clear(pk_keyindex *index);
void pk_keyindex_free(pk_keyindex *index);

#endif

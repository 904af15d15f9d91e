/* keyindex.c: see keyindex.h. */
#include "config.h"

#include "keyindex.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

enum { FIRST_SLOTS = 64 };

static size_t slot_of(const pk_keyindex *index, uint64_t key) {
  /* splitmix64's finalizer: every bit of the key moves the slot (keys that differ only in
   * their high half, item numbers, included). */
  uint64_t hash = key;
  hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9ull;
  hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBull;
  hash ^= hash >> 31;
  size_t mask = index->slot_cap - 1, slot = (size_t)hash & mask;
  while (index->latest[slot] && index->keys[slot] != key) slot = (slot + 1) & mask;
  return slot;
}

/* Doubles the slots (at least FIRST_SLOTS), keeping every key's latest place. */
static bool grow_slots(pk_keyindex *index) {
  pk_keyindex grown = *index;
  grown.slot_cap = index->slot_cap ? index->slot_cap * 2 : FIRST_SLOTS;
  grown.keys = malloc(grown.slot_cap * sizeof *grown.keys);
  grown.latest = calloc(grown.slot_cap, sizeof *grown.latest);
  if (!grown.keys || !grown.latest) {
    free(grown.keys);
    free(grown.latest);
    return false;
  }
  for (size_t i = 0; i < index->slot_cap; i++) {
    if (!index->latest[i]) continue;
    size_t slot = slot_of(&grown, index->keys[i]);
    grown.keys[slot] = index->keys[i];
    grown.latest[slot] = index->latest[i];
  }
  free(index->keys);
  free(index->latest);
  *index = grown;
  return true;
}

bool pk_keyindex_add(pk_keyindex *index, uint64_t key) {
  /* Slots at most half used: probes stay short. */
  if ((index->count + 1) * 2 > index->slot_cap && !grow_slots(index)) return false;
  if (!pk_reserve((void **)&index->earlier, &index->earlier_cap, index->count + 1,
                  sizeof *index->earlier))
    return false;
  size_t slot = slot_of(index, key);
  index->earlier[index->count] = index->latest[slot];
  index->keys[slot] = key;
  index->latest[slot] = ++index->count;
  return true;
}

size_t pk_keyindex_last(const pk_keyindex *index, uint64_t key) {
  if (!index->slot_cap) return PK_KEYINDEX_NONE;
  size_t latest = index->latest[slot_of(index, key)];
  return latest ? latest - 1 : PK_KEYINDEX_NONE;
}

size_t pk_keyindex_before(const pk_keyindex *index, size_t place) {
  return place < index->count && index->earlier[place] ? index->earlier[place] - 1
                                                       : PK_KEYINDEX_NONE;
}

void pk_keyindex_clear(pk_keyindex *index) {
  if (!index->count) return;
  /* Clearing costs what was added: slots far more than the places are let go instead of
   * wiped (a large list once, then small ones cleared often). */
  if (index->slot_cap > (size_t)FIRST_SLOTS && index->count * 8 < index->slot_cap) {
    free(index->keys);
    free(index->latest);
    index->keys = NULL, index->latest = NULL, index->slot_cap = 0;
  } else {
    memset(index->latest, 0, index->slot_cap * sizeof *index->latest);
  }
  index->count = 0;
}

void pk_keyindex_free(pk_keyindex *index) {
  free(index->keys);
  free(index->latest);
  free(index->earlier);
  *index = (pk_keyindex){0};
}

/* chunks.h: the feed/finish interfaces are tested by feeding the same input at several
 * chunk sizes; every size must give the same result. */
#ifndef PK_TEST_CHUNKS_H
#define PK_TEST_CHUNKS_H

#include <stddef.h>

/* 0 stands for "the whole input in one call". */
static const size_t CHUNK_SIZES[] = {1, 2, 3, 7, 0};
enum { CHUNK_SIZE_COUNT = sizeof CHUNK_SIZES / sizeof CHUNK_SIZES[0] };

/* Calls FEED(CTX, piece, n) for consecutive pieces of DATA of SIZE bytes (0: whole). */
#define FEED_IN_CHUNKS(data, len, size, feed, ctx)                       \
  do {                                                                   \
    size_t chunk_ = (size) ? (size) : ((len) ? (len) : 1);               \
    for (size_t at_ = 0; at_ < (len); at_ += chunk_) {                   \
      size_t n_ = (len) - at_ < chunk_ ? (len) - at_ : chunk_;           \
      feed((ctx), (const char *)(data) + at_, n_);                       \
    }                                                                    \
  } while (0)

#endif

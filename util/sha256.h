/* sha256.h: SHA-256 (FIPS 180-4), fed in pieces, for the source digest and item ids. */
#ifndef PK_SHA256_H
#define PK_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pk_sha256 {
  uint32_t state[8];
  uint64_t total_bytes;
  unsigned char block[64];
  size_t block_len;
  bool hardware; /* the processor's SHA instructions do the rounds */
  bool bmi2;     /* else, its BMI2 rotations (the portable rounds compiled for them) */
} pk_sha256;

/* Uses the processor's SHA instructions where it has them. */
void pk_sha256_init(pk_sha256 *ctx);
/* As pk_sha256_init, but with HARDWARE false always the portable code, compiled for no
 * particular processor (for tests). */
void pk_sha256_init_with(pk_sha256 *ctx, bool hardware);
void pk_sha256_update(pk_sha256 *ctx, const void *data, size_t len);
void pk_sha256_final(pk_sha256 *ctx, unsigned char digest[32]);
/* Lower-case hex of DIGEST, NUL-terminated. */
void pk_sha256_hex(const unsigned char digest[32], char hex[65]);

#endif

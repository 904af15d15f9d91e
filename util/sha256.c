/* sha256.c: SHA-256 as specified in FIPS 180-4.  Small enough to carry ourselves rather
 * than depend on a crypto library for one digest.  Every input is digested, so on x86-64
 * processors with the SHA extensions (Intel since Goldmont and Ice Lake, AMD since Zen)
 * their instructions do the rounds: about eight times the portable code's speed. */
#include "config.h"

#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PK_SHA_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static uint32_t load_be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The rounds written out sixteen at a time, the variables renamed instead of moved and
 * the message schedule kept in sixteen words: half the instructions of the plain loop
 * (valgrind, and processors without the SHA extensions, run this code). */
#define PK_CH(x, y, z) ((z) ^ ((x) & ((y) ^ (z))))
/* The sums of three rotations as a chain of rotations, each of the value xored in again:
 * fewer copies of it on a processor whose rotations overwrite their operand. */
#define PK_BIG0(x) rotr(rotr(rotr(x, 9) ^ (x), 11) ^ (x), 2)
#define PK_BIG1(x) rotr(rotr(rotr(x, 14) ^ (x), 5) ^ (x), 6)
#define PK_SMALL0(x) (rotr(x, 7) ^ rotr(x, 18) ^ ((x) >> 3))
#define PK_SMALL1(x) (rotr(x, 17) ^ rotr(x, 19) ^ ((x) >> 10))
/* Maj(a, b, c) is b ^ ((a ^ b) & (b ^ c)), and b ^ c is the a ^ b of the round before:
 * AB carries it on. */
#define PK_ROUND(a, b, c, d, e, f, g, h, k)                                      \
  do {                                                                           \
    uint32_t t1 = (h) + PK_BIG1(e) + PK_CH(e, f, g) + K[j + (k)] + w[k];         \
    uint32_t bc = ab;                                                            \
    ab = (a) ^ (b);                                                              \
    (d) += t1;                                                                   \
    (h) = t1 + PK_BIG0(a) + ((b) ^ (ab & bc));                                   \
  } while (0)
#define PK_SCHEDULE(k) \
  (w[k] += PK_SMALL1(w[((k) + 14) & 15]) + w[((k) + 9) & 15] + PK_SMALL0(w[((k) + 1) & 15]))
/* SCHED(k): the message word of round k computed first (nothing, in the first sixteen). */
#define PK_ROUNDS16(SCHED)                                      \
  do {                                                          \
    SCHED(0); PK_ROUND(a, b, c, d, e, f, g, h, 0);              \
    SCHED(1); PK_ROUND(h, a, b, c, d, e, f, g, 1);              \
    SCHED(2); PK_ROUND(g, h, a, b, c, d, e, f, 2);              \
    SCHED(3); PK_ROUND(f, g, h, a, b, c, d, e, 3);              \
    SCHED(4); PK_ROUND(e, f, g, h, a, b, c, d, 4);              \
    SCHED(5); PK_ROUND(d, e, f, g, h, a, b, c, 5);              \
    SCHED(6); PK_ROUND(c, d, e, f, g, h, a, b, 6);              \
    SCHED(7); PK_ROUND(b, c, d, e, f, g, h, a, 7);              \
    SCHED(8); PK_ROUND(a, b, c, d, e, f, g, h, 8);              \
    SCHED(9); PK_ROUND(h, a, b, c, d, e, f, g, 9);              \
    SCHED(10); PK_ROUND(g, h, a, b, c, d, e, f, 10);            \
    SCHED(11); PK_ROUND(f, g, h, a, b, c, d, e, 11);            \
    SCHED(12); PK_ROUND(e, f, g, h, a, b, c, d, 12);            \
    SCHED(13); PK_ROUND(d, e, f, g, h, a, b, c, 13);            \
    SCHED(14); PK_ROUND(c, d, e, f, g, h, a, b, 14);            \
    SCHED(15); PK_ROUND(b, c, d, e, f, g, h, a, 15);            \
  } while (0)
#define PK_NO_SCHEDULE(k) ((void)0)

#define PK_COMPRESS_BODY                                                          \
  uint32_t w[16];                                                                 \
  for (int i = 0; i < 16; i++) w[i] = load_be32(block + 4 * i);                  \
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];                \
  uint32_t e = state[4], f = state[5], g = state[6], h = state[7];                \
  uint32_t ab = b ^ c; /* the first round's b ^ c */                              \
  int j = 0;                                                                      \
  PK_ROUNDS16(PK_NO_SCHEDULE);                                                    \
  for (j = 16; j < 64; j += 16) PK_ROUNDS16(PK_SCHEDULE);                         \
  state[0] += a, state[1] += b, state[2] += c, state[3] += d;                     \
  state[4] += e, state[5] += f, state[6] += g, state[7] += h;

static void compress_plain(uint32_t state[8], const unsigned char block[64]) { PK_COMPRESS_BODY }

#ifdef PK_SHA_X86
/* The same with BMI2's rotations into another register (Intel since Haswell, AMD since
 * Excavator): no copy before each. */
__attribute__((target("bmi2"))) static void compress_bmi2(uint32_t state[8],
                                                          const unsigned char block[64]) {
  PK_COMPRESS_BODY
}

static bool cpu_has_bmi2(void) {
#if defined(__GNUC__) && !defined(__clang__)
  return __builtin_cpu_supports("bmi2");
#else
  unsigned a, b, c, d;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 8)); /* CPUID.7.0:EBX.BMI2 */
#endif
}
#endif


#ifdef PK_SHA_X86
/* GCC's runtime reads the processor's features once, at start-up; CPUID itself is slow
 * (in a virtual machine it traps) and a batch run starts thousands of digests. */
static bool cpu_has_sha(void) {
#if defined(__GNUC__) && !defined(__clang__)
  return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") &&
         __builtin_cpu_supports("ssse3");
#else
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  bool ssse3_sse41 = (c & bit_SSSE3) && (c & bit_SSE4_1);
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return ssse3_sse41 && (b & (1u << 29)); /* CPUID.7.0:EBX.SHA */
#endif
}

/* Four rounds: the message words W plus their constants, two rounds per instruction. */
#define PK_SHA_ROUNDS4(w, k)                                   \
  do {                                                         \
    __m128i msg = _mm_add_epi32((w), (k));                     \
    state1 = _mm_sha256rnds2_epu32(state1, state0, msg);       \
    msg = _mm_shuffle_epi32(msg, 0x0E);                        \
    state0 = _mm_sha256rnds2_epu32(state0, state1, msg);       \
  } while (0)

__attribute__((target("sha,sse4.1,ssse3"))) static void compress_sha_ni(uint32_t state[8],
                                                                       const unsigned char *data,
                                                                       size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  /* The instructions keep the state as ABEF and CDGH. */
  __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
  __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);
  for (; blocks > 0; blocks--, data += 64) {
    __m128i saved0 = state0, saved1 = state1, w[16];
    for (int g = 0; g < 16; g++) {
      if (g < 4) {
        w[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), byte_swap);
      } else {
        __m128i sum = _mm_add_epi32(_mm_sha256msg1_epu32(w[g - 4], w[g - 3]),
                                    _mm_alignr_epi8(w[g - 1], w[g - 2], 4));
        w[g] = _mm_sha256msg2_epu32(sum, w[g - 1]);
      }
      PK_SHA_ROUNDS4(w[g], _mm_loadu_si128((const __m128i *)&K[4 * g]));
    }
    state0 = _mm_add_epi32(state0, saved0);
    state1 = _mm_add_epi32(state1, saved1);
  }
  tmp = _mm_shuffle_epi32(state0, 0x1B);
  state1 = _mm_shuffle_epi32(state1, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(tmp, state1, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(state1, tmp, 8));
}
#endif

static void compress(pk_sha256 *ctx, const unsigned char *data, size_t blocks) {
#ifdef PK_SHA_X86
  if (ctx->hardware) {
    compress_sha_ni(ctx->state, data, blocks);
    return;
  }
#endif
#ifdef PK_SHA_X86
  if (ctx->bmi2) {
    for (; blocks > 0; blocks--, data += 64) compress_bmi2(ctx->state, data);
    return;
  }
#endif
  for (; blocks > 0; blocks--, data += 64) compress_plain(ctx->state, data);
}

void pk_sha256_init_with(pk_sha256 *ctx, bool hardware) {
  pk_sha256_init(ctx);
#ifdef PK_SHA_X86
  ctx->hardware = hardware && ctx->hardware;
  ctx->bmi2 = hardware && ctx->bmi2;
#else
  (void)hardware;
#endif
}

void pk_sha256_init(pk_sha256 *ctx) {
  static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(ctx->state, initial, sizeof initial);
  ctx->total_bytes = 0;
  ctx->block_len = 0;
#ifdef PK_SHA_X86
  ctx->hardware = cpu_has_sha();
  ctx->bmi2 = cpu_has_bmi2();
#else
  ctx->hardware = false;
  ctx->bmi2 = false;
#endif
}

void pk_sha256_update(pk_sha256 *ctx, const void *data, size_t len) {
  const unsigned char *bytes = data;
  ctx->total_bytes += len;
  if (ctx->block_len > 0) {
    size_t take = 64 - ctx->block_len < len ? 64 - ctx->block_len : len;
    memcpy(ctx->block + ctx->block_len, bytes, take);
    ctx->block_len += take;
    bytes += take;
    len -= take;
    if (ctx->block_len < 64) return;
    compress(ctx, ctx->block, 1);
    ctx->block_len = 0;
  }
  /* Whole blocks straight from the caller's bytes, the rest kept for later. */
  compress(ctx, bytes, len / 64);
  memcpy(ctx->block, bytes + len / 64 * 64, len % 64);
  ctx->block_len = len % 64;
}

void pk_sha256_final(pk_sha256 *ctx, unsigned char digest[32]) {
  uint64_t bits = ctx->total_bytes * 8;
  unsigned char pad[72] = {0x80};
  size_t pad_len = (ctx->block_len < 56 ? 56 : 120) - ctx->block_len;
  for (int i = 0; i < 8; i++) pad[pad_len + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
  pk_sha256_update(ctx, pad, pad_len + 8);
  for (int i = 0; i < 8; i++) {
    digest[4 * i] = (unsigned char)(ctx->state[i] >> 24);
    digest[4 * i + 1] = (unsigned char)(ctx->state[i] >> 16);
    digest[4 * i + 2] = (unsigned char)(ctx->state[i] >> 8);
    digest[4 * i + 3] = (unsigned char)ctx->state[i];
  }
}

void pk_sha256_hex(const unsigned char digest[32], char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 15];
  }
  hex[64] = '\0';
}

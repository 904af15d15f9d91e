/* test_sha256.c: the NIST vectors, whole and fed in pieces of every awkward size, by the
 * portable code, by it compiled for BMI2 and (where the processor has them) by the SHA
 * instructions. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../util/sha256.h"
#include "runner.h"

/* WAY 0: the portable code; 1: the processor's best; 2: the portable code compiled for
 * BMI2, where the processor has it. */
static void digest_in_pieces(const char *data, size_t len, size_t piece, int way,
                             char hex[65]) {
  pk_sha256 ctx;
  unsigned char digest[32];
  pk_sha256_init_with(&ctx, way > 0);
  if (way == 2) ctx.hardware = false;
  for (size_t at = 0; at < len; at += piece)
    pk_sha256_update(&ctx, data + at, len - at < piece ? len - at : piece);
  pk_sha256_final(&ctx, digest);
  pk_sha256_hex(digest, hex);
}

static void expect_digest(const char *data, size_t len, const char *want) {
  static const size_t pieces[] = {1, 3, 63, 64, 65, 1000000};
  for (int way = 0; way <= 2; way++) {
    for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
      char hex[65];
      digest_in_pieces(data, len, pieces[i], way, hex);
      ck_assert_str_eq(hex, want);
    }
  }
}

START_TEST(nist_vectors) {
  expect_digest("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expect_digest("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  expect_digest(two_blocks, strlen(two_blocks),
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

START_TEST(one_million_a) {
  char *data = malloc(1000000);
  ck_assert_ptr_nonnull(data);
  memset(data, 'a', 1000000);
  expect_digest(data, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  free(data);
}
END_TEST

/* Lengths either side of where the padding spills into a second block (55/56) and of the
 * block size; expected digests from coreutils sha256sum over runs of 'x'. */
START_TEST(padding_boundaries) {
  static const struct {
    size_t len;
    const char *hex;
  } runs[] = {
      {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {57, "ae14a2563ccf969d99aca69ce6bb74981f734bbf9f655f73b8f06db68cab5217"},
      {63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
      {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
      {65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"},
      {119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
      {120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
      {128, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"},
  };
  char data[128];
  memset(data, 'x', sizeof data);
  for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++)
    expect_digest(data, runs[i].len, runs[i].hex);
}
END_TEST

/* Updates of zero bytes, before, between and after real ones, change nothing. */
START_TEST(empty_updates) {
  pk_sha256 ctx;
  unsigned char digest[32];
  char hex[65];
  pk_sha256_init(&ctx);
  pk_sha256_update(&ctx, "", 0);
  pk_sha256_update(&ctx, "ab", 2);
  pk_sha256_update(&ctx, "", 0);
  pk_sha256_update(&ctx, "c", 1);
  pk_sha256_final(&ctx, digest);
  pk_sha256_hex(digest, hex);
  ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

int main(void) {
  Suite *suite = suite_create("sha256");
  TCase *tc = tcase_create("digest");
  tcase_add_test(tc, nist_vectors);
  tcase_add_test(tc, one_million_a);
  tcase_add_test(tc, padding_boundaries);
  tcase_add_test(tc, empty_updates);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(suite, tc);
  return run_suite(suite);
}

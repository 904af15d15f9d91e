/* test_sha256.c: the NIST vectors, whole and fed in pieces of every awkward size. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/sha256.h"
#include "runner.h"

static void digest_in_pieces(const char *data, size_t len, size_t piece, char hex[65]) {
  pk_sha256 ctx;
  unsigned char digest[32];
  pk_sha256_init(&ctx);
  for (size_t at = 0; at < len; at += piece)
    pk_sha256_update(&ctx, data + at, len - at < piece ? len - at : piece);
  pk_sha256_final(&ctx, digest);
  pk_sha256_hex(digest, hex);
}

static void expect_digest(const char *data, size_t len, const char *want) {
  static const size_t pieces[] = {1, 3, 63, 64, 65, 1000000};
  for (size_t i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
    char hex[65];
    digest_in_pieces(data, len, pieces[i], hex);
    ck_assert_str_eq(hex, want);
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
  memset(data, 'a', 1000000);
  expect_digest(data, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  free(data);
}
END_TEST

int main(void) {
  Suite *suite = suite_create("sha256");
  TCase *tc = tcase_create("digest");
  tcase_add_test(tc, nist_vectors);
  tcase_add_test(tc, one_million_a);
  tcase_set_timeout(tc, 60);
  suite_add_tcase(suite, tc);
  return run_suite(suite);
}

/* test_reader.c: encodings, detection, replacement of invalid input, line ends, and
 * every case again at chunk sizes 1, 2, 3, 7 and whole. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../parser/reader.h"
#include "chunks.h"
#include "runner.h"

typedef struct result {
  pk_buf text;
  char encoding[32];
  size_t replacements;
} result;

static bool collect(void *ctx, const char *utf8, size_t len) {
  return pk_buf_append(&((result *)ctx)->text, utf8, len);
}

static void feed(pk_reader *reader, const char *data, size_t len) {
  ck_assert_int_eq(pk_reader_feed(reader, data, len, NULL), PK_OK);
}

/* Decodes INPUT at one chunk size. */
static result decode_at(const char *input, size_t len, const char *encoding, size_t chunk) {
  result out = {0};
  pk_reader *reader = pk_reader_new(encoding, collect, &out);
  ck_assert_ptr_nonnull(reader);
  FEED_IN_CHUNKS(input, len, chunk, feed, reader);
  ck_assert_int_eq(pk_reader_finish(reader, NULL), PK_OK);
  snprintf(out.encoding, sizeof out.encoding, "%s", pk_reader_encoding(reader));
  out.replacements = pk_reader_replacements(reader);
  pk_reader_free(reader);
  return out;
}

/* Every chunk size gives EXPECTED text, encoding and replacement count. */
static void expect_decoding(const char *input, size_t len, const char *forced,
                            const char *expected, const char *encoding, size_t replacements) {
  for (size_t i = 0; i < CHUNK_SIZE_COUNT; i++) {
    result out = decode_at(input, len, forced, CHUNK_SIZES[i]);
    ck_assert_msg(out.text.len == strlen(expected) && memcmp(out.text.data ? out.text.data : "", expected, out.text.len) == 0,
                  "chunk size %zu: got '%s', want '%s'", CHUNK_SIZES[i],
                  out.text.data ? out.text.data : "", expected);
    ck_assert_str_eq(out.encoding, encoding);
    ck_assert_uint_eq(out.replacements, replacements);
    pk_buf_free(&out.text);
  }
}

START_TEST(utf8_passes_through) {
  const char *in = "Referat af mødet\nÅben sag: Ærø, ø, å\n";
  expect_decoding(in, strlen(in), NULL, in, "UTF-8", 0);
}
END_TEST

START_TEST(utf8_bom_is_removed) {
  const char in[] = "\xEF\xBB\xBFTårnby\n";
  expect_decoding(in, sizeof in - 1, NULL, "Tårnby\n", "UTF-8", 0);
}
END_TEST

START_TEST(utf16le_with_bom) {
  const char in[] = "\xFF\xFE" "T\0\xE5\0r\0n\0b\0y\0\n\0";
  expect_decoding(in, sizeof in - 1, NULL, "Tårnby\n", "UTF-16LE", 0);
}
END_TEST

START_TEST(utf16be_with_bom) {
  const char in[] = "\xFE\xFF" "\0T\0\xE5\0r\0n\0b\0y\0\n";
  expect_decoding(in, sizeof in - 1, NULL, "Tårnby\n", "UTF-16BE", 0);
}
END_TEST

START_TEST(utf16le_without_bom_is_detected) {
  const char in[] = "M\0\xF8\0" "d\0e\0 \0i\0 \0u\0d\0v\0a\0l\0g\0e\0t\0\n\0";
  expect_decoding(in, sizeof in - 1, NULL, "Møde i udvalget\n", "UTF-16LE", 0);
}
END_TEST

START_TEST(windows1252_when_not_utf8) {
  const char in[] = "\xC6rø: \xE6\xF8\xE5 \x96 \x80\n"; /* "ø" here is UTF-8: still not valid overall */
  (void)in;
  const char cp[] = "\xC6r\xF8: \xE6\xF8\xE5 \x96 \x80\n";
  expect_decoding(cp, sizeof cp - 1, NULL, "Ærø: æøå – €\n", "WINDOWS-1252", 0);
}
END_TEST

/* A 1990s word processor's DOS code page: its Danish letters inside words tell it from
 * Windows-1252, which reads them as punctuation ("v\u2018lger" for "vælger"). */
START_TEST(dos_code_page_when_its_letters_stand_in_words) {
  static const char dos[] = "Bestyrelsen v\x91lger forslag om st\x9Btte til \x86rets fest.\n";
  expect_decoding(dos, sizeof dos - 1, NULL, "Bestyrelsen vælger forslag om støtte til årets fest.\n",
                  "CP865", 0);
  static const char windows[] = "Bestyrelsen v\xE6lger forslag.\n";
  expect_decoding(windows, sizeof windows - 1, NULL, "Bestyrelsen vælger forslag.\n",
                  "WINDOWS-1252", 0);
}
END_TEST

/* UTF-8 read as Windows-1252 and written as UTF-8 again: read back to what was written. */
START_TEST(utf8_written_twice_is_read_back) {
  static const char twice[] = "Bestyrelsen v\xC3\x83\xC2\xA6lger st\xC3\x83\xC2\xB8tte til "
                              "\xC3\x83\xE2\x80\xA6rets fest \xC3\xA2\xE2\x80\x9A\xC2\xAC.\n";
  expect_decoding(twice, sizeof twice - 1, NULL, "Bestyrelsen vælger støtte til Årets fest €.\n",
                  "UTF-8 (written twice)", 0);
  /* One "Ã¦" among letters written once is a name, not the whole text written twice. */
  static const char once[] = "S\xC3\xB8ren og \xC3\xA6" "bler, \xC3\x83\xC2\xA6 \xC3\xA5\n";
  expect_decoding(once, sizeof once - 1, NULL, "Søren og æbler, Ã¦ å\n", "UTF-8", 0);
}
END_TEST

START_TEST(forced_encoding_is_used) {
  const char in[] = "K\xF8" "benhavn\n"; /* Latin-1 */
  expect_decoding(in, sizeof in - 1, "ISO-8859-1", "København\n", "ISO-8859-1", 0);
}
END_TEST

START_TEST(invalid_utf8_becomes_replacement) {
  /* Forced UTF-8: a stray continuation byte, a truncated sequence, an overlong form. */
  const char in[] = "a\x80" "b\xE2\x82" "c\xC0\xAF" "d";
  expect_decoding(in, sizeof in - 1, "UTF-8",
                  "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d",
                  "UTF-8", 5);
}
END_TEST

START_TEST(invalid_cp1252_byte_becomes_replacement) {
  const char in[] = "a\x81" "b\xE6\n";
  expect_decoding(in, sizeof in - 1, NULL, "a\xEF\xBF\xBD" "bæ\n", "WINDOWS-1252", 1);
}
END_TEST

START_TEST(lone_utf16_surrogate_becomes_replacement) {
  const char in[] = "\xFF\xFE" "a\0\x00\xD8" "b\0";
  expect_decoding(in, sizeof in - 1, NULL, "a\xEF\xBF\xBD" "b", "UTF-16LE", 1);
}
END_TEST

START_TEST(line_ends_are_normalised) {
  const char in[] = "one\r\ntwo\rthree\n\r\nfour";
  expect_decoding(in, sizeof in - 1, NULL, "one\ntwo\nthree\n\nfour", "UTF-8", 0);
}
END_TEST

START_TEST(nul_and_controls_become_replacement) {
  const char in[] = "a\0b\x01" "c\fd\te";
  expect_decoding(in, sizeof in - 1, "UTF-8",
                  "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\n\f\nd\te", "UTF-8", 2);
}
END_TEST

START_TEST(a_form_feed_is_a_line_of_its_own) {
  const char in[] = "one\ftwo\n\fthree\r\f\f";
  expect_decoding(in, sizeof in - 1, NULL, "one\n\f\ntwo\n\f\nthree\n\f\n\f\n", "UTF-8", 0);
  expect_decoding("\fa", 2, NULL, "\f\na", "UTF-8", 0);
}
END_TEST

START_TEST(noncharacters_become_replacement) {
  const char in[] = "a\xEF\xBF\xBE" "b\xEF\xBF\xBF";
  expect_decoding(in, sizeof in - 1, NULL, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD", "UTF-8", 2);
}
END_TEST

START_TEST(unicode_spaces_become_spaces) {
  /* No-break, figure, thin and narrow no-break spaces: web pages and Word put them between
   * a number and its title or inside a heading; the rules read a space. */
  const char in[] = "1.\xC2\xA0Godkendelse\xE2\x80\xAF" "af\xE2\x80\x87" "dagsorden\xE2\x80\x89i\xE2\x80\x8B" "x";
  expect_decoding(in, sizeof in - 1, NULL, "1. Godkendelse af dagsorden i\xE2\x80\x8B" "x", "UTF-8", 0);
  const char latin1[] = "Beslutning\xA0i \xF8konomiudvalget";
  expect_decoding(latin1, sizeof latin1 - 1, NULL, "Beslutning i \xC3\xB8konomiudvalget", "WINDOWS-1252", 0);
}
END_TEST

START_TEST(empty_input) { expect_decoding("", 0, NULL, "", "UTF-8", 0); }
END_TEST

START_TEST(unknown_forced_encoding_is_an_error) {
  result out = {0};
  pk_reader *reader = pk_reader_new("NO-SUCH-CHARSET", collect, &out);
  pk_error err;
  ck_assert_int_eq(pk_reader_feed(reader, "x", 1, &err), PK_OK);
  ck_assert_int_eq(pk_reader_finish(reader, &err), PK_ERR_USAGE);
  ck_assert_str_eq(err.message, "unknown encoding 'NO-SUCH-CHARSET'");
  pk_reader_free(reader);
  pk_buf_free(&out.text);
}
END_TEST

START_TEST(long_utf8_input_past_the_sniff_window) {
  /* Past 64 KiB the decision is made; a character split at the window edge survives. */
  pk_buf in = {0};
  for (int i = 0; i < 30000; i++) pk_buf_append_str(&in, "æ");
  result out = decode_at(in.data, in.len, NULL, 4093);
  ck_assert_str_eq(out.encoding, "UTF-8");
  ck_assert_uint_eq(out.text.len, in.len);
  ck_assert_int_eq(memcmp(out.text.data, in.data, in.len), 0);
  pk_buf_free(&out.text);
  pk_buf_free(&in);
}
END_TEST


/* The status of reading INPUT whole. */
static pk_status read_whole(const char *input, size_t len) {
  result out = {0};
  pk_reader *reader = pk_reader_new(NULL, collect, &out);
  pk_error err;
  pk_status status = pk_reader_feed(reader, input, len, &err);
  if (status == PK_OK) status = pk_reader_finish(reader, &err);
  pk_reader_free(reader);
  pk_buf_free(&out.text);
  return status;
}

START_TEST(binary_is_more_than_a_tenth_control_bytes) {
  /* Counted eight bytes at a time, and one at a time in the tail: controls anywhere. */
  char text[203];
  for (size_t len = 197; len <= 203; len++) {
    size_t allowed = len / 10;
    for (size_t controls = allowed; controls <= allowed + 1; controls++) {
      memset(text, 'a', len);
      for (size_t i = 0; i < controls; i++) text[(i * 37 + len - 1) % len] = (char)(1 + i % 8);
      ck_assert_int_eq(read_whole(text, len), controls * 10 > len ? PK_ERR_INPUT : PK_OK);
    }
  }
  /* White space and escape are not counted, however many. */
  for (size_t i = 0; i < 200; i++) text[i] = "\t\n\r\f\v\x1B"[i % 6];
  ck_assert_int_eq(read_whole(text, 200), PK_OK);
}
END_TEST

static Suite *reader_suite(void) {
  Suite *suite = suite_create("reader");
  TCase *tc = tcase_create("decode");
  tcase_add_test(tc, utf8_passes_through);
  tcase_add_test(tc, utf8_bom_is_removed);
  tcase_add_test(tc, a_form_feed_is_a_line_of_its_own);
  tcase_add_test(tc, utf16le_with_bom);
  tcase_add_test(tc, utf16be_with_bom);
  tcase_add_test(tc, utf16le_without_bom_is_detected);
  tcase_add_test(tc, windows1252_when_not_utf8);
  tcase_add_test(tc, dos_code_page_when_its_letters_stand_in_words);
  tcase_add_test(tc, utf8_written_twice_is_read_back);
  tcase_add_test(tc, forced_encoding_is_used);
  tcase_add_test(tc, invalid_utf8_becomes_replacement);
  tcase_add_test(tc, invalid_cp1252_byte_becomes_replacement);
  tcase_add_test(tc, lone_utf16_surrogate_becomes_replacement);
  tcase_add_test(tc, line_ends_are_normalised);
  tcase_add_test(tc, nul_and_controls_become_replacement);
  tcase_add_test(tc, noncharacters_become_replacement);
  tcase_add_test(tc, unicode_spaces_become_spaces);
  tcase_add_test(tc, empty_input);
  tcase_add_test(tc, unknown_forced_encoding_is_an_error);
  tcase_add_test(tc, long_utf8_input_past_the_sniff_window);
  tcase_add_test(tc, binary_is_more_than_a_tenth_control_bytes);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(reader_suite()); }

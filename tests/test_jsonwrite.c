/* test_jsonwrite.c: what the JSON writer writes is, byte for byte, what jansson dumps for
 * a tree of the same values, compact and indented; strings jansson cannot take are
 * replaced and counted; misuse fails instead of writing malformed JSON. */
#include <check.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../output/jsonwrite.h"
#include "runner.h"

static uint64_t next_random(uint64_t *state) {
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

/* Pieces of strings: plain text, everything JSON escapes, and multibyte UTF-8. */
static const char *const PIECES[] = {
    "a", "Beslutning", " ", "\"", "\\", "/", "\n", "\t", "\r", "\x01", "\x1f", "\x7f", "é",
    "Å", "€", "\xe2\x80\xa8", "\xf0\x9f\x98\x80", "æøå", "§ 17", ""};

static void random_string(uint64_t *state, char *out, size_t cap) {
  size_t n = next_random(state) % 12, len = 0;
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    const char *piece = PIECES[next_random(state) % (sizeof PIECES / sizeof PIECES[0])];
    if (len + strlen(piece) + 1 > cap) break;
    strcpy(out + len, piece);
    len += strlen(piece);
  }
}

static long long random_integer(uint64_t *state) {
  static const long long EDGES[] = {0, 1, -1, 9, 10, -10, LLONG_MAX, LLONG_MIN, 1000000007};
  uint64_t r = next_random(state);
  return r % 3 ? EDGES[r % (sizeof EDGES / sizeof EDGES[0])] : (long long)(r >> 1) - (1ll << 40);
}

/* Writes one random value with W and returns the same value as a jansson tree. */
static json_t *random_value(uint64_t *state, pk_json_writer *w, int depth) {
  unsigned choice = (unsigned)(next_random(state) % (depth < 6 ? 7 : 5));
  char text[256];
  switch (choice) {
  case 0:
    random_string(state, text, sizeof text);
    pk_jw_string(w, text);
    return json_string(text);
  case 1: {
    long long value = random_integer(state);
    pk_jw_integer(w, value);
    return json_integer(value);
  }
  case 2: {
    bool value = next_random(state) & 1;
    pk_jw_bool(w, value);
    return json_boolean(value);
  }
  case 3:
    pk_jw_null(w);
    return json_null();
  case 4:
    pk_jw_string(w, NULL);
    return json_null();
  case 5: {
    json_t *array = json_array();
    size_t n = next_random(state) % 5;
    pk_jw_array(w);
    for (size_t i = 0; i < n; i++) json_array_append_new(array, random_value(state, w, depth + 1));
    pk_jw_end(w);
    return array;
  }
  default: {
    json_t *object = json_object();
    size_t n = next_random(state) % 5;
    pk_jw_object(w);
    for (size_t i = 0; i < n; i++) {
      char key[16];
      snprintf(key, sizeof key, "key_%zu", i);
      pk_jw_key(w, key);
      json_object_set_new(object, key, random_value(state, w, depth + 1));
    }
    pk_jw_end(w);
    return object;
  }
  }
}

static void assert_same_as_jansson(int indent, size_t flags) {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (int round = 0; round < 3000; round++) {
    pk_json_writer w;
    pk_jw_init(&w, NULL, indent);
    json_t *tree = random_value(&state, &w, 0);
    ck_assert(pk_jw_ok(&w));
    ck_assert_int_eq(w.depth, 0);
    char *dumped = json_dumps(tree, flags | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    ck_assert_ptr_nonnull(dumped);
    ck_assert_msg(w.buf.len == strlen(dumped) && memcmp(w.buf.data, dumped, w.buf.len) == 0,
                  "round %d:\nwriter:  %.*s\njansson: %s", round, (int)w.buf.len,
                  w.buf.data ? w.buf.data : "", dumped);
    free(dumped);
    json_decref(tree);
    pk_jw_free(&w);
  }
}

START_TEST(compact_is_jansson_compact) { assert_same_as_jansson(0, JSON_COMPACT); }
END_TEST

START_TEST(indented_is_jansson_indented) { assert_same_as_jansson(2, JSON_INDENT(2)); }
END_TEST

START_TEST(deep_indentation) {
  /* Deeper than the writer's run of spaces is long, at a wide indent. */
  pk_json_writer w;
  pk_jw_init(&w, NULL, 31);
  json_t *tree = json_array(), *inner = tree;
  pk_jw_array(&w);
  for (int i = 1; i < PK_JW_DEPTH_MAX; i++) {
    json_t *next = json_array();
    json_array_append_new(inner, next);
    inner = next;
    pk_jw_array(&w);
  }
  json_array_append_new(inner, json_integer(7));
  pk_jw_integer(&w, 7);
  for (int i = 0; i < PK_JW_DEPTH_MAX; i++) pk_jw_end(&w);
  char *dumped = json_dumps(tree, JSON_INDENT(31));
  ck_assert(pk_jw_ok(&w));
  ck_assert_str_eq(w.buf.data, dumped);
  free(dumped);
  json_decref(tree);
  pk_jw_free(&w);
}
END_TEST

START_TEST(invalid_utf8_is_replaced_and_counted) {
  pk_json_writer w;
  pk_jw_init(&w, NULL, 0);
  pk_jw_array(&w);
  pk_jw_string(&w, "a\xff" "b");
  pk_jw_string(&w, "\xc3");
  pk_jw_nonempty(&w, "");
  pk_jw_end(&w);
  ck_assert(pk_jw_ok(&w));
  ck_assert_str_eq(w.buf.data, "[\"a\xef\xbf\xbd" "b\",\"\xef\xbf\xbd\",null]");
  ck_assert_uint_eq(w.replaced, 2);
  pk_jw_free(&w);
}
END_TEST

START_TEST(misuse_fails) {
  pk_json_writer w;
  pk_jw_init(&w, NULL, 2);
  pk_jw_end(&w); /* nothing open */
  ck_assert(!pk_jw_ok(&w));
  pk_jw_free(&w);
  pk_jw_init(&w, NULL, 2);
  for (int i = 0; i <= PK_JW_DEPTH_MAX; i++) pk_jw_array(&w);
  ck_assert(!pk_jw_ok(&w));
  pk_jw_free(&w);
}
END_TEST

START_TEST(a_value_larger_than_the_spill_goes_out_whole) {
  FILE *file = tmpfile();
  ck_assert_ptr_nonnull(file);
  size_t len = 3 * PK_JW_SPILL + 5;
  char *text = malloc(len + 1);
  for (size_t i = 0; i < len; i++) text[i] = i % 1000 == 999 ? '"' : 'x';
  text[len] = '\0';
  pk_json_writer w;
  pk_jw_init(&w, file, 0);
  pk_jw_object(&w);
  pk_jw_key(&w, "text");
  pk_jw_string(&w, text);
  pk_jw_end(&w);
  ck_assert(pk_jw_flush(&w));
  long size = ftell(file);
  rewind(file);
  char *written = malloc((size_t)size + 1);
  ck_assert_uint_eq(fread(written, 1, (size_t)size, file), (size_t)size);
  written[size] = '\0';
  json_t *tree = json_pack("{s:s}", "text", text);
  char *dumped = json_dumps(tree, JSON_COMPACT);
  ck_assert_str_eq(written, dumped);
  free(dumped);
  json_decref(tree);
  free(written);
  free(text);
  pk_jw_free(&w);
  fclose(file);
}
END_TEST

START_TEST(a_json_value_written_earlier_takes_a_value_place) {
  pk_json_writer inner, outer;
  pk_jw_init(&inner, NULL, 0);
  pk_jw_init(&outer, NULL, 0);
  pk_jw_object(&inner);
  pk_jw_key(&inner, "k");
  pk_jw_integer(&inner, 1);
  pk_jw_end(&inner);
  pk_jw_object(&outer);
  pk_jw_key(&outer, "a");
  pk_jw_json(&outer, inner.buf.data, inner.buf.len);
  pk_jw_key(&outer, "b");
  pk_jw_bool(&outer, false);
  pk_jw_end(&outer);
  ck_assert_str_eq(outer.buf.data, "{\"a\":{\"k\":1},\"b\":false}");
  pk_jw_free(&inner);
  pk_jw_free(&outer);
}
END_TEST

static Suite *jsonwrite_suite(void) {
  Suite *suite = suite_create("jsonwrite");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, compact_is_jansson_compact);
  tcase_add_test(tc, indented_is_jansson_indented);
  tcase_add_test(tc, deep_indentation);
  tcase_add_test(tc, invalid_utf8_is_replaced_and_counted);
  tcase_add_test(tc, misuse_fails);
  tcase_add_test(tc, a_value_larger_than_the_spill_goes_out_whole);
  tcase_add_test(tc, a_json_value_written_earlier_takes_a_value_place);
  suite_add_tcase(suite, tc);
  return suite;
}

int main(void) { return run_suite(jsonwrite_suite()); }

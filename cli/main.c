/* main.c: the punktum command: options, then the library does the work. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "punktum.h"

/* Exit codes, in one place. */
typedef enum {
  EXIT_FINE = 0,   /* everything went well */
  EXIT_INPUT = 1,  /* an input could not be read or parsed, or output could not be written */
  EXIT_USAGE = 2   /* bad options or bad rule files */
} exit_code;

/* The option table: getopt_long's options and the --help text come from here. */
typedef struct option_doc {
  const char *name;
  int key;
  const char *arg;
  const char *help;
} option_doc;

enum {
  OPT_ENCODING = 256, OPT_RULES, OPT_PROFILE, OPT_LIST_PROFILES, OPT_EXPLAIN, OPT_COVERAGE,
  OPT_CLEANED, OPT_VERSION
};

static const option_doc OPTIONS[] = {
    {"format", 'f', "FORMAT", "output format: json (default), xml, jsonl (one line per item) or csv (one row per item)"},
    {"output", 'o', "FILE", "write to FILE (written to a temporary name, then renamed)"},
    {"encoding", OPT_ENCODING, "NAME", "input encoding (iconv name); default: detect"},
    {"rules", OPT_RULES, "DIR", "add the *.rules files of DIR; a rule of the same name replaces a built-in one"},
    {"profile", OPT_PROFILE, "NAME", "use layout profile NAME instead of detecting it"},
    {"list-profiles", OPT_LIST_PROFILES, NULL, "list the layout profiles and exit"},
    {"explain", OPT_EXPLAIN, NULL, "print which rule fired where, and why each item starts where it does, instead of the document (which still goes to -o FILE)"},
    {"coverage", OPT_COVERAGE, NULL, "print to standard error the characters in, placed, removed (by kind) and unplaced; exit 1 if any is unplaced"},
    {"cleaned", OPT_CLEANED, "FILE", "write the cleaned text, in which the output's offsets count, to FILE"},
    {"help", 'h', NULL, "show this help and exit"},
    {"version", OPT_VERSION, NULL, "show the version and exit"},
};
enum { OPTION_COUNT = sizeof OPTIONS / sizeof OPTIONS[0] };

typedef struct settings {
  pk_format format;
  const char *output;
  const char *encoding;
  const char *rules_dir;
  const char *profile;
  bool list_profiles;
  bool explain;
  bool coverage;
  const char *cleaned;
  const char *input;
} settings;

static void print_help(FILE *out) {
  fprintf(out, "Usage: punktum [OPTION]... FILE|-\n"
               "Turn an exported Danish meeting text (referat, dagsorden) into JSON or XML.\n\n");
  for (size_t i = 0; i < OPTION_COUNT; i++) {
    char left[64];
    const option_doc *opt = &OPTIONS[i];
    if (opt->key < 256)
      snprintf(left, sizeof left, "-%c, --%s%s%s", opt->key, opt->name, opt->arg ? " " : "",
               opt->arg ? opt->arg : "");
    else
      snprintf(left, sizeof left, "    --%s%s%s", opt->name, opt->arg ? " " : "",
               opt->arg ? opt->arg : "");
    fprintf(out, "  %-26s %s\n", left, opt->help);
  }
  fprintf(out, "\nExit status: 0 success, 1 input or output problem, 2 usage or rule error.\n");
}

static void build_getopt(struct option *longs, char *shorts) {
  size_t s = 0;
  for (size_t i = 0; i < OPTION_COUNT; i++) {
    longs[i] = (struct option){OPTIONS[i].name, OPTIONS[i].arg ? required_argument : no_argument,
                               NULL, OPTIONS[i].key};
    if (OPTIONS[i].key < 256) {
      shorts[s++] = (char)OPTIONS[i].key;
      if (OPTIONS[i].arg) shorts[s++] = ':';
    }
  }
  longs[OPTION_COUNT] = (struct option){0};
  shorts[s] = '\0';
}

static int usage_error(const char *message, const char *detail) {
  fprintf(stderr, "punktum: %s%s%s\nTry 'punktum --help'.\n", message, detail ? ": " : "",
          detail ? detail : "");
  return EXIT_USAGE;
}

static bool format_named(const char *name, pk_format *format) {
  static const struct {
    const char *name;
    pk_format format;
  } FORMATS[] = {{"json", PK_FORMAT_JSON}, {"xml", PK_FORMAT_XML},
                 {"jsonl", PK_FORMAT_JSONL}, {"csv", PK_FORMAT_CSV}};
  for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
    if (strcmp(name, FORMATS[i].name) == 0) {
      *format = FORMATS[i].format;
      return true;
    }
  }
  return false;
}

/* Returns -1 to go on, or the exit code to leave with. */
static int parse_options(int argc, char **argv, settings *set) {
  struct option longs[OPTION_COUNT + 1];
  char shorts[2 * OPTION_COUNT + 1];
  build_getopt(longs, shorts);
  int key;
  while ((key = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    switch (key) {
    case 'f':
      if (!format_named(optarg, &set->format)) return usage_error("unknown format", optarg);
      break;
    case 'o': set->output = optarg; break;
    case OPT_ENCODING: set->encoding = optarg; break;
    case OPT_RULES: set->rules_dir = optarg; break;
    case OPT_PROFILE: set->profile = optarg; break;
    case OPT_LIST_PROFILES: set->list_profiles = true; break;
    case OPT_EXPLAIN: set->explain = true; break;
    case OPT_COVERAGE: set->coverage = true; break;
    case OPT_CLEANED: set->cleaned = optarg; break;
    case 'h': print_help(stdout); return ferror(stdout) ? EXIT_INPUT : EXIT_FINE;
    case OPT_VERSION:
      printf("punktum %s (output format %s)\n", pk_version(), pk_format_version());
      return ferror(stdout) ? EXIT_INPUT : EXIT_FINE;
    default: return usage_error("bad option", NULL);
    }
  }
  if (set->list_profiles) return optind == argc ? -1 : usage_error("--list-profiles takes no FILE", NULL);
  if (optind != argc - 1) return usage_error("expected exactly one input FILE (or - for stdin)", NULL);
  set->input = argv[optind];
  return -1;
}

static void print_error(const char *context, const pk_error *err) {
  char text[1200];
  pk_error_format(err, text, sizeof text);
  /* Rule errors name their own file and line; input errors get the input's name. */
  if (err->file[0]) fprintf(stderr, "punktum: %s\n", text);
  else fprintf(stderr, "punktum: %s: %s\n", context, text);
}

static pk_rules *load_rules(const settings *set, int *code) {
  pk_error err;
  pk_rules *rules = pk_rules_new();
  if (!rules) {
    fprintf(stderr, "punktum: out of memory\n");
    *code = EXIT_INPUT;
    return NULL;
  }
  pk_status status = pk_rules_add_builtin(rules, &err);
  if (status == PK_OK && set->rules_dir) status = pk_rules_add_dir(rules, set->rules_dir, &err);
  if (status != PK_OK) {
    print_error("rules", &err);
    pk_rules_free(rules);
    *code = EXIT_USAGE;
    return NULL;
  }
  return rules;
}

static FILE *open_input(const char *path) {
  if (strcmp(path, "-") == 0) return stdin;
  return fopen(path, "rb");
}

/* Parses one input into OUT; returns the exit code. */
static int run_one(const settings *set, const pk_rules *rules, FILE *out) {
  FILE *in = open_input(set->input);
  if (!in) {
    fprintf(stderr, "punktum: %s: %s\n", set->input, strerror(errno));
    return EXIT_INPUT;
  }
  FILE *cleaned = set->cleaned ? fopen(set->cleaned, "wb") : NULL;
  if (set->cleaned && !cleaned) {
    fprintf(stderr, "punktum: %s: %s\n", set->cleaned, strerror(errno));
    if (in != stdin) fclose(in);
    return EXIT_INPUT;
  }
  pk_sink *sink = pk_sink_new(set->format, out);
  pk_error err;
  pk_options options = {.encoding = set->encoding, .profile = set->profile,
                        .source_name = set->input, .source_bytes = -1,
                        .explain = set->explain ? stdout : NULL, .cleaned = cleaned,
                        .coverage = set->coverage ? stderr : NULL};
  pk_status status = sink ? pk_parse_stream(rules, in, &options, sink, &err) : PK_ERR_NOMEM;
  if (!sink) fprintf(stderr, "punktum: out of memory\n");
  else if (status != PK_OK) print_error(set->input, &err);
  pk_sink_free(sink);
  if (in != stdin) fclose(in);
  if (cleaned && fclose(cleaned) != 0 && status == PK_OK) {
    fprintf(stderr, "punktum: %s: %s\n", set->cleaned, strerror(errno));
    return EXIT_INPUT;
  }
  return status == PK_OK ? EXIT_FINE : (status == PK_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT);
}

/* Writes to OUTPUT.tmp.PID and renames it into place only when complete. */
static int run_to_file(const settings *set, const pk_rules *rules) {
  char temp[4096];
  snprintf(temp, sizeof temp, "%s.tmp.%ld", set->output, (long)getpid());
  FILE *out = fopen(temp, "wb");
  if (!out) {
    fprintf(stderr, "punktum: %s: %s\n", temp, strerror(errno));
    return EXIT_INPUT;
  }
  int code = run_one(set, rules, out);
  if (fclose(out) != 0 && code == EXIT_FINE) {
    fprintf(stderr, "punktum: %s: %s\n", set->output, strerror(errno));
    code = EXIT_INPUT;
  }
  if (code == EXIT_FINE && rename(temp, set->output) != 0) {
    fprintf(stderr, "punktum: %s: %s\n", set->output, strerror(errno));
    code = EXIT_INPUT;
  }
  if (code != EXIT_FINE) remove(temp);
  return code;
}

/* --explain without -o: the trace is the output; the document is written nowhere. */
static int run_discarding_document(const settings *set, const pk_rules *rules) {
  FILE *nowhere = fopen("/dev/null", "wb");
  if (!nowhere) {
    fprintf(stderr, "punktum: /dev/null: %s\n", strerror(errno));
    return EXIT_INPUT;
  }
  int code = run_one(set, rules, nowhere);
  fclose(nowhere);
  return code;
}

static int list_profiles(const pk_rules *rules) {
  const char *profile;
  for (size_t i = 0; (profile = pk_rules_profile(rules, i)) != NULL; i++) puts(profile);
  return EXIT_FINE;
}

int main(int argc, char **argv) {
  settings set = {.format = PK_FORMAT_JSON};
  int code = parse_options(argc, argv, &set);
  if (code >= 0) return code;
  pk_rules *rules = load_rules(&set, &code);
  if (!rules) return code;
  if (set.list_profiles) code = list_profiles(rules);
  else if (set.output) code = run_to_file(&set, rules);
  else if (set.explain) code = run_discarding_document(&set, rules);
  else code = run_one(&set, rules, stdout);
  pk_rules_free(rules);
  if (code == EXIT_FINE && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "punktum: cannot write to standard output\n");
    code = EXIT_INPUT;
  }
  return code;
}

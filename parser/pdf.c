/* pdf.c: pdftotext as a child process, with a time and a memory limit.
 *
 * fork, then in the child only what is safe between fork and exec in a threaded program
 * (dup2, setrlimit, execv, _exit): punktum -j runs PDFs in several threads at once.  The
 * pipes are made close-on-exec, so no child keeps another's pipe open. */
#include "config.h"

#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../util/buf.h"
#include "../util/error.h"

enum { READ_BLOCK = 64 * 1024, STDERR_KEEP = 1024, EXEC_FAILED = 127 };

struct pk_pdf {
  FILE *spool;
  unsigned seconds;
  unsigned long long memory;
  char converter[128];
  char warning[STDERR_KEEP];
  /* pdftotext's output is held while it is white space (form feeds: the pages of a scan),
   * so a PDF without a text layer hands on nothing before it is OCR'd. */
  pk_text_fn emit;
  void *ctx;
  bool has_text;
  unsigned long pages; /* form feeds in pdftotext's output: one a page */
};

bool pk_pdf_sniff(const char *data, size_t len) {
  return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

pk_pdf *pk_pdf_new(unsigned seconds, unsigned long long memory) {
  pk_pdf *pdf = calloc(1, sizeof *pdf);
  if (!pdf) return NULL;
  pdf->seconds = seconds ? seconds : PK_PDF_SECONDS;
  pdf->memory = memory ? memory : PK_PDF_MEMORY;
  return pdf;
}

void pk_pdf_free(pk_pdf *pdf) {
  if (!pdf) return;
  if (pdf->spool) fclose(pdf->spool);
  free(pdf);
}

const char *pk_pdf_converter(const pk_pdf *pdf) { return pdf->converter; }
const char *pk_pdf_warning(const pk_pdf *pdf) { return pdf->warning[0] ? pdf->warning : NULL; }

pk_status pk_pdf_feed(pk_pdf *pdf, const void *data, size_t len, pk_error *err) {
  if (!pdf->spool && !(pdf->spool = tmpfile()))
    return pk_error_set(err, PK_ERR_IO, NULL, 0, -1, "cannot create a temporary file for the PDF: %s",
                        strerror(errno));
  if (len && fwrite(data, 1, len, pdf->spool) != len)
    return pk_error_set(err, PK_ERR_IO, NULL, 0, -1, "cannot spool the PDF: %s", strerror(errno));
  return PK_OK;
}

static unsigned long count_feeds(const char *text, size_t len) {
  unsigned long feeds = 0;
  for (size_t i = 0; i < len; i++) feeds += text[i] == '\f';
  return feeds;
}

bool pk_pdf_has_text(const pk_pdf *pdf) { return pdf->has_text; }

/* pdftotext's output: its form feeds counted, and nothing handed on until the first
 * character that is not white space; then the pages before it go on as form feeds. */
static bool gate_text(void *opaque, const char *text, size_t len) {
  pk_pdf *pdf = opaque;
  for (size_t i = 0; i < len; i++) pdf->pages += text[i] == '\f';
  if (pdf->has_text) return pdf->emit(pdf->ctx, text, len);
  size_t first = 0;
  while (first < len && (text[first] == '\f' || text[first] == '\n' || text[first] == ' ' ||
                         text[first] == '\t' || text[first] == '\r'))
    first++;
  if (first == len) return true;
  pdf->has_text = true;
  /* The pages before the first text were blank: their form feeds go on before it. */
  static const char FEEDS[] = "\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f";
  for (unsigned long blank = pdf->pages - count_feeds(text + first, len - first); blank > 0;) {
    size_t n = blank < sizeof FEEDS - 1 ? blank : sizeof FEEDS - 1;
    if (!pdf->emit(pdf->ctx, FEEDS, n)) return false;
    blank -= n;
  }
  return pdf->emit(pdf->ctx, text + first, len - first);
}

/* ---- finding and running pdftotext ------------------------------------------------------ */

/* The first executable "pdftotext" on PATH, into PATH_OUT; false when there is none. */
static bool find_program(const char *name, char *path_out, size_t size) {
  const char *dirs = getenv("PATH");
  if (!dirs || !*dirs) dirs = "/usr/local/bin:/usr/bin:/bin";
  for (const char *dir = dirs; *dir;) {
    const char *colon = strchr(dir, ':');
    size_t len = colon ? (size_t)(colon - dir) : strlen(dir);
    if (len && (size_t)snprintf(path_out, size, "%.*s/%s", (int)len, dir, name) < size &&
        access(path_out, X_OK) == 0)
      return true;
    dir += len + (colon != NULL);
  }
  return false;
}

typedef struct child {
  pid_t pid;
  int out, err; /* read ends of its standard output and error */
} child;

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

/* Starts PROGRAM with ARGV, standard input IN_FD, under the limits; ENVP, when not NULL,
 * is its environment (made before the fork: nothing may allocate after it). */
static bool spawn_with(const pk_pdf *pdf, const char *program, char *const argv[], int in_fd,
                       char *const envp[], child *kid) {
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return false;
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]), close(out[1]);
    return false;
  }
  kid->pid = fork();
  if (kid->pid == 0) {
    struct rlimit memory = {(rlim_t)pdf->memory, (rlim_t)pdf->memory};
    struct rlimit cpu = {(rlim_t)pdf->seconds + 1, (rlim_t)pdf->seconds + 1};
    if ((in_fd >= 0 && dup2(in_fd, STDIN_FILENO) < 0) || dup2(out[1], STDOUT_FILENO) < 0 ||
        dup2(err[1], STDERR_FILENO) < 0 || setrlimit(RLIMIT_AS, &memory) != 0 ||
        setrlimit(RLIMIT_CPU, &cpu) != 0)
      _exit(EXEC_FAILED);
    if (envp) execve(program, argv, envp);
    else execv(program, argv);
    _exit(EXEC_FAILED);
  }
  close(out[1]);
  close(err[1]);
  kid->out = out[0];
  kid->err = err[0];
  if (kid->pid < 0) {
    close_fd(&kid->out);
    close_fd(&kid->err);
    return false;
  }
  return true;
}

static bool spawn(const pk_pdf *pdf, const char *program, char *const argv[], int in_fd,
                  child *kid) {
  return spawn_with(pdf, program, argv, in_fd, NULL, kid);
}

static long long now_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Keeps the start of what the child wrote to standard error in KEPT (SIZE bytes). */
static void keep_stderr(char *kept, size_t size, const char *data, size_t len) {
  size_t used = strlen(kept), room = size - 1 - used;
  size_t n = len < room ? len : room;
  memcpy(kept + used, data, n);
  kept[used + n] = '\0';
}

typedef enum { RUN_DONE, RUN_TIMEOUT, RUN_STOPPED, RUN_FAILED } run_result;

/* Reads the child's output to its end, handing standard output to EMIT (when not NULL, else
 * to OUT_KEPT) and keeping standard error's start; ends it at the deadline. */
static run_result drain(const pk_pdf *pdf, child *kid, pk_text_fn emit, void *ctx, char *out_kept,
                        char *err_kept, size_t kept_size) {
  char *block = malloc(READ_BLOCK);
  if (!block) return RUN_FAILED;
  long long deadline = now_ms() + (long long)pdf->seconds * 1000;
  run_result result = RUN_DONE;
  while (result == RUN_DONE && (kid->out >= 0 || kid->err >= 0)) {
    struct pollfd fds[2] = {{kid->out, POLLIN, 0}, {kid->err, POLLIN, 0}};
    long long left = deadline - now_ms();
    if (left <= 0) {
      result = RUN_TIMEOUT;
      break;
    }
    int ready = poll(fds, 2, left > 1000 ? 1000 : (int)left);
    if (ready < 0 && errno != EINTR) result = RUN_FAILED;
    for (int i = 0; ready > 0 && i < 2; i++) {
      if (!fds[i].revents) continue;
      int *fd = i == 0 ? &kid->out : &kid->err;
      ssize_t got = read(*fd, block, READ_BLOCK);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) close_fd(fd);
      else if (i == 1) keep_stderr(err_kept, kept_size, block, (size_t)got);
      else if (!emit) keep_stderr(out_kept, kept_size, block, (size_t)got);
      else if (!emit(ctx, block, (size_t)got)) result = RUN_STOPPED;
    }
  }
  free(block);
  if (result != RUN_DONE) kill(kid->pid, SIGKILL);
  close_fd(&kid->out);
  close_fd(&kid->err);
  return result;
}

static int wait_child(pid_t pid) {
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return status;
}

/* The first line of TEXT, for a message. */
static void first_line(char *text) {
  char *nl = strchr(text, '\n');
  if (nl) *nl = '\0';
}

/* "pdftotext 22.12.0", from `pdftotext -v`. */
static void ask_version(pk_pdf *pdf, const char *program) {
  char *argv[] = {"pdftotext", "-v", NULL};
  char out[STDERR_KEEP] = "", err[STDERR_KEEP] = "";
  child kid;
  snprintf(pdf->converter, sizeof pdf->converter, "pdftotext");
  if (!spawn(pdf, program, argv, -1, &kid)) return;
  drain(pdf, &kid, NULL, NULL, out, err, sizeof err);
  wait_child(kid.pid);
  const char *text = err[0] ? err : out, *version = strstr(text, "version ");
  if (version) {
    snprintf(pdf->converter, sizeof pdf->converter, "pdftotext %s", version + 8);
    first_line(pdf->converter);
  }
}

/* The error for pdftotext's end STATUS, with what it said on standard error (SAID). */
static pk_status child_failed(const pk_pdf *pdf, int status, char *said, pk_error *err) {
  first_line(said);
  if (WIFSIGNALED(status))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "pdftotext was killed by signal %d (a damaged PDF, or one that needs more "
                        "than the %llu MiB it may use)%s%s",
                        WTERMSIG(status), pdf->memory >> 20, said[0] ? ": " : "", said);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == EXEC_FAILED)
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "cannot run pdftotext%s%s", said[0] ? ": " : "", said);
  if (strstr(said, "password"))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "an encrypted PDF: it needs a password (pdftotext: %s)", said);
  if (code == 3)
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "the PDF forbids copying its text (pdftotext: %s)", said);
  return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "not a readable PDF (pdftotext exit %d%s%s)", code,
                      said[0] ? ": " : "", said);
}

pk_status pk_pdf_finish(pk_pdf *pdf, pk_text_fn emit, void *ctx, pk_error *err) {
  char program[4096];
  if (!find_program("pdftotext", program, sizeof program))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "a PDF, and pdftotext is not installed to read it (install poppler-utils)");
  pk_status status = pk_pdf_feed(pdf, NULL, 0, err); /* an empty input still needs a spool */
  if (status != PK_OK) return status;
  if (fflush(pdf->spool) != 0 || fseek(pdf->spool, 0, SEEK_SET) != 0)
    return pk_error_set(err, PK_ERR_IO, NULL, 0, -1, "cannot spool the PDF: %s", strerror(errno));
  ask_version(pdf, program);
  /* The spool is pdftotext's standard input, which it opens again as a file to seek in.
   * -layout: a label column beside a text column comes out side by side on each line,
   * which the cleaner reads in order (reflow.h); plain mode reads the label column as a
   * block before its values and joins a word broken at a line end with the whole next
   * line, which a reader can only guess back (tests/forms-eval.sh measures both). */
  char *argv[] = {"pdftotext", "-layout", "-enc", "UTF-8", "/dev/stdin", "-", NULL};
  child kid;
  if (!spawn(pdf, program, argv, fileno(pdf->spool), &kid))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "cannot run pdftotext: %s", strerror(errno));
  char said[STDERR_KEEP] = "";
  pdf->emit = emit, pdf->ctx = ctx;
  run_result result = drain(pdf, &kid, gate_text, pdf, NULL, said, sizeof said);
  int code = wait_child(kid.pid);
  if (result == RUN_STOPPED) return PK_ERR_IO;
  if (result == RUN_TIMEOUT)
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "pdftotext took more than %u s and was stopped (a hostile or very large "
                        "PDF; --pdf-timeout gives it longer)", pdf->seconds);
  if (result == RUN_FAILED) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  if (code != 0) return child_failed(pdf, code, said, err);
  snprintf(pdf->warning, sizeof pdf->warning, "%s", said);
  first_line(pdf->warning);
  return PK_OK;
}

/* ---- OCR: a PDF without a text layer, page by page through pdftoppm and tesseract ------- */

enum { OCR_DPI = 300 };

/* "NAME VERSION" from `PROGRAM ARG` (the first line of its output holding "version " or
 * starting with NAME), into OUT. */
static void program_version(pk_pdf *pdf, const char *program, const char *name, char *arg,
                            char *out, size_t size) {
  char *argv[] = {(char *)name, arg, NULL};
  char text[STDERR_KEEP] = "", err[STDERR_KEEP] = "";
  child kid;
  snprintf(out, size, "%s", name);
  if (!spawn(pdf, program, argv, -1, &kid)) return;
  drain(pdf, &kid, NULL, NULL, text, err, sizeof err);
  wait_child(kid.pid);
  const char *said = text[0] ? text : err, *version = strstr(said, "version ");
  if (version) version += 8;
  else if (strncmp(said, name, strlen(name)) == 0 && said[strlen(name)] == ' ') version = said + strlen(name) + 1;
  if (!version) return;
  snprintf(out, size, "%s %s", name, version);
  first_line(out);
}

typedef struct ocr_run {
  char pdftoppm[4096], tesseract[4096];
  char dir[64], image[96]; /* a private directory for the page image, and its name */
  char **envp;             /* tesseract's environment: one thread (OMP_THREAD_LIMIT=1) */
} ocr_run;

/* The environment with OMP_THREAD_LIMIT=1: tesseract's threads would multiply its
 * address space beyond the limit and compete with punktum -j's own. */
static char **one_thread_environment(void) {
  extern char **environ;
  size_t n = 0;
  while (environ[n]) n++;
  char **envp = calloc(n + 2, sizeof *envp);
  if (!envp) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (strncmp(environ[i], "OMP_THREAD_LIMIT=", 17) != 0) envp[k++] = environ[i];
  envp[k] = "OMP_THREAD_LIMIT=1";
  return envp;
}

static void ocr_done(ocr_run *run) {
  if (run->image[0]) unlink(run->image);
  if (run->dir[0]) rmdir(run->dir);
  free(run->envp);
}

/* Runs a child to its end under the time limit; its output to EMIT when not NULL. */
static pk_status run_child(pk_pdf *pdf, const char *program, char *const argv[], int in_fd,
                           char *const envp[], pk_text_fn emit, void *ctx, const char *what,
                           unsigned long page, pk_error *err) {
  child kid;
  char said[STDERR_KEEP] = "", out[STDERR_KEEP] = "";
  if (in_fd >= 0 && lseek(in_fd, 0, SEEK_SET) != 0)
    return pk_error_set(err, PK_ERR_IO, NULL, 0, -1, "cannot read the spooled PDF: %s", strerror(errno));
  if (!spawn_with(pdf, program, argv, in_fd, envp, &kid))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "cannot run %s: %s", what, strerror(errno));
  run_result result = drain(pdf, &kid, emit, ctx, emit ? NULL : out, said, sizeof said);
  int status = wait_child(kid.pid);
  if (result == RUN_STOPPED) return PK_ERR_IO;
  if (result == RUN_FAILED) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  if (result == RUN_TIMEOUT)
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "%s took more than %u s on page %lu and was stopped (--pdf-timeout gives it longer)",
                        what, pdf->seconds, page);
  if (status != 0) {
    first_line(said);
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1, "%s failed on page %lu (%s %d)%s%s", what, page,
                        WIFSIGNALED(status) ? "signal" : "exit",
                        WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), said[0] ? ": " : "", said);
  }
  return PK_OK;
}

static pk_status ocr_setup(pk_pdf *pdf, ocr_run *run, pk_error *err) {
  if (!find_program("tesseract", run->tesseract, sizeof run->tesseract))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "no text layer (a scanned PDF?), and tesseract is not installed to read it "
                        "(install tesseract-ocr and tesseract-ocr-dan)");
  if (!find_program("pdftoppm", run->pdftoppm, sizeof run->pdftoppm))
    return pk_error_set(err, PK_ERR_INPUT, NULL, 0, -1,
                        "no text layer (a scanned PDF?), and pdftoppm is not installed to render it "
                        "(install poppler-utils)");
  const char *tmp = getenv("TMPDIR");
  snprintf(run->dir, sizeof run->dir, "%.40s/punktum-ocr.XXXXXX", tmp && *tmp && strlen(tmp) <= 40 ? tmp : "/tmp");
  if (!mkdtemp(run->dir)) {
    run->dir[0] = '\0';
    return pk_error_set(err, PK_ERR_IO, NULL, 0, -1, "cannot make a directory for the page images: %s", strerror(errno));
  }
  if (!(run->envp = one_thread_environment())) return pk_error_set(err, PK_ERR_NOMEM, NULL, 0, -1, "out of memory");
  char tesseract_version[48], pdftoppm_version[48];
  program_version(pdf, run->tesseract, "tesseract", "--version", tesseract_version, sizeof tesseract_version);
  program_version(pdf, run->pdftoppm, "pdftoppm", "-v", pdftoppm_version, sizeof pdftoppm_version);
  snprintf(pdf->converter, sizeof pdf->converter, "%s -l dan, %s", tesseract_version, pdftoppm_version);
  return PK_OK;
}

/* One page rendered to RUN's image and read by tesseract, its text to EMIT. */
static pk_status ocr_page(pk_pdf *pdf, ocr_run *run, unsigned long page, pk_text_fn emit,
                          void *ctx, pk_error *err) {
  char number[24], dpi[16], prefix[80];
  snprintf(number, sizeof number, "%lu", page);
  snprintf(dpi, sizeof dpi, "%d", OCR_DPI);
  snprintf(prefix, sizeof prefix, "%s/page", run->dir);
  snprintf(run->image, sizeof run->image, "%s.png", prefix);
  char *render[] = {"pdftoppm", "-f", number, "-l", number, "-r", dpi, "-gray", "-png",
                    "-singlefile", "/dev/stdin", prefix, NULL};
  pk_status status = run_child(pdf, run->pdftoppm, render, fileno(pdf->spool), NULL, NULL, NULL,
                               "pdftoppm", page, err);
  if (status != PK_OK) return status;
  char *read[] = {"tesseract", run->image, "-", "-l", "dan", "--psm", "4", NULL};
  status = run_child(pdf, run->tesseract, read, -1, run->envp, emit, ctx, "tesseract", page, err);
  unlink(run->image);
  return status;
}

pk_status pk_pdf_ocr(pk_pdf *pdf, pk_text_fn emit, void *ctx, pk_error *err) {
  ocr_run run = {0};
  pk_status status = ocr_setup(pdf, &run, err);
  for (unsigned long page = 1; status == PK_OK && page <= pdf->pages; page++) {
    status = ocr_page(pdf, &run, page, emit, ctx, err);
    if (status == PK_OK && !emit(ctx, "\f", 1)) status = PK_ERR_IO;
  }
  ocr_done(&run);
  return status;
}

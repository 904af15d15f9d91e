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

#include "buf.h"
#include "error.h"

enum { READ_BLOCK = 64 * 1024, STDERR_KEEP = 1024, EXEC_FAILED = 127 };

struct pk_pdf {
  FILE *spool;
  unsigned seconds;
  unsigned long long memory;
  char converter[64];
  char warning[STDERR_KEEP];
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

/* Starts PROGRAM with ARGV, standard input IN_FD, under the limits. */
static bool spawn(const pk_pdf *pdf, const char *program, char *const argv[], int in_fd,
                  child *kid) {
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
    execv(program, argv);
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
  run_result result = drain(pdf, &kid, emit, ctx, NULL, said, sizeof said);
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

/*
** gen_events.c - deterministic generator of the "events" sample data.
**
** Writes JSON Lines files shaped like the Databricks events data set used by
** the seed notebooks:
**
**     {"time":1469501675,"action":"Open"}
**
** The same options (and seed) always give the same bytes.  Times start at
** --start and grow by small random steps (about 1.85 s on average, so about
** 2,000 events cover an hour, as in the real set); about 1 line in 500 jumps
** a few seconds back (out of order).  About 73% of the actions are "Open".
**
** Files are named file-<i>.json, written under a hidden temporary name and
** renamed into place, and get mtime = start + i seconds so that a files
** source that orders by mtime sees them in index order.
**
** --malformed replaces about 1 line in 100 with a robustness case: broken
** JSON, missing fields, nulls, unknown extra fields, escaped strings, odd
** whitespace, CRLF, a fractional time, a non-string action, a blank line.
**
** Usage: gen_events --out DIR [--files N] [--lines-per-file M] [--seed S]
**                   [--start EPOCH] [--open-permille P] [--malformed]
*/
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define GEN_BUF_SIZE (1u << 20) /* output buffer per write() */
#define GEN_LINE_MAX 256        /* longest line we ever format */

/* ---- PRNG: splitmix64 (one 64-bit state, full period) ---- */
static uint64_t rng_state;

static uint64_t rng_next(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* ---- buffered output to one file descriptor ---- */
typedef struct {
  int fd;
  const char *path;
  size_t len;
  char *buf;
} OutBuf;

static void die(const char *what, const char *path) {
  fprintf(stderr, "gen_events: %s %s: %s\n", what, path ? path : "", strerror(errno));
  exit(1);
}

static void out_flush(OutBuf *o) {
  size_t off = 0;
  while (off < o->len) {
    ssize_t n = write(o->fd, o->buf + off, o->len - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("cannot write", o->path);
    }
    off += (size_t)n;
  }
  o->len = 0;
}

/* Room for one more line. */
static char *out_reserve(OutBuf *o) {
  if (GEN_BUF_SIZE - o->len < GEN_LINE_MAX) out_flush(o);
  return o->buf + o->len;
}

/* Decimal digits of v (v >= 0) at p; returns the end. */
static char *put_u64(char *p, uint64_t v) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) *p++ = tmp[--n];
  return p;
}

static char *put_i64(char *p, int64_t v) {
  if (v < 0) {
    *p++ = '-';
    return put_u64(p, (uint64_t)0 - (uint64_t)v);
  }
  return put_u64(p, (uint64_t)v);
}

static char *put_str(char *p, const char *s) {
  size_t n = strlen(s);
  memcpy(p, s, n);
  return p + n;
}

/* The normal line: {"time":T,"action":"Open"|"Close"}\n */
static char *put_event(char *p, int64_t t, int open) {
  p = put_str(p, "{\"time\":");
  p = put_i64(p, t);
  p = put_str(p, open ? ",\"action\":\"Open\"}\n" : ",\"action\":\"Close\"}\n");
  return p;
}

/* One robustness line of kind k (see the list in the header comment). */
#define GEN_MALFORMED_KINDS 16
static char *put_malformed(char *p, int k, int64_t t, int open) {
  const char *a = open ? "Open" : "Close";
  switch (k) {
  case 0: /* truncated object: unparsable -> all-null row */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    p = put_str(p, ",\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"\n");
  case 1: /* not JSON at all */
    return put_str(p, "this is not json\n");
  case 2: /* missing time */
    p = put_str(p, "{\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"}\n");
  case 3: /* missing action */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    return put_str(p, "}\n");
  case 4: /* null time */
    p = put_str(p, "{\"time\":null,\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"}\n");
  case 5: /* null action */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    return put_str(p, ",\"action\":null}\n");
  case 6: /* unknown extra fields, nested, with tricky strings */
    p = put_str(p, "{\"id\":17,\"time\":");
    p = put_i64(p, t);
    p = put_str(p, ",\"meta\":{\"tags\":[\"a\",\"}\",{\"x\":[1,2.5e3,null,true]}],\"note\":\"a \\\"q\\\" ]\"},\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\",\"extra\":false}\n");
  case 7: /* escaped string that decodes to a plain action */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    return put_str(p, open ? ",\"action\":\"\\u004fpen\"}\n" : ",\"action\":\"Cl\\u006fse\"}\n");
  case 8: /* escaped string with quote, backslash and a non-ASCII char */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    return put_str(p, ",\"action\":\"Op\\\"en\\\\x\\u00e9\"}\n");
  case 9: /* whitespace everywhere, fields reordered */
    p = put_str(p, "  { \"action\" : \"");
    p = put_str(p, a);
    p = put_str(p, "\" ,\t\"time\" :\t");
    p = put_i64(p, t);
    return put_str(p, " }  \n");
  case 10: /* CRLF line ending */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    p = put_str(p, ",\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"}\r\n");
  case 11: /* fractional time: conversion failure -> time NULL, action kept */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    p = put_str(p, ".5,\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"}\n");
  case 12: /* non-string action: a string column takes the JSON text */
    p = put_str(p, "{\"time\":");
    p = put_i64(p, t);
    return put_str(p, ",\"action\":123}\n");
  case 13: /* blank line: no row at all */
    return put_str(p, "\n");
  case 14: /* empty object: all-null row */
    return put_str(p, "{}\n");
  default: /* time as a boolean: conversion failure -> time NULL */
    p = put_str(p, "{\"time\":true,\"action\":\"");
    p = put_str(p, a);
    return put_str(p, "\"}\n");
  }
}

static void usage(void) {
  fprintf(stderr,
          "usage: gen_events --out DIR [--files N] [--lines-per-file M] [--seed S]\n"
          "                  [--start EPOCH] [--open-permille P] [--malformed]\n");
  exit(2);
}

static uint64_t parse_u64(const char *opt, const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || end == s || *end || *s == '-') {
    fprintf(stderr, "gen_events: bad value for %s: '%s'\n", opt, s);
    exit(2);
  }
  return (uint64_t)v;
}

/* mkdir -p */
static void make_dirs(const char *dir) {
  char path[4096];
  size_t n = strlen(dir);
  if (n == 0 || n >= sizeof path) {
    errno = ENAMETOOLONG;
    die("bad directory", dir);
  }
  memcpy(path, dir, n + 1);
  for (size_t i = 1; i <= n; i++) {
    if (path[i] == '/' || path[i] == '\0') {
      char c = path[i];
      path[i] = '\0';
      if (mkdir(path, 0777) != 0 && errno != EEXIST) die("cannot create", path);
      path[i] = c;
    }
  }
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) die("not a directory", dir);
}

int main(int argc, char **argv) {
  const char *out_dir = NULL;
  uint64_t nfiles = 50, nlines = 2000, seed = 0x5eed0e7e175ull, permille = 730;
  int64_t start = 1469501675;
  int malformed = 0;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--malformed")) {
      malformed = 1;
      continue;
    }
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) usage();
    if (i + 1 >= argc) usage();
    const char *v = argv[++i];
    if (!strcmp(a, "--out")) out_dir = v;
    else if (!strcmp(a, "--files")) nfiles = parse_u64(a, v);
    else if (!strcmp(a, "--lines-per-file")) nlines = parse_u64(a, v);
    else if (!strcmp(a, "--seed")) seed = parse_u64(a, v);
    else if (!strcmp(a, "--start")) start = (int64_t)parse_u64(a, v);
    else if (!strcmp(a, "--open-permille")) permille = parse_u64(a, v);
    else usage();
  }
  if (!out_dir || permille > 1000 || nfiles > 10000000) usage();

  make_dirs(out_dir);
  rng_state = seed;
  OutBuf o = {.fd = -1, .path = NULL, .len = 0, .buf = malloc(GEN_BUF_SIZE)};
  if (!o.buf) die("out of memory", NULL);

  /* Step distribution in seconds: 0:15% 1:25% 2:30% 3:20% 4:10% (mean 1.85). */
  static const uint8_t step_of[20] = {0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4};
  int64_t t = start;
  char tmp_path[4096], final_path[4096];

  for (uint64_t f = 0; f < nfiles; f++) {
    int n1 = snprintf(tmp_path, sizeof tmp_path, "%s/.file-%" PRIu64 ".json.tmp", out_dir, f);
    int n2 = snprintf(final_path, sizeof final_path, "%s/file-%" PRIu64 ".json", out_dir, f);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof tmp_path || (size_t)n2 >= sizeof final_path) {
      errno = ENAMETOOLONG;
      die("path too long", out_dir);
    }
    o.path = tmp_path;
    o.fd = open(tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (o.fd < 0) die("cannot create", tmp_path);

    for (uint64_t l = 0; l < nlines; l++) {
      uint64_t r = rng_next();
      t += step_of[(r & 0xffff) % 20];
      int open_ = ((r >> 16) & 0x3ff) % 1000 < permille;
      int64_t et = t;
      if (((r >> 26) & 0x1ff) == 0) et -= 1 + (int64_t)((r >> 35) % 5); /* 1/512: a few s back */
      char *p = out_reserve(&o);
      if (malformed && ((r >> 40) & 0x7f) == 0) /* 1/128 */
        p = put_malformed(p, (int)((r >> 47) % GEN_MALFORMED_KINDS), et, open_);
      else
        p = put_event(p, et, open_);
      o.len = (size_t)(p - o.buf);
    }
    /* In malformed mode the very last line of the data has no newline. */
    if (malformed && f + 1 == nfiles && o.len > 0 && o.buf[o.len - 1] == '\n') o.len--;
    out_flush(&o);

    struct timespec ts[2];
    ts[0].tv_sec = ts[1].tv_sec = (time_t)(start + (int64_t)f);
    ts[0].tv_nsec = ts[1].tv_nsec = 0;
    if (futimens(o.fd, ts) != 0) die("cannot set mtime of", tmp_path);
    if (close(o.fd) != 0) die("cannot close", tmp_path);
    if (rename(tmp_path, final_path) != 0) die("cannot rename to", final_path);
  }
  free(o.buf);
  return 0;
}

/* gen_util.h - what the sample-data generators share: a seeded PRNG, buffered output to
** files that appear atomically (hidden temp name, mtime set, renamed), and the command
** line helpers.  Errors print "<prog>: <what> <path>: <reason>" and exit.
*/
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* The program name used in messages; call first. */
void gen_init(const char *prog);
void gen_die(const char *what, const char *path);

/* splitmix64: the same seed gives the same sequence everywhere. */
typedef struct Rng {
    uint64_t s;
} Rng;
uint64_t rng_next(Rng *r);
uint64_t rng_below(Rng *r, uint64_t n);                         /* uniform in [0, n) */
double rng_unit(Rng *r);                                        /* uniform in [0, 1) */
size_t rng_weighted(Rng *r, const unsigned *weights, size_t n); /* an index, by weight */

/* One output file at a time: written to DIR/.part-NNNNN.EXT.tmp, then given its mtime and
   renamed to DIR/part-NNNNN.EXT. */
typedef struct OutFile {
    int fd;
    char tmp_path[4096], final_path[4096];
    char *buf;
    size_t len;
} OutFile;
void out_open(OutFile *o, const char *dir, uint64_t index, const char *ext);
void out_printf(OutFile *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_close(OutFile *o, int64_t mtime_s);

/* Command line: a non-negative integer option value, or usage exit 2; mkdir -p. */
uint64_t gen_parse_u64(const char *opt, const char *s);
void gen_make_dirs(const char *dir);

#endif

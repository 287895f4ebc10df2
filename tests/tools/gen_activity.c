/*
** gen_activity.c - deterministic generator of "activity" sample data (seed 003).
**
** Writes JSON Lines files shaped like the Heterogeneity Human Activity Recognition
** data set read by the seed notebook:
**
**   {"Arrival_Time":1424686735090,"Creation_Time":1424686733090638193,"Device":"nexus4_1",
**    "Index":18,"Model":"nexus4","User":"g","gt":"stand","x":3.356934E-4,
**    "y":-5.645752E-4,"z":-0.018814087}
**
** Arrival_Time is ms since the epoch (from --start, growing 0..4 ms a line),
** Creation_Time ns, about 2 s earlier; Device is one of 8 phones (nexus4_1, nexus4_2,
** s3_1, s3_2, s3mini_1, s3mini_2, samsungold_1, samsungold_2), Model its prefix,
** Index a per-device counter; User a..i, one per file in turn; gt the activity (stand,
** sit, walk, bike, stairsup, stairsdown) in runs of about 200 lines, JSON null for
** --null-permille of the lines; x, y, z accelerometer doubles printed as Java's
** Double.toString does (3.356934E-4, -0.018814087, 0.0), so every one has a fraction or
** an exponent and Spark infers double.  The same options always give the same bytes.
**
** Files are named part-<i>.json, written under a hidden temporary name and renamed
** into place, with mtime = start/1000 + i seconds so that a files source that orders
** by mtime reads them in index order.
**
** --malformed replaces about 1 line in 200 with a truncated object, a line that is not
** JSON, or a JSON value that is not an object (inference then adds _corrupt_record).
**
** --csv writes part-<i>.csv instead: a header line with the same ten names in the same
** order, then the same values (a null gt is an empty field); --malformed is ignored.
**
** Usage: gen_activity --out DIR [--files N] [--lines-per-file M] [--seed S]
**                     [--start EPOCH_MS] [--null-permille P] [--malformed] [--csv]
*/
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "gen_util.h"

/* A double as Java's Double.toString prints one with `sig` significant digits: plain for
   1e-3 <= |v| < 1e7, else d.dddE<exp>; always a fraction digit ("0.0", "1.5E-4"). */
static void java_double(char *out, size_t n, double v, int sig)
{
    if (v == 0) {
        snprintf(out, n, "0.0");
        return;
    }
    double a = v < 0 ? -v : v;
    char tmp[64];
    if (a >= 1e-3 && a < 1e7) {
        int mag = 0; /* floor(log10(a)) */
        for (double p = 1; p * 10 <= a; p *= 10)
            mag++;
        for (double p = 1; p > a; p /= 10)
            mag--;
        int decimals = sig - 1 - mag;
        if (decimals < 1)
            decimals = 1;
        snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
        size_t len = strlen(tmp);
        while (len > 0 && tmp[len - 1] == '0' && tmp[len - 2] != '.')
            tmp[--len] = '\0';
        snprintf(out, n, "%s", tmp);
        return;
    }
    snprintf(tmp, sizeof tmp, "%.*e", sig - 1, v); /* -3.3569340e-04 */
    char *e = strchr(tmp, 'e');
    int exp10 = atoi(e + 1);
    *e = '\0';
    size_t len = strlen(tmp);
    if (!strchr(tmp, '.')) {
        tmp[len++] = '.';
        tmp[len++] = '0';
        tmp[len] = '\0';
    }
    while (len > 0 && tmp[len - 1] == '0' && tmp[len - 2] != '.')
        tmp[--len] = '\0';
    snprintf(out, n, "%sE%d", tmp, exp10);
}

/* ---- the data ---- */

static const char *const devices[] = {"nexus4_1", "nexus4_2", "s3_1",         "s3_2",
                                      "s3mini_1", "s3mini_2", "samsungold_1", "samsungold_2"};
#define N_DEVICES (sizeof devices / sizeof devices[0])
static const char *const activities[] = {"stand", "sit", "walk", "bike", "stairsup", "stairsdown"};
#define N_ACTIVITIES (sizeof activities / sizeof activities[0])
/* How strongly each activity moves the phone (g). */
static const double activity_motion[] = {0.01, 0.005, 0.6, 0.4, 0.8, 0.9};

/* The model of a device: its name up to '_'. */
static void model_of(char *out, size_t n, const char *device)
{
    size_t k = strcspn(device, "_");
    snprintf(out, n, "%.*s", (int)k, device);
}

/* One accelerometer reading: mostly small noise, scaled by the activity. */
static double reading(Rng *r, double motion)
{
    double u = rng_unit(r) + rng_unit(r) + rng_unit(r) - 1.5; /* about N(0, 0.25) */
    double v = u * motion;
    if (rng_below(r, 10) == 0)
        v /= 64; /* some very small values: printed with an exponent */
    return v;
}

static void put_malformed(OutFile *o, Rng *r, int64_t arrival)
{
    switch (rng_below(r, 3)) {
    case 0: /* truncated object */
        out_printf(o, "{\"Arrival_Time\":%" PRId64 ",\"Device\":\"nexus4_1\",\"gt\":\"sit\"\n",
                   arrival);
        break;
    case 1:
        out_printf(o, "sensor offline\n");
        break;
    default: /* valid JSON, not an object */
        out_printf(o, "[%" PRId64 ",\"walk\"]\n", arrival);
        break;
    }
}

/* ---- command line ---- */

static void usage(void)
{
    fprintf(stderr,
            "usage: gen_activity --out DIR [--files N] [--lines-per-file M] [--seed S]\n"
            "                    [--start EPOCH_MS] [--null-permille P] [--malformed] [--csv]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    gen_init("gen_activity");
    const char *out_dir = NULL;
    uint64_t nfiles = 10, nlines = 1000, seed = 0xac71b17e, null_permille = 30;
    int64_t start_ms = 1424686735090LL;
    int malformed = 0, csv = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--malformed")) {
            malformed = 1;
            continue;
        }
        if (!strcmp(a, "--csv")) {
            csv = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h") || i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--out"))
            out_dir = v;
        else if (!strcmp(a, "--files"))
            nfiles = gen_parse_u64(a, v);
        else if (!strcmp(a, "--lines-per-file"))
            nlines = gen_parse_u64(a, v);
        else if (!strcmp(a, "--seed"))
            seed = gen_parse_u64(a, v);
        else if (!strcmp(a, "--start"))
            start_ms = (int64_t)gen_parse_u64(a, v);
        else if (!strcmp(a, "--null-permille"))
            null_permille = gen_parse_u64(a, v);
        else
            usage();
    }
    if (!out_dir || null_permille > 1000 || nfiles > 1000000)
        usage();

    gen_make_dirs(out_dir);
    Rng rng = {seed};
    OutFile o = {.fd = -1};

    int64_t arrival = start_ms;
    int64_t index[N_DEVICES] = {0};
    int64_t clock_skew_ms[N_DEVICES];
    for (size_t d = 0; d < N_DEVICES; d++)
        clock_skew_ms[d] = 1900 + (int64_t)rng_below(&rng, 200);
    size_t activity = 0;

    for (uint64_t f = 0; f < nfiles; f++) {
        out_open(&o, out_dir, f, csv ? "csv" : "json");
        char user = (char)('a' + f % 9);
        if (csv)
            out_printf(&o, "Arrival_Time,Creation_Time,Device,Index,Model,User,gt,x,y,z\n");

        for (uint64_t l = 0; l < nlines; l++) {
            arrival += (int64_t)rng_below(&rng, 5);
            if (rng_below(&rng, 200) == 0)
                activity = (size_t)rng_below(&rng, N_ACTIVITIES);
            if (malformed && !csv && rng_below(&rng, 200) == 0) {
                put_malformed(&o, &rng, arrival);
                continue;
            }
            size_t d = (size_t)rng_below(&rng, N_DEVICES);
            int64_t creation_ns =
                (arrival - clock_skew_ms[d]) * 1000000 + (int64_t)rng_below(&rng, 1000000);
            char model[32], x[32], y[32], z[32], gt[32];
            model_of(model, sizeof model, devices[d]);
            double motion = activity_motion[activity];
            java_double(x, sizeof x, reading(&rng, motion), 7);
            java_double(y, sizeof y, reading(&rng, motion), 7);
            java_double(z, sizeof z, reading(&rng, motion), 7);
            bool null_gt = rng_below(&rng, 1000) < null_permille;
            if (csv) {
                out_printf(&o, "%" PRId64 ",%" PRId64 ",%s,%" PRId64 ",%s,%c,%s,%s,%s,%s\n",
                           arrival, creation_ns, devices[d], index[d]++, model, user,
                           null_gt ? "" : activities[activity], x, y, z);
                continue;
            }
            if (null_gt)
                snprintf(gt, sizeof gt, "null");
            else
                snprintf(gt, sizeof gt, "\"%s\"", activities[activity]);
            out_printf(&o,
                       "{\"Arrival_Time\":%" PRId64 ",\"Creation_Time\":%" PRId64
                       ",\"Device\":\"%s\",\"Index\":%" PRId64
                       ",\"Model\":\"%s\",\"User\":\"%c\",\"gt\":%s,\"x\":%s,\"y\":%s,\"z\":%s}\n",
                       arrival, creation_ns, devices[d], index[d]++, model, user, gt, x, y, z);
        }
        out_close(&o, start_ms / 1000 + (int64_t)f);
    }
    free(o.buf);
    return 0;
}

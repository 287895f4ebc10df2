/* srt_histogram.c - histogram_numeric's bins: Spark's NumericHistogram (sql/util/
** NumericHistogram.java, Spark 3.5, Hive's heuristic after Ben-Haim and Tom-Tov).
**
** A histogram is at most nb bins (x, y) sorted by x; a value equal to a bin's x adds 1 to its
** y, another is a new bin (y 1) and, past nb bins, trim() merges the closest pair (the first
** of equal distances, each later one taking over with probability 1 / count by a
** java.util.Random(31183) of the histogram object) into their y-weighted mean.  merge() of
** two: a copy when one side is empty, else both sides' bins sorted by x (Collections.sort:
** stable, Double.compare) and trimmed.  The streaming stages (AggUtils
** .planStreamingAggregation) make a fresh object, with a fresh Random, at every step: a
** batch's rows go into a partial histogram P (kept here with the batch's mark and its
** Random), the state saved is S' = S.merge(P) by a fresh object (S first: StateStoreRestore
** puts the stored row before the batch's), and the output reads S'.  P is folded when the
** batch's output is produced (srt_collect_settle, through srt_agg_settle_collects) or on the
** group's first row of a later batch.  Checkpoints keep nb and S.  In session windows a
** point's rows make its P, and srt_histogram_merge merges each part of a session (a point's P,
** a stored session's S') into a histogram made per session, with that object's Random, as
** MergingSessionsIterator does.
*/
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

typedef struct HBin { /* NumericHistogram.Coord */
    double x, y;
} HBin;

typedef struct Bins {
    HBin *b;
    uint32_t n, cap;
} Bins;

struct SrtHistogram {
    int32_t nb;   /* nbins */
    Bins state;   /* S */
    Bins part;    /* P, this batch's ... */
    uint64_t rng; /* ... and its Random's seed */
    int64_t mark; /* batch id + 1 of P (0: none) */
};

enum { JAVA_RANDOM_SEED = 31183 }; /* NumericHistogram's `new Random(31183)` */

/* java.util.Random(seed)'s scrambled seed. */
static uint64_t rng_new(void)
{
    return ((uint64_t)JAVA_RANDOM_SEED ^ 0x5DEECE66DULL) & ((1ULL << 48) - 1);
}

/* java.util.Random.next(bits). */
static int32_t rng_next(uint64_t *seed, int bits)
{
    *seed = (*seed * 0x5DEECE66DULL + 0xBULL) & ((1ULL << 48) - 1);
    return (int32_t)(*seed >> (48 - bits));
}

/* java.util.Random.nextDouble. */
static double rng_double(uint64_t *seed)
{
    int64_t hi = rng_next(seed, 26), lo = rng_next(seed, 27);
    return (double)((hi << 27) + lo) * 0x1.0p-53;
}

static size_t bins_bytes(const Bins *b)
{
    return (size_t)b->cap * sizeof(HBin);
}

size_t srt_histogram_bytes(const SrtHistogram *h)
{
    return h ? sizeof *h + bins_bytes(&h->state) + bins_bytes(&h->part) : 0;
}

static void bins_free(SrtMem *m, Bins *b)
{
    srt_mem_free(m, b->b, bins_bytes(b));
    memset(b, 0, sizeof *b);
}

void srt_histogram_free(SrtMem *m, SrtHistogram *h)
{
    if (!h)
        return;
    bins_free(m, &h->state);
    bins_free(m, &h->part);
    srt_mem_free(m, h, sizeof *h);
}

/* Room for n bins in b; 0 or -SRT_ERR_NOMEM. */
static int bins_reserve(SrtMem *m, Bins *b, uint32_t n)
{
    size_t cap = b->cap;
    if (n <= cap)
        return 0;
    if (srt_mem_grow(m, (void **)&b->b, &cap, sizeof(HBin), n) < 0)
        return -SRT_ERR_NOMEM;
    b->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
    return 0;
}

/* NumericHistogram.trim: merge the closest pairs until nb bins are left. */
static void trim(Bins *b, int32_t nb, uint64_t *rng)
{
    while (b->n > (uint32_t)nb) {
        double smallest = b->b[1].x - b->b[0].x;
        uint32_t loc = 0;
        int32_t count = 1;
        for (uint32_t i = 1; i < b->n - 1; i++) {
            double diff = b->b[i + 1].x - b->b[i].x;
            if (diff < smallest) {
                smallest = diff;
                loc = i;
                count = 1;
            } else if (diff == smallest && rng_double(rng) <= 1.0 / (double)++count) {
                loc = i;
            }
        }
        HBin *l = &b->b[loc], *r = &b->b[loc + 1];
        double d = l->y + r->y;
        l->x *= l->y / d;
        double right = r->x / d * r->y;
        l->x += right;
        l->y = d;
        memmove(r, r + 1, (size_t)(b->n - loc - 2) * sizeof(HBin));
        b->n--;
    }
}

/* NumericHistogram.add(v) to P. */
static int part_add(SrtMem *m, SrtHistogram *h, double v)
{
    Bins *b = &h->part;
    uint32_t bin = 0;
    for (uint32_t l = 0, r = b->n; l < r;) { /* the binary search, equality breaks it */
        bin = (l + r) / 2;
        if (b->b[bin].x > v) {
            r = bin;
        } else if (b->b[bin].x < v) {
            l = ++bin;
        } else {
            break;
        }
    }
    if (bin < b->n && b->b[bin].x == v) {
        b->b[bin].y++;
        return 0;
    }
    if (bins_reserve(m, b, b->n + 1) < 0)
        return -SRT_ERR_NOMEM;
    memmove(&b->b[bin + 1], &b->b[bin], (size_t)(b->n - bin) * sizeof(HBin));
    b->b[bin].x = v;
    b->b[bin].y = 1;
    if (++b->n > (uint32_t)h->nb)
        trim(b, h->nb, &h->rng);
    return 0;
}

/* Double.compare of two bins' x: -0.0 before 0.0, NaN last. */
static int cmp_x(const HBin *a, const HBin *b)
{
    double x = a->x, y = b->x;
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    uint64_t bx, by;
    memcpy(&bx, &x, sizeof bx); /* doubleToLongBits: one NaN */
    memcpy(&by, &y, sizeof by);
    if (x != x)
        bx = 0x7ff8000000000000ULL;
    if (y != y)
        by = 0x7ff8000000000000ULL;
    int64_t sx = (int64_t)bx, sy = (int64_t)by;
    return sx < sy ? -1 : sx > sy;
}

/* Collections.sort of b's bins (a stable merge sort by Double.compare of x: a run not sorted,
   a NaN's bin among them, sorts as Java sorts it).  0 or -SRT_ERR_NOMEM (b unchanged). */
static int bins_sort(SrtMem *m, Bins *b)
{
    uint32_t n = b->n;
    if (n < 2)
        return 0;
    HBin *tmp = srt_mem_alloc(m, (size_t)n * sizeof(HBin));
    if (!tmp)
        return -SRT_ERR_NOMEM;
    HBin *from = b->b, *to = tmp;
    for (uint32_t w = 1; w < n; w *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * w) {
            uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid || j < hi)
                to[k++] =
                    j >= hi || (i < mid && cmp_x(&from[i], &from[j]) <= 0) ? from[i++] : from[j++];
        }
        HBin *t = from;
        from = to;
        to = t;
    }
    if (from != b->b)
        memcpy(b->b, from, (size_t)n * sizeof(HBin));
    srt_mem_free(m, tmp, (size_t)n * sizeof(HBin));
    return 0;
}

/* NumericHistogram.merge(o) into s (o kept), trimmed with rng: a copy of o when s has no bin,
   else s ++ o sorted (Collections.sort) and trimmed.  0 or -SRT_ERR_NOMEM (s unchanged). */
static int bins_merge(SrtMem *m, Bins *s, const Bins *o, int32_t nb, uint64_t *rng)
{
    uint32_t n = s->n + o->n;
    if (bins_reserve(m, s, n ? n : 1) < 0)
        return -SRT_ERR_NOMEM;
    int empty = s->n == 0; /* nusedbins == 0: copy over 'other' */
    if (o->n)
        memcpy(s->b + s->n, o->b, (size_t)o->n * sizeof(HBin));
    s->n = n;
    if (empty)
        return 0;
    if (bins_sort(m, s) < 0) {
        s->n -= o->n;
        return -SRT_ERR_NOMEM;
    }
    trim(s, nb, rng);
    return 0;
}

int srt_histogram_settle(SrtMem *m, SrtHistogram *h)
{
    if (!h || h->mark == 0)
        return 0;
    Bins *s = &h->state, *p = &h->part;
    if (s->n == 0) { /* merge into an empty histogram: a copy */
        bins_free(m, s);
        *s = *p;
        memset(p, 0, sizeof *p);
    } else {
        uint64_t rng = rng_new(); /* the merging stage's fresh object */
        if (bins_merge(m, s, p, h->nb, &rng) < 0)
            return -SRT_ERR_NOMEM;
        bins_free(m, p);
    }
    h->mark = 0;
    return 0;
}

/* Session windows: src's bins (a batch point's P, or a stored session's S') merged into the
   session's *dst, made on the first with a fresh Random: MergingSessionsIterator merges every
   part, in merge order, into a NumericHistogram made per session (HistogramNumeric
   .createAggregationBuffer), whose trim() draws from that object's Random(31183) merge after
   merge; no bins (src NULL: only NULL values) still sort dst's. */
int srt_histogram_merge(SrtMem *m, SrtHistogram **dst, const SrtHistogram *src)
{
    SrtHistogram *h = *dst;
    if (!h && !src)
        return 0;
    if (!h) {
        if (!(h = srt_mem_calloc(m, sizeof *h)))
            return -SRT_ERR_NOMEM;
        h->nb = src->nb;
        h->rng = rng_new();
        *dst = h;
    }
    static const Bins none;
    const Bins *o = !src ? &none : src->mark ? &src->part : &src->state;
    return bins_merge(m, &h->state, o, h->nb, &h->rng);
}

int srt_histogram_push(SrtMem *m, SrtHistogram **hp, int64_t mark, int32_t nb, double x)
{
    SrtHistogram *h = *hp;
    if (!h) {
        h = srt_mem_calloc(m, sizeof *h);
        if (!h)
            return -SRT_ERR_NOMEM;
        h->nb = nb;
        *hp = h;
    }
    if (h->mark != mark) {
        /* rows of an earlier batch whose output did not run: that batch's state first */
        if (h->mark != 0 && srt_histogram_settle(m, h) < 0)
            return -SRT_ERR_NOMEM;
        h->mark = mark;
        h->part.n = 0;
        h->rng = rng_new(); /* the partial stage's fresh object */
    }
    return part_add(m, h, x);
}

/* ==== Checkpoint form ====
** nb, the number of bins, then each bin's x and y bits: 8-byte little-endian words. */

size_t srt_histogram_encoded_size(const SrtHistogram *h)
{
    return h ? 16u + (size_t)h->state.n * 16u : 0;
}

void srt_histogram_encode(const SrtHistogram *h, SrtBuf *out)
{
    if (!h)
        return;
    srt_buf_put_u64(out, (uint64_t)(uint32_t)h->nb);
    srt_buf_put_u64(out, h->state.n);
    for (uint32_t i = 0; i < h->state.n; i++) {
        srt_buf_put_double(out, h->state.b[i].x);
        srt_buf_put_double(out, h->state.b[i].y);
    }
}

int srt_histogram_decode(SrtMem *m, const uint8_t *p, size_t n, SrtHistogram **out, SrtErr *err)
{
    *out = NULL;
    if (n == 0)
        return 0;
    uint64_t nb = n >= 16 ? srt_get_u64(p) : 0, k = n >= 16 ? srt_get_u64(p + 8) : 0;
    if (n < 16 || nb < 2 || nb > INT32_MAX || k > nb || (n - 16) != k * 16u)
        return srt_err_set(err, SRT_ERR_FORMAT,
                           "the histogram_numeric bins of a group in the checkpoint are cut short");
    SrtHistogram *h = srt_mem_calloc(m, sizeof *h);
    if (!h || bins_reserve(m, &h->state, (uint32_t)(k ? k : 1)) < 0) {
        srt_histogram_free(m, h);
        return srt_err_nomem(err, "histogram_numeric bins");
    }
    h->nb = (int32_t)nb;
    h->rng = rng_new();
    for (uint32_t i = 0; i < (uint32_t)k; i++) {
        h->state.b[i].x = srt_get_double(p + 16 + 16u * i);
        h->state.b[i].y = srt_get_double(p + 24 + 16u * i);
    }
    h->state.n = (uint32_t)k;
    *out = h;
    return 0;
}

/* ==== Calls from generated code ==== */

void srt_histogram_add(SrtAggTable *t, uint8_t *slot, int64_t mark, int32_t is_null, double x,
                       int32_t nb)
{
    if (is_null)
        return; /* HistogramNumeric.update ignores NULL */
    SrtHistogram *h;
    memcpy(&h, slot, sizeof h);
    size_t before = srt_histogram_bytes(h);
    int rc = srt_histogram_push(srt_agg_mem(t), &h, mark, nb, x);
    memcpy(slot, &h, sizeof h);
    srt_agg_add_bytes(t, (int64_t)srt_histogram_bytes(h) - (int64_t)before);
    if (SRT_UNLIKELY(rc < 0))
        srt_query_oom(srt_agg_owner(t), "histogram_numeric bins");
}

/* coord.x as HistogramNumeric.eval writes it for the input's type (kind). */
static void x_value(double x, uint32_t kind, SrtDatum *d)
{
    switch (kind) {
    case SRT_HISTOGRAM_BYTE: /* Double.toByte: toInt, then its low byte */
        d->i = (int8_t)(uint8_t)(uint32_t)srt_java_d2l(x, INT32_MIN, INT32_MAX);
        break;
    case SRT_HISTOGRAM_SHORT:
        d->i = (int16_t)(uint16_t)(uint32_t)srt_java_d2l(x, INT32_MIN, INT32_MAX);
        break;
    case SRT_HISTOGRAM_INT:
        d->i = srt_java_d2l(x, INT32_MIN, INT32_MAX);
        break;
    case SRT_HISTOGRAM_LONG:
        d->i = srt_java_d2l(x, INT64_MIN, INT64_MAX);
        break;
    case SRT_HISTOGRAM_FLOAT:
        d->d = (double)(float)x;
        break;
    default:
        d->d = x;
        break;
    }
}

int32_t srt_histogram_result(SrtQuery *q, const uint8_t *slot, uint32_t kind, const void **out_p,
                             uint32_t *out_n)
{
    SrtHistogram *h;
    memcpy(&h, slot, sizeof h);
    *out_p = NULL;
    *out_n = 0;
    if (!h)
        return 1;
    if (h->mark) { /* settled before output; kept for a caller that did not */
        SrtAggTable *t = srt_query_agg_table(q);
        size_t before = srt_histogram_bytes(h);
        int rc = srt_histogram_settle(srt_agg_mem(t), h);
        srt_agg_add_bytes(t, (int64_t)srt_histogram_bytes(h) - (int64_t)before);
        if (rc < 0)
            srt_query_oom(q, "histogram_numeric bins");
    }
    uint32_t n = h->state.n;
    if (n == 0) /* getUsedBins < 1 */
        return 1;
    SrtDatum *rows = srt_batch_alloc(q, (size_t)n * 3u * sizeof *rows);
    if (!rows)
        srt_query_oom(q, "histogram_numeric bins");
    SrtDatum *fields = rows + n;
    memset(rows, 0, (size_t)n * 3u * sizeof *rows);
    for (uint32_t i = 0; i < n; i++) {
        x_value(h->state.b[i].x, kind, &fields[2 * i]);
        fields[2 * i + 1].d = h->state.b[i].y;
        rows[i].p = &fields[2 * i];
        rows[i].n = 2;
    }
    *out_p = rows;
    *out_n = n;
    return 0;
}

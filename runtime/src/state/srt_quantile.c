/* srt_quantile.c - percentile_approx's digest: Spark's PercentileDigest over QuantileSummaries.
**
** Spark 3.5 (catalyst/util/QuantileSummaries.scala, expressions/aggregate/
** ApproximatePercentile.scala): a Greenwald-Khanna summary of (value, g, delta) samples with a
** head buffer of the latest values (50,000), folded in sorted (withHeadBufferInserted) and
** compressed (compressImmut, mergeThreshold = 2 * relativeError * count) when the samples
** reach 10,000 (insert) or ((int) (1 / relativeError)) * 2 * 2 (PercentileDigest.add).  The
** digest of a streaming group, as the stages of AggUtils.planStreamingAggregation build it:
** a batch's rows go into a fresh partial digest P (kept here with the batch's mark); the state
** saved is S' = S.merge(P compressed) (a merge with an empty side is a copy of the other), and
** the output queries S'.  P is folded when the batch's output is produced (srt_collect_settle,
** through srt_agg_settle_collects) or on the group's first row of a later batch.  Checkpoints
** keep S (relativeError, count, the samples), so a restart restores it bit for bit.
** In session windows a point's rows make its P, and srt_quantile_merge merges each part of a
** session (a point's P compressed, a stored session's S') into a digest started per session,
** as MergingSessionsIterator does (AggUtils.planStreamingAggregationForSession).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

int srt_quantile_stable_adds = 1;

enum {
    HEAD_SIZE = 50000,          /* QuantileSummaries.defaultHeadSize */
    COMPRESS_THRESHOLD = 10000, /* QuantileSummaries.defaultCompressThreshold */
};

typedef struct QStat { /* QuantileSummaries.Stats */
    double v;
    int64_t g, delta;
} QStat;

typedef struct Summary { /* QuantileSummaries without its head buffer */
    QStat *s;
    uint32_t n, cap;
    int64_t count;
} Summary;

struct SrtQuantile {
    double rel_err; /* relativeError = 1.0 / accuracy */
    Summary state;  /* S: the stored (compressed) summary */
    Summary part;   /* P: this batch's summary ... */
    double *head;   /* ... and its head buffer */
    uint32_t n_head, cap_head;
    int part_compressed; /* PercentileDigest.isCompressed of P */
    int64_t mark;        /* batch id + 1 of P (0: none) */
};

static size_t summary_bytes(const Summary *s)
{
    return (size_t)s->cap * sizeof(QStat);
}

size_t srt_quantile_bytes(const SrtQuantile *d)
{
    if (!d)
        return 0;
    return sizeof *d + summary_bytes(&d->state) + summary_bytes(&d->part) +
           (size_t)d->cap_head * sizeof(double);
}

static void summary_free(SrtMem *m, Summary *s)
{
    srt_mem_free(m, s->s, summary_bytes(s));
    memset(s, 0, sizeof *s);
}

void srt_quantile_free(SrtMem *m, SrtQuantile *d)
{
    if (!d)
        return;
    summary_free(m, &d->state);
    summary_free(m, &d->part);
    srt_mem_free(m, d->head, (size_t)d->cap_head * sizeof(double));
    srt_mem_free(m, d, sizeof *d);
}

/* A summary with room for n samples (n_used 0). */
static int summary_init(SrtMem *m, Summary *s, uint32_t n)
{
    memset(s, 0, sizeof *s);
    if (n == 0)
        return 0;
    s->s = srt_mem_alloc(m, (size_t)n * sizeof(QStat));
    if (!s->s)
        return -SRT_ERR_NOMEM;
    s->cap = n;
    return 0;
}

/* Java's Double.compare: -0.0 before 0.0, NaN last (Scala's Ordering.Double sorts by it). */
static int cmp_java_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    int xn = x != x, yn = y != y;
    if (xn || yn)
        return xn - yn;
    return (signbit(y) != 0) - (signbit(x) != 0);
}

/* compressImmut(in, mergeThreshold) into out (room for in->n), count kept. */
static void compress_immut(const Summary *in, double merge_threshold, Summary *out)
{
    out->n = 0;
    out->count = in->count;
    if (in->n == 0)
        return;
    /* ListBuffer.prepend: res fills out->s[end - k, end) from its end, moved down after */
    uint32_t k = 0;
    QStat *res = out->s;
    uint32_t end = in->n;
    QStat head = in->s[in->n - 1];
    for (int64_t i = (int64_t)in->n - 2; i >= 1; i--) {
        QStat s1 = in->s[i];
        if ((double)(s1.g + head.g + head.delta) < merge_threshold) {
            head.g += s1.g;
        } else {
            res[end - 1 - k++] = head;
            head = s1;
        }
    }
    res[end - 1 - k++] = head;
    if (in->s[0].v <= head.v && in->n > 1)
        res[end - 1 - k++] = in->s[0];
    memmove(res, res + (end - k), (size_t)k * sizeof *res);
    out->n = k;
}

/* withHeadBufferInserted of P: the sorted head folded into P's samples. */
static int head_inserted(SrtMem *m, SrtQuantile *d)
{
    if (d->n_head == 0)
        return 0;
    qsort(d->head, d->n_head, sizeof *d->head, cmp_java_double);
    const Summary *old = &d->part;
    Summary ns;
    if (summary_init(m, &ns, old->n + d->n_head) < 0)
        return -SRT_ERR_NOMEM;
    int64_t count = old->count;
    uint32_t si = 0;
    for (uint32_t oi = 0; oi < d->n_head; oi++) {
        double x = d->head[oi];
        while (si < old->n && old->s[si].v <= x)
            ns.s[ns.n++] = old->s[si++];
        count++;
        int64_t delta = ns.n == 0 || (si == old->n && oi == d->n_head - 1)
                            ? 0
                            : (int64_t)floor(2 * d->rel_err * (double)count);
        ns.s[ns.n++] = (QStat){x, 1, delta};
    }
    while (si < old->n)
        ns.s[ns.n++] = old->s[si++];
    ns.count = count;
    summary_free(m, &d->part);
    d->part = ns;
    d->n_head = 0;
    return 0;
}

/* QuantileSummaries.compress of P: the head inserted, then compressImmut. */
static int part_compress(SrtMem *m, SrtQuantile *d)
{
    if (head_inserted(m, d) < 0)
        return -SRT_ERR_NOMEM;
    Summary out;
    if (summary_init(m, &out, d->part.n) < 0)
        return -SRT_ERR_NOMEM;
    compress_immut(&d->part, 2 * d->rel_err * (double)d->part.count, &out);
    summary_free(m, &d->part);
    d->part = out;
    return 0;
}

/* Room in P's samples for one more.  0 or -NOMEM (P unchanged). */
static int part_reserve(SrtMem *m, SrtQuantile *d)
{
    Summary *s = &d->part;
    if (s->n < s->cap)
        return 0;
    uint32_t cap = s->cap ? s->cap * 2u : 16u;
    QStat *n = srt_mem_realloc(m, s->s, summary_bytes(s), (size_t)cap * sizeof *n);
    if (!n)
        return -SRT_ERR_NOMEM;
    s->s = n;
    s->cap = cap;
    return 0;
}

/*
** PercentileDigest.add(x) on a compressed P whose samples are at the limit, so that the add
** compresses again (x's head inserted, then compressImmut over every sample: Spark's work is
** linear in the samples per row), made in place with the same result.  P is stable: it came
** out of compressImmut with the threshold T = 2 * relativeError * count, and compressImmut
** of it merges nothing (a head that stopped its left neighbour s1 had s1.g + g + delta >= T,
** and that neighbour's sample holds at least s1.g).  With x, T' = that of count + 1; when no
** integer lies in [T, T'), every comparison (of integer sums) with T' goes as with T, so
** only the comparisons that involve x change:
**   - x inside (after at least two samples, before the last): its delta is floor(T'), so it
**     merges into the sample after it, c, when 1 + c.g + c.delta < T' (c's left neighbour
**     stops at the larger c as before), and is a sample of its own otherwise (1 + g +
**     floor(T') > T' for any left neighbour);
**   - x last (delta 0): the samples before it merge into it from the end while their g +
**     its g < T', and the rest stops as before.
** Samples all ordinary (no NaN, sorted last, which keeps the first sample in any case) and x
** not NaN; otherwise, and when the merges would reach the first sample, 0: the caller adds
** x the long way.  1 when x was added, or -NOMEM (P unchanged).
*/
static int part_add_stable(SrtMem *m, SrtQuantile *d, double x)
{
    Summary *s = &d->part;
    uint32_t n = s->n;
    if (!d->part_compressed || d->n_head != 0 || n < 3 || x != x || s->s[n - 1].v != s->s[n - 1].v)
        return 0;
    double t = 2 * d->rel_err * (double)s->count;
    double t2 = 2 * d->rel_err * (double)(s->count + 1);
    double k = ceil(t);
    if (!(k != t && k >= t2))
        return 0;
    uint32_t lo = 0, hi = n; /* the first sample above x (withHeadBufferInserted's <=) */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->s[mid].v <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t p = lo;
    if (p < 2)
        return 0;
    if (p < n && (double)(1 + s->s[p].g + s->s[p].delta) < t2) {
        s->s[p].g++;
    } else if (p < n) {
        if (part_reserve(m, d) < 0)
            return -SRT_ERR_NOMEM;
        memmove(s->s + p + 1, s->s + p, (size_t)(n - p) * sizeof *s->s);
        s->s[p] = (QStat){x, 1, (int64_t)floor(t2)};
        s->n++;
    } else {
        QStat head = {x, 1, 0};
        uint32_t i = n - 1;
        while (i >= 1 && (double)(s->s[i].g + head.g + head.delta) < t2)
            head.g += s->s[i--].g;
        if (i < 1)
            return 0;
        if (i == n - 1 && part_reserve(m, d) < 0)
            return -SRT_ERR_NOMEM;
        s->s[i + 1] = head;
        s->n = i + 2;
    }
    s->count++;
    return 1;
}

/* PercentileDigest.add(x) on P. */
static int part_add(SrtMem *m, SrtQuantile *d, double x)
{
    /* compressThresHoldBufferLength: Scala's Double.toInt, then Int arithmetic (wrapping) */
    double inv = 1 / d->rel_err;
    int32_t n = inv != inv ? 0 : inv >= 2147483647.0 ? INT32_MAX : (int32_t)inv;
    int32_t limit = (int32_t)((uint32_t)n * 4u);
    if (srt_quantile_stable_adds && (int64_t)d->part.n >= (int64_t)limit) {
        int rc = part_add_stable(m, d, x);
        if (rc != 0)
            return rc < 0 ? rc : 0;
    }
    if (d->n_head == d->cap_head) {
        uint32_t cap = d->cap_head ? d->cap_head * 2u : 16u;
        if (cap > HEAD_SIZE)
            cap = HEAD_SIZE;
        double *h =
            srt_mem_realloc(m, d->head, (size_t)d->cap_head * sizeof *h, (size_t)cap * sizeof *h);
        if (!h)
            return -SRT_ERR_NOMEM;
        d->head = h;
        d->cap_head = cap;
    }
    d->head[d->n_head++] = x;
    if (d->n_head >= HEAD_SIZE) { /* QuantileSummaries.insert */
        if (head_inserted(m, d) < 0)
            return -SRT_ERR_NOMEM;
        if (d->part.n >= COMPRESS_THRESHOLD && part_compress(m, d) < 0)
            return -SRT_ERR_NOMEM;
    }
    d->part_compressed = 0;
    if ((int64_t)d->part.n >= (int64_t)limit) {
        if (part_compress(m, d) < 0)
            return -SRT_ERR_NOMEM;
        d->part_compressed = 1;
    }
    return 0;
}

/* QuantileSummaries.merge of s and o (both compressed, relativeError err) into s; o is kept
   (a merge into an empty s copies it: other.shallowCopy).  0 or -NOMEM (s unchanged). */
static int summary_merge(SrtMem *m, Summary *s, const Summary *o, double err)
{
    if (o->count == 0)
        return 0;        /* this.shallowCopy */
    if (s->count == 0) { /* other.shallowCopy */
        Summary c;
        if (summary_init(m, &c, o->n) < 0)
            return -SRT_ERR_NOMEM;
        memcpy(c.s, o->s, (size_t)o->n * sizeof *c.s);
        c.n = o->n;
        c.count = o->count;
        summary_free(m, s);
        *s = c;
        return 0;
    }
    Summary mg, out;
    if (summary_init(m, &mg, s->n + o->n) < 0)
        return -SRT_ERR_NOMEM;
    if (summary_init(m, &out, s->n + o->n) < 0) {
        summary_free(m, &mg);
        return -SRT_ERR_NOMEM;
    }
    mg.count = s->count + o->count; /* relativeError: the max of the two, the same */
    int64_t add_self = (int64_t)floor(2 * err * (double)o->count);
    int64_t add_other = (int64_t)floor(2 * err * (double)s->count);
    uint32_t i = 0, j = 0;
    while (i < s->n && j < o->n) {
        QStat x;
        if (s->s[i].v < o->s[j].v) {
            x = s->s[i++];
            x.delta += j > 0 ? add_self : 0;
        } else {
            x = o->s[j++];
            x.delta += i > 0 ? add_other : 0;
        }
        mg.s[mg.n++] = x;
    }
    while (i < s->n)
        mg.s[mg.n++] = s->s[i++];
    while (j < o->n)
        mg.s[mg.n++] = o->s[j++];
    compress_immut(&mg, 2 * err * (double)mg.count, &out);
    summary_free(m, &mg);
    summary_free(m, s);
    *s = out;
    return 0;
}

int srt_quantile_settle(SrtMem *m, SrtQuantile *d)
{
    if (!d || d->mark == 0)
        return 0;
    if (!d->part_compressed && part_compress(m, d) < 0) /* P.quantileSummaries */
        return -SRT_ERR_NOMEM;
    if (d->state.count == 0) { /* other.shallowCopy: P itself */
        summary_free(m, &d->state);
        d->state = d->part;
        memset(&d->part, 0, sizeof d->part);
    } else if (summary_merge(m, &d->state, &d->part, d->rel_err) < 0) {
        return -SRT_ERR_NOMEM;
    }
    summary_free(m, &d->part);
    srt_mem_free(m, d->head, (size_t)d->cap_head * sizeof(double));
    d->head = NULL;
    d->n_head = d->cap_head = 0;
    d->part_compressed = 1;
    d->mark = 0;
    return 0;
}

int srt_quantile_push(SrtMem *m, SrtQuantile **dp, int64_t mark, double rel_err, double x)
{
    SrtQuantile *d = *dp;
    if (!d) {
        d = srt_mem_calloc(m, sizeof *d);
        if (!d)
            return -SRT_ERR_NOMEM;
        d->rel_err = rel_err;
        d->part_compressed = 1;
        *dp = d;
    }
    if (d->mark != mark) {
        /* rows of an earlier batch whose output did not run: that batch's state first */
        if (d->mark != 0 && srt_quantile_settle(m, d) < 0)
            return -SRT_ERR_NOMEM;
        d->mark = mark;
    }
    return part_add(m, d, x);
}

/* Session windows: src's digest (a batch point's P, compressed here as its serialization
   compresses it, or a stored session's S') merged into the session's *dst, made on the first:
   MergingSessionsIterator merges every part, in merge order, into a PercentileDigest
   initialized per session (ApproximatePercentile.merge: PercentileDigest.merge, which
   compresses neither side again: the buffer starts compressed and stays so). */
int srt_quantile_merge(SrtMem *m, SrtQuantile **dst, SrtQuantile *src)
{
    if (!src)
        return 0; /* no value: an empty digest, this.shallowCopy */
    if (srt_quantile_settle(m, src) < 0)
        return -SRT_ERR_NOMEM;
    SrtQuantile *d = *dst;
    if (!d) {
        if (!(d = srt_mem_calloc(m, sizeof *d)))
            return -SRT_ERR_NOMEM;
        d->rel_err = src->rel_err;
        d->part_compressed = 1;
        *dst = d;
    }
    return summary_merge(m, &d->state, &src->state, d->rel_err);
}

/*
** QuantileSummaries.query(percentiles) of S (count > 0) into v[0..n-1] (Spark 3.5): the
** percentages taken in ascending order (a stable sort), the smallest sample for one <=
** relativeError, the largest for one >= 1 - relativeError, else findApproxQuantile: from the
** sample and minimum rank where the previous search stopped, the first sample whose ranks
** [maxRank - targetError, minRank + targetError] hold ceil(p * count) (targetError = max(g +
** delta) / 2), the last sample (and minimum rank 0) when none does.
*/
static void query(const SrtQuantile *d, const double *pct, uint32_t n, double *v)
{
    const Summary *s = &d->state;
    int64_t most = INT64_MIN;
    for (uint32_t i = 0; i < s->n; i++)
        if (s->s[i].delta + s->s[i].g > most)
            most = s->s[i].delta + s->s[i].g;
    double target = (double)(most / 2);
    uint32_t index = 0;
    int64_t min_rank = s->s[0].g;
    uint32_t prev = UINT32_MAX;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t pos = UINT32_MAX; /* the next (percentage, position) after prev's */
        for (uint32_t j = 0; j < n; j++) {
            if (prev != UINT32_MAX && !(pct[j] > pct[prev] || (pct[j] == pct[prev] && j > prev)))
                continue;
            if (pos == UINT32_MAX || pct[j] < pct[pos])
                pos = j;
        }
        prev = pos;
        double p = pct[pos];
        if (p <= d->rel_err) {
            v[pos] = s->s[0].v;
            continue;
        }
        if (p >= 1 - d->rel_err) {
            v[pos] = s->s[s->n - 1].v;
            continue;
        }
        int64_t rank = (int64_t)ceil(p * (double)s->count);
        uint32_t i = index;
        int64_t mr = min_rank;
        for (;;) {
            if (i + 1 >= s->n) { /* none: the last sample */
                i = s->n - 1;
                mr = 0;
                v[pos] = s->s[i].v;
                break;
            }
            double max_rank = (double)(mr + s->s[i].delta);
            if (max_rank - target <= (double)rank && (double)rank <= (double)mr + target) {
                v[pos] = s->s[i].v;
                break;
            }
            i++;
            mr += s->s[i].g;
        }
        index = i;
        min_rank = mr;
    }
}

/* The results at pct[0..n-1] of S (count > 0) as kind's values (SRT_COLLECT_<type>). */
static void quantile_values(const SrtQuantile *d, uint32_t kind, const double *pct, uint32_t n,
                            double *vals, SrtDatum *out)
{
    query(d, pct, n, vals);
    for (uint32_t i = 0; i < n; i++) {
        double v = vals[i];
        memset(&out[i], 0, sizeof out[i]);
        switch (kind) { /* ApproximatePercentile.eval: the double back to the input's type */
        case SRT_COLLECT_INT:
            out[i].i = srt_java_d2l(v, INT32_MIN, INT32_MAX);
            break;
        case SRT_COLLECT_LONG:
            out[i].i = srt_java_d2l(v, INT64_MIN, INT64_MAX);
            break;
        case SRT_COLLECT_FLOAT:
            out[i].d = (double)(float)v;
            break;
        default:
            out[i].d = v;
            break;
        }
    }
}

/* ==== Checkpoint form ====
** S as relativeError (the bits of a double), count, the number of samples, then each
** sample's value bits, g and delta: 8-byte little-endian words. */

size_t srt_quantile_encoded_size(const SrtQuantile *d)
{
    return d ? 24u + (size_t)d->state.n * 24u : 0;
}

void srt_quantile_encode(const SrtQuantile *d, SrtBuf *out)
{
    if (!d)
        return;
    srt_buf_put_double(out, d->rel_err);
    srt_buf_put_u64(out, (uint64_t)d->state.count);
    srt_buf_put_u64(out, d->state.n);
    for (uint32_t i = 0; i < d->state.n; i++) {
        srt_buf_put_double(out, d->state.s[i].v);
        srt_buf_put_u64(out, (uint64_t)d->state.s[i].g);
        srt_buf_put_u64(out, (uint64_t)d->state.s[i].delta);
    }
}

int srt_quantile_decode(SrtMem *m, const uint8_t *p, size_t n, SrtQuantile **out, SrtErr *err)
{
    *out = NULL;
    if (n == 0)
        return 0;
    uint64_t k = n >= 24 ? srt_get_u64(p + 16) : 0;
    if (n < 24 || k > UINT32_MAX || (n - 24) / 24u != k || (n - 24) % 24u != 0)
        return srt_err_set(
            err, SRT_ERR_FORMAT,
            "the percentile_approx digest of a group in the checkpoint is cut short");
    SrtQuantile *d = srt_mem_calloc(m, sizeof *d);
    if (!d || summary_init(m, &d->state, (uint32_t)k) < 0) {
        srt_quantile_free(m, d);
        return srt_err_nomem(err, "percentile_approx digest");
    }
    d->rel_err = srt_get_double(p);
    d->state.count = (int64_t)srt_get_u64(p + 8);
    d->part_compressed = 1;
    for (uint32_t i = 0; i < (uint32_t)k; i++) {
        const uint8_t *q = p + 24 + (size_t)i * 24u;
        d->state.s[i].v = srt_get_double(q);
        d->state.s[i].g = (int64_t)srt_get_u64(q + 8);
        d->state.s[i].delta = (int64_t)srt_get_u64(q + 16);
    }
    d->state.n = (uint32_t)k;
    *out = d;
    return 0;
}

/* ==== Calls from generated code ==== */

void srt_quantile_add(SrtAggTable *t, uint8_t *slot, int64_t mark, int32_t is_null, double x,
                      double rel_err)
{
    if (is_null)
        return; /* ApproximatePercentile.update ignores NULL: P stays empty, S' = S */
    SrtQuantile *d;
    memcpy(&d, slot, sizeof d);
    size_t before = srt_quantile_bytes(d);
    int rc = srt_quantile_push(srt_agg_mem(t), &d, mark, rel_err, x);
    memcpy(slot, &d, sizeof d);
    srt_agg_add_bytes(t, (int64_t)srt_quantile_bytes(d) - (int64_t)before);
    if (SRT_UNLIKELY(rc < 0))
        srt_query_oom(srt_agg_owner(t), "percentile_approx digest");
}

int32_t srt_quantile_result(SrtQuery *q, const uint8_t *slot, uint32_t kind, const double *pct,
                            uint32_t n, const void **out_p)
{
    SrtQuantile *d;
    memcpy(&d, slot, sizeof d);
    *out_p = NULL;
    if (!d)
        return 1;
    if (d->mark) { /* settled before output; kept for a caller that did not */
        SrtAggTable *t = srt_query_agg_table(q);
        size_t before = srt_quantile_bytes(d);
        int rc = srt_quantile_settle(srt_agg_mem(t), d);
        srt_agg_add_bytes(t, (int64_t)srt_quantile_bytes(d) - (int64_t)before);
        if (rc < 0)
            srt_query_oom(q, "percentile_approx digest");
    }
    if (d->state.count == 0 || n == 0)
        return 1;
    SrtDatum *v = srt_batch_alloc(q, (size_t)n * sizeof *v);
    double *vals = v ? srt_batch_alloc(q, (size_t)n * sizeof *vals) : NULL;
    if (!vals)
        srt_query_oom(q, "percentile_approx digest");
    quantile_values(d, kind, pct, n, vals, v);
    *out_p = v;
    return 0;
}

/* srt_hll.c - the HLL++ sketch of approx_count_distinct: merge and estimate, as Spark 3.5.
**
** Spark's HyperLogLogPlusPlusHelper (sql/catalyst/.../util/HyperLogLogPlusPlusHelper.scala):
** m = 2^p registers of 6 bits, 10 to a 64-bit word (bits 0..59, register i of a word at
** bit 6*i), numWords = m / 10 + 1.  Registers are set per record by srt_hll_add (inline,
** srt_xxh64.c); this file merges two sketches (register-wise max) and turns a sketch into
** the estimate: linear counting below the precision's threshold (or when E <= 2.5 m),
** else the raw estimate with the k-nearest-neighbour bias correction (k = 6) for p < 19.
*/
#include <math.h>

#include "srt_abi.h"
#include "state/srt_hll.h"

#define HLL_REGISTERS_PER_WORD 10
#define HLL_REGISTER_MASK 63ull
#define HLL_K 6

uint32_t srt_hll_words(int32_t p)
{
    return (uint32_t)((1u << p) / HLL_REGISTERS_PER_WORD + 1u);
}

void srt_hll_merge(uint64_t *dst, const uint64_t *src, int32_t p)
{
    uint32_t m = 1u << p, idx = 0, n = srt_hll_words(p);
    for (uint32_t w = 0; w < n; w++) {
        uint64_t a = dst[w], b = src[w], word = 0, mask = HLL_REGISTER_MASK;
        for (int i = 0; idx < m && i < HLL_REGISTERS_PER_WORD; i++, idx++) {
            uint64_t x = a & mask, y = b & mask;
            word |= x > y ? x : y;
            mask <<= 6;
        }
        dst[w] = word;
    }
}

/* java.util.Arrays.binarySearch on a sorted double array: the index of e, or
   -(insertion point) - 1. */
static int binary_search(const double *a, int n, double e)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (int)((unsigned)(lo + hi) >> 1);
        double v = a[mid];
        if (v < e)
            lo = mid + 1;
        else if (v > e)
            hi = mid - 1;
        else
            return mid; /* the tables hold no NaN and no -0.0 */
    }
    return -(lo + 1);
}

/* HyperLogLogPlusPlusHelper.estimateBias. */
static double estimate_bias(int32_t p, double e)
{
    const SrtHllTable *est = &srt_hll_raw[p - 4];
    const double *bias = srt_hll_bias[p - 4].v;
    int n = est->n;
    int ix = binary_search(est->v, n, e);
    int nearest = ix < 0 ? -(ix + 1) : ix;
    int low = nearest - HLL_K + 1 > 0 ? nearest - HLL_K + 1 : 0;
    int high = low + HLL_K < n ? low + HLL_K : n;
    while (high < n) {
        double dh = e - est->v[high], dl = e - est->v[low];
        if (!(dh * dh < dl * dl))
            break;
        low++;
        high++;
    }
    double sum = 0.0;
    for (int i = low; i < high; i++)
        sum += bias[i];
    return sum / (double)(high - low);
}

/* Java's Math.round(double): the closest long, ties towards positive infinity, NaN -> 0,
   saturating.  x - floor(x) is exact, so 0.49999999999999994 rounds to 0 as in Java. */
static int64_t java_round(double x)
{
    if (isnan(x))
        return 0;
    double r = floor(x);
    if (x - r >= 0.5)
        r += 1.0;
    if (r >= 9223372036854775807.0)
        return INT64_MAX;
    if (r <= -9223372036854775808.0)
        return INT64_MIN;
    return (int64_t)r;
}

int64_t srt_hll_estimate(const uint64_t *words, int32_t p)
{
    uint32_t m = 1u << p, idx = 0, n = srt_hll_words(p);
    double z_inverse = 0.0, v = 0.0;
    for (uint32_t w = 0; w < n; w++) {
        uint64_t word = words[w];
        for (int i = 0, shift = 0; idx < m && i < HLL_REGISTERS_PER_WORD; i++, idx++, shift += 6) {
            uint32_t r = (uint32_t)((word >> shift) & HLL_REGISTER_MASK);
            /* Spark 3.5 computes 1.0 / (1 << Midx) with a Java int shift (the shift
               count taken mod 32, 1 << 31 negative). */
            int32_t pow2 = (int32_t)(1u << (r & 31u));
            z_inverse += 1.0 / (double)pow2;
            if (r == 0)
                v += 1.0;
        }
    }
    double dm = (double)m;
    double alpha_m2;
    switch (p) {
    case 4: alpha_m2 = 0.673 * dm * dm; break;
    case 5: alpha_m2 = 0.697 * dm * dm; break;
    case 6: alpha_m2 = 0.709 * dm * dm; break;
    default: alpha_m2 = (0.7213 / (1.0 + 1.079 / dm)) * dm * dm; break;
    }
    double e = alpha_m2 / z_inverse;
    double estimate;
    int corrected = 1;
    if (v > 0) {
        double h = dm * log(dm / v);
        if ((p < 19 && h <= srt_hll_thresholds[p - 4]) || e <= 2.5 * dm) {
            estimate = h;
            corrected = 0;
        }
    }
    if (corrected)
        estimate = p < 19 && e < 5.0 * dm ? e - estimate_bias(p, e) : e;
    return java_round(estimate);
}

/* srt_partition.c - rand(), randn(), monotonically_increasing_id() and spark_partition_id():
** values that depend on the partition a row is read in, as Spark 3.5 computes them.
**
** The partitions.  Spark reads a micro-batch of the files source as one scan whose files,
** longest first (FileSourceScanExec), are packed into partitions
** (FilePartition.getFilePartitions); while the batch has no more files than Spark's default
** parallelism and they are small, each file is a partition of its own, so sluice numbers
** partition i the i-th file it reads in the batch (SrtReadPos.partition, srt_source_files.c's
** read order).  The rate sources read numPartitions partitions as Spark's do, partition p
** the values start + p, start + p + numPartitions, ... (srt_source_rate.c).  A Kafka batch's
** are Spark's input partitions, its topic-partitions with records or with minPartitions
** pieces of them (srt_kafka_parts.c).  Rows of the socket source are in partition 0, as in
** Spark.  Every batch starts its partitions afresh.
**
** Each call site of the query (SExpr u.call.site) keeps its own state, reset when the row's
** (batch, partition) is not the one the state was made for: Spark initialises each
** expression instance per partition of each batch (Nondeterministic.initialize).
**   - monotonically_increasing_id(): (partition << 33) + the rows the call saw before in
**     the partition (MonotonicallyIncreasingID).
**   - spark_partition_id(): the partition (SparkPartitionID).
**   - rand(seed), randn(seed): XORShiftRandom(seed + partition) (Rand, Randn:
**     initializeInternal), nextDouble and nextGaussian.  The seed is the user's only in a
**     batch query: a streaming query's IncrementalExecution gives every such expression a
**     new random seed each micro-batch (withNewSeed(Utils.random.nextLong()), SPARK-25010),
**     and rand() without a seed takes a random one (ResolveRandomSeed), so streams get a seed
**     from getrandom(2) per call and batch, and their values are never Spark's.
**
** XORShiftRandom (org.apache.spark.util.random): the state is hashSeed(seed), two
** scala.util.hashing.MurmurHash3.bytesHash of the seed's 8 big-endian bytes (arraySeed,
** then the first hash as the seed); next(bits) is a xorshift step (21, >>> 35, 4) keeping the
** low bits; nextDouble and nextGaussian are java.util.Random's on that next (the polar
** method, with StrictMath.sqrt and StrictMath.log: fdlibm's, srt_math_ln).
*/
#include <math.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "srt_int.h"

struct SrtPartSite {
    int used;
    int64_t batch; /* the batch and partition the state below is for */
    int32_t part;
    int64_t count;  /* monotonically_increasing_id: rows seen in the partition */
    int rng_set;    /* rand, randn: the generator is seeded for the partition */
    uint64_t rng;   /* XORShiftRandom's seed */
    int have_gauss; /* java.util.Random's haveNextNextGaussian, nextNextGaussian */
    double next_gauss;
    int seed_used; /* a fresh seed was drawn for seed_batch */
    int64_t seed_batch;
    int64_t seed;
};

/* The partition of the row being processed. */
static int32_t partition(const SrtQuery *q)
{
    return q->cur_at.partition;
}

int32_t srt_partition_id(SrtQuery *q)
{
    return partition(q);
}

/* The state of call site `site`, reset for the row's partition; NULL after failing the query
   (out of memory). */
static SrtPartSite *site_state(SrtQuery *q, int32_t site)
{
    size_t need = (size_t)site + 1;
    if (need > q->n_part_sites) {
        size_t cap = q->n_part_sites;
        if (srt_mem_grow(q->mem, (void **)&q->part_sites, &cap, sizeof *q->part_sites, need) < 0) {
            srt_query_oom(q, "partition functions");
            return NULL;
        }
        memset(q->part_sites + q->n_part_sites, 0, (cap - q->n_part_sites) * sizeof *q->part_sites);
        q->n_part_sites = cap;
    }
    SrtPartSite *s = &q->part_sites[site];
    int32_t part = partition(q);
    if (!s->used || s->batch != q->batch_id || s->part != part) {
        s->used = 1;
        s->batch = q->batch_id;
        s->part = part;
        s->count = 0;
        s->rng_set = 0;
        s->have_gauss = 0;
    }
    return s;
}

int64_t srt_monotonically_increasing_id(SrtQuery *q, int32_t site)
{
    SrtPartSite *s = site_state(q, site);
    if (!s)
        return 0;
    return (int64_t)((uint64_t)s->part << 33) + s->count++;
}

/* ==== XORShiftRandom ==== */

static uint32_t rotl32(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

/* scala.util.hashing.MurmurHash3.bytesHash of 8 bytes (two whole blocks, no tail). */
static uint32_t bytes_hash8(const unsigned char *b, uint32_t h)
{
    for (int i = 0; i < 8; i += 4) {
        uint32_t k = (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
                     (uint32_t)b[i + 3] << 24;
        k *= 0xcc9e2d51u;
        k = rotl32(k, 15);
        k *= 0x1b873593u;
        h ^= k;
        h = rotl32(h, 13);
        h = h * 5 + 0xe6546b64u;
    }
    h ^= 8; /* finalizeHash(h, length): avalanche(h ^ length) */
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

uint64_t srt_xorshift_seed(int64_t seed)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)((uint64_t)seed >> (56 - 8 * i));
    uint32_t lo = bytes_hash8(b, 0x3c074a61u); /* MurmurHash3.arraySeed */
    uint32_t hi = bytes_hash8(b, lo);
    return (uint64_t)hi << 32 | lo;
}

/* XORShiftRandom.next(bits) */
static int64_t next_bits(uint64_t *state, int bits)
{
    uint64_t x = *state;
    x ^= x << 21;
    x ^= x >> 35;
    x ^= x << 4;
    *state = x;
    return (int64_t)(x & ((1ull << bits) - 1));
}

double srt_xorshift_double(uint64_t *state)
{
    int64_t hi = next_bits(state, 26);
    int64_t lo = next_bits(state, 27);
    return (double)((hi << 27) + lo) * 0x1.0p-53;
}

double srt_xorshift_gaussian(uint64_t *state, int *have, double *next)
{
    if (*have) {
        *have = 0;
        return *next;
    }
    double v1, v2, s;
    do {
        v1 = 2 * srt_xorshift_double(state) - 1;
        v2 = 2 * srt_xorshift_double(state) - 1;
        s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = sqrt(-2 * srt_math_ln(s) / s);
    *next = v2 * multiplier;
    *have = 1;
    return v1 * multiplier;
}

/* A random seed (Spark's Utils.random.nextLong()). */
static int64_t fresh_seed(void)
{
    uint64_t r;
    if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        r = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)ts.tv_sec ^
            (uint64_t)getpid() << 32;
    }
    return (int64_t)r;
}

/* The generator of site for the row's partition, seeded on its first draw there. */
static SrtPartSite *generator(SrtQuery *q, int32_t site, int64_t seed, int32_t seeded)
{
    SrtPartSite *s = site_state(q, site);
    if (!s || s->rng_set)
        return s;
    if (!seeded || !q->is_batch) {
        if (!s->seed_used || s->seed_batch != q->batch_id) {
            s->seed_used = 1;
            s->seed_batch = q->batch_id;
            s->seed = fresh_seed();
        }
        seed = s->seed;
    }
    s->rng = srt_xorshift_seed((int64_t)((uint64_t)seed + (uint64_t)s->part));
    s->rng_set = 1;
    return s;
}

double srt_rand(SrtQuery *q, int32_t site, int64_t seed, int32_t seeded)
{
    SrtPartSite *s = generator(q, site, seed, seeded);
    return s ? srt_xorshift_double(&s->rng) : 0;
}

double srt_randn(SrtQuery *q, int32_t site, int64_t seed, int32_t seeded)
{
    SrtPartSite *s = generator(q, site, seed, seeded);
    return s ? srt_xorshift_gaussian(&s->rng, &s->have_gauss, &s->next_gauss) : 0;
}

/* ==== shuffle ==== */

/* java.util.Random.nextInt(bound) over XORShiftRandom's next(31). */
static int32_t next_int(uint64_t *state, int32_t bound)
{
    int32_t r = (int32_t)next_bits(state, 31), m = bound - 1;
    if ((bound & m) == 0)
        return (int32_t)(((int64_t)bound * r) >> 31);
    for (int32_t u = r; (int64_t)u - (r = u % bound) + m > INT32_MAX;)
        u = (int32_t)next_bits(state, 31);
    return r;
}

/* The thread's generator for shuffle: Spark seeds each Shuffle at random (ResolveRandomSeed),
   so any random seed does; a thread's own, so parallel tasks share nothing. */
static _Thread_local uint64_t shuffle_rng;
static _Thread_local int shuffle_rng_set;

void srt_array_shuffle(SrtQuery *q, const void *elems, uint32_t n, const void **out,
                       uint32_t *out_n)
{
    /* Shuffle.evalInternal: RandomIndicesGenerator.getNextIndices(n), an inside-out
       Fisher-Yates over XORShiftRandom.nextInt(i + 1), then the elements at those indices */
    if (!shuffle_rng_set) {
        shuffle_rng = srt_xorshift_seed(fresh_seed());
        shuffle_rng_set = 1;
    }
    const SrtDatum *e = elems;
    SrtDatum *o = srt_scratch_alloc(q, (n ? n : 1) * sizeof *o);
    uint32_t *idx = srt_scratch_alloc(q, (n ? n : 1) * sizeof *idx);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = (uint32_t)next_int(&shuffle_rng, (int32_t)(i + 1));
        if (j != i)
            idx[i] = idx[j];
        idx[j] = i;
    }
    for (uint32_t i = 0; i < n; i++)
        o[i] = e[idx[i]];
    *out = o;
    *out_n = n;
}

void srt_partition_free(SrtQuery *q)
{
    if (q->part_sites)
        srt_mem_free(q->mem, q->part_sites, q->n_part_sites * sizeof *q->part_sites);
    q->part_sites = NULL;
    q->n_part_sites = 0;
}

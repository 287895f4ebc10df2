/* srt_collect.c - the values of collect_list and collect_set: one growing vector per group.
**
** Spark 3.5 (sql/catalyst/.../expressions/aggregate/collect.scala): Collect is a
** TypedImperativeAggregate whose buffer is a Scala collection, CollectList a
** mutable.ArrayBuffer, CollectSet a mutable.HashSet; NULL inputs are skipped (Hive's
** semantics), the result is ARRAY<T> and never NULL.  The buffer is serialized as an array in
** the collection's iteration order at every stage of the streaming plan
** (AggUtils.planStreamingAggregation) and rebuilt element by element by `deserialize` and
** `merge` (buffer ++= other).
**
** collect_list: an ArrayBuffer keeps the order of insertion at every stage, so the state is
** the rows of earlier batches then those of this one, in order of arrival.
**
** collect_set: a Scala 2.12 mutable.HashSet (the Scala version Spark 3.5 is built and
** distributed with) is a FlatHashTable: open addressing with linear probing, 32 slots to
** begin with, doubled when the count reaches 45 % of the slots (and rebuilt in slot order),
** slot index = the top log2(slots) bits of byteswap32(hashCode) rotated right by
** bitCount(slots - 1), and iteration in slot order.  The hashCode is Java's: Integer (INT,
** DATE), Long (BIGINT, TIMESTAMP), Boolean (1231/1237), Float/Double (floatToIntBits /
** doubleToLongBits: one NaN), UTF8String (Murmur3_x86_32.hashUnsafeBytes, seed 42); two
** elements are the same when BoxesRunTime.equals says so: numbers by value (so -0.0 equals
** 0.0 when the probe meets it, and a NaN equals nothing: every NaN row stays), strings by
** bytes.  Which of -0.0 and 0.0 survive thus depends on the slots, and the order of the
** result on every rebuild, so this file replays each stage with the same table (B below is
** "insert in this order into a new table, read it back in slot order"):
**   partial aggregate of the batch        A1 = B(the batch's non-NULL rows)
**   PartialMerge after the exchange       A2 = B(B(A1))     (deserialize, then ++=)
**   PartialMerge after the state restore  A3 = B(B(S) ++ B(A2))   S: the stored state
**   state saved                           S' = A3
**   Final aggregate                       result = B(B(S'))
** The batch's rows are kept as they come as a live table (A1's), so a batch of many
** duplicates holds one copy of each.  The rest runs when the batch's output is produced
** (srt_collect_settle, through srt_agg_settle_collects), or on the first row of a later
** batch when no output ran in between.  A DECIMAL hashes as Spark's Decimal (Scala's
** BigDecimal: srt_java_decimal_hash, the scale in the kind) and equals by value (one scale: by
** the unscaled value).  A nested value is kept as its canonical bytes (SRT_COLLECT_NESTED,
** srt_key.c, -0.0 kept), which generated code reads back; in a set (and for mode) it comes
** with its hashCode as Spark holds it, an UnsafeRow or UnsafeArrayData (SRT_COLLECT_HASHED,
** srt_javahash.c), and two are the same when their bytes are (UnsafeRow.equals compares
** bytes, in which -0.0 and 0.0 differ and a NaN is Double.NaN's).
** A slot of kind SRT_COLLECT_QUANTILE holds percentile_approx's digest instead, one of
** SRT_COLLECT_HISTOGRAM histogram_numeric's bins: the entry points the table calls (bytes,
** free, settle, encode, decode) hand them to srt_quantile.c and srt_histogram.c.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "srt_int.h"

/* A Scala 2.12 FlatHashTable of element indices (HashSet's storage). */
typedef struct Fht {
    uint32_t *slot;  /* element index + 1; 0 empty */
    int32_t *hash;   /* Java hashCode of the element in the slot */
    uint32_t len;    /* table.length, a power of two >= 32 */
    uint32_t size;   /* tableSize */
    uint32_t threshold;
    uint32_t seed;   /* seedvalue = bitCount(len - 1) */
} Fht;

struct SrtCollect {
    uint64_t *cells; /* two words an element: the value (lo, hi), or a string's offset and length */
    uint32_t n, cap; /* elements */
    char *bytes;     /* the bytes of STRING elements */
    size_t n_bytes, cap_bytes;
    uint32_t n_state; /* collect_set: [0, n_state) the stored state, then this batch's rows */
    int64_t mark;     /* collect_set: batch id + 1 of those rows (0: none) */
    Fht batch;        /* collect_set: the batch's rows as Spark's partial HashSet (A1) */
};

/* The elements a table's indices refer to. */
typedef struct Elems {
    const uint64_t *cells;
    const char *bytes;
    uint32_t elem; /* SRT_COLLECT_<type> */
    int32_t scale; /* a DECIMAL's */
} Elems;

/* The SRT_COLLECT_<type> of a kind (below SRT_COLLECT_SET). */
static uint32_t elem_kind(uint32_t kind)
{
    return kind & (SRT_COLLECT_SET - 1u);
}

/* Do a NESTED kind's elements carry their hashCode (a set's, mode's)? */
static int is_hashed(uint32_t kind)
{
    return (kind & SRT_COLLECT_HASHED) != 0;
}

/* A bytes element's cell: the offset, then the length in the low half of the second word
   and, HASHED, the hashCode in its high half. */
static uint32_t cell_len(const uint64_t *cell)
{
    return (uint32_t)cell[1];
}

static int is_set(uint32_t kind)
{
    return (kind & SRT_COLLECT_SET) != 0;
}

/* Are the elements bytes with a length (a STRING, a nested value's canonical bytes)? */
static int bytes_kind(uint32_t kind)
{
    return elem_kind(kind) == SRT_COLLECT_STRING || elem_kind(kind) == SRT_COLLECT_NESTED;
}

/* ==== Java's hashCode and Scala's == of the boxed element ==== */

/* Guava's Hashing.murmur3_32().hashInt(h) (seed 0), OpenHashSet.hashcode: Murmur3_x86_32's
   hashInt (srt_murmur3.c). */
static uint32_t guava_hash_int(int32_t h)
{
    return (uint32_t)srt_m3_i32(h, 0);
}

static double cell_double(const uint64_t *c)
{
    double d;
    memcpy(&d, c, sizeof d);
    return d;
}

/* The Java hashCode of element i. */
static int32_t elem_hash(const Elems *e, uint32_t i)
{
    const uint64_t *c = e->cells + 2u * i;
    switch (e->elem) {
    case SRT_COLLECT_BOOLEAN:
        return c[0] ? 1231 : 1237; /* java.lang.Boolean.hashCode */
    case SRT_COLLECT_INT:
        return (int32_t)(uint32_t)c[0];
    case SRT_COLLECT_LONG:
        return (int32_t)(uint32_t)(c[0] ^ (c[0] >> 32)); /* Long.hashCode */
    case SRT_COLLECT_FLOAT: {
        float f = (float)cell_double(c); /* exact: the double holds the float */
        uint32_t bits;
        memcpy(&bits, &f, sizeof bits);
        return f != f ? 0x7fc00000 : (int32_t)bits; /* Float.floatToIntBits */
    }
    case SRT_COLLECT_DOUBLE: {
        double d = cell_double(c);
        uint64_t bits = d != d ? 0x7ff8000000000000ull : c[0]; /* Double.doubleToLongBits */
        return (int32_t)(uint32_t)(bits ^ (bits >> 32));
    }
    case SRT_COLLECT_STRING:
        return srt_m3_bytes(e->bytes + c[0], cell_len(c), 42);
    case SRT_COLLECT_NESTED: /* its UnsafeRow's or UnsafeArrayData's, made with it */
        return (int32_t)(uint32_t)(c[1] >> 32);
    case SRT_COLLECT_DECIMAL:
        return srt_java_decimal_hash((srt_i128)(((unsigned __int128)c[1] << 64) | c[0]), e->scale);
    case SRT_COLLECT_VOID:
        break;
    }
    return 0;
}

/* BoxesRunTime.equals of elements i and j (never the same object here). */
static int elem_eq(const Elems *e, uint32_t i, uint32_t j)
{
    const uint64_t *a = e->cells + 2u * i, *b = e->cells + 2u * j;
    switch (e->elem) {
    case SRT_COLLECT_FLOAT:
    case SRT_COLLECT_DOUBLE:
        return cell_double(a) == cell_double(b); /* NaN != NaN, -0.0 == 0.0 */
    case SRT_COLLECT_STRING:
    case SRT_COLLECT_NESTED:
        return cell_len(a) == cell_len(b) &&
               memcmp(e->bytes + a[0], e->bytes + b[0], cell_len(a)) == 0;
    case SRT_COLLECT_BOOLEAN:
    case SRT_COLLECT_INT:
    case SRT_COLLECT_LONG:
    case SRT_COLLECT_DECIMAL:
    case SRT_COLLECT_VOID:
        break;
    }
    return a[0] == b[0] && a[1] == b[1];
}

/* ==== Scala 2.12's FlatHashTable ==== */

#define FHT_FIRST 32u /* FlatHashTable.initialSize */

static size_t fht_bytes(const Fht *h)
{
    return (size_t)h->len * (sizeof *h->slot + sizeof *h->hash);
}

static int fht_alloc(SrtMem *m, Fht *h, uint32_t len)
{
    uint32_t *slot = srt_mem_calloc(m, (size_t)len * sizeof *slot);
    int32_t *hash = slot ? srt_mem_alloc(m, (size_t)len * sizeof *hash) : NULL;
    if (!hash) {
        srt_mem_free(m, slot, (size_t)len * sizeof *slot);
        return -SRT_ERR_NOMEM;
    }
    h->slot = slot;
    h->hash = hash;
    h->len = len;
    h->size = 0;
    h->threshold = (uint32_t)((uint64_t)len * 450u / 1000u); /* defaultLoadFactor 450 */
    h->seed = (uint32_t)__builtin_popcount(len - 1u);         /* tableSizeSeed */
    return 0;
}

static void fht_free(SrtMem *m, Fht *h)
{
    if (h->slot) {
        srt_mem_free(m, h->slot, (size_t)h->len * sizeof *h->slot);
        srt_mem_free(m, h->hash, (size_t)h->len * sizeof *h->hash);
    }
    memset(h, 0, sizeof *h);
}

/* FlatHashTable.index: improve (scala.util.hashing.byteswap32, rotated right by the seed),
   then the top bits. */
static uint32_t fht_index(const Fht *h, int32_t hcode)
{
    uint32_t v = (uint32_t)hcode * 0x9e3775cdu;
    v = __builtin_bswap32(v) * 0x9e3775cdu;
    uint32_t r = h->seed % 32u;
    uint32_t rotated = r ? (v >> r) | (v << (32u - r)) : v;
    uint32_t ones = h->len - 1u;
    return (rotated >> (32u - (uint32_t)__builtin_popcount(ones))) & ones;
}

static int fht_add(SrtMem *m, Fht *h, const Elems *e, uint32_t idx, int32_t hcode);

/* growTable: twice the slots, the old entries added again in slot order. */
static int fht_grow(SrtMem *m, Fht *h, const Elems *e)
{
    Fht old = *h;
    if (fht_alloc(m, h, old.len * 2u) < 0) {
        *h = old;
        return -SRT_ERR_NOMEM;
    }
    for (uint32_t i = 0; i < old.len; i++)
        if (old.slot[i])
            (void)fht_add(m, h, e, old.slot[i] - 1u, old.hash[i]); /* no growth: size < threshold */
    fht_free(m, &old);
    return 0;
}

/* addEntry: 1 added, 0 an equal element is met while probing, -NOMEM. */
static int fht_add(SrtMem *m, Fht *h, const Elems *e, uint32_t idx, int32_t hcode)
{
    uint32_t i = fht_index(h, hcode);
    while (h->slot[i]) {
        if (elem_eq(e, h->slot[i] - 1u, idx))
            return 0;
        i = (i + 1u) & (h->len - 1u);
    }
    h->slot[i] = idx + 1u;
    h->hash[i] = hcode;
    h->size++;
    if (h->size >= h->threshold && fht_grow(m, h, e) < 0)
        return -SRT_ERR_NOMEM;
    return 1;
}

/* Read a table back in slot order into out (h->size indices). */
static uint32_t fht_iter(const Fht *h, uint32_t *out)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < h->len; i++)
        if (h->slot[i])
            out[k++] = h->slot[i] - 1u;
    return k;
}

/* B: insert idx[0..n) in order into a new table and read it back in slot order into out
   (may be idx); the count of distinct elements, or -NOMEM. */
static int64_t rebuild(SrtMem *m, const Elems *e, const uint32_t *idx, uint32_t n, uint32_t *out)
{
    Fht h;
    if (fht_alloc(m, &h, FHT_FIRST) < 0)
        return -SRT_ERR_NOMEM;
    for (uint32_t i = 0; i < n; i++)
        if (fht_add(m, &h, e, idx[i], elem_hash(e, idx[i])) < 0) {
            fht_free(m, &h);
            return -SRT_ERR_NOMEM;
        }
    uint32_t k = fht_iter(&h, out);
    fht_free(m, &h);
    return k;
}

/* ==== The vector ==== */

/* percentile_approx's digest and histogram_numeric's bins live behind the same slot
   (srt_quantile.c, srt_histogram.c). */
static int is_digest(uint32_t kind)
{
    return (kind & (SRT_COLLECT_QUANTILE | SRT_COLLECT_HISTOGRAM)) != 0;
}

static int is_histogram(uint32_t kind)
{
    return (kind & SRT_COLLECT_HISTOGRAM) != 0;
}

static SrtQuantile *digest_of(const SrtCollect *c)
{
    return (SrtQuantile *)(void *)(uintptr_t)c;
}

static SrtHistogram *histogram_of(const SrtCollect *c)
{
    return (SrtHistogram *)(void *)(uintptr_t)c;
}

size_t srt_collect_bytes(const SrtCollect *c, uint32_t kind)
{
    if (is_digest(kind))
        return is_histogram(kind) ? srt_histogram_bytes(histogram_of(c))
                                  : srt_quantile_bytes(digest_of(c));
    if (!c)
        return 0;
    return sizeof *c + (size_t)c->cap * 16u + c->cap_bytes + (c->batch.slot ? fht_bytes(&c->batch) : 0);
}

void srt_collect_free(SrtMem *m, SrtCollect *c, uint32_t kind)
{
    if (is_digest(kind)) {
        if (is_histogram(kind))
            srt_histogram_free(m, histogram_of(c));
        else
            srt_quantile_free(m, digest_of(c));
        return;
    }
    if (!c)
        return;
    srt_mem_free(m, c->cells, (size_t)c->cap * 16u);
    srt_mem_free(m, c->bytes, c->cap_bytes);
    fht_free(m, &c->batch);
    srt_mem_free(m, c, sizeof *c);
}

static Elems elems_of(const SrtCollect *c, uint32_t kind)
{
    Elems e = {c->cells, c->bytes, elem_kind(kind),
               (int32_t)((kind >> SRT_COLLECT_SCALE_SHIFT) & 0xffu)};
    return e;
}

/* Append one element (not yet part of any table); 0 or -NOMEM. */
static int push(SrtMem *m, SrtCollect *c, uint32_t kind, int64_t lo, int64_t hi, const char *s,
                uint32_t n)
{
    if (c->n == c->cap) {
        size_t cap = c->cap;
        if (srt_mem_grow(m, (void **)&c->cells, &cap, 16u, (size_t)c->n + 1u) < 0)
            return -SRT_ERR_NOMEM;
        if (cap > UINT32_MAX)
            cap = UINT32_MAX;
        c->cap = (uint32_t)cap;
    }
    uint64_t *cell = c->cells + 2u * c->n;
    if (bytes_kind(kind)) {
        if (srt_mem_grow(m, (void **)&c->bytes, &c->cap_bytes, 1u, c->n_bytes + n) < 0)
            return -SRT_ERR_NOMEM;
        if (n)
            memcpy(c->bytes + c->n_bytes, s, n);
        cell[0] = c->n_bytes;
        cell[1] = is_hashed(kind) ? (uint64_t)(uint32_t)lo << 32 | n : n;
        c->n_bytes += n;
    } else {
        cell[0] = (uint64_t)lo;
        cell[1] = elem_kind(kind) == SRT_COLLECT_DECIMAL ? (uint64_t)hi : 0u;
    }
    c->n++;
    return 0;
}

/* Replace the elements by the ones at order[0..k), in that order (strings packed anew). */
static int reorder(SrtMem *m, SrtCollect *c, uint32_t kind, const uint32_t *order, uint32_t k)
{
    size_t cap = k ? k : 1u;
    uint64_t *cells = srt_mem_alloc(m, cap * 16u);
    if (!cells)
        return -SRT_ERR_NOMEM;
    size_t nb = 0;
    if (bytes_kind(kind))
        for (uint32_t i = 0; i < k; i++)
            nb += cell_len(c->cells + 2u * order[i]);
    char *bytes = NULL;
    if (nb && !(bytes = srt_mem_alloc(m, nb))) {
        srt_mem_free(m, cells, cap * 16u);
        return -SRT_ERR_NOMEM;
    }
    size_t pos = 0;
    for (uint32_t i = 0; i < k; i++) {
        const uint64_t *from = c->cells + 2u * order[i];
        uint64_t *to = cells + 2u * i;
        if (bytes_kind(kind)) {
            if (cell_len(from))
                memcpy(bytes + pos, c->bytes + from[0], cell_len(from));
            to[0] = pos;
            to[1] = from[1];
            pos += cell_len(from);
        } else {
            to[0] = from[0];
            to[1] = from[1];
        }
    }
    srt_mem_free(m, c->cells, (size_t)c->cap * 16u);
    srt_mem_free(m, c->bytes, c->cap_bytes);
    c->cells = cells;
    c->cap = (uint32_t)cap;
    c->n = k;
    c->bytes = bytes;
    c->n_bytes = c->cap_bytes = nb;
    return 0;
}

/* A set's elements, put in order, are its stored state: no rows pending. */
static void now_stored(SrtMem *m, SrtCollect *c)
{
    fht_free(m, &c->batch);
    c->n_state = c->n;
    c->mark = 0;
}

int srt_collect_settle(SrtMem *m, SrtCollect *c, uint32_t kind)
{
    if (is_digest(kind))
        return is_histogram(kind) ? srt_histogram_settle(m, histogram_of(c))
                                  : srt_quantile_settle(m, digest_of(c));
    if (!c || !is_set(kind) || c->mark == 0)
        return 0;
    Elems e = elems_of(c, kind);
    uint32_t n_batch = c->n - c->n_state;
    /* Room for B(S) ++ B(A2) and for the batch's indices (A1, A2). */
    size_t want = (size_t)c->n + 1u;
    uint32_t *seq = srt_mem_alloc(m, want * sizeof *seq);
    uint32_t *a = seq ? srt_mem_alloc(m, ((size_t)n_batch + 1u) * sizeof *a) : NULL;
    if (!a) {
        srt_mem_free(m, seq, want * sizeof *seq);
        return -SRT_ERR_NOMEM;
    }
    int64_t k = 0;
    uint32_t n_a = c->batch.slot ? fht_iter(&c->batch, a) : 0; /* A1 */
    int64_t r = rebuild(m, &e, a, n_a, a);                        /* deserialize(A1) */
    if (r >= 0)
        r = rebuild(m, &e, a, (uint32_t)r, a);                    /* ++= : A2 */
    if (r >= 0)
        r = rebuild(m, &e, a, (uint32_t)r, a);                    /* deserialize(A2) */
    if (r >= 0) {
        n_a = (uint32_t)r;
        for (uint32_t i = 0; i < c->n_state; i++)
            seq[i] = i;
        k = rebuild(m, &e, seq, c->n_state, seq);                 /* deserialize(S) */
    }
    if (r >= 0 && k >= 0) {
        memcpy(seq + k, a, (size_t)n_a * sizeof *a);
        k = rebuild(m, &e, seq, (uint32_t)k + n_a, seq);          /* ++= both: A3 */
    }
    int rc = r < 0 || k < 0 ? -SRT_ERR_NOMEM : reorder(m, c, kind, seq, (uint32_t)k);
    srt_mem_free(m, a, ((size_t)n_batch + 1u) * sizeof *a);
    srt_mem_free(m, seq, want * sizeof *seq);
    if (rc == 0)
        now_stored(m, c);
    return rc;
}

/* Insert a value into c's live table (the batch's rows, or a session being merged), its copy
   dropped when an equal one is there.  0 or -NOMEM. */
static int set_add(SrtMem *m, SrtCollect *c, uint32_t kind, int64_t lo, int64_t hi, const char *s,
                   uint32_t n)
{
    if (!c->batch.slot && fht_alloc(m, &c->batch, FHT_FIRST) < 0)
        return -SRT_ERR_NOMEM;
    size_t n_bytes = c->n_bytes;
    if (push(m, c, kind, lo, hi, s, n) < 0)
        return -SRT_ERR_NOMEM;
    Elems e = elems_of(c, kind);
    int added = fht_add(m, &c->batch, &e, c->n - 1u, elem_hash(&e, c->n - 1u));
    if (added <= 0) { /* a duplicate (or no memory): drop the copy */
        c->n--;
        c->n_bytes = n_bytes;
    }
    return added < 0 ? -SRT_ERR_NOMEM : 0;
}

int srt_collect_push(SrtMem *m, SrtCollect **cp, uint32_t kind, int64_t mark, int is_null,
                     int64_t lo, int64_t hi, const char *s, uint32_t n)
{
    SrtCollect *c = *cp;
    if (is_null && !is_set(kind))
        return 0; /* Collect.update skips NULL */
    if (!c) {
        c = srt_mem_calloc(m, sizeof *c);
        if (!c)
            return -SRT_ERR_NOMEM;
        *cp = c;
    }
    if (!is_set(kind))
        return push(m, c, kind, lo, hi, s, n);
    if (c->mark != mark) {
        /* Rows of an earlier batch whose output did not run: that batch's state first. */
        if (c->mark != 0 && srt_collect_settle(m, c, kind) < 0)
            return -SRT_ERR_NOMEM;
        c->mark = mark; /* a NULL row still makes the batch merge its empty partial set */
    }
    if (is_null)
        return 0;
    return set_add(m, c, kind, lo, hi, s, n);
}

/* ==== Parallel tasks ====
** A task's group starts empty, so its values are its rows' of the batch: a list's in order of
** arrival, a set's in the order it inserted them (each the first of its kind in the task; a
** set's vector keeps insertion order, its table only indexes it).  Appending a list's, or
** pushing a set's in that order, into the query's group after the earlier tasks' is what one
** thread does row by row: a set's row is inserted when no equal element is there, and for
** elements whose equality implies equal hashCodes (not FLOAT or DOUBLE: -0.0 == 0.0 is met
** only when the probe reaches it) that depends on the elements alone, so the rows a task
** found equal to its own earlier ones are found equal to them in the query's set too.
** A list's values are appended at once: its vectors grow by doubling until they fit
** (srt_mem_grow), to the sizes one row at a time gives; a set's go one at a time, as one
** thread's rows do (settling the batch makes its vectors their exact size, so their bytes
** are one thread's at the output).
*/

/* A list's values of src appended to c's.  0 or -NOMEM. */
static int append_all(SrtMem *m, SrtCollect *c, uint32_t kind, const SrtCollect *src)
{
    size_t cap = c->cap, need = (size_t)c->n + src->n;
    if (need > UINT32_MAX || srt_mem_grow(m, (void **)&c->cells, &cap, 16u, need) < 0)
        return -SRT_ERR_NOMEM;
    c->cap = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
    uint64_t *to = c->cells + 2u * c->n;
    memcpy(to, src->cells, (size_t)src->n * 16u);
    if (bytes_kind(kind)) {
        if (srt_mem_grow(m, (void **)&c->bytes, &c->cap_bytes, 1u, c->n_bytes + src->n_bytes) < 0)
            return -SRT_ERR_NOMEM;
        if (src->n_bytes)
            memcpy(c->bytes + c->n_bytes, src->bytes, src->n_bytes);
        for (uint32_t i = 0; i < src->n; i++)
            to[2u * i] += c->n_bytes; /* each value's offset in c's bytes */
        c->n_bytes += src->n_bytes;
    }
    c->n += src->n;
    return 0;
}

static int push_from(SrtMem *m, SrtCollect *c, uint32_t kind, const SrtCollect *src, uint32_t i);

int srt_collect_fold(SrtMem *m, SrtCollect **dst, const SrtCollect *src, uint32_t kind)
{
    if (!src || is_digest(kind))
        return 0; /* digests never fold (their updates are made on the query's thread) */
    if (is_set(kind) && src->mark &&
        srt_collect_push(m, dst, kind, src->mark, 1, 0, 0, NULL, 0) < 0)
        return -SRT_ERR_NOMEM;
    if (src->n == 0)
        return 0;
    if (!*dst && !(*dst = srt_mem_calloc(m, sizeof **dst)))
        return -SRT_ERR_NOMEM;
    if (!is_set(kind))
        return append_all(m, *dst, kind, src);
    for (uint32_t i = 0; i < src->n; i++)
        if (push_from(m, *dst, kind, src, i) < 0)
            return -SRT_ERR_NOMEM;
    return 0;
}

/* ==== Session windows ====
** A session's values are built by srt_sessions_fold from its parts in merge order (the stored
** sessions' and the batch's points'), as MergingSessionsIterator merges their buffers into
** one initialized per session (TypedImperativeAggregate.merge: buffer ++= deserialize(input)).
** A list appends each part's values.  A set inserts, per part X, the elements of B(X) in
** order into the session's live table (deserialize builds a new HashSet, ++= iterates it),
** and srt_collect_seal puts them in that table's slot order: S' = B(B(X1) ++ B(X2) ++ ...).
** A part's X is a batch point's partial set as its live table holds it (A1 = B(its rows)),
** or a stored session's S' in order.
*/

/* Append element i of src to c: into c's live table for a set.  0 or -NOMEM. */
static int push_from(SrtMem *m, SrtCollect *c, uint32_t kind, const SrtCollect *src, uint32_t i)
{
    const uint64_t *cell = src->cells + 2u * i;
    int64_t lo = (int64_t)cell[0], hi = (int64_t)cell[1];
    const char *s = NULL;
    uint32_t n = 0;
    if (bytes_kind(kind)) {
        s = src->bytes + cell[0];
        n = cell_len(cell);
        lo = (int64_t)(int32_t)(uint32_t)(cell[1] >> 32); /* a HASHED element's hashCode */
        hi = 0;
    }
    return is_set(kind) ? set_add(m, c, kind, lo, hi, s, n) : push(m, c, kind, lo, hi, s, n);
}

/* A set's part X in order into out (src->n + 1 indices): the live table's slot order, else
   the stored elements.  Their count. */
static uint32_t part_order(const SrtCollect *src, uint32_t *out)
{
    if (src->batch.slot)
        return fht_iter(&src->batch, out);
    for (uint32_t i = 0; i < src->n_state; i++)
        out[i] = i;
    return src->n_state;
}

/* A set's live table, holding its stored elements in order (none in a session being started;
   a stored session another merges into has them).  0 or -NOMEM. */
static int live_table(SrtMem *m, SrtCollect *c, uint32_t kind)
{
    if (fht_alloc(m, &c->batch, FHT_FIRST) < 0)
        return -SRT_ERR_NOMEM;
    Elems e = elems_of(c, kind);
    for (uint32_t i = 0; i < c->n; i++)
        if (fht_add(m, &c->batch, &e, i, elem_hash(&e, i)) < 0)
            return -SRT_ERR_NOMEM;
    return 0;
}

int srt_collect_merge(SrtMem *m, SrtCollect **dst, SrtCollect *src, uint32_t kind)
{
    if (is_histogram(kind)) { /* the digests merge by rules of their own */
        SrtHistogram *h = histogram_of(*dst);
        int rc = srt_histogram_merge(m, &h, histogram_of(src));
        *dst = (SrtCollect *)(void *)h;
        return rc;
    }
    if (is_digest(kind)) {
        SrtQuantile *d = digest_of(*dst);
        int rc = srt_quantile_merge(m, &d, digest_of(src));
        *dst = (SrtCollect *)(void *)d;
        return rc;
    }
    SrtCollect *c = *dst;
    if (!c) {
        if (!(c = srt_mem_calloc(m, sizeof *c)))
            return -SRT_ERR_NOMEM;
        *dst = c;
    }
    if (is_set(kind) && !c->batch.slot && live_table(m, c, kind) < 0)
        return -SRT_ERR_NOMEM;
    if (is_set(kind))
        c->mark = 1; /* building: sealed by srt_collect_seal */
    if (!src || src->n == 0)
        return 0;
    if (!is_set(kind)) {
        for (uint32_t i = 0; i < src->n; i++)
            if (push_from(m, c, kind, src, i) < 0)
                return -SRT_ERR_NOMEM;
        return 0;
    }
    uint32_t *o = srt_mem_alloc(m, ((size_t)src->n + 1u) * sizeof *o);
    if (!o)
        return -SRT_ERR_NOMEM;
    Elems e = elems_of(src, kind);
    int64_t k = rebuild(m, &e, o, part_order(src, o), o); /* deserialize(X) */
    for (int64_t i = 0; i < k; i++)
        if (push_from(m, c, kind, src, o[i]) < 0)
            k = -SRT_ERR_NOMEM;
    srt_mem_free(m, o, ((size_t)src->n + 1u) * sizeof *o);
    return k < 0 ? -SRT_ERR_NOMEM : 0;
}

int srt_collect_seal(SrtMem *m, SrtCollect *c, uint32_t kind)
{
    if (!c || !is_set(kind) || c->mark == 0)
        return 0;
    size_t size = ((size_t)c->n + 1u) * sizeof(uint32_t);
    uint32_t *o = srt_mem_alloc(m, size);
    if (!o)
        return -SRT_ERR_NOMEM;
    uint32_t k = c->batch.slot ? fht_iter(&c->batch, o) : 0;
    int rc = reorder(m, c, kind, o, k);
    srt_mem_free(m, o, size);
    if (rc == 0)
        now_stored(m, c);
    return rc;
}

int64_t srt_collect_order(SrtMem *m, const SrtCollect *c, uint32_t kind, uint32_t **order)
{
    *order = NULL;
    if (!c || c->n == 0)
        return 0;
    uint32_t n = is_set(kind) ? c->n_state : c->n;
    uint32_t *o = srt_mem_alloc(m, ((size_t)n + 1u) * sizeof *o);
    if (!o)
        return -SRT_ERR_NOMEM;
    for (uint32_t i = 0; i < n; i++)
        o[i] = i;
    int64_t k = n;
    if (is_set(kind)) { /* Final: deserialize(S') then ++= into an empty set */
        Elems e = elems_of(c, kind);
        k = rebuild(m, &e, o, n, o);
        if (k >= 0)
            k = rebuild(m, &e, o, (uint32_t)k, o);
    }
    if (k < 0) {
        srt_mem_free(m, o, ((size_t)n + 1u) * sizeof *o);
        return k;
    }
    *order = o;
    return k;
}

void srt_collect_free_order(SrtMem *m, const SrtCollect *c, uint32_t kind, uint32_t *order)
{
    if (order)
        srt_mem_free(m, order, ((size_t)(is_set(kind) ? c->n_state : c->n) + 1u) * sizeof *order);
}

void srt_collect_datum(const SrtCollect *c, uint32_t kind, uint32_t i, SrtDatum *d)
{
    const uint64_t *cell = c->cells + 2u * i;
    memset(d, 0, sizeof *d);
    switch (elem_kind(kind)) {
    case SRT_COLLECT_FLOAT:
    case SRT_COLLECT_DOUBLE:
        d->d = cell_double(cell);
        return;
    case SRT_COLLECT_STRING:
    case SRT_COLLECT_NESTED: /* its bytes: generated code reads them back (srt_key_nested_value) */
        d->p = c->bytes + cell[0];
        d->n = (uint32_t)cell[1];
        return;
    case SRT_COLLECT_DECIMAL:
        d->i = (int64_t)cell[0];
        d->hi = (int64_t)cell[1];
        return;
    case SRT_COLLECT_BOOLEAN:
    case SRT_COLLECT_INT:
    case SRT_COLLECT_LONG:
    case SRT_COLLECT_VOID:
        d->i = (int64_t)cell[0];
        return;
    }
}

/* ==== Checkpoint form ==== */

/* The stored elements (a set's state; a list's all) in order: fixed values as 8 bytes
   (DECIMAL 16, low word first), strings as a u32 length and the bytes (HASHED: a u32 length,
   the u32 hashCode, the bytes); little-endian. */
void srt_collect_encode(const SrtCollect *c, uint32_t kind, SrtBuf *out)
{
    if (is_digest(kind)) {
        if (is_histogram(kind))
            srt_histogram_encode(histogram_of(c), out);
        else
            srt_quantile_encode(digest_of(c), out);
        return;
    }
    uint32_t n = !c ? 0 : is_set(kind) ? c->n_state : c->n;
    for (uint32_t i = 0; i < n; i++) {
        const uint64_t *cell = c->cells + 2u * i;
        uint8_t w[16];
        if (bytes_kind(kind)) {
            uint64_t lh = cell[1]; /* the length, then a HASHED element's hashCode */
            for (int b = 0; b < 8; b++)
                w[b] = (uint8_t)(lh >> (8 * b));
            srt_buf_put(out, w, is_hashed(kind) ? 8 : 4);
            srt_buf_put(out, c->bytes + cell[0], cell_len(cell));
            continue;
        }
        int words = elem_kind(kind) == SRT_COLLECT_DECIMAL ? 2 : 1;
        for (int k = 0; k < words; k++)
            for (int b = 0; b < 8; b++)
                w[8 * k + b] = (uint8_t)(cell[k] >> (8 * b));
        srt_buf_put(out, w, (size_t)words * 8u);
    }
}

size_t srt_collect_encoded_size(const SrtCollect *c, uint32_t kind)
{
    if (is_digest(kind))
        return is_histogram(kind) ? srt_histogram_encoded_size(histogram_of(c))
                                  : srt_quantile_encoded_size(digest_of(c));
    uint32_t n = !c ? 0 : is_set(kind) ? c->n_state : c->n;
    if (bytes_kind(kind)) {
        size_t sz = (size_t)n * (is_hashed(kind) ? 8u : 4u);
        for (uint32_t i = 0; i < n; i++)
            sz += cell_len(c->cells + 2u * i);
        return sz;
    }
    return (size_t)n * (elem_kind(kind) == SRT_COLLECT_DECIMAL ? 16u : 8u);
}

int srt_collect_decode(SrtMem *m, uint32_t kind, const uint8_t *p, size_t n, SrtCollect **out,
                       SrtErr *err)
{
    *out = NULL;
    if (is_histogram(kind)) {
        SrtHistogram *h;
        int rc = srt_histogram_decode(m, p, n, &h, err);
        *out = (SrtCollect *)(void *)h;
        return rc;
    }
    if (is_digest(kind)) {
        SrtQuantile *d;
        int rc = srt_quantile_decode(m, p, n, &d, err);
        *out = (SrtCollect *)(void *)d;
        return rc;
    }
    if (n == 0)
        return 0;
    SrtCollect *c = srt_mem_calloc(m, sizeof *c);
    if (!c)
        return srt_err_nomem(err, "collected values");
    size_t pos = 0;
    while (pos < n) {
        int64_t w[2] = {0, 0};
        const char *s = NULL;
        uint32_t len = 0;
        if (bytes_kind(kind)) {
            if (n - pos < 4)
                goto bad;
            len = (uint32_t)p[pos] | (uint32_t)p[pos + 1] << 8 | (uint32_t)p[pos + 2] << 16 |
                  (uint32_t)p[pos + 3] << 24;
            pos += 4;
            if (is_hashed(kind)) { /* the hashCode, handed to push as lo */
                if (n - pos < 4)
                    goto bad;
                w[0] = (int32_t)((uint32_t)p[pos] | (uint32_t)p[pos + 1] << 8 |
                                 (uint32_t)p[pos + 2] << 16 | (uint32_t)p[pos + 3] << 24);
                pos += 4;
            }
            if (n - pos < len)
                goto bad;
            s = (const char *)p + pos;
            pos += len;
        } else {
            int words = elem_kind(kind) == SRT_COLLECT_DECIMAL ? 2 : 1;
            if (n - pos < (size_t)words * 8u)
                goto bad;
            for (int k = 0; k < words; k++) {
                uint64_t v = 0;
                for (int b = 0; b < 8; b++)
                    v |= (uint64_t)p[pos + (size_t)(8 * k + b)] << (8 * b);
                w[k] = (int64_t)v;
            }
            pos += (size_t)words * 8u;
        }
        if (push(m, c, kind, w[0], w[1], s, len) < 0) {
            srt_collect_free(m, c, kind);
            return srt_err_nomem(err, "collected values");
        }
    }
    c->n_state = c->n;
    *out = c;
    return 0;
bad:
    srt_collect_free(m, c, kind);
    return srt_err_set(err, SRT_ERR_FORMAT,
                       "collected values of a group in the checkpoint end inside a value");
}

/* ==== Calls from generated code ==== */

void srt_collect_add(SrtAggTable *t, uint8_t *slot, uint32_t kind, int64_t mark, int32_t is_null,
                     int64_t lo, int64_t hi, const char *s, uint32_t n)
{
    SrtCollect *c;
    memcpy(&c, slot, sizeof c);
    size_t before = srt_collect_bytes(c, kind);
    int rc = srt_collect_push(srt_agg_mem(t), &c, kind, mark, is_null, lo, hi, s, n);
    memcpy(slot, &c, sizeof c);
    srt_agg_add_bytes(t, (int64_t)srt_collect_bytes(c, kind) - (int64_t)before);
    if (SRT_UNLIKELY(rc < 0))
        srt_query_oom(srt_agg_owner(t), "collected values");
}

static const SrtDatum no_values[1];

void srt_collect_result(SrtQuery *q, const uint8_t *slot, uint32_t kind, const void **out_p,
                        uint32_t *out_n)
{
    SrtCollect *c;
    memcpy(&c, slot, sizeof c);
    *out_p = no_values;
    *out_n = 0;
    if (!c)
        return;
    SrtAggTable *t = srt_query_agg_table(q); /* NULL in a session window (sealed values) */
    SrtMem *m = q->mem;
    if (c->mark && t) { /* settled before output; kept for a caller that did not */
        size_t before = srt_collect_bytes(c, kind);
        int rc = srt_collect_settle(m, c, kind);
        srt_agg_add_bytes(t, (int64_t)srt_collect_bytes(c, kind) - (int64_t)before);
        if (rc < 0)
            srt_query_oom(q, "collected values");
    }
    uint32_t *order;
    int64_t k = srt_collect_order(m, c, kind, &order);
    if (k < 0)
        srt_query_oom(q, "collected values");
    if (k == 0)
        return;
    SrtDatum *d = srt_batch_alloc(q, (size_t)k * sizeof *d);
    if (!d) {
        srt_collect_free_order(m, c, kind, order);
        srt_query_oom(q, "collected values");
    }
    /* Strings point into the vector: it changes only in a later batch, or when its group is
       removed after the batch was written. */
    for (int64_t i = 0; i < k; i++)
        srt_collect_datum(c, kind, order[i], &d[i]);
    srt_collect_free_order(m, c, kind, order);
    *out_p = d;
    *out_n = (uint32_t)k;
}

/* ==== percentile ====
** Spark's Percentile (aggregate/percentiles.scala) counts each distinct value in an
** OpenHashMap, sorts the keys by the type's ordering and accumulates the counts; the result at
** percentage p is getPercentile(position = (count - 1) * p): the values at ranks floor and
** ceil of position (binarySearchCount over the accumulated counts), the lower one when the
** ranks or the values are equal, else (higher - position) * lower + (position - lower) *
** higher.  The rank of a value in the sorted multiset is what the
** accumulated counts give, so the values are kept as collect_list keeps them (one rule for
** the store, its checkpoints and its memory) and sorted here.  -0.0 and 0.0 are two keys of
** the map that compareDoubles finds equal: Spark's stable sort keeps them in the map's slot
** order (an OpenHashSet, see mode below), their home slots in a table of the map's size
** (which a collision of either with another key could change: not modelled).
*/

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    int xn = x != x, yn = y != y;
    if (xn || yn)
        return xn - yn; /* NaN last, NaNs equal */
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    return (signbit(y) != 0) - (signbit(x) != 0); /* -0.0 before 0.0 */
}

/* Does 0.0 come before -0.0 in the slot order of an OpenHashSet of `distinct` keys? */
static int zero_first(uint32_t distinct)
{
    uint32_t cap = 64; /* doubled once the size passes 0.7 of it */
    while (distinct > (uint32_t)(0.7 * cap))
        cap *= 2u;
    uint32_t mask = cap - 1u;
    return (guava_hash_int(0) & mask) < (guava_hash_int((int32_t)0x80000000u) & mask);
}

/* The sorted v[0, n) as Spark orders its keys: the zeros' run put in slot order. */
static void order_zeros(double *v, uint32_t n)
{
    uint32_t z = 0, neg = 0, pos = 0, distinct = 0;
    for (uint32_t i = 0; i < n; i++) {
        int nan = v[i] != v[i];
        if (i == 0 || !(nan ? v[i - 1] != v[i - 1] : memcmp(&v[i - 1], &v[i], sizeof v[i]) == 0))
            distinct++; /* Java's equals: every NaN one key, the zeros two */
        if (v[i] == 0.0) {
            if (neg + pos == 0)
                z = i;
            *(signbit(v[i]) ? &neg : &pos) += 1;
        }
    }
    if (!neg || !pos || !zero_first(distinct))
        return;
    for (uint32_t i = 0; i < pos + neg; i++)
        v[z + i] = i < pos ? 0.0 : -0.0;
}

static void reverse_doubles(double *v, uint32_t n)
{
    for (uint32_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
        double t = v[i];
        v[i] = v[j], v[j] = t;
    }
}

/* v[0, n), sorted as order_zeros leaves it, in reverse: PercentileBase sorts by
   ordering.reverse, a stable sort, so NaN comes first and the zeros' run, equal under the
   ordering, keeps the map's slot order. */
static void reverse_order(double *v, uint32_t n)
{
    reverse_doubles(v, n);
    uint32_t z = 0;
    while (z < n && v[z] != 0.0)
        z++;
    uint32_t e = z;
    while (e < n && v[e] == 0.0)
        e++;
    reverse_doubles(v + z, e - z);
}

/* Spark 3.5's PercentileBase.getPercentile (continuous, Percentile) and, with
   SRT_PCT_DISCRETE, PercentileDisc.getPercentile (spark.sql.legacy.percentileDiscCalculation
   false, SPARK-44871): of n values the one at 0-based rank ceil(n * p) - 1 (0 when that is
   -1), the smallest whose cumulative count reaches n * p. */
double srt_percentile(double *v, uint32_t n, double p, int32_t how)
{
    qsort(v, n, sizeof *v, cmp_double);
    order_zeros(v, n);
    if (how & SRT_PCT_REVERSE)
        reverse_order(v, n);
    if (how & SRT_PCT_DISCRETE) {
        int64_t higher = (int64_t)ceil((double)n * p); /* accumulatedCounts.last._2 * p */
        return v[higher > 0 ? higher - 1 : 0];
    }
    double position = (double)(n - 1) * p;
    double lower = floor(position), higher = ceil(position);
    double lo = v[(uint32_t)lower], hi = v[(uint32_t)higher];
    if (higher == lower || lo == hi) /* no interpolation: one rank, or one key (numeric ==) */
        return lo;
    return (higher - position) * lo + (position - lower) * hi;
}

int32_t srt_collect_percentile(SrtQuery *q, const uint8_t *slot, double p, int32_t how, double *out)
{
    SrtCollect *c;
    memcpy(&c, slot, sizeof c);
    *out = 0.0;
    if (!c || c->n == 0)
        return 1;
    double *v = srt_batch_alloc(q, (size_t)c->n * sizeof *v);
    if (!v)
        srt_query_oom(q, "percentile values");
    for (uint32_t i = 0; i < c->n; i++)
        v[i] = cell_double(&c->cells[2 * i]);
    *out = srt_percentile(v, c->n, p, how);
    return 0;
}

/* ==== mode ====
** Spark 3.5's Mode (aggregate/Mode.scala) counts each non-NULL value in an
** OpenHashMap[AnyRef, Long] and returns buffer.maxBy(_._2): the first value of the largest
** count in the map's iteration order.  The map is an OpenHashSet of the keys: 64 slots to
** begin with, doubled (and rebuilt in slot order) when the size passes 0.7 of them, home slot
** Guava's murmur3_32().hashInt(key.hashCode) & mask, triangular probing (pos + 1, + 2, ...),
** keys the same when Java's equals says so (a Double by its doubleToLongBits: every NaN one
** key, -0.0 and 0.0 two), iteration in slot order.  The values are kept as collect_list keeps
** them and put into such a table in order of arrival.  Spark's final map is filled by its
** stages (partial, merge, state) in their maps' slot orders: a key's slot is its home slot
** unless it collides, so the result is Spark's unless tied keys collide with other keys, when
** which of them Spark meets first cannot be reproduced here without replaying every stage.
*/

/* Java's equals of boxed elements i and j. */
static int java_equals(const Elems *e, uint32_t i, uint32_t j)
{
    const uint64_t *a = e->cells + 2u * i, *b = e->cells + 2u * j;
    if (e->elem == SRT_COLLECT_FLOAT || e->elem == SRT_COLLECT_DOUBLE) {
        double x = cell_double(a), y = cell_double(b);
        return (x != x && y != y) || a[0] == b[0]; /* doubleToLongBits equal */
    }
    if (e->elem == SRT_COLLECT_STRING || e->elem == SRT_COLLECT_NESTED)
        return cell_len(a) == cell_len(b) &&
               memcmp(e->bytes + a[0], e->bytes + b[0], cell_len(a)) == 0;
    return a[0] == b[0] && a[1] == b[1];
}

/* OpenHashSet's slot of element idx in a table of cap slots (element + 1, 0 empty): the slot
   holding an equal key, or the empty one where it goes. */
static uint32_t ohs_slot(const Elems *e, const uint32_t *slot, uint32_t cap, uint32_t idx)
{
    uint32_t mask = cap - 1u, pos = guava_hash_int(elem_hash(e, idx)) & mask, delta = 1;
    while (slot[pos] && !java_equals(e, slot[pos] - 1u, idx)) {
        pos = (pos + delta) & mask;
        delta++;
    }
    return pos;
}

/* OpenHashSet.rehash into a table of cap slots; 0 or -NOMEM. */
static int ohs_alloc(SrtMem *m, uint32_t cap, uint32_t **slot, uint64_t **count)
{
    *slot = srt_mem_alloc(m, cap * sizeof **slot);
    *count = srt_mem_alloc(m, cap * sizeof **count);
    if (!*slot || !*count) {
        srt_mem_free(m, *slot, cap * sizeof **slot);
        srt_mem_free(m, *count, cap * sizeof **count);
        return -SRT_ERR_NOMEM;
    }
    memset(*slot, 0, cap * sizeof **slot);
    return 0;
}

int64_t srt_collect_mode_index(SrtMem *m, const SrtCollect *c, uint32_t kind)
{
    Elems e = elems_of(c, kind);
    uint32_t cap = 64, size = 0, *slot;
    uint64_t *count;
    if (ohs_alloc(m, cap, &slot, &count) < 0)
        return -SRT_ERR_NOMEM;
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t pos = ohs_slot(&e, slot, cap, i);
        if (slot[pos]) {
            count[pos]++;
            continue;
        }
        slot[pos] = i + 1u;
        count[pos] = 1;
        if (++size <= (uint32_t)(0.7 * cap))
            continue;
        uint32_t ncap = cap * 2u, *nslot; /* OpenHashSet.rehash: the old slots in order */
        uint64_t *ncount;
        if (ohs_alloc(m, ncap, &nslot, &ncount) < 0) {
            srt_mem_free(m, slot, cap * sizeof *slot);
            srt_mem_free(m, count, cap * sizeof *count);
            return -SRT_ERR_NOMEM;
        }
        for (uint32_t k = 0; k < cap; k++)
            if (slot[k]) {
                uint32_t p = ohs_slot(&e, nslot, ncap, slot[k] - 1u);
                nslot[p] = slot[k];
                ncount[p] = count[k];
            }
        srt_mem_free(m, slot, cap * sizeof *slot);
        srt_mem_free(m, count, cap * sizeof *count);
        slot = nslot;
        count = ncount;
        cap = ncap;
    }
    int64_t best = -1;
    uint64_t best_n = 0;
    for (uint32_t k = 0; k < cap; k++) /* maxBy: the first of the largest count */
        if (slot[k] && count[k] > best_n) {
            best_n = count[k];
            best = (int64_t)slot[k] - 1;
        }
    srt_mem_free(m, slot, cap * sizeof *slot);
    srt_mem_free(m, count, cap * sizeof *count);
    return best;
}

int32_t srt_collect_mode(SrtQuery *q, const uint8_t *slot, uint32_t kind, int64_t *lo, int64_t *hi,
                         const char **s, uint32_t *n)
{
    SrtCollect *c;
    memcpy(&c, slot, sizeof c);
    *lo = *hi = 0;
    *s = NULL;
    *n = 0;
    if (!c || c->n == 0)
        return 1;
    int64_t i = srt_collect_mode_index(q->mem, c, kind);
    if (i < 0)
        srt_query_oom(q, "mode values");
    const uint64_t *cell = c->cells + 2u * (uint64_t)i;
    if (bytes_kind(kind)) {
        *s = c->bytes + cell[0]; /* valid until a later batch changes the values */
        *n = (uint32_t)cell[1];
    } else {
        *lo = (int64_t)cell[0];
        *hi = (int64_t)cell[1];
    }
    return 0;
}

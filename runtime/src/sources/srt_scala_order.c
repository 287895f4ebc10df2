/* srt_scala_order.c - the iteration orders of the Scala 2.12 hash maps (Spark 3.5's default
** Scala) that show through Spark's Kafka source: the key order of its offsets JSON
** (JsonUtils.partitionOffsets writes scala.collection.mutable.HashMap[String,
** HashMap[Int, Long]]) and the order of a batch's input partitions (the key order of the
** immutable Map[TopicPartition, Long] of end offsets, KafkaOffsetReaderAdmin
** .getOffsetRangesFromResolvedOffsets), which is the order the console sink prints rows in.
**
** mutable.HashMap (scala.collection.mutable.HashTable): 16 buckets at first, doubled when it
** holds more than 3/4 of their number; the bucket of hash h is the top bits of
** rotateRight(byteswap32(h), 4) (the seed, bitCount(15), is never changed); a new entry goes
** to the front of its bucket's chain; a resize moves the old buckets from the last to the
** first, each chain from its front, to the front of the new chains; iteration goes from the
** last bucket to the first, each chain from its front.
**
** immutable.HashMap (a hash trie): a key's place is improve(h) read 5 bits at a time from the
** lowest, so iteration sorts the keys by those 5-bit groups, lowest group first.  Maps of at
** most 4 entries (Map1..Map4) keep their insertion order instead.
**
** Hash codes: java.lang.String.hashCode over the UTF-16 units (Kafka topic names are ASCII),
** an Int's is itself, TopicPartition's 31 * (31 + partition) + topic.hashCode().
*/
#include <stdint.h>
#include <string.h>

#include "srt_int.h"

int32_t srt_java_string_hash(const char *s)
{
    uint32_t h = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = 31u * h + *p;
    return (int32_t)h;
}

int32_t srt_kafka_tp_hash(const char *topic, int32_t part)
{
    uint32_t h = 31u * (31u + (uint32_t)part) + (uint32_t)srt_java_string_hash(topic);
    return (int32_t)h;
}

/* scala.util.hashing.byteswap32 */
static uint32_t byteswap32(uint32_t v)
{
    uint32_t hc = v * 0x9e3775cdu;
    hc = ((hc & 0xffu) << 24) | ((hc & 0xff00u) << 8) | ((hc >> 8) & 0xff00u) | (hc >> 24);
    return hc * 0x9e3775cdu;
}

/* HashTable.index for a table of tlen buckets (a power of two) and seed 4. */
static int mutable_index(int32_t h, int tlen)
{
    uint32_t i = byteswap32((uint32_t)h);
    uint32_t improved = (i >> 4) | (i << 28);
    int bits = 0;
    while ((1 << bits) < tlen)
        bits++;
    return bits ? (int)(improved >> (32 - bits)) : 0;
}

/* Move every entry of head[0..old) to the front of its chain in a table of 2 * old buckets, as
   HashTable.resize; tmp has room for them. */
static void mutable_resize(const int32_t *h, int *head, int *next, int *tmp, int old)
{
    for (int b = 0; b < 2 * old; b++)
        tmp[b] = -1;
    for (int b = old - 1; b >= 0; b--)
        for (int e = head[b], e1; e >= 0; e = e1) {
            int nb = mutable_index(h[e], 2 * old);
            e1 = next[e];
            next[e] = tmp[nb];
            tmp[nb] = e;
        }
    memcpy(head, tmp, sizeof *tmp * (size_t)(2 * old));
}

int srt_scala_mutable_order(SrtMem *mem, const int32_t *h, int n, int *order)
{
    int tlen = 16;
    while (tlen * 750 / 1000 < n)
        tlen *= 2; /* the largest table the inserts reach */
    size_t head_size = sizeof(int) * (size_t)tlen * 2,
           next_size = sizeof(int) * (size_t)(n ? n : 1);
    int *head = srt_mem_alloc(mem, head_size), *next = srt_mem_alloc(mem, next_size);
    if (!head || !next) {
        if (head)
            srt_mem_free(mem, head, head_size);
        if (next)
            srt_mem_free(mem, next, next_size);
        return -1;
    }
    int cur = 16, size = 0;
    for (int b = 0; b < cur; b++)
        head[b] = -1;
    for (int i = 0; i < n; i++) {
        int e = order[i], b = mutable_index(h[e], cur);
        next[e] = head[b];
        head[b] = e;
        if (++size > cur * 750 / 1000) {
            mutable_resize(h, head, next, head + tlen, cur);
            cur *= 2;
        }
    }
    int k = 0;
    for (int b = cur - 1; b >= 0; b--)
        for (int e = head[b]; e >= 0; e = next[e])
            order[k++] = e;
    srt_mem_free(mem, head, head_size);
    srt_mem_free(mem, next, next_size);
    return 0;
}

/* immutable.HashMap.improve (Scala 2.12) */
static uint32_t trie_improve(int32_t hcode)
{
    uint32_t h = (uint32_t)hcode + ~((uint32_t)hcode << 9);
    h ^= h >> 14;
    h += h << 4;
    return h ^ (h >> 10);
}

/* Does the trie put hash a before hash b? */
static int trie_before(uint32_t a, uint32_t b)
{
    for (int level = 0; level < 32; level += 5) {
        uint32_t x = (a >> level) & 0x1f, y = (b >> level) & 0x1f;
        if (x != y)
            return x < y;
    }
    return 0;
}

void srt_scala_immutable_order(const int32_t *h, int n, int *order)
{
    if (n <= 4)
        return;                   /* Map1..Map4: insertion order */
    for (int i = 1; i < n; i++) { /* stable: equal hashes keep their order */
        int e = order[i], j = i;
        while (j > 0 && trie_before(trie_improve(h[e]), trie_improve(h[order[j - 1]]))) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = e;
    }
}

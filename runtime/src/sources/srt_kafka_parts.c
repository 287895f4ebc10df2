/* srt_kafka_parts.c - the input partitions of a Kafka batch as Spark 3.5 plans them, which
** spark_partition_id(), monotonically_increasing_id(), rand and the progress's eventTime
** average show (srt_partition.c, srt_event.c).
**
** KafkaMicroBatchStream.planInputPartitions hands the batch's offset ranges, in the order of
** its input partitions (srt_source_kafka.c's batch_order), to
** KafkaOffsetRangeCalculator.getRanges, which drops the empty ones (size = until - from <= 0,
** taken before any data loss moved a range's ends: the reader does that) and, when
** minPartitions is set and more than the ranges left, splits the large ones:
**   total = the ranges' sizes added up; a range is left whole when
**   getPartCount(size, total, minPartitions) is 1; the others share
**   max(minPartitions - whole ranges, 1) over the size they add up to:
**   getPartCount(size, that size, that share) pieces each, where
**   getPartCount(size, total, n) = max(Math.round(size.toDouble / total * n), 1).
** A range of S offsets in P pieces: piece j takes remaining / (P - j) of what is left, so the
** first P - S % P pieces hold S / P offsets and the last S % P one more; empty pieces (S < P)
** are dropped.  Every piece is an input partition, numbered in that order from 0: a record's
** partition is its offset's piece (offsets, not records: a compacted range keeps its split).
*/
#include <math.h>

#include "srt_int.h"

/* getPartCount: Math.round of the double quotient times n (half up), at least 1. */
static int64_t part_count(int64_t size, int64_t total, int64_t n)
{
    double x = (double)size / (double)total * (double)n;
    double r = floor(x);
    if (x - r >= 0.5)
        r += 1.0;
    return r < 1.0 ? 1 : (int64_t)r;
}

/* The non-empty pieces of a range of size offsets in parts pieces. */
static int64_t pieces(int64_t size, int64_t parts)
{
    return size / parts > 0 ? parts : size;
}

void srt_kafka_parts_plan(SrtKafkaPart *r, int n, int64_t min_parts)
{
    int64_t ranges = 0, total = 0;
    for (int i = 0; i < n; i++)
        if (r[i].until > r[i].from) {
            ranges++;
            total += r[i].until - r[i].from;
        }
    int split = min_parts > 0 && ranges < min_parts;
    int64_t whole = 0, whole_size = 0;
    for (int i = 0; split && i < n; i++) {
        int64_t size = r[i].until - r[i].from;
        if (size > 0 && part_count(size, total, min_parts) == 1) {
            whole++;
            whole_size += size;
        }
    }
    int64_t share = min_parts - whole > 1 ? min_parts - whole : 1, next = 0;
    for (int i = 0; i < n; i++) {
        int64_t size = r[i].until - r[i].from;
        r[i].parts = 0;
        r[i].first = -1;
        if (size <= 0)
            continue;
        r[i].parts = 1;
        if (split && part_count(size, total, min_parts) != 1)
            r[i].parts = part_count(size, total - whole_size, share);
        r[i].first = next > INT32_MAX ? INT32_MAX : (int32_t)next;
        next += pieces(size, r[i].parts);
    }
}

int32_t srt_kafka_part_of(const SrtKafkaPart *r, int64_t offset)
{
    int64_t size = r->until - r->from, d = offset - r->from, p = r->parts;
    if (r->first < 0 || d < 0 || d >= size)
        return r->first < 0 ? 0 : r->first;
    int64_t q = size / p, rest = size % p, short_end = (p - rest) * q;
    int64_t j = d < short_end ? d / q : p - rest + (d - short_end) / (q + 1);
    int64_t at = (int64_t)r->first + (q > 0 ? j : j - (p - rest));
    return at > INT32_MAX ? INT32_MAX : (int32_t)at;
}

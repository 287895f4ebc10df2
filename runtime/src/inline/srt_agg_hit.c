/* srt_agg_hit.c - srt_agg_upsert, the group table's hit path, as an inline helper: generated code
** inlines it with the key's length known (the probe's key compare unrolls), and calls
** srt_agg_find_or_add (srt_agg.c) only for a new group or a group's first update in a batch.
** DROP DUPLICATES' srt_dedup_admit and DISTINCT aggregates' srt_distinct_admit ride on it;
** srt_vlog_put logs a replayed aggregate's value in a parallel task (srt_par.c),
** srt_vlog_put_update an update of an aggregation after DROP DUPLICATES.
*/
#include "srt_hash_int.h"
#include "srt_int.h"
#include "state/srt_agg_int.h"

uint8_t *srt_agg_upsert(SrtAggTable *t, const void *key, uint32_t key_len, uint64_t hash)
{
    /* The hit path inline; everything else through srt_agg_find_or_add. */
    AggSlot *s = probe(t, key, key_len, hash);
    AggEntry *e = s->e;
    if (SRT_LIKELY(e != NULL && e->stamp == t->stamp))
        return entry_state(e);
    uint8_t *state;
    if (SRT_UNLIKELY(srt_agg_find_or_add(t, key, key_len, hash, &state) < 0))
        srt_query_oom(t->owner, "aggregation state");
    return state;
}

uint8_t *srt_agg_upsert_key(SrtAggTable *t, const void *key, uint32_t key_len)
{
    return srt_agg_upsert(t, key, key_len, srt_hash_body(key, key_len));
}

int32_t srt_distinct_admit(SrtQuery *q, SrtAggTable *t, const void *key, uint32_t key_len,
                           uint64_t hash, int32_t set)
{
    int64_t *seen = (int64_t *)(void *)srt_agg_upsert(t, key, key_len, hash);
    if (*seen)
        return 0;
    *seen = (int64_t)set + 1;
    return !q->par_task; /* a task's tuples are applied by the fold, in order */
}

int32_t srt_dedup_admit(SrtQuery *q, SrtAggTable *t, const void *key, uint32_t key_len,
                        uint64_t hash, int64_t evict_us)
{
    /* A parallel task's key is marked with the row it starts at (+ 1), or where its row's
       updates start in the update log (srt_vlog_put_update), for the fold. */
    uint8_t *state = srt_agg_upsert(t, key, key_len, hash);
    if (SRT_LIKELY(!q->par_task))
        return srt_dedup_mark(state, evict_us, 1);
    size_t at = q->def->update_log ? q->vlog.len : q->n_rows;
    return srt_dedup_mark(state, evict_us, (int64_t)at + 1);
}

int32_t srt_query_logs_values(SrtQuery *q)
{
    return q->par_task;
}

/* Room for a value of n bytes of aggregate agg in task group `group`, after its tag. */
static inline void *vlog_entry(SrtQuery *q, uint32_t group, uint32_t agg, uint32_t n)
{
    SrtValueLog *l = &q->vlog;
    size_t need = 8u + n;
    uint8_t *p = SRT_LIKELY(l->cap - l->len >= need) ? l->p + l->len : srt_vlog_grow(q, need);
    if (SRT_UNLIKELY(!p))
        srt_query_oom(q, "parallel task");
    uint32_t head[2] = {group, agg};
    memcpy(p, head, sizeof head);
    l->len += need;
    return p + 8;
}

void *srt_vlog_put(SrtQuery *q, const uint8_t *state, uint32_t agg, uint32_t n)
{
    /* The task group is the entry's insertion number: a task's table starts empty. */
    const AggEntry *e = (const AggEntry *)(const void *)(state - sizeof(AggEntry));
    return vlog_entry(q, (uint32_t)e->seq, agg, n);
}

void *srt_vlog_put_row(SrtQuery *q, uint32_t agg, uint32_t n)
{
    return vlog_entry(q, q->vlog.row, agg, n);
}

void srt_vlog_put_update(SrtQuery *q, const void *bytes, uint32_t len)
{
    memcpy(vlog_entry(q, len, 0, (len + 7u) & ~7u), bytes, len);
}

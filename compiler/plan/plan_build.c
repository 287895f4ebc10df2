/* plan_build.c - bound queries to logical and physical plans (pipelines, key and state layouts).
**
** A query is a chain of SELECT blocks (subqueries nest through FROM).  In a
** stream at most one block aggregates; a batch query's further ones are levels
** above it (plan_levels.c).  The blocks below the first are fused into the
** per-record pipeline; the blocks above it run per group when a batch is
** written.  Without an aggregate, every block runs per record.
** A block reading a UNION ALL splits the per-record part into branches
** (PBranch): each branch's own blocks, then the shared ones from the union up.
*/
#include "plan/plan.h"

#include <string.h>

/* ==== Layouts ==== */

/* A struct key whose fields are all scalars keeps them in fixed slots (its layout in
   existing checkpoints); one holding a string, a struct or an array, and an array, is kept
   as its canonical bytes (srt_key_nested). */
static bool key_nested(const Type *t)
{
    if (t->kind == TY_ARRAY)
        return true;
    for (int f = 0; t->kind == TY_STRUCT && f < t->n_fields; f++)
        if (type_is_bytes(t->fields[f].type) || type_is_nested(t->fields[f].type))
            return true;
    return false;
}

bool plan_key_slot_var(const PKeySlot *s)
{
    return s->nested || type_is_bytes(s->type);
}

/* Is t one of type_window_of's singletons, window()'s STRUCT<start, end>? */
static bool is_window_type(const Type *t)
{
    return t->kind == TY_STRUCT && t->n_fields > 0 && t == type_window_of(t->fields[0].type);
}

/* The key bytes of n values of these types; exact: every value as it is (plan_layout_values). */
static void layout(Arena *arena, PKeyLayout *k, const Type *const *types, int n, bool exact)
{
    k->n = n;
    k->slots = ARENA_NEW_N(arena, PKeySlot, n ? n : 1);
    k->keep_neg_zero = exact;
    /* One null byte per key, then one per field of a struct key of scalars whose fields may be
       NULL: every such struct but a window, one of type_window_of's singletons (whose bounds
       never are; its keys keep the layout they have in existing checkpoints). */
    k->null_bytes = (uint32_t)n;
    for (int i = 0; i < n; i++) {
        bool window = is_window_type(types[i]);
        k->slots[i].nested =
            key_nested(types[i]) ||
            (exact && ((types[i]->kind == TY_STRUCT && !window) || types[i]->kind == TY_MAP));
        if (types[i]->kind == TY_STRUCT && !window && !k->slots[i].nested) {
            k->slots[i].field_nulls = k->null_bytes;
            k->null_bytes += (uint32_t)types[i]->n_fields;
        }
    }
    uint32_t off = (k->null_bytes + 7u) & ~7u;
    for (int i = 0; i < n; i++) {
        const Type *t = types[i];
        PKeySlot *slot = &k->slots[i];
        slot->type = t;
        slot->offset = off;
        if (t->kind == TY_STRUCT && !slot->nested)
            slot->size = 8u * (uint32_t)t->n_fields; /* window, or a struct of scalars */
        else if (t->kind == TY_DECIMAL)
            slot->size = 16;                         /* the 128-bit unscaled value */
        else
            slot->size = 8;                          /* scalars; STRING, nested: u64 length */
        if (plan_key_slot_var(slot))
            k->has_strings = true;
        off += slot->size;
    }
    k->fixed_size = off;
}

void plan_layout_key(Arena *arena, PKeyLayout *k, const Type *const *types, int n)
{
    layout(arena, k, types, n, false);
}

void plan_layout_values(Arena *arena, PKeyLayout *k, const Type *const *types, int n)
{
    layout(arena, k, types, n, true);
}

void plan_layout_state(Arena *arena, PQuery *pq)
{
    const SSelect *s = pq->agg;
    pq->agg_slots = ARENA_NEW_N(arena, PAggSlot, s->n_agg ? s->n_agg : 1);
    uint32_t off = 0;
    for (int i = 0; i < s->n_agg; i++) {
        pq->agg_slots[i].agg = &s->aggs[i];
        pq->agg_slots[i].offset = off;
        off += plan_agg_state_size(&s->aggs[i]);
    }
    pq->state_size = off ? off : 16;
}

/* ==== Result columns and ORDER BY ==== */

static void plan_columns(Arena *arena, PQuery *pq)
{
    const SSelect *top = pq->top;
    int cap = top->n_out + top->n_order;
    pq->columns = ARENA_NEW_N(arena, PColumn, cap ? cap : 1);
    int *key = ARENA_NEW_N(arena, int, cap ? cap : 1);
    const SSelect *agg = sema_result_keys(top, key);
    int covered = 0;
    for (int g = 0; agg && g < agg->n_group; g++)
        for (int i = 0; i < top->n_out; i++)
            if (key[i] == g) {
                covered++;
                break;
            }
    for (int i = 0; i < top->n_out; i++) {
        PColumn *c = &pq->columns[pq->n_columns++];
        c->name = top->out[i].name;
        c->type = top->out[i].expr->type;
        c->expr = top->out[i].expr;
        c->key = agg && agg->n_group > 0 && covered == agg->n_group && key[i] >= 0;
    }
    pq->order = ARENA_NEW_N(arena, POrder, top->n_order ? top->n_order : 1);
    for (int i = 0; i < top->n_order; i++) {
        const SOrder *o = &top->order[i];
        int col = -1;
        for (int j = 0; j < pq->n_columns && col < 0; j++)
            if (sema_expr_equal(pq->columns[j].expr, o->expr))
                col = j;
        if (col < 0) {
            col = pq->n_columns++;
            PColumn *c = &pq->columns[col];
            c->name = arena_sprintf(arena, "__order%d", i);
            c->type = o->expr->type;
            c->expr = o->expr;
            c->hidden = true;
        }
        POrder *po = &pq->order[pq->n_order++];
        po->column = col;
        po->desc = o->desc;
        po->nulls_first = o->nulls_first;
    }
}

/* ==== Logical plan ==== */

static LPlan *lp_new(Arena *arena, LPlanKind kind, LPlan *child, const SSelect *s, SrcSpan span)
{
    LPlan *p = ARENA_NEW(arena, LPlan);
    p->kind = kind;
    p->child = child;
    p->select = s;
    p->span = span;
    return p;
}

static LPlan *lp_block(Arena *arena, const SSelect *s);

/* Union of the branches' plans (Spark's Union, by position). */
static LPlan *lp_union(Arena *arena, const SSelect *s)
{
    LPlan *u = lp_new(arena, LP_UNION, NULL, s, s->span);
    u->inputs = ARENA_NEW_N(arena, LPlan *, s->n_branches);
    u->n_inputs = s->n_branches;
    for (int i = 0; i < s->n_branches; i++)
        u->inputs[i] = lp_block(arena, s->branches[i]);
    return u;
}

/* The rows a block reads: its source, its subquery, a union, or a join of one of them with
   the build side. */
static LPlan *lp_input(Arena *arena, const SSelect *s)
{
    LPlan *p = s->n_branches ? lp_union(arena, s)
               : s->sub      ? lp_block(arena, s->sub)
                             : lp_new(arena, LP_SCAN, NULL, s, s->span);
    if (!s->join)
        return p;
    const SJoin *j = s->join;
    LPlan *b = lp_block(arena, j->streams ? j->sides[1] : j->build->select);
    LPlan *join = lp_new(arena, LP_JOIN, j->probe_left ? p : b, s, j->span);
    join->right = j->probe_left ? b : p;
    return join;
}

static LPlan *lp_block(Arena *arena, const SSelect *s)
{
    LPlan *p = lp_input(arena, s);
    if (s->where)
        p = lp_new(arena, LP_FILTER, p, s, s->where->span);
    if (s->has_agg)
        p = lp_new(arena, LP_AGGREGATE, p, s, s->span);
    else
        p = lp_new(arena, LP_PROJECT, p, s, s->span);
    if (s->n_order)
        p = lp_new(arena, LP_SORT, p, s, s->order[0].span);
    return p;
}

/* The key of a streaming global limit's one state row: Spark's struct<key: void>, the NULL
   key (one null byte, set). */
static const PKeyLayout limit_key = {NULL, 0, 1, 8, false, false};

/* The stateful operators in pipeline order: per block, innermost first, its stream-stream
   join (whose rows are the block's input), its DROP DUPLICATES (which runs after its WHERE)
   and then its aggregation (a streaming global limit at the end of a block below other
   operators, SQuery.row_limit_block, comes before it); last a streaming global limit over
   the query's rows (sema_stream.c's stream_limit). */
static void plan_operators(Arena *arena, PQuery *pq, const SSelect **chain, int depth)
{
    pq->ops = ARENA_NEW_N(arena, PStatefulOp, 4 * depth + 1);
    for (int i = 0; i < depth; i++) {
        if (chain[i] == pq->ssjoin_block)
            pq->ops[pq->n_ops++] =
                (PStatefulOp){POP_SSJOIN, PSTATE_SSJOIN, NULL, chain[i], &pq->ssjoin_key, 0};
        const PDedup *dd = plan_dedup_of(pq, chain[i]);
        if (dd)
            pq->ops[pq->n_ops++] =
                (PStatefulOp){POP_DEDUPLICATE, dd->op, NULL, chain[i], &dd->key, 0};
        if (chain[i] == pq->query->row_limit_block)
            pq->ops[pq->n_ops++] =
                (PStatefulOp){POP_GLOBAL_LIMIT, PSTATE_LIMIT, NULL, chain[i], &limit_key, 8};
        if (chain[i] == pq->agg)
            pq->ops[pq->n_ops++] = (PStatefulOp){pq->session ? POP_SESSION_WINDOW : POP_AGGREGATE,
                                                 PSTATE_AGG, pq, chain[i], &pq->key, pq->state_size};
        for (const PQuery *lv = pq; lv->next; lv = lv->next)
            if (chain[i] == lv->next->agg)
                pq->ops[pq->n_ops++] = (PStatefulOp){POP_AGGREGATE, lv->next_op, lv->next, chain[i],
                                                     &lv->next->key, lv->next->state_size};
    }
    if (pq->query->limit_stateful)
        pq->ops[pq->n_ops++] =
            (PStatefulOp){POP_GLOBAL_LIMIT, PSTATE_LIMIT, NULL, chain[depth - 1], &limit_key, 8};
}

const PDedup *plan_dedup_of(const PQuery *pq, const SSelect *s)
{
    for (int i = 0; i < pq->n_dedups; i++)
        if (pq->dedups[i].block == s)
            return &pq->dedups[i];
    return NULL;
}

/* ==== Joins ==== */

static PQuery *plan_query(Arena *arena, Diag *diag, const SQuery *q, PProgram *pp, const char *name);

/* The columns of s's join raw space that are read: by the block, by the join's condition
   and by its keys (a build side's keys are computed from its rows). */
static bool *join_raw_needed(Arena *arena, const SSelect *s)
{
    bool *in = ARENA_NEW_N(arena, bool, s->input.n + 1);
    sema_block_reads(s, NULL, true, in);
    return sema_join_raw_reads(arena, s->join, in);
}

/* join_raw_needed of a stream-stream join's block, with its sides' own conditions. */
static bool *ssjoin_raw_needed(Arena *arena, const SSelect *s)
{
    const SJoin *j = s->join;
    bool *raw = join_raw_needed(arena, s);
    sema_expr_columns(j->side_cond[0], raw, j->n_left + j->n_right);
    sema_expr_columns(j->side_cond[1], raw, j->n_left + j->n_right);
    return raw;
}

/* The source columns the innermost block reads when its FROM is a join: what it needs of the
   join's probe side. */
static void mark_join_block(Arena *arena, const SSelect *s, bool *needed, int n)
{
    const SJoin *j = s->join;
    bool *raw = join_raw_needed(arena, s);
    int base = j->probe_left ? 0 : j->n_left;
    for (int c = 0; c < n; c++)
        needed[c] = raw[base + c];
}

/* The build side's query with only the columns the join reads (at least one), and where each
   build column went (pj->build_col, -1: not kept). */
static SQuery *pruned_build(Arena *arena, PJoin *pj)
{
    const SJoin *j = pj->join;
    const SSelect *top = j->build->select;
    bool *raw = join_raw_needed(arena, pj->block);
    int base = j->probe_left ? j->n_left : 0;
    pj->build_col = ARENA_NEW_N(arena, int, top->n_out + 1);
    SSelect *s = ARENA_NEW(arena, SSelect);
    *s = *top;
    s->out = ARENA_NEW_N(arena, SOutCol, top->n_out + 1);
    s->output.cols = ARENA_NEW_N(arena, SColumn, top->n_out + 1);
    s->n_out = 0;
    for (int c = 0; c < top->n_out; c++) {
        pj->build_col[c] = -1;
        if (!raw[base + c] && !(c == top->n_out - 1 && s->n_out == 0))
            continue;
        pj->build_col[c] = s->n_out;
        s->out[s->n_out] = top->out[c];
        s->output.cols[s->n_out++] = top->output.cols[c];
    }
    s->output.n = s->n_out;
    SQuery *q = ARENA_NEW(arena, SQuery);
    *q = *j->build;
    q->select = s;
    return q;
}

/* Plan the joins of the per-record blocks chain[0..n): each build side becomes a query. */
static bool plan_joins(Arena *arena, Diag *diag, PQuery *pq, const SSelect **chain, int n, PProgram *pp)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += chain[i]->join != NULL;
    pq->joins = ARENA_NEW_N(arena, PJoin, count ? count : 1);
    for (int i = 0; i < n; i++) {
        const SJoin *j = plan_join_of(pq, chain[i]);
        if (!j || j->streams)
            continue;
        PJoin *pj = &pq->joins[pq->n_joins];
        pj->join = j;
        pj->block = chain[i];
        pj->id = pq->n_joins++;
        const Type **types = ARENA_NEW_N(arena, const Type *, j->n_keys + 1);
        for (int k = 0; k < j->n_keys; k++)
            types[k] = j->probe_keys[k]->type;
        plan_layout_key(arena, &pj->key, types, j->n_keys);
        pj->build = plan_query(arena, diag, pruned_build(arena, pj), pp,
                               arena_sprintf(arena, "%s:join%d", pq->name, pj->id));
        if (!pj->build)
            return false;
    }
    return true;
}

/* ==== Branches (UNION ALL) ==== */

/* The blocks of s's chain of FROM subqueries, innermost first, into out (when not NULL);
   returns how many there are. */
static int chain_of(const SSelect *s, const SSelect **out)
{
    int n = 0;
    for (const SSelect *t = s; t; t = t->sub)
        n++;
    int k = n;
    for (const SSelect *t = s; out && t; t = t->sub)
        out[--k] = t;
    return n;
}

/* What sluice does not run in a UNION branch (or a side of a stream-stream join: join_side)
   yet: a stateful block (each branch would need its own state), another union or stream-stream
   join.  Reported at the first such block of blocks[0..n). */
static bool branch_supported(Diag *diag, const SSelect **blocks, int n, bool join_side)
{
    for (int i = 0; i < n; i++) {
        const SSelect *s = blocks[i];
        if (s->join && s->join->streams) {
            diag_error(diag, s->join->span,
                       "a stream-stream join inside a UNION branch or a side of another "
                       "stream-stream join is not supported yet");
            return false;
        }
        if (s->n_branches) {
            diag_error(diag, s->span,
                       "a UNION inside a branch of another UNION is not supported yet (as `a "
                       "UNION b UNION ALL c` is); write the UNION ALL branches first");
            return false;
        }
        const char *what = s->has_agg ? "an aggregation" : s->dedup ? "DROP DUPLICATES" : NULL;
        if (what) {
            if (join_side)
                diag_error(diag, s->span,
                           "%s on a side of a stream-stream join is not supported yet", what);
            else
                diag_error(diag, s->span,
                           "%s inside a branch of a UNION is not supported yet; write it over the "
                           "union (SELECT ... FROM (... UNION ALL ...) ...)",
                           what);
            return false;
        }
    }
    return true;
}

/* A side of a stream-stream join (join, the block after the branch's own) that passes its
   source's columns on unchanged: only the columns the join's block reads are read (the others
   are NULL in the state too).  false when it is not such a side. */
static bool mark_ssjoin_side(Arena *arena, PBranch *br, const SSelect *join)
{
    const SSelect *s = br->pre[0];
    if (!join || !join->join || !join->join->streams || br->n_pre < 2 || br->pre[1] != join ||
        !s->source || s->where || s->dedup || s->gen >= 0 || s->has_agg || s->n_out != s->input.n)
        return false;
    for (int c = 0; c < s->n_out; c++)
        if (s->out[c].expr->kind != SX_COLUMN || s->out[c].expr->u.column != c)
            return false;
    const SJoin *j = join->join;
    int side = s == j->sides[0] ? 0 : s == j->sides[1] ? 1 : -1;
    if (side < 0)
        return false;
    bool *raw = ssjoin_raw_needed(arena, join);
    int base = side ? j->n_left : 0;
    for (int c = 0; c < br->n_needed; c++)
        br->needed[c] = raw[base + c] || c == j->wm_col[side];
    return true;
}

/* Branch b: its source, the columns it reads and its per-record blocks (its own chain, then
   the blocks from the union up to the aggregation, shared[0..n_shared)). */
static bool plan_branch_of(Arena *arena, Diag *diag, const SQuery *q, PBranch *br,
                           const SSelect *head, const SSelect **shared, int n_shared)
{
    int n = chain_of(head, NULL);
    br->pre = ARENA_NEW_N(arena, const SSelect *, n + n_shared);
    chain_of(head, br->pre);
    if (n_shared > 0)
        memcpy(br->pre + n, shared, sizeof *shared * (size_t)n_shared);
    br->n_pre = n + n_shared;
    br->source = br->pre[0]->source;
    if (!br->source) {
        diag_error(diag, q->span, "query '%s' reads no streaming source", q->name);
        return false;
    }
    const SWatermark *w = br->source->watermark;
    br->watermark_col = w ? w->column : -1;
    br->watermark_delay_us = w ? w->delay_us : 0;
    br->n_needed = br->source->schema.n;
    br->needed = ARENA_NEW_N(arena, bool, br->n_needed ? br->n_needed : 1);
    if (br->pre[0]->join)
        mark_join_block(arena, br->pre[0], br->needed, br->n_needed);
    else if (!mark_ssjoin_side(arena, br, n_shared ? shared[0] : NULL))
        sema_block_reads(br->pre[0], NULL, true, br->needed); /* its input: the source's */
    if (br->watermark_col >= 0)
        br->needed[br->watermark_col] = true; /* its event times drive the watermark */
    /* JsonFileFormat/CSVFileFormat.buildReader refuse a scan whose required columns are the
       corrupt-record column alone. */
    int corrupt = sema_corrupt_column(br->source), n_read = 0;
    for (int c = 0; c < br->n_needed; c++)
        n_read += br->needed[c];
    if (corrupt >= 0 && br->needed[corrupt] && n_read == 1) {
        diag_error(diag, q->span, "%s", sema_corrupt_only_msg);
        return false;
    }
    return true;
}

/* The branches a block reads: a UNION ALL's, or a stream-stream join's two sides; 0 if none. */
static int branch_count(const SSelect *s)
{
    return s->join && s->join->streams ? 2 : s->n_branches;
}

static const SSelect *branch_head(const SSelect *s, int b)
{
    return s->join && s->join->streams ? s->join->sides[b] : s->branches[b];
}

/* The query's branches: one per branch of its UNION ALL or side of its stream-stream join
   (chain[u]), else its one source.  chain[0..n_pre) are the per-record blocks of branch 0. */
static bool plan_branches(Arena *arena, Diag *diag, PQuery *pq, const SSelect **chain, int depth)
{
    int u = -1;
    for (int i = depth - 1; i >= 0 && u < 0; i--)
        if (branch_count(chain[i]))
            u = i;
    const SSelect *top = u >= 0 ? chain[u] : NULL;
    int n = top ? branch_count(top) : 1;
    bool join_side = top && top->join && top->join->streams;
    if (top && !branch_supported(diag, chain, u, join_side))
        return false;
    for (int b = 1; b < n; b++) {
        const SSelect **blocks =
            ARENA_NEW_N(arena, const SSelect *, chain_of(branch_head(top, b), NULL));
        if (!branch_supported(diag, blocks, chain_of(branch_head(top, b), blocks), join_side))
            return false;
    }
    pq->branches = ARENA_NEW_N(arena, PBranch, n);
    pq->n_branches = n;
    for (int b = 0; b < n; b++) {
        PBranch *br = &pq->branches[b];
        bool ok = top ? plan_branch_of(arena, diag, pq->query, br, branch_head(top, b), chain + u,
                                       pq->n_pre - u)
                      : plan_branch_of(arena, diag, pq->query, br, pq->query->select, NULL, 0);
        if (!ok)
            return false;
        br->side = top && top->join && top->join->streams ? b : -1;
        if (!top)
            br->n_pre = pq->n_pre; /* the chain up to the aggregation */
    }
    return true;
}

PQuery plan_branch(const PQuery *pq, int b)
{
    PQuery v = *pq;
    const PBranch *br = &pq->branches[b];
    v.source = br->source;
    v.needed = br->needed;
    v.n_needed = br->n_needed;
    v.pre = br->pre;
    v.n_pre = br->n_pre;
    v.watermark_col = br->watermark_col;
    v.watermark_delay_us = br->watermark_delay_us;
    v.pushdown = &br->pushdown;
    v.branch = b;
    return v;
}

/* ==== Driver ==== */

void plan_find_event_key(PQuery *lv)
{
    lv->event_key = -1;
    for (int i = 0; i < lv->agg->n_group && lv->event_key < 0; i++) {
        const SExpr *g = lv->agg->group[i];
        if (!sema_is_event_time(lv->agg, g))
            continue;
        lv->event_key = i;
        /* a window's end (a window() key, or a window column of the level below), else the
           time itself */
        lv->event_key_offset = lv->key.slots[i].offset + (g->type->kind == TY_STRUCT ? 8u : 0u);
    }
}

bool plan_ssjoin_storable(const Type *t)
{
    if (t->kind == TY_STRUCT) {
        for (int f = 0; f < t->n_fields; f++)
            if (type_is_bytes(t->fields[f].type) || t->fields[f].type->kind == TY_STRUCT ||
                type_is_nested(t->fields[f].type))
                return false;
        return true;
    }
    return !type_is_nested(t) && t->kind != TY_ARRAY;
}

static PQuery *plan_query(Arena *arena, Diag *diag, const SQuery *q, PProgram *pp, const char *name)
{
    PQuery *pq = ARENA_NEW(arena, PQuery);
    pq->query = q;
    pq->name = name;
    pq->top = q->select;

    /* Collect the chain innermost first (through the first branch of a UNION ALL). */
    int depth = chain_of(q->select, NULL);
    const SSelect **chain = ARENA_NEW_N(arena, const SSelect *, depth);
    chain_of(q->select, chain);
    pq->source = chain[0]->source;
    if (!pq->source) {
        diag_error(diag, q->span, "query '%s' reads no streaming source", name);
        return NULL;
    }
    plan_optimize_joins(arena, pq, chain, depth);

    int agg_at = -1; /* the first aggregation; those above it are levels (plan_levels.c) */
    for (int i = 0; i < depth && agg_at < 0; i++)
        if (chain[i]->has_agg)
            agg_at = i;
    pq->watermark_col = pq->source->watermark ? pq->source->watermark->column : -1;
    pq->watermark_delay_us = pq->source->watermark ? pq->source->watermark->delay_us : 0;
    pq->event_key = -1;
    for (int i = agg_at + 1; agg_at >= 0 && i < depth; i++)
        if (chain[i]->join) {
            diag_error(diag, chain[i]->join->span,
                       "a join after an aggregation is not supported yet; join before it");
            return NULL;
        }
    int n_pre = agg_at >= 0 ? agg_at : depth;
    pq->pre = chain;
    pq->n_pre = n_pre;
    if (agg_at >= 0) {
        pq->agg = chain[agg_at];
        pq->post = chain + agg_at + 1;
        pq->n_post = depth - agg_at - 1;
        const Type **types = ARENA_NEW_N(arena, const Type *, pq->agg->n_group + 1);
        for (int i = 0; i < pq->agg->n_group; i++)
            types[i] = pq->agg->group[i]->type;
        plan_layout_key(arena, &pq->key, types, pq->agg->n_group);
        plan_layout_state(arena, pq);
        if (!plan_distinct(arena, diag, pq, 0))
            return NULL;
        plan_find_event_key(pq);
        if (pq->agg->window_group >= 0 && pq->agg->group[pq->agg->window_group]->u.window.session) {
            /* Merging sessions combines states: a STRING or BINARY value, or a nested one's
               bytes, is kept by the session table (srt_sessions_set_string_slots), and so are
               the values of collect_list, collect_set, percentile and mode, percentile_approx's
               digest and histogram_numeric's bins (srt_sessions_set_collect_slots). */
            pq->session = true;
        } else if (pq->agg->window_group >= 0) {
            const SExpr *w = pq->agg->group[pq->agg->window_group];
            pq->window_n = sema_window_count(w);
        }
    }

    pq->dedups = ARENA_NEW_N(arena, PDedup, depth);
    for (int i = 0; i < depth; i++) {
        const SDedup *d = chain[i]->dedup;
        if (!d)
            continue;
        PDedup *pd = &pq->dedups[pq->n_dedups];
        pd->block = chain[i];
        /* Spark numbers its operators as IncrementalExecution's state rule meets them (its
           state in state/<opId>/<partition>); the first keeps sluice's fixed number, so a
           checkpoint of a query with one restarts. */
        pd->op = pq->n_dedups ? PSTATE_DEDUP_MORE + pq->n_dedups - 1 : PSTATE_DEDUP;
        pq->n_dedups++;
        const Type **types = ARENA_NEW_N(arena, const Type *, d->n + 1);
        for (int c = 0; c < d->n; c++)
            types[c] = chain[i]->input.cols[d->cols[c]].type;
        plan_layout_key(arena, &pd->key, types, d->n);
        /* Spark 3.5 keys a stream's dropDuplicates by the columns as they are
           (StreamingDeduplicateExec: GenerateUnsafeProjection of keyExpressions, the child's
           attributes; NormalizeFloatingNumbers rewrites only grouping, join and window
           partition keys), so -0.0 and 0.0 are two keys there (NaN read from input is always
           Double.NaN); a batch query's becomes an Aggregate (ReplaceDeduplicateWithAggregate),
           whose keys are normalised. */
        pd->key.keep_neg_zero = !pq->query->batch;
    }

    for (int i = 0; i < depth; i++) {
        const SJoin *j = chain[i]->join;
        if (!j || !j->streams)
            continue;
        pq->ssjoin_block = chain[i];
        /* a column the state cannot keep is kept as NULL (cg_ssjoin_row) when nothing reads it */
        bool *raw = ssjoin_raw_needed(arena, chain[i]);
        for (int side = 0; side < 2; side++) {
            const SSchema *cols = &j->sides[side]->output;
            for (int c = 0; c < cols->n; c++)
                if (raw[(side ? j->n_left : 0) + c] && !plan_ssjoin_storable(cols->cols[c].type)) {
                    diag_error(diag, j->span,
                               "a column of type %s (`%s`) on a side of a stream-stream join is "
                               "not supported yet",
                               type_name(arena, cols->cols[c].type), cols->cols[c].name);
                    return NULL;
                }
        }
        const Type **types = ARENA_NEW_N(arena, const Type *, j->n_keys + 1);
        for (int k = 0; k < j->n_keys; k++)
            types[k] = j->probe_keys[k]->type;
        plan_layout_key(arena, &pq->ssjoin_key, types, j->n_keys);
    }

    if (agg_at >= 0 && !plan_agg_levels(arena, diag, pq, chain, depth, agg_at))
        return NULL;
    plan_operators(arena, pq, chain, depth);

    if (!plan_branches(arena, diag, pq, chain, depth))
        return NULL;
    pq->needed = pq->branches[0].needed;
    pq->n_needed = pq->branches[0].n_needed;

    plan_columns(arena, pq);
    /* The per-record blocks of every branch (the shared ones once), and the aggregating one. */
    int n_rec = 1;
    for (int b = 0; b < pq->n_branches; b++)
        n_rec += pq->branches[b].n_pre;
    const SSelect **rec = ARENA_NEW_N(arena, const SSelect *, n_rec);
    int n = 0;
    for (int b = 0; b < pq->n_branches; b++)
        for (int i = 0; i < pq->branches[b].n_pre; i++) {
            const SSelect *s = pq->branches[b].pre[i];
            bool seen = false;
            for (int k = 0; k < n && !seen; k++)
                seen = rec[k] == s;
            if (!seen)
                rec[n++] = s;
        }
    if (pq->agg)
        rec[n++] = pq->agg;
    plan_optimize_joins(arena, pq, rec, n); /* the other branches' blocks */
    if (!plan_joins(arena, diag, pq, rec, n, pp))
        return NULL;
    plan_pushdown(arena, pq);
    pq->serial = plan_serial_reason(arena, pq);
    pq->index = pp->n_queries;
    pp->queries[pp->n_queries++] = pq;

    LPlan *lp = lp_block(arena, q->select);
    LPlan *sink = lp_new(arena, LP_SINK, lp, q->select, q->span);
    sink->query = q;
    pq->logical = sink;
    return pq;
}

/* The build queries below a block (each join's, and theirs). */
static int count_builds(const SSelect *s)
{
    int n = 0;
    for (; s; s = s->sub)
        if (s->join && !s->join->streams)
            n += 1 + count_builds(s->join->build->select);
    return n;
}

PProgram *plan_build(Arena *arena, Diag *diag, const SProgram *prog)
{
    PProgram *pp = ARENA_NEW(arena, PProgram);
    pp->sema = prog;
    int n = 0;
    for (int i = 0; i < prog->n_queries; i++)
        n += 1 + count_builds(prog->queries[i]->select);
    pp->queries = ARENA_NEW_N(arena, PQuery *, n ? n : 1);
    for (int i = 0; i < prog->n_queries; i++)
        plan_query(arena, diag, prog->queries[i], pp, prog->queries[i]->name);
    return diag_errors(diag) ? NULL : pp;
}

/* plan_pushdown.c - where each conjunct of a query's filters is tested: Spark's predicate pushdown.
**
** Spark's optimizer moves a Filter down (PushPredicateThroughNonJoin, Spark 3.5
** Optimizer.scala): over a Project whose fields are deterministic, the whole condition, its
** aliases replaced by what they stand for (case Filter over Project, canPushThroughCondition
** only refuses subqueries, which a streaming filter has not); over a Union, its deterministic
** conjuncts into every branch, over the branch's columns (case Filter over Union; the
** branch's Project of WidenSetOperationTypes' casts, when the union widens a type, is a
** Project like any other); over an Aggregate, its deterministic conjuncts that read grouping
** keys only (case Filter over Aggregate, not with grouping sets); and over EventTimeWatermark,
** its conjuncts that are deterministic and do not read the event time (case Filter over
** EventTimeWatermark), so the rows they drop never reach EventTimeWatermarkExec's
** statistics: neither the progress' eventTime nor the watermark sees them.
**
** A sluice block filters (its WHERE), then projects: the chain of a branch's blocks from the
** source up is followed while the block below only filters and projects deterministic values
** (no window, generator, DROP DUPLICATES, join or aggregate) and the block above does not
** join (PushPredicateThroughJoin would first have to move the filter).  Of those blocks'
** WHERE conjuncts, and the aggregation's HAVING conjuncts on keys when the chain reaches it,
** the ones that read no column computed from the event time go below the watermark; the
** others are tested in their block.  A HAVING conjunct on keys is always tested before the
** aggregation too.  Codegen tests each conjunct where its PPred says (cg_pipeline.c).
** Must not: know about LLVM or the runtime.
*/
#include "plan/plan.h"

#include <string.h>

/* Does s only filter and project deterministic values (case Filter over Project:
   fields.forall(_.deterministic)), so that a Filter over its rows moves below it? */
static bool passes_filter(const SSelect *s)
{
    if (s->window || s->gen >= 0 || s->dedup || s->join || s->has_agg)
        return false;
    for (int i = 0; i < s->n_out; i++)
        if (!sema_is_deterministic(s->out[i].expr))
            return false;
    return true;
}

/* Does s join (a stream-static or a stream-stream join)? */
static bool block_joins(const PQuery *pq, const SSelect *s)
{
    if (s == pq->ssjoin_block || s->join)
        return true;
    for (int k = 0; k < pq->n_joins; k++)
        if (pq->joins[k].block == s)
            return true;
    return false;
}

int plan_pushdown_at(const PPushdown *pd, const SSelect *s)
{
    for (int j = 0; j < pd->n_blocks; j++)
        if (pd->blocks[j] == s)
            return j;
    return -1;
}

/* Does HAVING conjunct c of aggregating block a read grouping keys only (marked in keys; any
   set when it reads one): no aggregate, not the window? */
static bool reads_keys_only(const SSelect *a, const SExpr *c, bool *keys, bool *any)
{
    if (c->kind == SX_AGG_REF || c->kind == SX_COLUMN)
        return false;
    if (c->kind == SX_GROUP_REF) {
        if (c->u.ref >= a->n_group || c->u.ref == a->window_group)
            return false;
        keys[c->u.ref] = *any = true;
        return true;
    }
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand((SExpr *)c, i)) != NULL; i++)
        if (*op && !reads_keys_only(a, *op, keys, any))
            return false;
    return true;
}

/* The chain of blocks a branch's filters move down (PPushdown.blocks) and, per block, which
   of its input columns are computed from the event time (wm[j]). */
typedef struct Chain {
    const SSelect **blocks;
    bool **wm;
    int n;
} Chain;

static Chain chain_of_filters(Arena *arena, const PQuery *pq, const PBranch *br)
{
    Chain c = {ARENA_NEW_N(arena, const SSelect *, br->n_pre + 2),
               ARENA_NEW_N(arena, bool *, br->n_pre + 2), 0};
    const SSelect *first = br->n_pre ? br->pre[0] : pq->agg;
    if (br->watermark_col < 0 || !first || block_joins(pq, first))
        return c;
    c.blocks[0] = first;
    c.wm[0] = ARENA_NEW_N(arena, bool, first->input.n + 1);
    for (int i = 0; i < first->input.n; i++)
        c.wm[0][i] = i == br->watermark_col;
    c.n = 1;
    for (const SSelect *cur = first; cur != pq->agg && cur != pq->top && passes_filter(cur);) {
        const SSelect *next = c.n < br->n_pre ? br->pre[c.n] : pq->agg;
        if (!next || block_joins(pq, next))
            break;
        int n = cur->n_out > next->input.n ? cur->n_out : next->input.n;
        bool *wm = ARENA_NEW_N(arena, bool, n + 1);
        bool *reads = ARENA_NEW_N(arena, bool, cur->input.n + 1);
        for (int i = 0; i < cur->n_out; i++) {
            memset(reads, 0, sizeof *reads * (size_t)cur->input.n);
            sema_expr_columns(cur->out[i].expr, reads, cur->input.n);
            for (int k = 0; k < cur->input.n && !wm[i]; k++)
                wm[i] = reads[k] && c.wm[c.n - 1][k];
        }
        c.blocks[c.n] = next;
        c.wm[c.n++] = wm;
        cur = next;
    }
    return c;
}

/* Does e, over the input of chain block j, read no column computed from the event time and
   is it deterministic (case Filter over EventTimeWatermark)? */
static bool below_watermark(Arena *arena, const Chain *c, int j, const SExpr *e)
{
    if (j < 0 || !sema_is_deterministic(e))
        return false;
    int n = c->blocks[j]->input.n;
    bool *reads = ARENA_NEW_N(arena, bool, n + 1);
    sema_expr_columns(e, reads, n);
    for (int i = 0; i < n; i++)
        if (reads[i] && c->wm[j][i])
            return false;
    return true;
}

typedef struct Preds {
    PPred *v;
    int n, cap;
} Preds;

static PPred *add_pred(Arena *arena, Preds *ps, const SExpr *e, const SSelect *s, int at)
{
    if (ps->n == ps->cap) {
        int cap = ps->cap ? ps->cap * 2 : 8;
        PPred *v = ARENA_NEW_N(arena, PPred, cap);
        if (ps->n)
            memcpy(v, ps->v, sizeof *v * (size_t)ps->n);
        ps->v = v;
        ps->cap = cap;
    }
    PPred *p = &ps->v[ps->n++];
    memset(p, 0, sizeof *p);
    p->expr = e;
    p->block = s;
    p->at = at;
    return p;
}

/* The conjuncts of WHERE w of chain block j (splitConjunctivePredicates). */
static void where_preds(Arena *arena, const Chain *c, int j, const SExpr *w, Preds *ps)
{
    if (!w)
        return;
    if (w->kind == SX_AND) {
        where_preds(arena, c, j, w->u.bin.lhs, ps);
        where_preds(arena, c, j, w->u.bin.rhs, ps);
        return;
    }
    add_pred(arena, ps, w, c->blocks[j], j)->below_watermark = below_watermark(arena, c, j, w);
}

/* The conjuncts of HAVING h of aggregating block a that move below it (case Filter over
   Aggregate: deterministic, reading grouping keys only, at least one); below the watermark
   too when a is chain block j and none of the keys they read does not go there. */
static void having_preds(Arena *arena, const Chain *c, int j, const SSelect *a, const SExpr *h,
                         Preds *ps)
{
    if (h->kind == SX_AND) {
        having_preds(arena, c, j, a, h->u.bin.lhs, ps);
        having_preds(arena, c, j, a, h->u.bin.rhs, ps);
        return;
    }
    bool *keys = ARENA_NEW_N(arena, bool, a->n_group + 1);
    bool any = false;
    if (!reads_keys_only(a, h, keys, &any) || !any || !sema_is_deterministic(h))
        return;
    bool below = j >= 0;
    for (int i = 0; i < a->n_group && below; i++)
        below = !keys[i] || below_watermark(arena, c, j, a->group[i]);
    PPred *p = add_pred(arena, ps, h, a, j);
    p->having = true;
    p->keys = keys;
    p->below_watermark = below;
}

/* Mark in reads[j] the outputs of chain block j - 1 that e (over block j's input) reads, and
   on down what those read. */
static void mark_reads(Arena *arena, PPushdown *pd, int j, const SExpr *e)
{
    const SSelect *s = pd->blocks[j];
    bool *cols = ARENA_NEW_N(arena, bool, s->input.n + 1);
    sema_expr_columns(e, cols, s->input.n);
    for (int i = 0; i < s->input.n && i < (j > 0 ? pd->blocks[j - 1]->n_out : 0); i++) {
        if (!cols[i] || pd->reads[j][i])
            continue;
        pd->reads[j][i] = true;
        mark_reads(arena, pd, j - 1, pd->blocks[j - 1]->out[i].expr);
    }
}

static PPushdown branch_pushdown(Arena *arena, const PQuery *pq, const PBranch *br)
{
    Chain c = chain_of_filters(arena, pq, br);
    Preds ps = {0};
    for (int j = 0; j < c.n; j++)
        where_preds(arena, &c, j, c.blocks[j]->where, &ps);
    const SSelect *a = pq->agg;
    int at = -1;
    for (int j = 0; j < c.n; j++)
        if (c.blocks[j] == a)
            at = j;
    if (a && a->having && !a->n_gsets)
        having_preds(arena, &c, at, a, a->having, &ps);
    PPushdown pd = {c.blocks, c.n, ps.v, ps.n, ARENA_NEW_N(arena, bool *, c.n + 1)};
    for (int j = 1; j < c.n; j++)
        pd.reads[j] = ARENA_NEW_N(arena, bool, c.blocks[j]->input.n + 1);
    for (int k = 0; k < ps.n; k++) {
        const PPred *p = &ps.v[k];
        if (!p->below_watermark)
            continue;
        if (!p->having)
            mark_reads(arena, &pd, p->at, p->expr);
        for (int i = 0; p->having && i < a->n_group; i++)
            if (p->keys[i])
                mark_reads(arena, &pd, p->at, a->group[i]);
    }
    return pd;
}

void plan_pushdown(Arena *arena, PQuery *pq)
{
    for (int b = 0; b < pq->n_branches; b++)
        pq->branches[b].pushdown = branch_pushdown(arena, pq, &pq->branches[b]);
    pq->pushdown = &pq->branches[0].pushdown;
}

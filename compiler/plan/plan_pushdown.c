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
** Over a join, PushPredicateThroughJoin moves a WHERE's conjuncts over one side into that
** side and ON's conjuncts over one side below the join, each where the join type lets it
** (where_moves_into, on_moves_into); InferFiltersFromConstraints (its batch runs once, between
** two pushdowns) puts over a side IsNotNull of the columns the join condition reads
** null-intolerantly (case Join), and next to a filter left above the watermark IsNotNull of
** the source columns it reads null-intolerantly (case Filter), which then go below it.
**
** A sluice block filters (its WHERE), then projects: the chain of a branch's blocks from the
** source up is followed while the block below only filters and projects deterministic values
** (no window, generator, DROP DUPLICATES, join, aggregate or LIMIT), and ends at a block that
** joins, whose input there is the branch's side of the join.  Of those blocks' WHERE conjuncts (not
** the join block's: they are over the joined rows), the aggregation's HAVING conjuncts on keys
** when the chain reaches it and the filters over the side of the join, the ones that read no
** column computed from the event time go below the watermark; the others are tested in their
** block, a join's side filters just before it.  A HAVING conjunct on keys is always tested
** before the aggregation too.  Codegen tests each conjunct where its PPred says
** (cg_pipeline.c).
** Must not: know about LLVM or the runtime.
*/
#include "plan/plan.h"

#include <string.h>

/* Does s only filter and project deterministic values (case Filter over Project:
   fields.forall(_.deterministic)), so that a Filter over its rows moves below it?  Not a
   block that ends in a LIMIT (SQuery.row_limit_block): no rule pushes a Filter through a
   Limit, whose rows would change. */
static bool passes_filter(const PQuery *pq, const SSelect *s)
{
    if (s->window || s->gen >= 0 || s->dedup || s->join || s->has_agg ||
        s == pq->query->row_limit_block)
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

/* What a HAVING conjunct reads of aggregating block a's grouping keys (marked in keys; any
   set when it reads one). */
typedef struct KeyReads {
    const SSelect *a;
    bool *keys;
    bool any;
} KeyReads;

/* A walk of a HAVING conjunct that reads grouping keys only: no aggregate, not the window
   (it stops at any other read). */
static SWalk key_read(const SExpr *e, void *ctx)
{
    KeyReads *kr = ctx;
    if (e->kind == SX_AGG_REF || e->kind == SX_COLUMN)
        return WALK_ABORT;
    if (e->kind != SX_GROUP_REF)
        return WALK_CONTINUE;
    if (e->u.ref >= kr->a->n_group || e->u.ref == kr->a->window_group)
        return WALK_ABORT;
    kr->keys[e->u.ref] = kr->any = true;
    return WALK_PRUNE;
}

/* The blocks of br's chain (pre, then the aggregation) that join, into out (n_pre + 1 at
   most), each with the branch's side of its join (0 left, 1 right); returns how many. */
static int branch_joins(const PQuery *pq, const PBranch *br, const SSelect **out, int *sides)
{
    int n = 0;
    for (int i = 0; i <= br->n_pre; i++) {
        const SSelect *s = i < br->n_pre ? br->pre[i] : pq->agg;
        if (!s || !block_joins(pq, s))
            continue;
        const SJoin *j = s->join;
        sides[n] = j->streams ? br->side : j->probe_left ? 0 : 1;
        out[n++] = s;
    }
    return n;
}

/* The chain of blocks a branch's filters move down (PPushdown.blocks) and, per block, which
   of its input columns are computed from the event time (wm[j]).  A block that joins ends
   it (join_at): its input there is the branch's side of the join. */
typedef struct Chain {
    const SSelect **blocks;
    bool **wm;
    int n;
    int join_at; /* the index of the join's block, or -1 */
} Chain;

/* Per output of cur (whose input's are in_wm; at least n of them): is it computed from the
   event time? */
static bool *outputs_wm(Arena *arena, const SSelect *cur, int n, const bool *in_wm)
{
    bool *wm = ARENA_NEW_N(arena, bool, (cur->n_out > n ? cur->n_out : n) + 1);
    bool *reads = ARENA_NEW_N(arena, bool, cur->input.n + 1);
    for (int i = 0; i < cur->n_out; i++) {
        memset(reads, 0, sizeof *reads * (size_t)cur->input.n);
        sema_expr_columns(cur->out[i].expr, reads, cur->input.n);
        for (int k = 0; k < cur->input.n && !wm[i]; k++)
            wm[i] = reads[k] && in_wm[k];
    }
    return wm;
}

static Chain chain_of_filters(Arena *arena, const PQuery *pq, const PBranch *br)
{
    Chain c = {ARENA_NEW_N(arena, const SSelect *, br->n_pre + 2),
               ARENA_NEW_N(arena, bool *, br->n_pre + 2), 0, -1};
    const SSelect *first = br->n_pre ? br->pre[0] : pq->agg;
    if (br->watermark_col < 0 || !first)
        return c;
    c.blocks[0] = first;
    c.wm[0] = ARENA_NEW_N(arena, bool, br->source->schema.n + 1);
    c.wm[0][br->watermark_col] = true;
    c.n = 1;
    if (block_joins(pq, first)) {
        c.join_at = 0; /* the join's block reads the source */
        return c;
    }
    for (const SSelect *cur = first; cur != pq->agg && cur != pq->top && passes_filter(pq, cur);) {
        const SSelect *next = c.n < br->n_pre ? br->pre[c.n] : pq->agg;
        if (!next)
            break;
        bool *wm = outputs_wm(arena, cur, next->input.n, c.wm[c.n - 1]);
        c.blocks[c.n] = next;
        c.wm[c.n++] = wm;
        if (block_joins(pq, next)) {
            c.join_at = c.n - 1; /* its input: the rows of cur, the branch's side */
            break;
        }
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

/* A filter of chain c cut into its conjuncts (sema_conjuncts), each a PPred of ps: of chain
   block j's WHERE, of aggregating block's HAVING (at j, or -1), or of a kind of filter over
   side of join block block. */
typedef struct Split {
    Arena *arena;
    const Chain *c;
    Preds *ps;
    int j;
    const SSelect *block;
    int side;
    PJoinFilter kind;
} Split;

/* Conjunct w of chain block j's WHERE. */
static void where_pred(SExpr *w, void *ctx)
{
    const Split *sp = ctx;
    const Chain *c = sp->c;
    /* the join's block: its WHERE is over the join's rows (join_preds moves its conjuncts) */
    add_pred(sp->arena, sp->ps, w, c->blocks[sp->j], sp->j)->below_watermark =
        sp->j != c->join_at && below_watermark(sp->arena, c, sp->j, w);
}

/* Conjunct h of the HAVING of aggregating block a, when it moves below it (case Filter over
   Aggregate: deterministic, reading grouping keys only, at least one); below the watermark
   too when a is chain block j and none of the keys it reads does not go there. */
static void having_pred(SExpr *h, void *ctx)
{
    const Split *sp = ctx;
    const SSelect *a = sp->block;
    int j = sp->j;
    KeyReads kr = {a, ARENA_NEW_N(sp->arena, bool, a->n_group + 1), false};
    if (!sema_walk_expr(h, key_read, &kr) || !kr.any || !sema_is_deterministic(h))
        return;
    bool below = j >= 0;
    for (int i = 0; i < a->n_group && below; i++)
        below = !kr.keys[i] || below_watermark(sp->arena, sp->c, j, a->group[i]);
    PPred *p = add_pred(sp->arena, sp->ps, h, a, j);
    p->having = true;
    p->keys = kr.keys;
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

/* ==== Filters over a join's side ==== */

/* Does Spark's optimizer move ON's conjuncts over side alone below that side, and put there the
   IsNotNull it infers (PushPredicateThroughJoin's case Join, InferFiltersFromConstraints):
   both sides of InnerLike and LeftSemi, the right of LeftOuter and LeftAnti, the left of
   RightOuter, neither of FullOuter? */
static bool on_moves_into(AstJoinType t, int side)
{
    switch (t) {
    case JOIN_INNER:
    case JOIN_CROSS:
    case JOIN_LEFT_SEMI:
        return true;
    case JOIN_LEFT_OUTER:
    case JOIN_LEFT_ANTI:
        return side == 1;
    case JOIN_RIGHT_OUTER:
        return side == 0;
    default:
        return false;
    }
}

/* Does it move the conjuncts over side alone of a WHERE above the join into that side
   (PushPredicateThroughJoin's case Filter over Join): both sides of InnerLike, the left of
   LeftOuter and LeftExistence (LeftSemi, LeftAnti), the right of RightOuter, neither of
   FullOuter? */
static bool where_moves_into(AstJoinType t, int side)
{
    switch (t) {
    case JOIN_INNER:
    case JOIN_CROSS:
        return true;
    case JOIN_LEFT_OUTER:
    case JOIN_LEFT_SEMI:
    case JOIN_LEFT_ANTI:
        return side == 0;
    case JOIN_RIGHT_OUTER:
        return side == 1;
    default:
        return false;
    }
}

/* QueryPlanConstraints.scanNullIntolerantAttribute: mark in cols the columns e reaches
   through NullIntolerant expressions only (sema_null_intolerant).  e is over the input of
   chain block j (over the raw space of the join when j is its block, base its side's first
   raw column; a HAVING conjunct's keys are aggregating block a's); with j > 0 each column
   is replaced by the expression of the block below that makes it (its alias, as Spark's
   Filter is once pushed through the Projects to just above EventTimeWatermark), so the
   columns marked are the source's.  c NULL, j 0: e's own columns. */
static void null_intolerant_columns(const Chain *c, const SSelect *a, int j, int base,
                                    const SExpr *e, bool *src)
{
    if (e->kind == SX_COLUMN) {
        int col = e->u.column - base;
        if (j == 0)
            src[col] = true;
        else
            null_intolerant_columns(c, a, j - 1, 0, c->blocks[j - 1]->out[col].expr, src);
        return;
    }
    if (e->kind == SX_GROUP_REF && a && e->u.ref < a->n_group) {
        null_intolerant_columns(c, NULL, j, base, a->group[e->u.ref], src);
        return;
    }
    if (!sema_null_intolerant(e))
        return;
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)) != NULL; i++)
        if (*op)
            null_intolerant_columns(c, a, j, base, *op, src);
}

static void conjunct_not_null(SExpr *e, void *cols)
{
    null_intolerant_columns(NULL, NULL, 0, 0,
                            e->kind == SX_IS_NULL && e->u.is_null.negated ? e->u.is_null.arg : e,
                            cols);
}

void plan_conjuncts_not_null(const SExpr *e, bool *cols)
{
    sema_conjuncts(e, NULL, conjunct_not_null, cols);
}

/* An expression over the join block's input being copied over the join's raw space. */
typedef struct ToRaw {
    Arena *arena;
    const SJoin *j;
    bool both; /* it reads a coalesced USING key of a full outer join (both sides) */
} ToRaw;

static SExpr *raw_operand(SExpr *e, void *ctx);

static SExpr *raw_copy(ToRaw *t, const SExpr *e)
{
    if (e->kind != SX_COLUMN)
        return sema_map_operands(t->arena, e, raw_operand, t);
    SExpr *c = ARENA_NEW(t->arena, SExpr);
    *c = *e;
    if (t->j->input_alt && t->j->input_alt[e->u.column] >= 0)
        t->both = true;
    else
        c->u.column = t->j->input[e->u.column];
    return c;
}

static SExpr *raw_operand(SExpr *e, void *ctx)
{
    return raw_copy(ctx, e);
}

SExpr *plan_join_raw(Arena *arena, const SJoin *j, const SExpr *e)
{
    ToRaw t = {arena, j, false};
    SExpr *c = raw_copy(&t, e);
    return t.both ? NULL : c;
}

/* The raw columns of j that e reads, marked in a fresh array. */
static bool *raw_reads(Arena *arena, const SJoin *j, const SExpr *e)
{
    int n = j->n_left + j->n_right;
    bool *used = ARENA_NEW_N(arena, bool, n + 1);
    sema_expr_columns(e, used, n);
    return used;
}

bool plan_reads_side_only(Arena *arena, const SJoin *j, int side, const SExpr *e)
{
    int from = side ? j->n_left : 0, to = side ? j->n_left + j->n_right : j->n_left;
    bool *used = raw_reads(arena, j, e), any = false;
    for (int c = 0; c < j->n_left + j->n_right; c++) {
        if (used[c] && (c < from || c >= to))
            return false;
        any |= used[c];
    }
    return any;
}

/* A filter over side of join block jb (chain block c->join_at when the chain reaches it):
   below the watermark when deterministic and reading no column of the side computed from the
   event time (case Filter over EventTimeWatermark, through the side's projections). */
static void add_join_pred(Arena *arena, const Chain *c, const SSelect *jb, int side, const SExpr *e,
                          PJoinFilter kind, Preds *ps)
{
    const SJoin *j = jb->join;
    int at = c->join_at >= 0 && c->blocks[c->join_at] == jb ? c->join_at : -1;
    int base = side ? j->n_left : 0;
    bool below = at >= 0 && sema_is_deterministic(e);
    bool *used = raw_reads(arena, j, e);
    for (int i = base; below && i < base + (side ? j->n_right : j->n_left); i++)
        below = !used[i] || !c->wm[at][i - base];
    PPred *p = add_pred(arena, ps, e, jb, at);
    p->join = kind;
    p->side = side;
    p->below_watermark = below;
}

/* Conjunct e (over the raw space of join block sp->block) as a filter of sp->kind over
   sp->side when it reads that side alone and is deterministic (PushPredicateThroughJoin's
   split). */
static void side_conjunct(SExpr *e, void *ctx)
{
    const Split *sp = ctx;
    if (sema_is_deterministic(e) && plan_reads_side_only(sp->arena, sp->block->join, sp->side, e))
        add_join_pred(sp->arena, sp->c, sp->block, sp->side, e, sp->kind, sp->ps);
}

/* The conjuncts of a join block's WHERE over the raw space of j (plan_join_raw; NULL: one reading
   both sides' USING key), into out from n on (out NULL: counted only). */
typedef struct RawWhere {
    Arena *arena;
    const SJoin *j;
    const SExpr **out;
    int n;
} RawWhere;

static void raw_conjunct(SExpr *w, void *ctx)
{
    RawWhere *rw = ctx;
    if (rw->out)
        rw->out[rw->n] = plan_join_raw(rw->arena, rw->j, w);
    rw->n++;
}

int plan_join_where(Arena *arena, const PQuery *pq, const SSelect *jb, const SExpr ***out)
{
    for (int i = 0; i < pq->n_join_views; i++)
        if (pq->join_views[i].block == jb) {
            *out = pq->join_views[i].where;
            return pq->join_views[i].n_where;
        }
    RawWhere rw = {arena, jb->join, NULL, 0};
    sema_conjuncts(jb->where, NULL, raw_conjunct, &rw);
    *out = ARENA_NEW_N(arena, const SExpr *, rw.n + 1);
    rw = (RawWhere){arena, jb->join, *out, 0};
    sema_conjuncts(jb->where, NULL, raw_conjunct, &rw);
    return rw.n;
}

/* IsNotNull(column col, of type t). */
static const SExpr *is_not_null(Arena *arena, const Type *t, SrcSpan span, int col)
{
    SExpr *c = ARENA_NEW(arena, SExpr);
    c->kind = SX_COLUMN;
    c->type = t;
    c->span = span;
    c->u.column = col;
    SExpr *e = ARENA_NEW(arena, SExpr);
    e->kind = SX_IS_NULL;
    e->type = &type_boolean;
    e->span = span;
    e->u.is_null.arg = c;
    e->u.is_null.negated = true;
    return e;
}

/* The filters Spark's optimizer puts over side of join block jb: InferFiltersFromConstraints'
   IsNotNull of the side's columns its join condition reads null-intolerantly (the keys'
   equalities, ON's other conjuncts, and for InnerLike the conjuncts of a WHERE above that
   PushPredicateThroughJoin makes part of it: those over both sides or not deterministic),
   then PushPredicateThroughJoin's conjuncts of ON over the side alone, then those of the
   WHERE above; each where the join type lets them go (on_moves_into, where_moves_into). */
static void join_preds(Arena *arena, const PQuery *pq, const Chain *c, const SSelect *jb, int side,
                       Preds *ps)
{
    const SJoin *j = plan_join_of(pq, jb);
    int n_raw = j->n_left + j->n_right, base = side ? j->n_left : 0;
    const SExpr **where;
    int n_where = plan_join_where(arena, pq, jb, &where);
    bool inner = j->type == JOIN_INNER || j->type == JOIN_CROSS;
    if (on_moves_into(j->type, side)) {
        Split on = {arena, c, ps, -1, jb, side, PJF_ON};
        bool *nn = ARENA_NEW_N(arena, bool, n_raw + 1);
        for (int k = 0; k < j->n_keys; k++) { /* EqualTo(probe key, build key) */
            null_intolerant_columns(NULL, NULL, 0, 0, j->probe_keys[k], nn);
            null_intolerant_columns(NULL, NULL, 0, 0, j->build_keys[k], nn);
        }
        plan_conjuncts_not_null(j->cond, nn);
        plan_conjuncts_not_null(j->side_cond[0], nn);
        plan_conjuncts_not_null(j->side_cond[1], nn);
        for (int i = 0; inner && i < n_where; i++)
            if (where[i] &&
                !(sema_is_deterministic(where[i]) && (plan_reads_side_only(arena, j, 0, where[i]) ||
                                                      plan_reads_side_only(arena, j, 1, where[i]))))
                plan_conjuncts_not_null(where[i], nn);
        for (int col = base; col < base + (side ? j->n_right : j->n_left); col++)
            if (nn[col])
                add_join_pred(arena, c, jb, side,
                              is_not_null(arena, j->raw.cols[col].type, j->span, col), PJF_NOT_NULL,
                              ps);
        sema_conjuncts(j->side_cond[side], NULL, side_conjunct, &on);
        sema_conjuncts(j->cond, NULL, side_conjunct, &on);
    }
    Split above = {arena, c, ps, -1, jb, side, PJF_WHERE};
    for (int i = 0; where_moves_into(j->type, side) && i < n_where; i++)
        sema_conjuncts(where[i], NULL, side_conjunct, &above);
}

/* ==== IsNotNull of a filter's columns (InferFiltersFromConstraints, case Filter) ==== */

/* InferFiltersFromConstraints, case Filter (its Infer Filters batch runs after the first
   pushdown): a deterministic conjunct that stays above the watermark, sitting there with its
   aliases replaced, gets IsNotNull of the source columns it reaches null-intolerantly, which
   PushPredicateThroughNonJoin then moves below the watermark unless they are the event time.
   Not for the IsNotNull a join infers in the same pass (already over the side's columns).
   Each column once, after the other filters. */
static void infer_source_not_null(Arena *arena, const PBranch *br, const Chain *c, Preds *ps)
{
    if (c->n == 0)
        return;
    int n_src = br->source->schema.n;
    bool *src = ARENA_NEW_N(arena, bool, n_src + 1);
    int n = ps->n;
    for (int k = 0; k < n; k++) {
        const PPred *p = &ps->v[k];
        /* the join block's WHERE is over the join's rows: its conjuncts over one side are
           join filters of their own (a Filter left above the join moves no IsNotNull) */
        if (p->below_watermark || p->at < 0 || p->join == PJF_NOT_NULL ||
            (p->at == c->join_at && !p->join) || !sema_is_deterministic(p->expr))
            continue;
        const SExpr *e = p->expr;
        if (e->kind == SX_IS_NULL && e->u.is_null.negated)
            e = e->u.is_null.arg;
        int base = p->join && p->side ? p->block->join->n_left : 0;
        null_intolerant_columns(c, p->having ? p->block : NULL, p->at, base, e, src);
    }
    for (int col = 0; col < n_src; col++) {
        if (!src[col] || c->wm[0][col])
            continue;
        /* over the source's columns; over the join's raw space when its block reads them */
        const SJoin *j = c->join_at == 0 ? c->blocks[0]->join : NULL;
        int side = !j ? 0 : j->streams ? br->side : j->probe_left ? 0 : 1;
        const SExpr *e = is_not_null(arena, br->source->schema.cols[col].type, c->blocks[0]->span,
                                     (side ? j->n_left : 0) + col);
        PPred *p = add_pred(arena, ps, e, c->blocks[0], 0);
        p->below_watermark = true;
        p->inferred = true;
        if (j) { /* over the raw space of the join whose block reads the source */
            p->join = PJF_NOT_NULL;
            p->side = side;
        }
    }
}

/* Mark in pd->reads what join filter p, over the raw columns of the branch's side, reads of
   the rows of chain block p->at - 1, and on down. */
static void mark_join_reads(Arena *arena, PPushdown *pd, const PPred *p)
{
    const SJoin *j = p->block->join;
    int base = p->side ? j->n_left : 0, n = p->side ? j->n_right : j->n_left;
    bool *used = raw_reads(arena, j, p->expr);
    for (int i = 0; i < n && p->at > 0; i++) {
        if (!used[base + i] || pd->reads[p->at][i])
            continue;
        pd->reads[p->at][i] = true;
        mark_reads(arena, pd, p->at - 1, pd->blocks[p->at - 1]->out[i].expr);
    }
}

static PPushdown branch_pushdown(Arena *arena, const PQuery *pq, const PBranch *br)
{
    Chain c = chain_of_filters(arena, pq, br);
    Preds ps = {0};
    for (int j = 0; j < c.n; j++)
        sema_conjuncts(c.blocks[j]->where, NULL, where_pred,
                       &(Split){arena, &c, &ps, j, NULL, 0, PJF_NONE});
    const SSelect *a = pq->agg;
    int at = -1;
    for (int j = 0; j < c.n; j++)
        if (c.blocks[j] == a && j != c.join_at)
            at = j;
    if (a && a->having && !a->n_gsets)
        sema_conjuncts(a->having, NULL, having_pred, &(Split){arena, &c, &ps, at, a, 0, PJF_NONE});
    const SSelect **joins = ARENA_NEW_N(arena, const SSelect *, br->n_pre + 2);
    int *sides = ARENA_NEW_N(arena, int, br->n_pre + 2);
    int n_joins = branch_joins(pq, br, joins, sides);
    for (int k = 0; k < n_joins; k++)
        join_preds(arena, pq, &c, joins[k], sides[k], &ps);
    infer_source_not_null(arena, br, &c, &ps);
    PPushdown pd = {c.blocks, c.n, ps.v, ps.n, ARENA_NEW_N(arena, bool *, c.n + 1)};
    for (int j = 1; j < c.n; j++) {
        int n = c.blocks[j - 1]->n_out > c.blocks[j]->input.n ? c.blocks[j - 1]->n_out
                                                              : c.blocks[j]->input.n;
        pd.reads[j] = ARENA_NEW_N(arena, bool, n + 1);
    }
    for (int k = 0; k < ps.n; k++) {
        const PPred *p = &ps.v[k];
        if (!p->below_watermark)
            continue;
        if (p->join)
            mark_join_reads(arena, &pd, p);
        else if (!p->having)
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

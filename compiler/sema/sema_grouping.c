/* sema_grouping.c - GROUP BY ROLLUP / CUBE / GROUPING SETS, grouping() and grouping_id().
**
** As Spark 3.5 does it (grouping.scala's BaseGroupingSets and GroupingAnalytics, the
** Analyzer's ResolveGroupingAnalytics, basicLogicalOperators.scala's Expand): the block's keys
** are the distinct grouping expressions of all items in order, then a hidden BIGINT
** spark_grouping_id (and an INT _gen_grouping_pos when a set repeats); the grouping sets are
** the cartesian product of the items' selected sets, each a mask of the keys it holds.  The
** pipeline aggregates every row once per set, in order, the keys outside it NULL (SSelect,
** sema.h).  grouping(c) and grouping_id() become expressions over spark_grouping_id.
*/
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

/* Spark's limit: GroupingID's type (BIGINT) has 64 bits (constructAggregate). */
#define MAX_GKEYS 64
/* Ours: the sets a row is aggregated in (CUBE of 12 keys is 4096). */
#define MAX_GSETS 4096

/* The sets of one item, each a mask over the block's keys (Spark's selectedGroupByExprs). */
typedef struct SetList {
    uint64_t *m;
    int n;
} SetList;

typedef struct GBind {
    SemaCtx *sc;
    SelBlock *blk;
    SExpr **keys; /* the distinct grouping expressions so far (groupByExprs) */
    int n_keys;
    bool failed;
    bool too_many;  /* more than MAX_GKEYS keys */
    bool many_sets; /* more than MAX_GSETS sets */
} GBind;

static void push_set(GBind *gb, SetList *l, uint64_t m)
{
    if (l->n >= MAX_GSETS) {
        gb->failed = gb->many_sets = true;
        return;
    }
    uint64_t *a = ARENA_NEW_N(gb->sc->arena, uint64_t, l->n + 1);
    if (l->n)
        memcpy(a, l->m, sizeof *a * (size_t)l->n);
    a[l->n++] = m;
    l->m = a;
}

/* The bit of expression g (bound and added to the keys unless an equal one is there: Spark's
   groupByExprs keeps the first of semantically equal ones); 0 after an error. */
static uint64_t key_bit(GBind *gb, const AstExpr *g)
{
    SExpr *k = sema_bind_group_key(gb->sc, gb->blk, g);
    if (!k) {
        gb->failed = true;
        return 0;
    }
    for (int i = 0; i < gb->n_keys; i++)
        if (sema_expr_equal(gb->keys[i], k))
            return (uint64_t)1 << i;
    if (gb->n_keys == MAX_GKEYS) {
        gb->failed = gb->too_many = true;
        return 0;
    }
    gb->keys[gb->n_keys] = k;
    return (uint64_t)1 << gb->n_keys++;
}

static uint64_t list_mask(GBind *gb, const AstExprList *l)
{
    uint64_t m = 0;
    for (int i = 0; i < l->n; i++)
        m |= key_bit(gb, l->items[i]);
    return m;
}

/* Cube.selectedGroupByExprs, BaseGroupingSets.cubeExprs0: for sets x :: xs, the sets of xs
   each with x added, then those of xs. */
static void cube_sets(GBind *gb, const uint64_t *m, int n, SetList *out)
{
    if (n == 0) {
        push_set(gb, out, 0);
        return;
    }
    SetList rest = {0};
    cube_sets(gb, m + 1, n - 1, &rest);
    for (int i = 0; i < rest.n; i++)
        push_set(gb, out, m[0] | rest.m[i]);
    for (int i = 0; i < rest.n; i++)
        push_set(gb, out, rest.m[i]);
}

/* The selected sets of a ROLLUP, CUBE or GROUPING SETS item; its keys are added in the
   order of its expressions (BaseGroupingSets.groupByExprs: the children, flattened; for
   GROUPING SETS then the user's GROUP BY a, b of the Hive form). */
static SetList item_sets(GBind *gb, const AstGrouping *g)
{
    SetList out = {0};
    uint64_t *m = ARENA_NEW_N(gb->sc->arena, uint64_t, g->n ? g->n : 1);
    SetList *nested = ARENA_NEW_N(gb->sc->arena, SetList, g->n ? g->n : 1);
    for (int i = 0; i < g->n; i++) {
        if (g->nested[i])
            nested[i] = item_sets(gb, g->nested[i]);
        else
            m[i] = list_mask(gb, &g->sets[i]);
    }
    list_mask(gb, &g->user);
    switch (g->kind) {
    case AGS_ROLLUP: /* BaseGroupingSets.rollupExprs: the inits, longest first */
        for (int k = g->n; k >= 0; k--) {
            uint64_t s = 0;
            for (int i = 0; i < k; i++)
                s |= m[i];
            push_set(gb, &out, s);
        }
        break;
    case AGS_CUBE:
        cube_sets(gb, m, g->n, &out);
        break;
    case AGS_SETS: /* visitGroupingAnalytics: a nested item gives its selected sets */
        for (int i = 0; i < g->n; i++) {
            if (!g->nested[i]) {
                push_set(gb, &out, m[i]);
                continue;
            }
            for (int k = 0; k < nested[i].n; k++)
                push_set(gb, &out, nested[i].m[k]);
        }
        break;
    }
    return out;
}

/* GroupingAnalytics.unapply: the items' selected sets combined, starting from the last item's
   and taking each earlier item in turn, left to right: every set so far with every set of it
   (`for (a <- x; b <- y) yield a ++ b`). */
static SetList combine(GBind *gb, const SetList *items, int n)
{
    SetList acc = items[n - 1];
    for (int i = 0; i < n - 1; i++) {
        SetList next = {0};
        for (int a = 0; a < acc.n; a++)
            for (int b = 0; b < items[i].n; b++)
                push_set(gb, &next, acc.m[a] | items[i].m[b]);
        acc = next;
    }
    return acc;
}

/* Expand.buildBitmask: bit n - 1 - i set for key i not in the set. */
static int64_t grouping_id(uint64_t present, int n)
{
    uint64_t id = 0;
    for (int i = 0; i < n; i++)
        if (!(present >> i & 1))
            id |= (uint64_t)1 << (n - 1 - i);
    return (int64_t)id;
}

/* A session window must be in every set.  SessionWindowing replaces it by an attribute with
   SessionWindow.marker before ResolveGroupingAnalytics aliases it for Expand (constructGroupByAlias
   keeps a named child's metadata), so Spark plans a session aggregation keyed by the other keys
   and spark_grouping_id: the sets holding the session merge their sessions per set, and a set
   without it feeds MergingSessionsIterator a NULL session, whose getStruct(0, 2).getLong
   fails every batch with a NullPointerException.  That one is refused here. */
static bool session_in_every_set(SemaCtx *sc, const SSelect *sel, int i)
{
    for (int s = 0; s < sel->n_gsets; s++)
        if (sel->gset_nulls[s] >> i & 1) {
            diag_error(sc->diag, sel->group[i]->span,
                       "a grouping set without the session_window key is not supported (Spark "
                       "3.5 fails with a NullPointerException merging its NULL sessions): put "
                       "session_window in every set");
            return false;
        }
    return true;
}

/* The window key among the keys: at most one (TimeWindowing, SessionWindowing). */
static void window_key(SemaCtx *sc, SSelect *sel, const AstSelect *ast)
{
    for (int i = 0; i < sel->n_gkeys; i++) {
        const SExpr *k = sel->group[i];
        if (k->kind != SX_WINDOW)
            continue;
        if (k->u.window.session && !session_in_every_set(sc, sel, i))
            return;
        if (sel->window_group >= 0) {
            diag_error(sc->diag, ast->group_by_span,
                       "Multiple time/session window expressions would result in a cartesian "
                       "product of rows, therefore they are currently not supported.");
            return;
        }
        sel->window_group = i;
    }
}

/* Fills sel's keys and sets from the combined sets. */
static void set_keys(GBind *gb, const SetList *sets)
{
    SemaCtx *sc = gb->sc;
    SSelect *sel = gb->blk->sel;
    int n = gb->n_keys;
    bool repeats = false; /* Expand's hasDuplicateGroupingSets */
    for (int a = 0; a < sets->n && !repeats; a++)
        for (int b = 0; b < a && !repeats; b++)
            repeats = sets->m[a] == sets->m[b];
    sel->n_gkeys = n;
    sel->n_group = n + 1 + repeats;
    sel->group = ARENA_NEW_N(sc->arena, SExpr *, sel->n_group);
    memcpy(sel->group, gb->keys, sizeof *sel->group * (size_t)n);
    SrcSpan at = gb->blk->ast->group_by_span;
    sel->group[n] = sema_new_expr(sc, SX_CONST, &type_bigint, at);
    if (repeats)
        sel->group[n + 1] = sema_new_expr(sc, SX_CONST, &type_int, at);
    sel->n_gsets = sets->n;
    sel->gset_nulls = ARENA_NEW_N(sc->arena, uint64_t, sets->n);
    sel->gset_ids = ARENA_NEW_N(sc->arena, int64_t, sets->n);
    uint64_t all = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    for (int s = 0; s < sets->n; s++) {
        sel->gset_nulls[s] = ~sets->m[s] & all;
        sel->gset_ids[s] = grouping_id(sets->m[s], n);
    }
    window_key(sc, sel, gb->blk->ast);
}

void sema_bind_grouping_sets(SemaCtx *sc, SelBlock *blk)
{
    const AstSelect *ast = blk->ast;
    int n_items = ast->group_by.n;
    GBind gb = {sc, blk, ARENA_NEW_N(sc->arena, SExpr *, MAX_GKEYS), 0, false, false, false};
    SetList *items = ARENA_NEW_N(sc->arena, SetList, n_items);
    for (int i = 0; i < n_items; i++) {
        if (ast->group_sets[i]) {
            items[i] = item_sets(&gb, ast->group_sets[i]);
            continue;
        }
        items[i] = (SetList){0};
        push_set(&gb, &items[i], key_bit(&gb, ast->group_by.items[i]));
    }
    SetList sets = gb.failed ? (SetList){0} : combine(&gb, items, n_items);
    if (gb.too_many) /* constructAggregate, QueryCompilationErrors.groupingSizeTooLargeError */
        diag_error(sc->diag, ast->group_by_span,
                   "[GROUPING_SIZE_LIMIT_EXCEEDED] Grouping sets size cannot be greater than %d.",
                   MAX_GKEYS);
    else if (gb.many_sets)
        diag_error(sc->diag, ast->group_by_span,
                   "GROUP BY of more than %d grouping sets is not supported", MAX_GSETS);
    if (!gb.failed) {
        set_keys(&gb, &sets);
        return;
    }
    /* one NULL key: the select list says nothing more (sema_to_agg_space is silent) */
    blk->sel->group = ARENA_NEW_N(sc->arena, SExpr *, 1);
    blk->sel->n_group = 1;
}

/* ==== grouping() and grouping_id() ==== */

static void unsupported(SemaCtx *sc, SrcSpan at)
{
    /* CheckAnalysis, QueryCompilationErrors.groupingMustWithGroupingSetsOrCubeOrRollupError */
    diag_error(sc->diag, at,
               "[UNSUPPORTED_GROUPING_EXPRESSION] grouping()/grouping_id() can only be used with "
               "GroupingSets/Cube/Rollup.");
}

bool sema_grouping_fn_allowed(Binder *b, const AstExpr *e)
{
    if (b->agg_input) /* the keys are not known yet: sema_grouping_in_aggs */
        return true;
    if (b->allow_agg && b->blk->sel->has_agg)
        return true;
    unsupported(b->sc, e->span);
    return false;
}

/* "a,b" of the keys as written (Spark prints the expressions, with their ids). */
static const char *keys_text(SemaCtx *sc, SExpr *const *keys, int n, const SelBlock *blk)
{
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0; i < n; i++) {
        const SExpr *k = keys[i];
        if (i)
            sb_putc(&sb, ',');
        if (k->kind == SX_COLUMN)
            sb_puts(&sb, blk->input->cols[k->u.column].name);
        else if (k->kind == SX_WINDOW)
            sb_puts(&sb, k->u.window.session ? "session_window" : "window");
        else
            sb_puts(&sb, "expr");
    }
    return sb.data;
}

static SExpr *gid_ref(SemaCtx *sc, const SSelect *sel, SrcSpan span)
{
    SExpr *r = sema_new_expr(sc, SX_GROUP_REF, &type_bigint, span);
    r->u.ref = sel->n_gkeys;
    return r;
}

static SExpr *const_of(SemaCtx *sc, const Type *t, int64_t v, SrcSpan span)
{
    SExpr *c = sema_new_expr(sc, SX_CONST, t, span);
    c->u.value.i = v;
    return c;
}

/* ResolveGroupingAnalytics.replaceGroupingFunc: grouping(c) is
   CAST((spark_grouping_id >> (n - 1 - i)) & 1 AS TINYINT) for key i; grouping_id() (or of
   exactly the keys, in order) is spark_grouping_id. */
SExpr *sema_grouping_fn(SemaCtx *sc, const SelBlock *blk, const SExpr *e)
{
    const SSelect *sel = blk->sel;
    if (!sel->n_gsets) {
        unsupported(sc, e->span);
        return NULL;
    }
    int n = sel->n_gkeys;
    if (e->u.call.fn == FN_GROUPING_ID) {
        bool same = e->u.call.n_args == 0 || e->u.call.n_args == n;
        for (int i = 0; same && i < e->u.call.n_args; i++)
            same = sema_expr_equal(e->u.call.args[i], sel->group[i]);
        if (same)
            return gid_ref(sc, sel, e->span);
        diag_error(sc->diag, e->span,
                   "[GROUPING_ID_COLUMN_MISMATCH] Columns of grouping_id (%s) does not match "
                   "grouping columns (%s).",
                   keys_text(sc, e->u.call.args, e->u.call.n_args, blk),
                   keys_text(sc, sel->group, n, blk));
        return NULL;
    }
    int idx = -1;
    for (int i = 0; i < n && idx < 0; i++)
        if (sema_expr_equal(e->u.call.args[0], sel->group[i]))
            idx = i;
    if (idx < 0) {
        diag_error(sc->diag, e->span,
                   "[GROUPING_COLUMN_MISMATCH] Column of grouping (%s) can't be found in grouping "
                   "columns %s.",
                   keys_text(sc, e->u.call.args, 1, blk), keys_text(sc, sel->group, n, blk));
        return NULL;
    }
    SExpr *shr = sema_new_expr(sc, SX_CALL, &type_bigint, e->span);
    shr->u.call.fn = FN_SHIFTRIGHT;
    shr->u.call.n_args = 2;
    shr->u.call.args = ARENA_NEW_N(sc->arena, SExpr *, 2);
    shr->u.call.args[0] = gid_ref(sc, sel, e->span);
    shr->u.call.args[1] = const_of(sc, &type_int, n - 1 - idx, e->span);
    SExpr *bit = sema_new_expr(sc, SX_ARITH, &type_bigint, e->span);
    bit->u.bin.op = BOP_BITAND;
    bit->u.bin.lhs = shr;
    bit->u.bin.rhs = const_of(sc, &type_bigint, 1, e->span);
    SExpr *c = sema_new_expr(sc, SX_CAST, &type_tinyint, e->span);
    c->u.arg = bit;
    return c;
}

/* ==== grouping() in an aggregate's argument ==== */

static bool is_grouping_call(const SExpr *e)
{
    return e->kind == SX_CALL && (e->u.call.fn == FN_GROUPING || e->u.call.fn == FN_GROUPING_ID);
}

/* Rewrites the grouping calls of e in place (replaceGroupingFunc); false after an error. */
static bool over_row_gid(SemaCtx *sc, const SelBlock *blk, SExpr *e, bool *read)
{
    if (!e)
        return true;
    if (is_grouping_call(e)) {
        SExpr *r = sema_grouping_fn(sc, blk, e);
        if (!r)
            return false;
        *e = *r;
        *read = true;
        return true;
    }
    SExpr **op;
    for (int i = 0; (op = sema_expr_operand(e, i)); i++)
        if (!over_row_gid(sc, blk, *op, read))
            return false;
    return true;
}

/* ResolveGroupingAnalytics.replaceGroupingFunc transforms the aggregate expressions whole,
   the aggregates' arguments and FILTERs included: there grouping(c) and grouping_id() are
   the same expressions over Expand's spark_grouping_id of the row, the id of the set it is
   aggregated in (`sum(grouping(a))` counts a group's rows in sets without a).  With a plain
   GROUP BY, CheckAnalysis refuses them as elsewhere. */
void sema_grouping_in_aggs(SemaCtx *sc, const SelBlock *blk)
{
    SSelect *sel = blk->sel;
    for (int i = 0; i < sel->n_group; i++)
        if (!sel->group[i])
            return; /* the keys failed: reported */
    bool read = false;
    for (int i = 0; i < sel->n_agg; i++) {
        SAgg *a = &sel->aggs[i];
        bool ok = over_row_gid(sc, blk, a->arg, &read) && over_row_gid(sc, blk, a->arg2, &read);
        for (int d = 0; ok && d < a->n_dargs; d++)
            ok = over_row_gid(sc, blk, a->dargs[d], &read);
        if (!ok)
            return;
    }
    sel->aggs_read_gid = read;
}

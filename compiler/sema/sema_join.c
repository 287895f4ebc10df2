/* sema_join.c - joins in FROM: which side streams, and Spark's join rules for streams.
**
** The rules are Spark 3.5's UnsupportedOperationChecker.checkForStreaming, `case j @ Join`,
** applied bottom-up (plan.foreachUp) with its exact messages, at the join keywords:
**   Inner, Cross           any sides
**   LeftOuter, LeftSemi    not static on the left with a stream on the right; two streams
**                          with checkForStreamStreamJoinWatermark (stream_join)
**   LeftAnti               not a stream on the right
**   RightOuter             not a stream on the left with static on the right; two streams
**                          as LeftOuter
**   FullOuter              not with exactly one streaming side; two streams as LeftOuter
** (the append-mode rule of a join of two streams is sema_stream.c's rule_stream_join).
** A join of two streams (Spark's StreamingSymmetricHashJoinExec) keeps both sides in state:
** each side becomes a branch of the query, as a UNION ALL's (SJoin.streams; stream_join
** below derives the state watermarks).  Every other join runs as a hash join (SJoin, sema.h):
** the stream (in a batch query the preserved side, else the left one) is probed row by row
** against a hash table of the static side, built by a batch query of its own.  A full outer
** join of two tables probes with the left one and then outputs the right one's rows no left
** row matched (SJoin.full).
** The joined scope follows Spark's analyzer: left columns then right ones (left only for
** semi/anti joins, but ON sees both); USING keys first (Analyzer.commonNaturalJoinProcessing).
** The key column is the left side's (the right's for a right outer join, coalesce(left,
** right) without a relation for a full one); each side's own key column stays in the scope
** hidden (Project.hiddenOutputTag, qualifiedAccessOnly): reached as relation.key or
** relation.*, never by an unqualified name or `*`, and passed on through the joins above.
*/
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

int sema_from_streaming(SemaCtx *sc, const AstFrom *f)
{
    if (!f)
        return 0;
    switch (f->kind) {
    case FROM_NAME: {
        SSource *src = sema_find_source(sc, f->name);
        return src ? !src->is_static : -1;
    }
    case FROM_SUBQUERY: {
        int any = f->sub ? sema_from_streaming(sc, f->sub->from) : -1;
        for (int i = 1; i < f->n_branches && any >= 0; i++) { /* UNION ALL: any branch */
            int b = sema_from_streaming(sc, f->branches[i]->from);
            any = b < 0 ? -1 : any || b;
        }
        return any;
    }
    case FROM_JOIN: {
        int l = sema_from_streaming(sc, f->join->left);
        int r = sema_from_streaming(sc, f->join->right);
        return l < 0 || r < 0 ? -1 : l || r;
    }
    }
    return -1;
}

/* Spark's message for a join of a stream with a static side that it refuses, or NULL. */
static const char *refusal(AstJoinType type, bool left_stream, bool right_stream)
{
    switch (type) {
    case JOIN_INNER:
    case JOIN_CROSS:
        return NULL;
    case JOIN_FULL_OUTER:
        if (left_stream && !right_stream)
            return "FullOuter joins with streaming DataFrames/Datasets on the left and a static "
                   "DataFrame/Dataset on the right is not supported";
        if (!left_stream && right_stream)
            return "FullOuter joins with streaming DataFrames/Datasets on the right and a static "
                   "DataFrame/Dataset on the left is not supported";
        return NULL;
    case JOIN_LEFT_ANTI:
        return right_stream ? "LeftAnti joins with a streaming DataFrame/Dataset on the right are "
                              "not supported"
                            : NULL;
    case JOIN_LEFT_OUTER:
        return !left_stream && right_stream
                   ? "LeftOuter join with a streaming DataFrame/Dataset on the right and a static "
                     "DataFrame/Dataset on the left is not supported"
                   : NULL;
    case JOIN_LEFT_SEMI:
        return !left_stream && right_stream
                   ? "LeftSemi join with a streaming DataFrame/Dataset on the right and a static "
                     "DataFrame/Dataset on the left is not supported"
                   : NULL;
    case JOIN_RIGHT_OUTER:
        return left_stream && !right_stream
                   ? "RightOuter join with a streaming DataFrame/Dataset on the left and a static "
                     "DataFrame/DataSet on the right not supported"
                   : NULL;
    }
    return NULL;
}

/* Checks the joins of f bottom-up; returns its streaming side as sema_from_streaming, or -1
   once an error was reported below or here (so outer joins stay quiet). */
static int check_join(SemaCtx *sc, const AstFrom *f)
{
    if (f->kind != FROM_JOIN)
        return sema_from_streaming(sc, f);
    const AstJoin *j = f->join;
    int l = check_join(sc, j->left);
    int r = check_join(sc, j->right);
    if (l < 0 || r < 0)
        return -1;
    const char *msg = refusal(j->type, l, r);
    if (msg) {
        diag_error(sc->diag, j->join_span, "%s", msg);
        return -1;
    }
    return l || r;
}

/* Reports the FROM names of f that name no source or table. */
static void check_names(SemaCtx *sc, const AstFrom *f)
{
    switch (f->kind) {
    case FROM_NAME:
        if (!sema_find_source(sc, f->name))
            sema_unknown_source(sc, f);
        return;
    case FROM_SUBQUERY:
        if (f->sub && f->sub->from)
            check_names(sc, f->sub->from);
        return;
    case FROM_JOIN:
        check_names(sc, f->join->left);
        check_names(sc, f->join->right);
        return;
    }
}


/* ==== The joined scope ==== */

typedef struct Scope {
    SColumn *cols;
    const char **rel; /* the relation (alias or name) of each column; NULL: none */
    bool *hidden;     /* a USING join's hidden column (sema_input_hidden) */
    int *raw;         /* a join's: the column of its raw space each one is */
    int n;
} Scope;

/* What a FROM item reads: its scope and where its rows come from. */
typedef struct Rel {
    Scope s;
    bool streaming;        /* reads a stream */
    SSource *source;       /* a name ... */
    SSelect *sub;          /* ... a subquery (ast: as written) ... */
    const AstSelect *ast;
    SJoin *join;           /* ... or a join of probe with its build side */
    struct Rel *probe;
} Rel;

static void scope_alloc(SemaCtx *sc, Scope *s, int n)
{
    s->cols = ARENA_NEW_N(sc->arena, SColumn, n ? n : 1);
    s->rel = ARENA_NEW_N(sc->arena, const char *, n ? n : 1);
    s->hidden = ARENA_NEW_N(sc->arena, bool, n ? n : 1);
    s->raw = ARENA_NEW_N(sc->arena, int, n ? n : 1);
    s->n = 0;
}

/* Adds column i of from, raw column raw; nullable: of an outer join's NULL side
   (withNullability(true)). */
static void scope_add(Scope *s, const Scope *from, int i, int raw, bool nullable)
{
    s->cols[s->n] = from->cols[i];
    if (nullable)
        s->cols[s->n].never_null = false;
    s->rel[s->n] = from->rel[i];
    s->hidden[s->n] = from->hidden[i];
    s->raw[s->n] = raw;
    s->n++;
}

/* Adds the columns of side (its first raw column base) that are hidden (hidden) or not, but
   the USING keys (skip, or NULL). */
static void scope_add_side(Scope *s, const Scope *side, int base, bool hidden, const bool *skip,
                           bool nullable)
{
    for (int i = 0; i < side->n; i++)
        if (side->hidden[i] == hidden && !(skip && skip[i]))
            scope_add(s, side, i, base + i, nullable);
}

/* `a`.`b` of a column for Spark's messages. */
static const char *sql_id(SemaCtx *sc, const char *rel, const char *name)
{
    return rel ? arena_sprintf(sc->arena, "`%s`.`%s`", rel, name) : arena_sprintf(sc->arena, "`%s`", name);
}

/* The only column of s named name, -1 if none, -2 if several (reported at at); not a
   hidden one (the side's output). */
static int find_key(SemaCtx *sc, const Scope *s, const char *name, SrcSpan at)
{
    int found = -1, n = 0;
    for (int i = 0; i < s->n; i++)
        if (!s->hidden[i] && strcasecmp(s->cols[i].name, name) == 0) {
            found = i;
            n++;
        }
    if (n <= 1)
        return found;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0, k = 0; i < s->n; i++)
        if (!s->hidden[i] && strcasecmp(s->cols[i].name, name) == 0)
            sb_printf(&sb, "%s%s", k++ ? ", " : "", sql_id(sc, s->rel[i], s->cols[i].name));
    /* Spark 3.5 error class AMBIGUOUS_REFERENCE (QueryCompilationErrors.ambiguousReferenceError). */
    diag_error(sc->diag, at, "Reference `%s` is ambiguous, could be: [%s].", name, sb.data);
    return -2;
}

static bool rel_of(SemaCtx *sc, const AstFrom *f, const AstSelect *ast, Rel *r);

/* USING (k, ...): Spark's UNRESOLVED_USING_COLUMN_FOR_JOIN when a side lacks a key. */
static bool using_key(SemaCtx *sc, const Scope *side, const char *side_name, const char *key,
                      SrcSpan at, int *col)
{
    *col = find_key(sc, side, key, at);
    if (*col == -2)
        return false;
    if (*col >= 0)
        return true;
    StrBuf sb;
    sb_init(&sb, sc->arena);
    for (int i = 0, k = 0; i < side->n; i++)
        if (!side->hidden[i])
            sb_printf(&sb, "%s`%s`", k++ ? ", " : "", side->cols[i].name);
    diag_error(sc->diag, at,
               "USING column `%s` cannot be resolved on the %s side of the join. The %s-side "
               "columns: [%s].",
               key, side_name, side_name, sb.data);
    return false;
}

/* ==== Keys and condition ==== */

/* Which sides an expression over the raw space reads: 1 left, 2 right. */
static int sides(const SExpr *e, int n_left, int n_raw, bool *scratch)
{
    for (int i = 0; i < n_raw; i++)
        scratch[i] = false;
    sema_expr_columns(e, scratch, n_raw);
    int m = 0;
    for (int i = 0; i < n_raw; i++)
        if (scratch[i])
            m |= i < n_left ? 1 : 2;
    return m;
}

/* Can a value of type t be a key of the hash table (an encodable, comparable key)?  A struct
   of timestamps, a window column, is one (as a GROUP BY window key, its fields in fixed
   slots); its fields are never NULL when window() made it. */
static bool key_type(const Type *t)
{
    if (t->kind == TY_STRUCT) {
        for (int f = 0; f < t->n_fields; f++)
            if (t->fields[f].type->kind != TY_TIMESTAMP)
                return false;
        return t->n_fields > 0;
    }
    if (t->kind == TY_ARRAY || type_is_nested(t))
        return false;
    return true;
}

static SExpr *and_of(SemaCtx *sc, SExpr *a, SExpr *b)
{
    if (!a)
        return b;
    SExpr *e = sema_new_expr(sc, SX_AND, &type_boolean, a->span);
    e->u.bin.op = BOP_AND;
    e->u.bin.lhs = a;
    e->u.bin.rhs = b;
    return e;
}

static void add_key(SemaCtx *sc, SJoin *j, SExpr *probe, SExpr *build)
{
    SExpr **pk = ARENA_NEW_N(sc->arena, SExpr *, j->n_keys + 1);
    SExpr **bk = ARENA_NEW_N(sc->arena, SExpr *, j->n_keys + 1);
    for (int i = 0; i < j->n_keys; i++) {
        pk[i] = j->probe_keys[i];
        bk[i] = j->build_keys[i];
    }
    pk[j->n_keys] = probe;
    bk[j->n_keys] = build;
    j->probe_keys = pk;
    j->build_keys = bk;
    j->n_keys++;
}

/* A join whose condition is split into its conjuncts (scratch: sides' own, or NULL). */
typedef struct SplitOn {
    SemaCtx *sc;
    SJoin *j;
    bool *scratch;
} SplitOn;

/* Conjunct e of ON: an equi-join key (a = b with a over one side and b over the other, as
   Spark's ExtractEquiJoinKeys), else kept in the condition. */
static void split_on(SExpr *e, void *ctx)
{
    const SplitOn *so = ctx;
    SemaCtx *sc = so->sc;
    SJoin *j = so->j;
    bool *scratch = so->scratch;
    int n_raw = j->n_left + j->n_right;
    if (e->kind == SX_CMP && e->u.bin.op == BOP_EQ && key_type(e->u.bin.lhs->type)) {
        int l = sides(e->u.bin.lhs, j->n_left, n_raw, scratch);
        int r = sides(e->u.bin.rhs, j->n_left, n_raw, scratch);
        int probe = j->probe_left ? 1 : 2, build = j->probe_left ? 2 : 1;
        if (l == probe && r == build) {
            add_key(sc, j, e->u.bin.lhs, e->u.bin.rhs);
            return;
        }
        if (l == build && r == probe) {
            add_key(sc, j, e->u.bin.rhs, e->u.bin.lhs);
            return;
        }
    }
    j->cond = and_of(sc, j->cond, e);
}

/* ==== The build side ==== */

static SSelect *rel_select(SemaCtx *sc, const Rel *r, SrcSpan span);

/* The block that reads r's rows and passes every column on (a join's raw input, or a table). */
static SSelect *pass_through(SemaCtx *sc, const Rel *r, SrcSpan span)
{
    SSelect *s = ARENA_NEW(sc->arena, SSelect);
    s->span = span;
    s->window_group = -1;
    s->gen = -1;
    if (r->join) {
        s->join = r->join;
        if (r->probe->source)
            s->source = r->probe->source;
        else
            s->sub = rel_select(sc, r->probe, span);
    } else {
        s->source = r->source;
    }
    s->input.cols = r->s.cols;
    s->input.n = r->s.n;
    s->n_out = r->s.n;
    s->out = ARENA_NEW_N(sc->arena, SOutCol, r->s.n ? r->s.n : 1);
    for (int i = 0; i < r->s.n; i++) {
        SExpr *c = sema_new_expr(sc, SX_COLUMN, r->s.cols[i].type, span);
        c->u.column = i;
        s->out[i].name = r->s.cols[i].name;
        s->out[i].expr = c;
        s->out[i].span = span;
    }
    s->output = s->input;
    return s;
}

/* The SELECT block of a relation: its subquery, or a block passing its columns on. */
static SSelect *rel_select(SemaCtx *sc, const Rel *r, SrcSpan span)
{
    return r->sub ? r->sub : pass_through(sc, r, span);
}

/* The build side of a join as a batch query of its own. */
static SQuery *build_query(SemaCtx *sc, const Rel *b, const AstJoin *j)
{
    SQuery *q = ARENA_NEW(sc->arena, SQuery);
    q->span = j->join_span;
    q->index = -1;
    q->batch = true;
    q->build = true;
    q->limit = -1;
    q->select = rel_select(sc, b, j->join_span);
    /* The whole result table of an aggregation, as a batch query's (sema_stream.c). */
    q->mode = MODE_APPEND;
    for (const SSelect *s = q->select; s; s = s->sub)
        if (s->has_agg)
            q->mode = MODE_COMPLETE;
    return q;
}

/* ==== Stream-stream joins ==== */

/* Is column c of a side's block the watermarked event time (Spark: its attribute carries
   EventTimeWatermark.delayKey)? */
static bool side_event_time(const SSelect *side, int c)
{
    SSelect over = {0};
    over.sub = (SSelect *)side;
    SExpr col = {0};
    col.kind = SX_COLUMN;
    col.u.column = c;
    return sema_is_event_time(&over, &col);
}

/* Is raw column c (left columns, then right ones) of sj a watermarked column of its side? */
static bool raw_event_time(const SJoin *sj, int c)
{
    return c < sj->n_left ? side_event_time(sj->sides[0], c)
                          : side_event_time(sj->sides[1], c - sj->n_left);
}

/* A term of StreamingJoinHelper.collectTerms: a raw column (col >= 0) or a constant in µs,
   negated or not. */
typedef struct Term {
    int col;
    double us;
    bool neg;
} Term;

typedef struct Terms {
    Term t[16];
    int n;
    bool invalid;
} Terms;

static void add_term(Terms *ts, int col, double us, bool neg)
{
    if (ts->n == 16) {
        ts->invalid = true;
        return;
    }
    ts->t[ts->n++] = (Term){col, us, neg};
}

/* collectTerms: e as a sum of columns and constants (µs); anything else makes it invalid. */
static void collect_terms(const SExpr *e, bool neg, Terms *ts)
{
    switch (e->kind) {
    case SX_ARITH:
        if (e->u.bin.op == BOP_ADD || e->u.bin.op == BOP_SUB) {
            collect_terms(e->u.bin.lhs, neg, ts);
            collect_terms(e->u.bin.rhs, e->u.bin.op == BOP_SUB ? !neg : neg, ts);
            return;
        }
        break;
    case SX_NEG:
        collect_terms(e->u.arg, !neg, ts);
        return;
    case SX_CAST:
        if (type_is_numeric(e->type) || e->type->kind == TY_TIMESTAMP) {
            collect_terms(e->u.arg, neg, ts);
            return;
        }
        break;
    case SX_COLUMN:
        add_term(ts, e->u.column, 0, neg);
        return;
    case SX_CONST:
        if (e->u.value.is_null)
            break;
        switch (e->type->kind) {
        case TY_INTERVAL:
            add_term(ts, -1, (double)e->u.value.i, neg);
            return;
        /* numbers count as seconds; a timestamp literal's µs are multiplied by 10^6 as Spark does
         */
        case TY_TINYINT:
        case TY_SMALLINT:
        case TY_INT:
        case TY_BIGINT:
        case TY_TIMESTAMP:
            add_term(ts, -1, (double)e->u.value.i * 1e6, neg);
            return;
        case TY_DOUBLE:
            add_term(ts, -1, e->u.value.d * 1e6, neg);
            return;
        default:
            break;
        }
        break;
    default:
        break;
    }
    ts->invalid = true;
}

/* getStateWatermarkFromLessThenPredicate for lhs < rhs: the bound (µs after the watermark) on
   side find's columns from the watermark of side other, or false when none follows. */
static bool less_than_bound(const SJoin *sj, const SExpr *lhs, const SExpr *rhs, int find,
                            double *c_us)
{
    Terms ts = {0};
    collect_terms(lhs, false, &ts);
    collect_terms(rhs, true, &ts);
    if (ts.invalid)
        return false;
    int find_col = -1, other_col = -1, n_constraint = 0;
    const Term *constraint = NULL, *wm = NULL;
    double c = 0;
    for (int i = 0; i < ts.n; i++) {
        const Term *t = &ts.t[i];
        if (t->col < 0) {
            c += t->neg ? -t->us : t->us;
            continue;
        }
        bool mine = (t->col < sj->n_left) == (find == 0);
        int *seen = mine ? &find_col : &other_col;
        if (*seen >= 0 && *seen != t->col)
            return false; /* more than one attribute of a side: not solvable */
        *seen = t->col;
        if (mine) {
            constraint = t;
            n_constraint++;
        } else {
            wm = t;
        }
    }
    /* One constraint term, in the form -time (else nothing bounds this side); the other side's
       term is its watermarked column, replaced by the watermark (sluice needs it once and
       positive: Spark would also evaluate a constant or negated watermark). */
    if (n_constraint != 1 || !constraint->neg || !wm || wm->neg || !raw_event_time(sj, wm->col))
        return false;
    *c_us = c;
    return true;
}

/* StreamingJoinHelper.getStateValueWatermark for side find (0 left, 1 right): the bounds from
   the conjuncts of the condition (each lhs < rhs, <=, >, >=), into out (NULL: count only). */
typedef struct Bounds {
    const SJoin *sj;
    int find;
    SJoinBound *out;
    int n;
} Bounds;

/* Conjunct e's bound (lhs < rhs, <=, >, >=), if it gives one, at bs->out[bs->n]. */
static void value_bound(SExpr *e, void *ctx)
{
    Bounds *bs = ctx;
    if (e->kind != SX_CMP)
        return;
    const SExpr *l = e->u.bin.lhs, *r = e->u.bin.rhs;
    bool flip = e->u.bin.op == BOP_GT || e->u.bin.op == BOP_GE;
    bool inclusive = e->u.bin.op == BOP_LE || e->u.bin.op == BOP_GE;
    if (e->u.bin.op != BOP_LT && e->u.bin.op != BOP_LE && !flip)
        return;
    double c;
    if (!less_than_bound(bs->sj, flip ? r : l, flip ? l : r, bs->find, &c))
        return;
    if (bs->out)
        bs->out[bs->n] = (SJoinBound){(int64_t)c, inclusive};
    bs->n++;
}

int sema_join_value_bounds(const SJoin *sj, const SExpr *e, int find, SJoinBound *out, int n)
{
    Bounds bs = {sj, find, out, n};
    sema_conjuncts(e, NULL, value_bound, &bs);
    return bs.n;
}

/* JoinConditionSplitPredicates: conjunct e of the condition goes to side_cond[0] when over
   the left side only (or no column), to side_cond[1] when over the right side only, else it
   stays in cond. */
static void split_conjunct(SExpr *e, void *ctx)
{
    const SplitOn *so = ctx;
    SemaCtx *sc = so->sc;
    SJoin *sj = so->j;
    int n_raw = sj->n_left + sj->n_right;
    bool *scratch = ARENA_NEW_N(sc->arena, bool, n_raw + 1);
    int m = sides(e, sj->n_left, n_raw, scratch);
    if (m == 0 || m == 1)
        sj->side_cond[0] = and_of(sc, sj->side_cond[0], e);
    else if (m == 2)
        sj->side_cond[1] = and_of(sc, sj->side_cond[1], e);
    else
        sj->cond = and_of(sc, sj->cond, e);
}

static void split_sides(SemaCtx *sc, SJoin *sj)
{
    SExpr *all = sj->cond;
    sj->cond = NULL;
    sema_conjuncts(all, NULL, split_conjunct, &(SplitOn){sc, sj, NULL});
}

/* The state watermark of each side and Spark's checks of a stream-stream join
   (UnsupportedOperationChecker.checkForStreamStreamJoinWatermark). */
static bool stream_join(SemaCtx *sc, SJoin *sj, const Rel *l, const Rel *r, const AstJoin *j)
{
    if (l->join || r->join) {
        diag_error(sc->diag, j->join_span,
                   "a stream-stream join of a join is not supported yet; join two streams");
        return false;
    }
    sj->streams = true;
    sj->sides[0] = rel_select(sc, l, j->join_span);
    sj->sides[1] = rel_select(sc, r, j->join_span);
    sj->probe_ast = l->ast;
    sj->probe_sub = l->sub;
    for (int s = 0; s < 2; s++) {
        const SSelect *side = sj->sides[s];
        sj->wm_col[s] = -1;
        for (int c = 0; c < side->n_out && sj->wm_col[s] < 0; c++)
            if (side_event_time(side, c))
                sj->wm_col[s] = c;
        sj->n_bounds[s] = sema_join_value_bounds(sj, sj->cond, s, NULL, 0);
        sj->bounds[s] = ARENA_NEW_N(sc->arena, SJoinBound, sj->n_bounds[s] + 1);
        sema_join_value_bounds(sj, sj->cond, s, sj->bounds[s], 0);
        if (sj->wm_col[1 - s] < 0)
            sj->n_bounds[s] = 0; /* no watermark on the other side: nothing to solve with */
    }
    /* findJoinKeyOrdinalForWatermark: the first left key, else right key, that is a
       watermarked column. */
    sj->key_wm = -1;
    for (int side = 0; side < 2 && sj->key_wm < 0; side++)
        for (int k = 0; k < sj->n_keys && sj->key_wm < 0; k++) {
            const SExpr *e = side ? sj->build_keys[k] : sj->probe_keys[k];
            if (e->kind == SX_COLUMN && raw_event_time(sj, e->u.column))
                sj->key_wm = k;
        }
    split_sides(sc, sj);
    sj->outer[0] = j->type == JOIN_LEFT_OUTER || j->type == JOIN_FULL_OUTER;
    sj->outer[1] = j->type == JOIN_RIGHT_OUTER || j->type == JOIN_FULL_OUTER;
    if (j->type == JOIN_INNER || j->type == JOIN_CROSS)
        return true;
    bool range;
    switch (j->type) {
    case JOIN_LEFT_OUTER:
    case JOIN_LEFT_SEMI:
        range = sj->n_bounds[0] > 0;
        break;
    case JOIN_RIGHT_OUTER:
        range = sj->n_bounds[1] > 0;
        break;
    default:
        range = sj->n_bounds[0] > 0 || sj->n_bounds[1] > 0;
        break;
    }
    if (sj->key_wm < 0 && !range) {
        diag_error(sc->diag, j->join_span,
                   "Stream-stream %s join between two streaming DataFrame/Datasets is not "
                   "supported without a watermark in the join keys, or a watermark on the "
                   "nullable side and an appropriate range condition",
                   ast_join_type_name(j->type));
        return false;
    }
    return true;
}

/* ==== Joins ==== */

/* A NATURAL join as the USING join Spark's ResolveNaturalAndUsingJoin makes of it: the
   left side's column names that the right side has too, compared as spelled (Scala's
   Seq.intersect: a name the left has n times and the right m times counts min(n, m) times,
   the first ones, in the left's order).  No common name: no key, a join without condition. */
static const AstJoin *natural_using(SemaCtx *sc, const AstJoin *j, const Scope *l, const Scope *r)
{
    AstJoin *u = ARENA_NEW(sc->arena, AstJoin);
    *u = *j;
    u->using = ARENA_NEW_N(sc->arena, const char *, l->n ? l->n : 1);
    u->using_spans = ARENA_NEW_N(sc->arena, SrcSpan, l->n ? l->n : 1);
    bool *taken = ARENA_NEW_N(sc->arena, bool, r->n ? r->n : 1);
    for (int i = 0; i < l->n; i++)
        for (int k = 0; !l->hidden[i] && k < r->n; k++)
            if (!taken[k] && !r->hidden[k] && strcmp(l->cols[i].name, r->cols[k].name) == 0) {
                taken[k] = true;
                u->using_spans[u->n_using] = j->join_span;
                u->using[u->n_using++] = l->cols[i].name;
                break;
            }
    return u;
}

/* The USING key just added to s of a full outer join: coalesce(left key, right key) of the
   wider type (Spark's commonNaturalJoinProcessing, FullOuter: Alias(Coalesce(l, r), l.name);
   Coalesce's type coercion, findWiderTypeForTwo), the right key at raw column alt; the
   scope has room for n_max columns.  It has no relation: Alias(...)() has no qualifier. */
static bool full_key(SemaCtx *sc, SJoin *sj, Scope *s, int alt, const SColumn *right, int n_max)
{
    s->rel[s->n - 1] = NULL;
    if (!sj->input_alt) {
        sj->input_alt = ARENA_NEW_N(sc->arena, int, n_max + 1);
        for (int i = 0; i <= n_max; i++)
            sj->input_alt[i] = -1;
    }
    SColumn *key = &s->cols[s->n - 1];
    const Type *t = sema_wider_type(sc->arena, key->type, right->type);
    if (!t) /* the keys compare (sema_compare passed), so a wider type exists */
        return false;
    key->type = t;
    key->never_null = false;
    sj->input_alt[s->n - 1] = alt;
    return true;
}

/* The hidden columns a USING join adds (commonNaturalJoinProcessing's hiddenList): the right
   side's keys (inner, left outer), the left's (right outer), both (full outer); none for
   semi and anti joins. */
static void using_hidden(Scope *s, const AstJoin *j, const Rel *l, const Rel *r, const int *lkey,
                         const int *rkey)
{
    bool left = j->type == JOIN_RIGHT_OUTER || j->type == JOIN_FULL_OUTER;
    bool right = j->type == JOIN_INNER || j->type == JOIN_CROSS || j->type == JOIN_LEFT_OUTER ||
                 j->type == JOIN_FULL_OUTER;
    for (int i = 0; left && i < j->n_using; i++) {
        scope_add(s, &l->s, lkey[i], lkey[i], true);
        s->hidden[s->n - 1] = true;
    }
    for (int i = 0; right && i < j->n_using; i++) {
        scope_add(s, &r->s, rkey[i], l->s.n + rkey[i],
                  j->type != JOIN_INNER && j->type != JOIN_CROSS);
        s->hidden[s->n - 1] = true;
    }
}

static bool join_rel(SemaCtx *sc, const AstJoin *j, const AstSelect *ast, Rel *out)
{
    Rel *l = ARENA_NEW(sc->arena, Rel), *r = ARENA_NEW(sc->arena, Rel);
    bool ok = rel_of(sc, j->left, ast, l);
    ok = rel_of(sc, j->right, ast, r) && ok;
    if (!ok)
        return false;
    if (j->natural)
        j = natural_using(sc, j, &l->s, &r->s);
    Scope *s = &out->s;
    bool left_only = j->type == JOIN_LEFT_SEMI || j->type == JOIN_LEFT_ANTI;
    out->streaming = l->streaming || r->streaming;
    /* Joins Spark refuses, or sluice does not run, are reported by check_join. */
    bool streams = l->streaming && r->streaming;
    bool runs = !refusal(j->type, l->streaming, r->streaming);
    SJoin *sj = ARENA_NEW(sc->arena, SJoin);
    sj->type = sj->written = j->type;
    sj->span = j->join_span;
    sj->n_left = l->s.n;
    sj->n_right = r->s.n;
    sj->full = !out->streaming && j->type == JOIN_FULL_OUTER;
    sj->probe_left = streams || (r->streaming   ? false
                                 : l->streaming ? true
                                                : j->type != JOIN_RIGHT_OUTER);
    switch (j->type) {
    case JOIN_INNER:
    case JOIN_CROSS: sj->kind = SJ_INNER; break;
    case JOIN_LEFT_SEMI: sj->kind = SJ_SEMI; break;
    case JOIN_LEFT_ANTI: sj->kind = SJ_ANTI; break;
    default: sj->kind = SJ_OUTER; break;
    }
    int cap = l->s.n + r->s.n + 2 * j->n_using;
    scope_alloc(sc, s, cap);
    /* The raw space: left columns, then right ones. */
    Scope raw;
    scope_alloc(sc, &raw, l->s.n + r->s.n);
    for (int i = 0; i < l->s.n; i++)
        scope_add(&raw, &l->s, i, i, false);
    for (int i = 0; i < r->s.n; i++)
        scope_add(&raw, &r->s, i, l->s.n + i, false);
    /* Join.output: an outer join's NULL side nullable (withNullability(true)) */
    bool l_null = j->type == JOIN_RIGHT_OUTER || j->type == JOIN_FULL_OUTER;
    bool r_null = j->type == JOIN_LEFT_OUTER || j->type == JOIN_FULL_OUTER;
    sj->raw.cols = raw.cols;
    sj->raw.n = raw.n;
    SelBlock blk = {0};
    SSelect dummy = {0};
    SSchema input = {raw.cols, raw.n};
    blk.sel = &dummy;
    blk.ast = ast;
    blk.input = &input;
    blk.input_rels = raw.rel;
    blk.input_hidden = raw.hidden;
    Binder b = {sc, &blk, "ON", false, false, false, OUT_NONE, NULL, NULL, false, NULL, NULL};
    bool *scratch = ARENA_NEW_N(sc->arena, bool, raw.n ? raw.n : 1);
    if (j->n_using) {
        /* Spark's commonNaturalJoinProcessing: the keys (the right side's for a right outer
           join), then the other left columns, then the other right ones. */
        bool *lk = ARENA_NEW_N(sc->arena, bool, l->s.n ? l->s.n : 1);
        bool *rk = ARENA_NEW_N(sc->arena, bool, r->s.n ? r->s.n : 1);
        int *lkey = ARENA_NEW_N(sc->arena, int, j->n_using);
        int *rkey = ARENA_NEW_N(sc->arena, int, j->n_using);
        for (int i = 0; i < j->n_using; i++) {
            int lc, rc;
            if (!j->using[i] || !using_key(sc, &l->s, "left", j->using[i], j->using_spans[i], &lc) ||
                !using_key(sc, &r->s, "right", j->using[i], j->using_spans[i], &rc))
                return false;
            lk[lc] = rk[rc] = true;
            lkey[i] = lc;
            rkey[i] = rc;
            if (j->type == JOIN_RIGHT_OUTER)
                scope_add(s, &r->s, rc, l->s.n + rc, false);
            else
                scope_add(s, &l->s, lc, lc, false);
            /* l.k = r.k, typed as Spark's EqualTo after coercion. */
            SExpr *lx = sema_new_expr(sc, SX_COLUMN, l->s.cols[lc].type, j->using_spans[i]);
            SExpr *rx = sema_new_expr(sc, SX_COLUMN, r->s.cols[rc].type, j->using_spans[i]);
            lx->u.column = lc;
            rx->u.column = l->s.n + rc;
            const AstExpr *al = ast_new_column(sc->arena, l->s.cols[lc].name, j->using_spans[i]);
            const AstExpr *ar = ast_new_column(sc->arena, r->s.cols[rc].name, j->using_spans[i]);
            SExpr *eq = sema_compare(&b, BOP_EQ, lx, rx, al, ar, j->using_spans[i]);
            if (!eq)
                return false;
            sema_conjuncts(eq, NULL, split_on, &(SplitOn){sc, sj, scratch});
            if (j->type == JOIN_FULL_OUTER &&
                !full_key(sc, sj, s, l->s.n + rc, &r->s.cols[rc], cap))
                return false;
        }
        scope_add_side(s, &l->s, 0, false, lk, l_null);
        if (!left_only)
            scope_add_side(s, &r->s, l->s.n, false, rk, r_null);
        using_hidden(s, j, l, r, lkey, rkey);
    } else {
        scope_add_side(s, &l->s, 0, false, NULL, l_null);
        if (!left_only)
            scope_add_side(s, &r->s, l->s.n, false, NULL, r_null);
        if (j->on) {
            /* ON sees both sides, also for semi and anti joins. */
            SExpr *on = sema_bind_bool(&b, j->on, "ON");
            if (!on)
                return false;
            sema_conjuncts(on, NULL, split_on, &(SplitOn){sc, sj, scratch});
        }
    }
    /* Join.metadataOutput: the hidden columns of the joins below (the left side's only for
       a semi or anti join). */
    scope_add_side(s, &l->s, 0, true, NULL, l_null);
    if (!left_only)
        scope_add_side(s, &r->s, l->s.n, true, NULL, r_null);
    if (!runs)
        return false;
    sj->input = s->raw;
    sj->n_input = s->n;
    if (streams) {
        if (!stream_join(sc, sj, l, r, j))
            return false;
        out->join = sj;
        out->probe = l;
        return true;
    }
    Rel *probe = sj->probe_left ? l : r, *build = sj->probe_left ? r : l;
    sj->build = build_query(sc, build, j);
    if (probe->join) {
        sj->probe_ast = probe->join->probe_ast;
        sj->probe_sub = probe->join->probe_sub;
    } else {
        sj->probe_ast = probe->ast;
        sj->probe_sub = probe->sub;
    }
    out->join = sj;
    out->probe = probe;
    return true;
}

static bool rel_of(SemaCtx *sc, const AstFrom *f, const AstSelect *ast, Rel *r)
{
    Scope *s = &r->s;
    switch (f->kind) {
    case FROM_NAME: {
        SSource *src = sema_find_source(sc, f->name);
        if (!src || src->schema.n == 0)
            return false;
        scope_alloc(sc, s, src->schema.n);
        for (int i = 0; i < src->schema.n; i++) {
            s->cols[i] = src->schema.cols[i];
            s->rel[i] = f->alias ? f->alias : src->name;
            s->hidden[i] = false;
            s->raw[i] = i;
        }
        s->n = src->schema.n;
        r->source = src;
        r->streaming = !src->is_static;
        return true;
    }
    case FROM_SUBQUERY: {
        if (!f->sub)
            return false;
        /* A subquery over tables only is a batch query, also inside a streaming one (Spark
           checks the streaming parts of a plan only). */
        int streaming = sema_from_streaming(sc, f->sub->from);
        bool saved = sc->batch_query;
        if (streaming == 0)
            sc->batch_query = true;
        SSelect *sub = sema_bind_select(sc, f->sub);
        sc->batch_query = saved;
        if (streaming == 0 && (f->sub->limit || f->sub->offset)) {
            diag_error(sc->diag, f->sub->span,
                       "LIMIT and OFFSET in a joined subquery are not supported yet");
            return false;
        }
        scope_alloc(sc, s, sub->output.n);
        for (int i = 0; i < sub->output.n; i++) {
            s->cols[i] = sub->output.cols[i];
            s->rel[i] = f->alias;
            s->hidden[i] = false;
            s->raw[i] = i;
        }
        s->n = sub->output.n;
        r->sub = sub;
        r->ast = f->sub;
        r->streaming = streaming != 0;
        return true;
    }
    case FROM_JOIN:
        return join_rel(sc, f->join, ast, r);
    }
    return false;
}

bool sema_bind_join(SemaCtx *sc, const AstFrom *from, SelBlock *blk)
{
    check_names(sc, from);
    Rel r = {0};
    bool ok = rel_of(sc, from, blk->ast, &r);
    int streaming = check_join(sc, from);
    if (!ok || streaming < 0 || !r.join)
        return false;
    SSelect *sel = blk->sel;
    sel->join = r.join;
    if (r.join->streams)
        sel->sub = r.join->sides[0]; /* each side a block of its own: a branch (plan_build.c) */
    else if (r.probe->source)
        sel->source = r.probe->source;
    else
        sel->sub = rel_select(sc, r.probe, from->span);
    SSchema *input = ARENA_NEW(sc->arena, SSchema);
    input->cols = r.s.cols;
    input->n = r.s.n;
    blk->input = input;
    blk->input_rels = r.s.rel;
    blk->input_hidden = r.s.hidden;
    return true;
}

bool *sema_join_raw_reads(Arena *arena, const SJoin *j, const bool *in)
{
    int n_raw = j->n_left + j->n_right;
    bool *raw = ARENA_NEW_N(arena, bool, n_raw + 1);
    for (int i = 0; i < j->n_input; i++)
        if (in[i]) {
            raw[j->input[i]] = true;
            if (j->input_alt && j->input_alt[i] >= 0)
                raw[j->input_alt[i]] = true;
        }
    for (int k = 0; k < j->n_keys; k++) {
        sema_expr_columns(j->probe_keys[k], raw, n_raw);
        sema_expr_columns(j->build_keys[k], raw, n_raw);
    }
    sema_expr_columns(j->cond, raw, n_raw);
    return raw;
}

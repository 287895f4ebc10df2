/* check_sema_walk.c - unit tests of compiler/sema/sema_walk.c: the operands of bound
** expressions, the walk's visit order, WALK_PRUNE and WALK_ABORT, and sema_map_operands.
**
** The expressions are built by hand (no parsing), so each test shows its tree:
**   CASE WHEN #0 > 1 THEN coalesce(#1, #2) WHEN #0 IN (#3, 4) THEN 5 ELSE -#4 END
** A visit appends the node's label to a trace, one word each.
*/
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/strbuf.h"
#include "sema/sema.h"
#include "sema/sema_int.h"

static SExpr *node(Arena *a, SExprKind kind)
{
    SExpr *e = ARENA_NEW(a, SExpr);
    e->kind = kind;
    e->type = &type_int;
    return e;
}

static SExpr *col(Arena *a, int c)
{
    SExpr *e = node(a, SX_COLUMN);
    e->u.column = c;
    return e;
}

static SExpr *num(Arena *a, int64_t v)
{
    SExpr *e = node(a, SX_CONST);
    e->u.value.i = v;
    return e;
}

static SExpr *bin(Arena *a, SExprKind kind, AstBinaryOp op, SExpr *l, SExpr *r)
{
    SExpr *e = node(a, kind);
    e->u.bin.op = op;
    e->u.bin.lhs = l;
    e->u.bin.rhs = r;
    return e;
}

static SExpr **list(Arena *a, int n, SExpr *x0, SExpr *x1)
{
    SExpr **v = ARENA_NEW_N(a, SExpr *, n);
    v[0] = x0;
    if (n > 1)
        v[1] = x1;
    return v;
}

/* The tree of the header comment. */
static SExpr *sample(Arena *a)
{
    SExpr *call = node(a, SX_CALL);
    call->u.call.fn = FN_COALESCE;
    call->u.call.n_args = 2;
    call->u.call.args = list(a, 2, col(a, 1), col(a, 2));
    SExpr *in = node(a, SX_IN);
    in->type = &type_boolean;
    in->u.in.arg = col(a, 0);
    in->u.in.n_values = 2;
    in->u.in.values = list(a, 2, col(a, 3), num(a, 4));
    SExpr *neg = node(a, SX_NEG);
    neg->u.arg = col(a, 4);
    SExpr *kase = node(a, SX_CASE);
    kase->u.kase.n_whens = 2;
    kase->u.kase.whens = list(a, 2, bin(a, SX_CMP, BOP_GT, col(a, 0), num(a, 1)), in);
    kase->u.kase.thens = list(a, 2, call, num(a, 5));
    kase->u.kase.else_ = neg;
    return kase;
}

/* A trace of the visits; stop: the label at which to answer answer (else WALK_CONTINUE). */
typedef struct Trace {
    StrBuf sb;
    const char *stop;
    SWalk answer;
} Trace;

static void label(StrBuf *sb, const SExpr *e)
{
    static const char *const names[SX_LAMBDA_VAR + 1] = {
        [SX_CASE] = "case", [SX_CMP] = "cmp", [SX_IN] = "in", [SX_CALL] = "call", [SX_NEG] = "neg"};
    if (e->kind == SX_COLUMN)
        sb_printf(sb, "#%d", e->u.column);
    else if (e->kind == SX_CONST)
        sb_printf(sb, "%lld", (long long)e->u.value.i);
    else
        sb_puts(sb, names[e->kind] ? names[e->kind] : "?");
}

static SWalk record(const SExpr *e, void *ctx)
{
    Trace *t = ctx;
    size_t at = t->sb.len;
    if (at)
        sb_putc(&t->sb, ' ');
    label(&t->sb, e);
    if (t->stop && strcmp(t->sb.data + at + (at ? 1 : 0), t->stop) == 0)
        return t->answer;
    return WALK_CONTINUE;
}

static const char *trace(Arena *a, const SExpr *e, const char *stop, SWalk answer, bool *done)
{
    Trace t = {.stop = stop, .answer = answer};
    sb_init(&t.sb, a);
    *done = sema_walk_expr(e, record, &t);
    return t.sb.data;
}

/* ==== Tests ==== */

START_TEST(test_visit_order)
{
    Arena a;
    arena_init(&a);
    bool done;
    /* pre-order, CASE's operands as Spark's CaseWhen.children: when, then, when, then, else */
    ck_assert_str_eq(trace(&a, sample(&a), NULL, WALK_CONTINUE, &done),
                     "case cmp #0 1 call #1 #2 in #0 #3 4 5 neg #4");
    ck_assert(done);
    ck_assert(sema_walk_expr(NULL, record, &(Trace){0}));
    arena_free(&a);
}
END_TEST

START_TEST(test_prune)
{
    Arena a;
    arena_init(&a);
    bool done;
    /* the call's arguments and the IN's operands are skipped, the walk goes on after them */
    ck_assert_str_eq(trace(&a, sample(&a), "call", WALK_PRUNE, &done),
                     "case cmp #0 1 call in #0 #3 4 5 neg #4");
    ck_assert(done);
    ck_assert_str_eq(trace(&a, sample(&a), "in", WALK_PRUNE, &done),
                     "case cmp #0 1 call #1 #2 in 5 neg #4");
    ck_assert(done);
    ck_assert_str_eq(trace(&a, sample(&a), "case", WALK_PRUNE, &done), "case");
    ck_assert(done);
    arena_free(&a);
}
END_TEST

START_TEST(test_abort)
{
    Arena a;
    arena_init(&a);
    bool done;
    /* nothing after the node that aborts, in its operands or in the rest of the tree */
    ck_assert_str_eq(trace(&a, sample(&a), "#1", WALK_ABORT, &done), "case cmp #0 1 call #1");
    ck_assert(!done);
    ck_assert_str_eq(trace(&a, sample(&a), "in", WALK_ABORT, &done), "case cmp #0 1 call #1 #2 in");
    ck_assert(!done);
    ck_assert_str_eq(trace(&a, sample(&a), "#4", WALK_ABORT, &done),
                     "case cmp #0 1 call #1 #2 in #0 #3 4 5 neg #4");
    ck_assert(!done);
    arena_free(&a);
}
END_TEST

START_TEST(test_operands)
{
    Arena a;
    arena_init(&a);
    SExpr *e = sample(&a);
    int n = 0;
    while (sema_expr_operand(e, n))
        n++;
    ck_assert_int_eq(n, 5); /* 2 whens, 2 thens, else */
    ck_assert_ptr_eq(*sema_expr_operand(e, 1), e->u.kase.thens[0]);
    ck_assert_ptr_eq(*sema_expr_operand(e, 4), e->u.kase.else_);
    ck_assert_ptr_null(sema_expr_operand(num(&a, 1), 0));
    /* a window's gap is an operand only when it is there; its ts slot may hold NULL */
    SExpr *w = node(&a, SX_WINDOW);
    ck_assert_ptr_nonnull(sema_expr_operand(w, 0));
    ck_assert_ptr_null(*sema_expr_operand(w, 0));
    ck_assert_ptr_null(sema_expr_operand(w, 1));
    w->u.window.gap = col(&a, 7);
    ck_assert_ptr_eq(*sema_expr_operand(w, 1), w->u.window.gap);
    ck_assert_ptr_null(sema_expr_operand(w, 2));
    bool used[8] = {false};
    sema_expr_columns(w, used, 8);
    ck_assert(used[7] && !used[0]);
    arena_free(&a);
}
END_TEST

/* Columns become the constant 10 + their number. */
static SExpr *columns_to_consts(SExpr *x, void *ctx)
{
    Arena *a = ctx;
    return x->kind == SX_COLUMN ? num(a, 10 + x->u.column)
                                : sema_map_operands(a, x, columns_to_consts, a);
}

START_TEST(test_map)
{
    Arena a;
    arena_init(&a);
    SExpr *e = sample(&a);
    SExpr *c = sema_map_operands(&a, e, columns_to_consts, &a);
    bool done;
    ck_assert_str_eq(trace(&a, c, NULL, WALK_CONTINUE, &done),
                     "case cmp 10 1 call 11 12 in 10 13 4 5 neg 14");
    /* the original and its lists are left as they were */
    ck_assert_str_eq(trace(&a, e, NULL, WALK_CONTINUE, &done),
                     "case cmp #0 1 call #1 #2 in #0 #3 4 5 neg #4");
    ck_assert_ptr_ne(c, e);
    ck_assert_ptr_ne(c->u.kase.whens, e->u.kase.whens);
    ck_assert_ptr_ne(c->u.kase.thens, e->u.kase.thens);
    ck_assert(sema_foldable(c) && !sema_foldable(e));
    ck_assert(!sema_expr_equal(c, e));
    ck_assert(sema_expr_equal(c, sema_map_operands(&a, e, columns_to_consts, &a)));
    ck_assert(sema_expr_equal(e, sample(&a)));
    arena_free(&a);
}
END_TEST

Suite *sema_walk_suite(void)
{
    Suite *s = suite_create("sema_walk");
    TCase *tc = tcase_create("walk");
    tcase_add_test(tc, test_visit_order);
    tcase_add_test(tc, test_prune);
    tcase_add_test(tc, test_abort);
    tcase_add_test(tc, test_operands);
    tcase_add_test(tc, test_map);
    suite_add_tcase(s, tc);
    return s;
}

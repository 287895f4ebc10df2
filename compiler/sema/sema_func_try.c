/* sema_func_try.c - typing of the TRY functions and typeof: try_cast (Spark's Cast in
** EvalMode.TRY), try_add, try_subtract, try_multiply, try_divide (TryEval.scala) and typeof
** (misc.scala's TypeOf).  cg_cast.c's cg_try_cast and cg_func.c lower what is left.
*/
#include <string.h>

#include "sema/sema_int.h"

/* Can try_cast take from to to?  Spark's Cast.canTryCast, which for atomic types is
   canAnsiCast: unlike CAST it refuses DATE to numbers, numbers and BOOLEAN to DATE, DATE
   and TIMESTAMP to BOOLEAN, BOOLEAN to TIMESTAMP and integers to BINARY.  *hint: Spark's
   CAST_WITH_FUNC_SUGGESTION functions, or NULL. */
static bool can_try_cast(const Type *from, const Type *to, const char **hint)
{
    TypeKind f = from->kind, t = to->kind;
    bool num_to = type_is_numeric(to) || t == TY_DECIMAL;
    bool num_from = type_is_numeric(from) || f == TY_DECIMAL;
    *hint = NULL;
    if (f == TY_DATE && num_to)
        *hint = "`UNIX_DATE`";
    else if (num_from && t == TY_DATE)
        *hint = "`DATE_FROM_UNIX_DATE`";
    if (*hint || (t == TY_BOOLEAN && (f == TY_DATE || f == TY_TIMESTAMP)) ||
        (t == TY_TIMESTAMP && f == TY_BOOLEAN) || (t == TY_BINARY && type_is_integral(from)))
        return false;
    return sema_can_cast(from, to);
}

/* try_cast(x AS t), parsed as try_cast(CAST(x AS t)) (front/parse.c's parse_as_call).  A
   cast that cannot fail in ANSI mode is the CAST itself; the others are an SX_CALL of
   FN_TRY_CAST over x, of type t, which cg_try_cast lowers (NULL where ANSI CAST throws). */
SExpr *sema_bind_try_cast(Binder *b, const AstExpr *e)
{
    const AstExpr *c = e->u.call.args.items[0];
    if (c->kind != AST_CAST) {
        diag_error(b->sc->diag, e->span, "syntax error: try_cast is written TRY_CAST(x AS type)");
        return NULL;
    }
    SExpr *x = sema_bind_expr(b, c->u.cast.arg);
    const Type *t = c->u.cast.type;
    if (!x || !t)
        return NULL;
    if (x->type->kind == TY_NULL || type_equal(x->type, t))
        return sema_cast(b, x, c->u.cast.arg, t, e->span);
    if (type_is_nested(x->type) && t->kind == TY_STRING) /* canAnsiCast(_, StringType) */
        return sema_cast(b, x, c->u.cast.arg, t, e->span);
    /* canTryCast of two ArrayTypes, MapTypes or StructTypes is canCast's (apache/spark
       Cast.scala): elements (keys without becoming NULL, values, fields, as many) castable as
       CAST casts them; casting them may still throw (cg_try_cast).  Any other pair is
       canAnsiCast's, which refuses a nested type but to STRING. */
    bool nested = x->type->kind == t->kind &&
                  (t->kind == TY_MAP || t->kind == TY_ARRAY || t->kind == TY_STRUCT);
    const char *hint = NULL;
    if (nested ? !sema_can_cast(x->type, t) : !can_try_cast(x->type, t, &hint)) {
        /* Cast.typeCheckFailureMessage: CAST_WITH_FUNC_SUGGESTION or CAST_WITHOUT_SUGGESTION */
        return sema_cast_refuse(b, e->span, c->u.cast.arg, x->type, t, true, hint);
    }
    if (!type_try_cast_own(x->type, t))
        return sema_cast(b, x, c->u.cast.arg, t, e->span);
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    args[0] = x;
    SExpr *r = sema_new_expr(b->sc, SX_CALL, t, e->span);
    r->u.call.fn = FN_TRY_CAST;
    r->u.call.args = args;
    r->u.call.n_args = 1;
    return r;
}

/* typeof(x): TypeOf.eval, x's dataType.catalogString ('int', 'decimal(10,2)',
   'array<string>', 'struct<a:int>', 'void' for NULL), a constant. */
static SExpr *bind_typeof(Binder *b, const AstExpr *e, SExpr *x)
{
    SExpr *r = sema_new_expr(b->sc, SX_CONST, &type_string, e->span);
    r->u.value.s = type_name(b->sc->arena, x->type);
    r->u.value.n = (uint32_t)strlen(r->u.value.s);
    return r;
}

/* try_add, try_subtract, try_multiply, try_divide (TryEval.scala): of two numbers Add,
   Subtract, Multiply, Divide in EvalMode.TRY, typed as the operator; otherwise (a date or
   timestamp and an interval, strings) TryEval of the ANSI operator, which sluice binds as
   the operator.  Only integer +, - and * differ from the non-ANSI operator (NULL on
   overflow instead of wrapping): those become FN_TRY_ADD, FN_TRY_SUBTRACT, FN_TRY_MULTIPLY
   calls over the operands already cast, lowered by cg_func.c. */
SExpr *sema_bind_try_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args)
{
    static const AstBinaryOp ops[] = {BOP_ADD, BOP_SUB, BOP_MUL, BOP_DIV};
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (fn == FN_TYPEOF)
        return bind_typeof(b, e, args[0]);
    AstBinaryOp op = ops[fn - FN_TRY_ADD];
    SExpr *r = sema_arith(b, op, args[0], args[1], asts[0], asts[1], e->span);
    if (!r || r->kind != SX_ARITH || !type_is_integral(r->type) || op == BOP_DIV ||
        !type_is_integral(r->u.bin.lhs->type) || !type_is_integral(r->u.bin.rhs->type))
        return r;
    SExpr **ops2 = ARENA_NEW_N(b->sc->arena, SExpr *, 2);
    ops2[0] = r->u.bin.lhs;
    ops2[1] = r->u.bin.rhs;
    r->kind = SX_CALL;
    r->u.call.fn = fn;
    r->u.call.args = ops2;
    r->u.call.n_args = 2;
    return r;
}

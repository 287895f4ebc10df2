/* sema_func_lambda.c - the higher-order functions over arrays (FN_CASES_LAMBDA: transform,
** filter, exists, forall, aggregate, zip_with, array_sort) and over maps (map_filter,
** transform_values, transform_keys, map_zip_with; Spark's higherOrderFunctions.scala) and
** the variables of
** their lambda functions (analysis/higherOrderFunctions.scala: ResolveLambdaVariables).
** sema_func.c's sema_bind_func hands them here before binding any argument.
*/
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

SExpr *sema_lambda_var(Binder *b, const char *name, SrcSpan span, bool *out_of_reach)
{
    bool outside = false;
    for (const SemaLambdaScope *s = b->lambdas; s; s = s->up) {
        outside = outside || (b->agg_lambdas && s == b->agg_lambdas);
        if (strcasecmp(s->name, name) != 0)
            continue;
        *out_of_reach = outside;
        if (!outside) {
            SExpr *v = ARENA_NEW(b->sc->arena, SExpr);
            *v = *s->var;
            v->span = span;
            return v;
        }
        return NULL;
    }
    return NULL;
}

/* Variable i of a new lambda function, of type t.  Its number is its level: the variables in
   scope around the lambda, plus i.  So nested variables never share one, and two spellings of
   one function get the same numbers (transform(xs, x -> x + 1) in SELECT is the GROUP BY key
   transform(xs, y -> y + 1), as Spark's canonicalized lambda variables are). */
static SExpr *new_var(Binder *b, int i, const Type *t, SrcSpan span)
{
    int level = i;
    for (const SemaLambdaScope *s = b->lambdas; s; s = s->up)
        level++;
    SExpr *v = sema_new_expr(b->sc, SX_LAMBDA_VAR, t, span);
    v->u.ref = level;
    return v;
}

/* Binds argument a as a lambda function of n variables of types ts (Spark's createLambda):
   its parameters become vars[0..n-1], in scope in its body, which is returned.  Any other
   expression is a lambda that ignores its (hidden) variables.  NULL after an error. */
static SExpr *bind_lambda(Binder *b, const AstExpr *a, const Type *const *ts, int n, SExpr **vars)
{
    SemaCtx *sc = b->sc;
    if (a->kind != AST_LAMBDA) {
        for (int i = 0; i < n; i++)
            vars[i] = new_var(b, i, ts[i], a->span);
        return sema_bind_expr(b, a);
    }
    const AstExprList *ps = &a->u.lambda.params;
    if (ps->n != n) {
        diag_error(sc->diag, a->span,
                   "[INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH] Invalid lambda function call. "
                   "A higher order function expects %d arguments, but got %d.",
                   ps->n, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (strcasecmp(ps->items[i]->u.name.parts[0], ps->items[j]->u.name.parts[0]) == 0) {
                diag_error(sc->diag, ps->items[i]->span,
                           "[INVALID_LAMBDA_FUNCTION_CALL.DUPLICATE_ARG_NAMES] Invalid lambda "
                           "function call. The lambda function has duplicate arguments `%s`. "
                           "Please, consider to rename the argument names or set "
                           "\"spark.sql.caseSensitive\" to \"true\".",
                           ps->items[i]->u.name.parts[0]);
                return NULL;
            }
    const SemaLambdaScope *outer = b->lambdas;
    for (int i = 0; i < n; i++)
        vars[i] = new_var(b, i, ts[i], ps->items[i]->span);
    for (int i = 0; i < n; i++) {
        SemaLambdaScope *s = ARENA_NEW(sc->arena, SemaLambdaScope);
        s->name = ps->items[i]->u.name.parts[0];
        s->var = vars[i];
        s->up = b->lambdas;
        b->lambdas = s;
    }
    SExpr *body = sema_bind_expr(b, a->u.lambda.body);
    b->lambdas = outer;
    return body;
}

/* Spark's DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE for argument i (0-based) of e. */
static SExpr *unexpected_type(Binder *b, const AstExpr *e, int i, const char *want, const Type *got)
{
    sema_unexpected_input_type(b, e, i, arena_sprintf(b->sc->arena, "\"%s\"", want), got);
    return NULL;
}

static SExpr *new_call(Binder *b, const AstExpr *e, SFunc fn, const Type *t, SExpr **args, int n)
{
    SExpr *c = sema_new_expr(b->sc, SX_CALL, t, e->span);
    c->u.call.fn = fn;
    c->u.call.args = args;
    c->u.call.n_args = n;
    return c;
}

/* aggregate(arr, zero, (acc, x) -> merge[, acc -> finish]) (ArrayAggregate; reduce is its
   alias, bound as FN_AGGREGATE): merge must have
   zero's type exactly (checkArgumentDataTypes: DataTypeUtils.sameType, no cast). */
static SExpr *bind_aggregate(Binder *b, const AstExpr *e, SExpr *arr)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 7);
    args[0] = arr;
    if (!(args[1] = sema_bind_expr(b, asts[1])))
        return NULL;
    const Type *acc = args[1]->type;
    const Type *mt[2] = {acc, arr->type->elem};
    if (!(args[2] = bind_lambda(b, asts[2], mt, 2, &args[4])))
        return NULL;
    if (!type_equal(args[2]->type, acc))
        return unexpected_type(b, e, 2, sema_sql_type(b, acc), args[2]->type);
    if (e->u.call.args.n > 3) {
        if (!(args[3] = bind_lambda(b, asts[3], &acc, 1, &args[6])))
            return NULL;
    } else {
        args[6] = new_var(b, 0, acc, e->span);
        args[3] = args[6];
    }
    return new_call(b, e, FN_AGGREGATE, args[3]->type, args, 7);
}

/* zip_with(left, right, (x, y) -> f) (ZipWith): both arrays (inputTypes), the lambda bound
   to their element types; the result is an array of f's type. */
static SExpr *bind_zip_with(Binder *b, const AstExpr *e, SExpr *left)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 5);
    args[0] = left;
    if (!(args[1] = sema_bind_expr(b, asts[1])))
        return NULL;
    if (args[1]->type->kind != TY_ARRAY)
        return unexpected_type(b, e, 1, "ARRAY", args[1]->type);
    const Type *ts[2] = {left->type->elem, args[1]->type->elem};
    if (!(args[2] = bind_lambda(b, asts[2], ts, 2, &args[3])))
        return NULL;
    return new_call(b, e, FN_ZIP_WITH, type_array(b->sc->arena, args[2]->type), args, 5);
}

/* array_sort(arr[, (a, b) -> cmp]) (ArraySort.checkInputDataTypes): cmp must be an INT
   exactly (UNEXPECTED_RETURN_TYPE; no cast); without it, Spark's default comparator
   (ascending, NULLs last), sorted by the runtime here, so over atomic elements and orderable
   STRUCT and ARRAY ones (by their interpretedOrdering, as the comparator's `<` and `>`). */
static SExpr *bind_array_sort(Binder *b, const AstExpr *e, SExpr *arr)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 4);
    args[0] = arr;
    const Type *el = arr->type->elem;
    if (e->u.call.args.n == 1) {
        if (!sema_is_atomic_elem(el) && el->kind != TY_NULL && !sema_nested_comparable(el, el)) {
            diag_error(b->sc->diag, asts[0]->span,
                       "array_sort without a comparator sorts arrays of numbers, strings, "
                       "booleans, times, structs or arrays here, not %s (give it a comparator)",
                       sema_sql_type(b, arr->type));
            return NULL;
        }
        return new_call(b, e, FN_ARRAY_SORT, arr->type, args, 1);
    }
    const Type *ts[2] = {el, el};
    if (!(args[1] = bind_lambda(b, asts[1], ts, 2, &args[2])))
        return NULL;
    if (args[1]->type->kind != TY_INT) {
        diag_error(b->sc->diag, asts[1]->span,
                   "[DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE] Cannot resolve \"%s\" due to data "
                   "type mismatch: The `lambdafunction` requires return \"INT\" type, but the actual "
                   "is \"%s\" type.",
                   sema_expr_sql(b->sc, b->blk, e), sema_sql_type(b, args[1]->type));
        return NULL;
    }
    return new_call(b, e, FN_ARRAY_SORT, arr->type, args, 4);
}

/* map_filter(m, (k, v) -> p) (MapFilter: p BOOLEAN), transform_values(m, (k, v) -> f)
   (TransformValues: MAP<K, f>), transform_keys(m, (k, v) -> f) (TransformKeys: MAP<f, V>, f
   no MAP: checkForMapKeyType), map_zip_with(m1, m2, (k, v1, v2) -> f) (MapZipWith: keys of one
   type; MAP<K, f>). */
static SExpr *bind_map_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr *m)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    Arena *a = b->sc->arena;
    if (fn == FN_MAP_ZIP_WITH) {
        SExpr **args = ARENA_NEW_N(a, SExpr *, 6);
        args[0] = m;
        if (!(args[1] = sema_bind_expr(b, asts[1])))
            return NULL;
        if (args[1]->type->kind != TY_MAP)
            return unexpected_type(b, e, 1, "MAP", args[1]->type);
        const Type *lk = m->type->key, *rk = args[1]->type->key;
        if (!type_equal(lk, rk)) {
            /* TypeCoercion.MapZipWithCoercion: both maps' keys cast to findWiderTypeForTwo of
               the key types when neither cast can give NULL (Cast.forceNullable); else
               MapZipWith.checkArgumentDataTypes' MAP_ZIP_WITH_DIFF_TYPES */
            const Type *k = sema_wider_type(a, lk, rk);
            if (!k || sema_cast_force_nullable(lk, k) || sema_cast_force_nullable(rk, k)) {
                diag_error(
                    b->sc->diag, e->span,
                    "[DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES] Cannot resolve \"%s\" due to "
                    "data type mismatch: Input to the `map_zip_with` should have been two maps "
                    "with compatible key types, but it's [\"%s\", \"%s\"].",
                    sema_expr_sql_unresolved(b->sc, b->blk, e), sema_sql_type(b, lk),
                    sema_sql_type(b, rk));
                return NULL;
            }
            if (!type_equal(lk, k))
                m = args[0] = sema_coerce(b->sc, m, type_map(a, k, m->type->elem));
            if (!type_equal(rk, k))
                args[1] = sema_coerce(b->sc, args[1], type_map(a, k, args[1]->type->elem));
        }
        const Type *ts[3] = {m->type->key, m->type->elem, args[1]->type->elem};
        if (!(args[2] = bind_lambda(b, asts[2], ts, 3, &args[3])))
            return NULL;
        return new_call(b, e, fn, type_map(a, m->type->key, args[2]->type), args, 6);
    }
    SExpr **args = ARENA_NEW_N(a, SExpr *, 4);
    args[0] = m;
    const Type *ts[2] = {m->type->key, m->type->elem};
    if (!(args[1] = bind_lambda(b, asts[1], ts, 2, &args[2])))
        return NULL;
    const Type *f = args[1]->type;
    switch (fn) {
    case FN_MAP_FILTER:
        if (f->kind != TY_BOOLEAN)
            return unexpected_type(b, e, 1, "BOOLEAN", f);
        return new_call(b, e, fn, m->type, args, 4);
    case FN_TRANSFORM_VALUES:
        return new_call(b, e, fn, type_map(a, m->type->key, f), args, 4);
    case FN_TRANSFORM_KEYS:
        if (type_has_map(f)) {
            diag_error(b->sc->diag, e->span,
                       "[DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] Cannot resolve \"%s\" due to data "
                       "type mismatch: The key of map cannot be/contain \"%s\".",
                       sema_expr_sql(b->sc, b->blk, e), sema_map_sql_type(a, f));
            return NULL;
        }
        return new_call(b, e, fn, type_map(a, f, m->type->elem), args, 4);
    default:
        SL_UNREACHABLE();
    }
}

SExpr *sema_bind_lambda_fn(Binder *b, const AstExpr *e, SFunc fn)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SExpr *arr = sema_bind_expr(b, asts[0]);
    if (!arr)
        return NULL;
    switch (fn) {
    FN_CASES_MAP_LAMBDA:
        if (arr->type->kind != TY_MAP)
            return unexpected_type(b, e, 0, "MAP", arr->type);
        return bind_map_fn(b, e, fn, arr);
    default:
        break;
    }
    if (arr->type->kind != TY_ARRAY)
        return unexpected_type(b, e, 0, "ARRAY", arr->type);
    if (fn == FN_AGGREGATE || fn == FN_REDUCE)
        return bind_aggregate(b, e, arr);
    if (fn == FN_ZIP_WITH)
        return bind_zip_with(b, e, arr);
    if (fn == FN_ARRAY_SORT)
        return bind_array_sort(b, e, arr);
    /* ArrayTransform and ArrayFilter give a lambda of two parameters the index (INT) too;
       ArrayExists and ArrayForAll give one variable */
    int two = (fn == FN_TRANSFORM || fn == FN_FILTER) && asts[1]->kind == AST_LAMBDA &&
              asts[1]->u.lambda.params.n == 2;
    const Type *ts[2] = {arr->type->elem, &type_int};
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 4);
    args[0] = arr;
    if (!(args[1] = bind_lambda(b, asts[1], ts, 1 + two, &args[2])))
        return NULL;
    if (fn == FN_TRANSFORM)
        return new_call(b, e, fn, type_array(b->sc->arena, args[1]->type), args, 3 + two);
    if (args[1]->type->kind != TY_BOOLEAN)
        return unexpected_type(b, e, 1, "BOOLEAN", args[1]->type);
    return new_call(b, e, fn, fn == FN_FILTER ? arr->type : &type_boolean, args, 3 + two);
}

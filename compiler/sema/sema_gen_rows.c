/* sema_gen_rows.c - stack and json_tuple, the generators that make rows of values: each is
** bound as inline's argument, an ARRAY of one STRUCT per row (sema_select.c's bind_generator
** makes the row's columns of its fields), so codegen and explain see inline(array(...)).
*/
#include "sema/sema_int.h"

/* The most rows stack may make of one input row (a larger n is refused, not truncated). */
#define STACK_MAX_ROWS 4096

/* SX_CALL fn of n arguments, of type t. */
static SExpr *new_call(SemaCtx *sc, SFunc fn, const Type *t, int n, SrcSpan span)
{
    SExpr *x = sema_new_expr(sc, SX_CALL, t, span);
    x->u.call.fn = fn;
    x->u.call.n_args = n;
    x->u.call.args = ARENA_NEW_N(sc->arena, SExpr *, n);
    return x;
}

/* An ARRAY of one STRUCT per row of n_cols values (vals, row after row; the short last row
   padded with NULLs of its columns' types), the columns named and typed by f. */
static SExpr *rows_array(Binder *b, const AstExpr *e, SExpr **vals, int n_vals, int n_rows,
                         const TypeField *f, int n_cols)
{
    SemaCtx *sc = b->sc;
    const Type *st = type_struct(sc->arena, n_cols, f);
    SExpr *arr = new_call(sc, FN_ARRAY, type_array(sc->arena, st), n_rows, e->span);
    for (int r = 0; r < n_rows; r++) {
        SExpr *row = new_call(sc, FN_STRUCT, st, n_cols, e->span);
        for (int c = 0; c < n_cols; c++) {
            int i = r * n_cols + c;
            SExpr *v = i < n_vals ? vals[i] : NULL;
            if (!v) {
                v = sema_new_expr(sc, SX_CONST, f[c].type, e->span);
                v->u.value.is_null = true;
            }
            row->u.call.args[c] = v;
        }
        arr->u.call.args[r] = row;
    }
    return arr;
}

/* The call's arguments bound over the block's input; NULL after an error. */
static SExpr **bind_args(Binder *b, const AstExpr *e)
{
    int n = e->u.call.args.n;
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, n ? n : 1);
    for (int i = 0; i < n; i++)
        if (!(args[i] = sema_bind_expr(b, e->u.call.args.items[i])))
            return NULL;
    return args;
}

/* Does x read a column of the block's input (else it is a constant sluice does not fold)? */
static bool reads_input(Binder *b, const SExpr *x)
{
    int n = b->blk->input->n;
    bool *used = ARENA_NEW_N(b->sc->arena, bool, n ? n : 1);
    sema_expr_columns(x, used, n);
    for (int i = 0; i < n; i++)
        if (used[i])
            return true;
    return false;
}

/* stack(n, v1, ..., vk) (Spark's Stack): n rows of ceil(k / n) columns col0, col1, ...,
   filled row by row, the last padded with NULLs.  n a foldable INT in (0, Int.MaxValue];
   a column's type is its first row's, and every value of the column must have exactly that
   type (Stack.checkInputDataTypes: no widening), but for a NULL literal, which StackCoercion
   casts to the column's first type that is not NULL's. */
SExpr *sema_bind_stack(Binder *b, const AstExpr *e)
{
    SemaCtx *sc = b->sc;
    int n_args = e->u.call.args.n;
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (n_args <= 1) {
        sema_wrong_num_args(b, e, "stack", "> 1");
        return NULL;
    }
    SExpr **args = bind_args(b, e);
    if (!args)
        return NULL;
    if (args[0]->type->kind != TY_INT) {
        sema_unexpected_input_type(b, e, 0, "\"INT\"", args[0]->type);
        return NULL;
    }
    if (args[0]->kind != SX_CONST && !reads_input(b, args[0])) {
        diag_error(sc->diag, asts[0]->span,
                   "stack with a computed number of rows is not supported yet (write the "
                   "number)");
        return NULL;
    }
    if (args[0]->kind != SX_CONST) {
        sema_mismatch(b, e, asts[0]->span, "NON_FOLDABLE_INPUT",
                      sema_non_foldable_msg(b, "n", "INT", sema_expr_sql(sc, b->blk, asts[0]),
                                            false));
        return NULL;
    }
    /* a NULL n is read as 0 (Scala's unboxing of null) */
    int64_t n_rows = args[0]->u.value.is_null ? 0 : args[0]->u.value.i;
    if (n_rows < 1) {
        sema_mismatch(b, e, asts[0]->span, "VALUE_OUT_OF_RANGE",
                      arena_sprintf(sc->arena,
                                    "The `n` must be between (0, 2147483647] (current value = "
                                    "%lld).",
                                    (long long)n_rows));
        return NULL;
    }
    if (n_rows > STACK_MAX_ROWS) {
        diag_error(sc->diag, asts[0]->span, "stack of more than %d rows is not supported yet",
                   STACK_MAX_ROWS);
        return NULL;
    }
    int n_vals = n_args - 1;
    SExpr **vals = args + 1;
    int n_cols = (int)((n_vals + n_rows - 1) / n_rows);
    TypeField *f = ARENA_NEW_N(sc->arena, TypeField, n_cols);
    for (int c = 0; c < n_cols; c++) {
        f[c].name = arena_sprintf(sc->arena, "col%d", c);
        f[c].type = &type_null;
        for (int i = c; i < n_vals && f[c].type->kind == TY_NULL; i += n_cols)
            f[c].type = vals[i]->type; /* StackCoercion.findDataType */
    }
    for (int i = 0; i < n_vals; i++) {
        int c = i % n_cols;
        if (vals[i]->type->kind == TY_NULL && vals[i]->kind == SX_CONST)
            vals[i] = sema_coerce(sc, vals[i], f[c].type);
        /* elementSchema takes the first row's types (after the NULLs' casts) */
        const Type *want = vals[c]->type;
        if (!type_equal(vals[i]->type, want)) {
            sema_mismatch(b, e, asts[i + 1]->span, "STACK_COLUMN_DIFF_TYPES",
                          arena_sprintf(sc->arena,
                                        "The data type of the column (%d) do not have the same "
                                        "type: \"%s\" (%d) <> \"%s\" (%d).",
                                        c, sema_sql_type(b, want), c + 1,
                                        sema_sql_type(b, vals[i]->type), i + 1));
            return NULL;
        }
    }
    for (int c = 0; c < n_cols; c++)
        f[c].type = vals[c]->type;
    return rows_array(b, e, vals, n_vals, (int)n_rows, f, n_cols);
}

/* json_tuple(json, k1, ..., kn) (Spark's JsonTuple): one row of STRING columns c0, c1, ...,
   the values of the JSON object's fields k1, ..., kn (srt_json_tuple); every argument a
   STRING (no implicit cast: JsonTuple does not ask for input types, a NULL literal too is
   refused), at least one key. */
SExpr *sema_bind_json_tuple(Binder *b, const AstExpr *e)
{
    SemaCtx *sc = b->sc;
    int n_args = e->u.call.args.n;
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (n_args < 2) {
        sema_wrong_num_args(b, e, "json_tuple", "> 1");
        return NULL;
    }
    SExpr **args = bind_args(b, e);
    if (!args)
        return NULL;
    for (int i = 0; i < n_args; i++)
        if (args[i]->type->kind != TY_STRING) {
            sema_mismatch(b, e, asts[i]->span, "NON_STRING_TYPE", "all arguments must be strings.");
            return NULL;
        }
    int n_cols = n_args - 1;
    TypeField *f = ARENA_NEW_N(sc->arena, TypeField, n_cols);
    for (int c = 0; c < n_cols; c++)
        f[c] = (TypeField){arena_sprintf(sc->arena, "c%d", c), &type_string};
    SExpr *row = new_call(sc, FN_JSON_TUPLE, type_struct(sc->arena, n_cols, f), n_args, e->span);
    for (int i = 0; i < n_args; i++)
        row->u.call.args[i] = args[i];
    SExpr *arr = new_call(sc, FN_ARRAY, type_array(sc->arena, row->type), 1, e->span);
    arr->u.call.args[0] = row;
    return arr;
}

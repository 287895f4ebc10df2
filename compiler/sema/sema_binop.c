/* sema_binop.c - Spark 3.5's type errors of the binary arithmetic, bitwise and logical operators
** (BinaryOperator.checkInputDataTypes: DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES and
** BINARY_OP_WRONG_TYPE) over the operand types Spark's coercion rules leave them, and of the
** unary ones (UnaryMinus, UnaryPositive, BitwiseNot, Not: UNEXPECTED_INPUT_TYPE), and of
** Concat (concat(...), ||).
**
** One builder per error class.  Must not: decide whether operands are accepted (sema_expr.c's
** make_arith, make_bitwise and make_idiv, sema_interval_ops.c do), only say how Spark refuses
** them.
*/
#include "sema/sema_int.h"

/* BinaryArithmetic.inputType of op, as toSQLType prints it. */
static const char *input_type(AstBinaryOp op)
{
    switch (op) {
    case BOP_ADD: /* Add, Subtract: TypeCollection.NumericAndInterval */
    case BOP_SUB:
        return SPARK_T_NUMERIC_AND_INTERVAL;
    case BOP_DIV: /* Divide: TypeCollection(DoubleType, DecimalType) */
        return "(\"DOUBLE\" or \"DECIMAL\")";
    case BOP_IDIV: /* IntegralDivide: TypeCollection(LongType, DecimalType) */
        return "(\"BIGINT\" or \"DECIMAL\")";
    case BOP_AND: /* And, Or: BooleanType */
    case BOP_OR:
        return "\"BOOLEAN\"";
    case BOP_BITAND: /* BitwiseAnd, BitwiseOr, BitwiseXor: IntegralType */
    case BOP_BITOR:
    case BOP_BITXOR:
        return "\"INTEGRAL\"";
    default: /* Multiply, Remainder, Pmod: NumericType */
        return "\"NUMERIC\"";
    }
}

/* Is the operator over al (and ar) the one b->op_call was written as? */
static bool called(const Binder *b, const AstExpr *al, const AstExpr *ar)
{
    const AstExpr *c = b->op_call;
    return c && c->u.call.args.n >= 1 && c->u.call.args.items[0] == al &&
           (!ar || (c->u.call.args.n == 2 && c->u.call.args.items[1] == ar));
}

/* "(l op r)" as Spark's BinaryArithmetic.sql, or the call's own text when the operator was
   written as a function (Remainder with FunctionRegistry's alias: mod(a, b)). */
static const char *op_sql(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar)
{
    if (called(b, al, ar))
        return sema_expr_sql(b->sc, b->blk, b->op_call);
    return arena_sprintf(b->sc->arena, "(%s %s %s)", sema_expr_sql(b->sc, b->blk, al),
                         sema_binary_symbol(op), sema_expr_sql(b->sc, b->blk, ar));
}

/* The type an operand has when Spark checks it: PromoteStrings reads a STRING operand of
   arithmetic (not of AND, OR) as a DOUBLE; IntegralDivision casts TINYINT, SMALLINT and INT to
   BIGINT. */
static const Type *checked_type(AstBinaryOp op, const Type *t)
{
    if (t->kind == TY_STRING && op != BOP_AND && op != BOP_OR)
        return &type_double;
    if (op == BOP_IDIV && type_is_int32(t))
        return &type_bigint;
    return t;
}

SExpr *sema_binop_diff_types(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                             const Type *lt, const Type *rt, SrcSpan span)
{
    sema_mismatch_sql(b, span, op_sql(b, op, al, ar), "BINARY_OP_DIFF_TYPES",
                      arena_sprintf(b->sc->arena,
                                    "the left and right operands of the binary operator have "
                                    "incompatible types (\"%s\" and \"%s\").",
                                    sema_sql_type(b, lt), sema_sql_type(b, rt)));
    return NULL;
}

SExpr *sema_binop_wrong_type(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                             const Type *t, SrcSpan span)
{
    sema_mismatch_sql(b, span, op_sql(b, op, al, ar), "BINARY_OP_WRONG_TYPE",
                      arena_sprintf(b->sc->arena,
                                    "the binary operator requires the input type %s, not \"%s\".",
                                    input_type(op), sema_sql_type(b, t)));
    return NULL;
}

SExpr *sema_binop_refuse(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar,
                         const Type *lt, const Type *rt, SrcSpan span)
{
    lt = checked_type(op, lt);
    rt = checked_type(op, rt);
    if (type_equal(lt, rt))
        return sema_binop_wrong_type(b, op, al, ar, lt, span);
    return sema_binop_diff_types(b, op, al, ar, lt, rt, span);
}

SExpr *sema_unary_refuse(Binder *b, const AstExpr *e, const AstExpr *arg, const char *want,
                         const Type *t)
{
    const char *sql = called(b, arg, NULL) ? sema_expr_sql(b->sc, b->blk, b->op_call) : NULL;
    sema_unexpected_input(b, (SChecked){e, sql, NULL}, 1, want, arg, t);
    return NULL;
}

/* ==== Concat (concat(...) and ||) ==== */

/* Concat.checkInputDataTypes (Spark 3.4+) over the operands as ConcatCoercion leaves them
   (every operand that casts to STRING cast): the first one that is no STRING, BINARY or ARRAY
   is UNEXPECTED_INPUT_TYPE, else operands of different types are DATA_DIFF_TYPES
   (TypeUtils.checkForSameTypeInputExpr); arrays beside arrays are sluice's concat(...) only. */
SExpr *sema_concat_refuse(Binder *b, const AstExpr *e, const AstExpr *const *asts, SExpr **args,
                          int n)
{
    const Type **types = ARENA_NEW_N(b->sc->arena, const Type *, n);
    bool same = true;
    for (int i = 0; i < n; i++) {
        TypeKind k = args[i]->type->kind;
        bool to_string = k == TY_NULL || k == TY_STRING || sema_to_string(b, args[i]) != NULL;
        types[i] = to_string ? &type_string : args[i]->type;
        same = same && type_equal(types[i], types[0]);
    }
    for (int i = 0; i < n; i++)
        if (types[i]->kind != TY_STRING && types[i]->kind != TY_ARRAY) {
            sema_unexpected_input(b, (SChecked){e, NULL, "concat"}, i + 1,
                                  "(\"STRING\" or \"BINARY\" or \"ARRAY\")", asts[i],
                                  args[i]->type);
            return NULL;
        }
    if (same) {
        diag_error(b->sc->diag, e->span, "operator || of arrays is not supported yet (use concat)");
        return NULL;
    }
    sema_diff_types(b, (SChecked){e, NULL, "concat"}, types, n);
    return NULL;
}

/* sema_interval_ops.c - ANSI interval values in expressions: Spark 3.5's
** BinaryArithmeticWithDatetimeResolver (SubtractTimestamps, SubtractDates, TimeAdd, DateAdd,
** DateAddYMInterval, TimestampAddYMInterval), interval +/- interval of one kind (widened as
** TypeCoercion.findTightestCommonType widens them), MultiplyDTInterval, MultiplyYMInterval,
** DivideDTInterval, DivideYMInterval, and the DATATYPE_MISMATCH errors Spark gives otherwise.
**
** The bound forms (codegen/cg_interval.c lowers them): SX_ARITH of an interval type for
** interval +/- interval and interval * or / number (the interval on the left); SX_ARITH
** BOP_SUB of type INTERVAL DAY (two DATEs) or INTERVAL DAY TO SECOND (two TIMESTAMPs); a
** TIMESTAMP SX_ARITH for TimeAdd (as before intervals were values); add_months for a DATE
** and a year-month interval; timestampadd(MONTH, ...) for a TIMESTAMP and one.
*/
#include <string.h>

#include "common/cm_ansi_iv.h"
#include "common/cm_time.h"
#include "sema/sema_int.h"

#define US_PER_DAY 86400000000LL

static SExpr *bin(Binder *b, AstBinaryOp op, const Type *t, SExpr *l, SExpr *r, SrcSpan span)
{
    SExpr *e = sema_new_expr(b->sc, SX_ARITH, t, span);
    e->u.bin.op = op;
    e->u.bin.lhs = l;
    e->u.bin.rhs = r;
    return e;
}

static SExpr *call2(Binder *b, SFunc fn, const Type *t, SExpr *x, SExpr *y, SrcSpan span)
{
    SExpr *c = sema_new_expr(b->sc, SX_CALL, t, span);
    c->u.call.fn = fn;
    c->u.call.args = ARENA_NEW_N(b->sc->arena, SExpr *, 2);
    c->u.call.args[0] = x;
    c->u.call.args[1] = y;
    c->u.call.n_args = 2;
    return c;
}

const Type *sema_interval_wider(const Type *a, const Type *b)
{
    if (a->kind != b->kind || !type_is_ansi_interval(a))
        return NULL;
    int from = a->start_field < b->start_field ? a->start_field : b->start_field;
    int to = a->end_field > b->end_field ? a->end_field : b->end_field;
    return a->kind == TY_INTERVAL ? type_dt_interval(from, to) : type_ym_interval(from, to);
}

/* "(l op r)" as Spark names the unresolved BinaryArithmetic. */
static const char *op_sql(Binder *b, AstBinaryOp op, const AstExpr *al, const AstExpr *ar)
{
    return arena_sprintf(b->sc->arena, "(%s %s %s)", sema_expr_sql(b->sc, b->blk, al),
                         sema_binary_symbol(op), sema_expr_sql(b->sc, b->blk, ar));
}

/* ImplicitCastInputTypes of MultiplyDTInterval and friends: parameter 2 must be NUMERIC. */
static SExpr *want_numeric(Binder *b, AstBinaryOp op, const AstExpr *iv, const AstExpr *num,
                           const Type *t, SrcSpan span)
{
    diag_error(b->sc->diag, span,
               "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"%s\" due to data type "
               "mismatch: Parameter 2 requires the \"NUMERIC\" type, however \"%s\" has the type "
               "\"%s\".",
               op_sql(b, op, iv, num), sema_expr_sql(b->sc, b->blk, num),
               type_sql_name(b->sc->arena, t));
    return NULL;
}

/* The interval's months as an INT argument: its value (months are held as an i64 within
   Int's range), negated for a subtraction (UnaryMinus, which cannot overflow a month count
   that came from an Int but for Int.MinValue). */
static SExpr *months_arg(Binder *b, SExpr *iv, bool negate)
{
    /* as YEAR TO MONTH, whose cast to INT is its months (yearMonthIntervalToInt) */
    SExpr *m = sema_coerce(b->sc, sema_coerce(b->sc, iv, type_ym_interval(CM_YM_YEAR, CM_YM_MONTH)),
                           &type_int);
    if (!negate)
        return m;
    SExpr *n = sema_new_expr(b->sc, SX_NEG, &type_int, iv->span);
    n->u.arg = m;
    return n;
}

/* A datetime d +/- an interval iv (iv's type an ANSI interval, d a TIMESTAMP, DATE or NULL). */
static SExpr *datetime_interval(Binder *b, AstBinaryOp op, SExpr *d, SExpr *iv, const AstExpr *aiv,
                                SrcSpan span)
{
    SemaCtx *sc = b->sc;
    if (iv->type->kind == TY_YM_INTERVAL) {
        if (d->type->kind == TY_DATE) /* DateAddYMInterval: AddMonthsBase, add_months's rule */
            return call2(b, FN_ADD_MONTHS, &type_date, d, months_arg(b, iv, op == BOP_SUB), span);
        /* TimestampAddYMInterval: timestampAddMonths, timestampadd(MONTH, months, ts)'s rule;
           of the timestamp's type (a DATE is cast to TIMESTAMP) */
        const Type *tt = d->type->kind == TY_TIMESTAMP_NTZ ? d->type : &type_timestamp;
        SExpr *c = sema_new_expr(sc, SX_CALL, tt, span);
        c->u.call.fn = FN_TIMESTAMPADD;
        c->u.call.args = ARENA_NEW_N(sc->arena, SExpr *, 3);
        c->u.call.args[0] = sema_new_expr(sc, SX_CONST, &type_int, span);
        c->u.call.args[0]->u.value.i = CM_TSU_MONTH;
        c->u.call.args[1] = months_arg(b, iv, op == BOP_SUB);
        c->u.call.args[2] = sema_coerce(sc, d, tt);
        c->u.call.n_args = 3;
        return c;
    }
    int64_t days;
    if (d->type->kind == TY_DATE && sema_days_interval(sc->arena, aiv, &days)) {
        /* DATE +/- DayTimeIntervalType(DAY, DAY): DateAdd(d, [-]ExtractANSIIntervalDays(i)) */
        if (days > INT32_MAX || days < -INT32_MAX) {
            diag_error(sc->diag, aiv->span, "integer overflow");
            return NULL;
        }
        SExpr *n = sema_new_expr(sc, SX_CONST, &type_int, aiv->span);
        n->u.value.i = op == BOP_SUB ? -days : days;
        return call2(b, FN_DATE_ADD, &type_date, d, n, span);
    }
    if (d->type->kind == TY_DATE && iv->type->start_field == CM_DT_DAY &&
        iv->type->end_field == CM_DT_DAY) {
        SExpr *n = sema_coerce(sc, iv, &type_int); /* getDays: whole days of a DAY interval */
        if (op == BOP_SUB) {
            SExpr *neg = sema_new_expr(sc, SX_NEG, &type_int, iv->span);
            neg->u.arg = n;
            n = neg;
        }
        return call2(b, FN_DATE_ADD, &type_date, d, n, span);
    }
    /* TimeAdd(Cast(d, TIMESTAMP), [-]i): the microseconds added in UTC; TimeAdd's type is its
       start's, so a TIMESTAMP_NTZ stays one */
    const Type *tt = d->type->kind == TY_TIMESTAMP_NTZ ? d->type : &type_timestamp;
    return bin(b, op, tt, sema_coerce(sc, d, tt), iv, span);
}

/* interval * number, interval / number (MultiplyDTInterval, DivideYMInterval, ...): the
   number integral, fractional or a DECIMAL (NumericType; a STRING or NULL made a DOUBLE by
   ImplicitCastInputTypes); the result DayTimeIntervalType() or YearMonthIntervalType(). */
static SExpr *scale_interval(Binder *b, AstBinaryOp op, SExpr *iv, SExpr *num, const AstExpr *aiv,
                             const AstExpr *anum, SrcSpan span)
{
    const Type *nt = num->type;
    if (nt->kind == TY_STRING || nt->kind == TY_NULL)
        nt = &type_double;
    if (type_is_ansi_interval(nt) || !(type_is_numeric(nt) || nt->kind == TY_DECIMAL))
        return want_numeric(b, op, aiv, anum, num->type, span);
    const Type *rt =
        iv->type->kind == TY_INTERVAL ? &type_interval : type_ym_interval(CM_YM_YEAR, CM_YM_MONTH);
    return bin(b, op, rt, iv, sema_coerce(b->sc, num, nt), span);
}

/* The datetime side of TimeAdd and friends: a TIMESTAMP, TIMESTAMP_NTZ or DATE (a NULL
   adapts). */
static bool is_datetime(const Type *t)
{
    return type_is_any_timestamp(t) || t->kind == TY_DATE;
}

static SExpr *add_sub(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                      const AstExpr *ar, SrcSpan span)
{
    const Type *lt = l->type, *rt = r->type;
    bool liv = type_is_ansi_interval(lt), riv = type_is_ansi_interval(rt);
    if (op == BOP_SUB && is_datetime(lt) && is_datetime(rt)) {
        if (lt->kind == TY_DATE && rt->kind == TY_DATE) /* SubtractDates: INTERVAL DAY */
            return bin(b, op, type_dt_interval(CM_DT_DAY, CM_DT_DAY), l, r, span);
        /* SubtractTimestamps: INTERVAL DAY TO SECOND; DateTimeOperations casts a DATE to the
           other side's type, and two different timestamp types both to TIMESTAMP_NTZ */
        const Type *tt = lt->kind == TY_TIMESTAMP_NTZ || rt->kind == TY_TIMESTAMP_NTZ
                             ? &type_timestamp_ntz
                             : &type_timestamp;
        return bin(b, op, &type_interval, sema_coerce(b->sc, l, tt), sema_coerce(b->sc, r, tt),
                   span);
    }
    if (riv && is_datetime(lt))
        return datetime_interval(b, op, l, r, ar, span);
    if (liv && is_datetime(rt) && op == BOP_ADD)
        return datetime_interval(b, op, r, l, al, span);
    if (liv && riv) {
        const Type *t = sema_interval_wider(lt, rt);
        if (!t)
            return sema_binop_diff_types(b, op, al, ar, lt, rt, span);
        return bin(b, op, t, sema_coerce(b->sc, l, t), sema_coerce(b->sc, r, t), span);
    }
    if (liv && rt->kind == TY_NULL) /* (AnsiIntervalType, NullType): the NULL cast to it */
        return bin(b, op, lt, l, sema_coerce(b->sc, r, lt), span);
    if (riv && lt->kind == TY_NULL)
        return bin(b, op, rt, sema_coerce(b->sc, l, rt), r, span);
    return sema_binop_diff_types(b, op, al, ar, lt->kind == TY_STRING ? &type_double : lt,
                                 rt->kind == TY_STRING ? &type_double : rt, span);
}

SExpr *sema_interval_arith(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                           const AstExpr *ar, SrcSpan span, bool *done)
{
    bool liv = type_is_ansi_interval(l->type), riv = type_is_ansi_interval(r->type);
    *done = liv || riv || (op == BOP_SUB && is_datetime(l->type) && is_datetime(r->type));
    if (!*done)
        return NULL;
    switch (op) {
    case BOP_ADD:
    case BOP_SUB:
        return add_sub(b, op, l, r, al, ar, span);
    case BOP_MUL: /* the interval first, whichever side it is written on */
        return liv ? scale_interval(b, op, l, r, al, ar, span)
                   : scale_interval(b, op, r, l, ar, al, span);
    case BOP_DIV:
        if (liv)
            return scale_interval(b, op, l, r, al, ar, span);
        break;
    default: /* %, div: Remainder's and IntegralDivide's inputType refuses intervals */
        if (liv && riv && type_equal(l->type, r->type))
            return sema_binop_wrong_type(b, op, al, ar, l->type, span);
        break;
    }
    return sema_binop_diff_types(b, op, al, ar, l->type->kind == TY_STRING ? &type_double : l->type,
                                 r->type->kind == TY_STRING ? &type_double : r->type, span);
}

/* -x of an interval: Spark's UnaryMinus through IntervalMathUtils.negateExact (overflow fails
   the query even without ANSI mode; codegen). */
SExpr *sema_interval_neg(Binder *b, SExpr *x, SrcSpan span)
{
    SExpr *n = sema_new_expr(b->sc, SX_NEG, x->type, span);
    n->u.arg = x;
    return n;
}

/* ==== Interval functions: extract, make_dt_interval, make_ym_interval ==== */

bool sema_interval_has_part(const Type *t, int part)
{
    int field = -1;
    if (t->kind == TY_YM_INTERVAL)
        field = part == DP_YEAR ? CM_YM_YEAR : part == DP_MONTH ? CM_YM_MONTH : -1;
    else if (part == DP_DAY || part == DP_HOUR || part == DP_MINUTE || part == DP_SECOND)
        field = part == DP_DAY      ? CM_DT_DAY
                : part == DP_HOUR   ? CM_DT_HOUR
                : part == DP_MINUTE ? CM_DT_MINUTE
                                    : CM_DT_SECOND;
    /* isUnitInIntervalRange */
    return field >= 0 && t->start_field <= field && field <= t->end_field;
}

/* ExtractANSIIntervalYears, ...Days: INT; ...Months, ...Hours, ...Minutes: TINYINT (ByteType);
   ...Seconds: DECIMAL(8, 6).  codegen (cg_interval_part) computes IntervalUtils.getYears ... */
const Type *sema_interval_part_type(int part)
{
    return part == DP_SECOND                   ? type_decimal(8, 6)
           : part == DP_YEAR || part == DP_DAY ? &type_int
                                               : &type_tinyint;
}

void sema_type_make_interval(Binder *b, SFunc fn, SExpr **args, int n, const Type **rt, int *bad,
                             const char **want)
{
    bool dt = fn == FN_MAKE_DT_INTERVAL;
    *rt = dt ? &type_interval : type_ym_interval(CM_YM_YEAR, CM_YM_MONTH);
    *want = "an integer";
    for (int i = 0; *bad < 0 && i < n; i++) {
        const Type *t = args[i]->type;
        if (dt && i == 3) { /* DecimalType(Decimal.MAX_LONG_DIGITS, 6) */
            if (type_is_numeric(t) || t->kind == TY_DECIMAL || t->kind == TY_STRING ||
                t->kind == TY_NULL)
                args[i] = sema_coerce(b->sc, args[i], type_decimal(18, 6));
            else
                *bad = i, *want = "a number of seconds";
        } else if (!(args[i] = sema_fn_int_arg(b, args[i])))
            *bad = i;
    }
}

/* plan_nulleval.c - the value of an expression whose columns are all NULL.
**
** EliminateOuterJoin.canFilterOutNull (Spark 3.5 joins.scala) binds every attribute a
** deterministic conjunct reads to NULL and evaluates it (`boundE.eval(emptyRow)`): NULL or
** false means the conjunct drops the rows an outer join pads with NULLs.  This is a small
** constant evaluator for that: each value is NULL, a known constant of the expression's type,
** or unknown (which keeps the join type, as an exception in eval does).  Known: literals,
** comparisons, arithmetic (not DECIMAL's), coalesce/nvl/ifnull, CASE (and what sema makes
** of if, nvl2, nullif), IS [NOT] NULL, NOT/AND/OR, IN lists, casts between the numeric types
** and BOOLEAN, string comparison, and NULL through any NullIntolerant expression.  Evaluation follows
** Spark's non-ANSI semantics (overflow wraps, x / 0 and x % 0 are NULL).  Must not: know
** about joins, LLVM or the runtime.
*/
#include "plan/plan.h"

#include <math.h>
#include <string.h>

typedef enum CvState { CV_UNKNOWN, CV_NULL, CV_KNOWN } CvState;

/* What a known value's bits mean. */
typedef enum CvClass {
    CC_OPAQUE,  /* not NULL, but not modelled (DECIMAL, FLOAT, nested, ...) */
    CC_BOOL,    /* i: 0 or 1 */
    CC_INT,     /* i, within the type's width */
    CC_DOUBLE,  /* d */
    CC_STRING,  /* s, n */
    CC_DECIMAL, /* dec, unscaled, at scale */
    CC_ORDER    /* i: a TIMESTAMP, DATE or interval, compared only */
} CvClass;

typedef struct Cv {
    CvState st;
    CvClass cls;
    int64_t i;
    double d;
    const char *s;
    uint32_t n;
    __int128 dec;
    int scale;
} Cv;

static const Cv cv_unknown = {.st = CV_UNKNOWN};
static const Cv cv_null = {.st = CV_NULL};

static CvClass class_of(const Type *t)
{
    switch (t->kind) {
    case TY_BOOLEAN:
        return CC_BOOL;
    case TY_INT:
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_BIGINT:
        return CC_INT;
    case TY_DOUBLE:
        return CC_DOUBLE;
    case TY_STRING:
        return CC_STRING;
    case TY_DECIMAL:
        return CC_DECIMAL;
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
    case TY_DATE:
    case TY_INTERVAL:
    case TY_YM_INTERVAL:
        return CC_ORDER;
    default:
        return CC_OPAQUE;
    }
}

static Cv cv_int(const Type *t, int64_t i)
{
    return (Cv){.st = CV_KNOWN, .cls = class_of(t), .i = i};
}

static Cv cv_bool(bool b)
{
    return (Cv){.st = CV_KNOWN, .cls = CC_BOOL, .i = b};
}

static Cv cv_double(double d)
{
    return (Cv){.st = CV_KNOWN, .cls = CC_DOUBLE, .d = d};
}

static __int128 pow10_128(int n)
{
    __int128 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

/* Unscaled dec at scale from, as DECIMAL type t (Decimal.changePrecision, ROUND_HALF_UP):
   NULL when it does not fit t's precision (non-ANSI Cast). */
static Cv cv_decimal(const Type *t, __int128 dec, int from)
{
    if (t->scale >= from) {
        __int128 p = pow10_128(t->scale - from), lim = pow10_128(38 - (t->scale - from));
        if (dec >= lim || dec <= -lim)
            return cv_null;
        dec *= p;
    } else {
        __int128 p = pow10_128(from - t->scale), q = dec / p, r = dec % p;
        if (2 * (r < 0 ? -r : r) >= p)
            q += dec < 0 ? -1 : 1;
        dec = q;
    }
    __int128 lim = pow10_128(t->precision);
    if (dec >= lim || dec <= -lim)
        return cv_null;
    return (Cv){.st = CV_KNOWN, .cls = CC_DECIMAL, .dec = dec, .scale = t->scale};
}

/* i narrowed to integral type t as the JVM's toInt / toShort / toByte do (wrapping). */
static int64_t wrap(const Type *t, uint64_t i)
{
    switch (t->kind) {
    case TY_INT:
        return (int32_t)(uint32_t)i;
    case TY_SMALLINT:
        return (int16_t)(uint16_t)i;
    case TY_TINYINT:
        return (int8_t)(uint8_t)i;
    default:
        return (int64_t)i;
    }
}

/* Double d as the JVM's d.toLong (t BIGINT) or d.toInt then narrowed: NaN is 0, and out of
   range values saturate. */
static int64_t double_to_integral(const Type *t, double d)
{
    if (isnan(d))
        return 0;
    if (t->kind == TY_BIGINT)
        return d >= 0x1p63 ? INT64_MAX : d < -0x1p63 ? INT64_MIN : (int64_t)d;
    int32_t i = d >= 0x1p31 ? INT32_MAX : d < -0x1p31 ? INT32_MIN : (int32_t)d;
    return wrap(t, (uint64_t)(int64_t)i);
}

/* SQLOrderingUtil.compareDoubles: NaN equals NaN and is above everything, -0.0 equals 0.0. */
static int compare_doubles(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b);
    return (a > b) - (a < b);
}

/* a <=> b for two known values of one type: -1, 0, 1, or 2 when not modelled.  Strings
   compare as UTF8String does, by unsigned bytes. */
static int compare(const Cv *a, const Cv *b)
{
    if (a->cls != b->cls)
        return 2;
    switch (a->cls) {
    case CC_BOOL:
    case CC_INT:
    case CC_ORDER:
        return (a->i > b->i) - (a->i < b->i);
    case CC_DOUBLE:
        return compare_doubles(a->d, b->d);
    case CC_DECIMAL:
        if (a->scale != b->scale)
            return 2;
        return (a->dec > b->dec) - (a->dec < b->dec);
    case CC_STRING: {
        int c = memcmp(a->s, b->s, a->n < b->n ? a->n : b->n);
        return c ? (c > 0) - (c < 0) : (a->n > b->n) - (a->n < b->n);
    }
    case CC_OPAQUE:
        break;
    }
    return 2;
}

static Cv eval(const SExpr *e);

static Cv eval_const(const SExpr *e)
{
    if (e->u.value.is_null || e->type->kind == TY_NULL)
        return cv_null;
    const SValue *c = &e->u.value;
    return (Cv){.st = CV_KNOWN,
                .cls = class_of(e->type),
                .i = c->i,
                .d = c->d,
                .s = c->s,
                .n = c->n,
                .dec = c->dec,
                .scale = e->type->scale};
}

/* Comparison (EqualTo ... GreaterThanOrEqual, EqualNullSafe). */
static Cv eval_cmp(const SExpr *e)
{
    Cv a = eval(e->u.bin.lhs), b = eval(e->u.bin.rhs);
    AstBinaryOp op = e->u.bin.op;
    if (op == BOP_NSEQ) {
        if (a.st == CV_NULL || b.st == CV_NULL)
            return a.st == CV_UNKNOWN || b.st == CV_UNKNOWN ? cv_unknown : cv_bool(a.st == b.st);
    } else if (a.st == CV_NULL || b.st == CV_NULL) {
        return cv_null;
    }
    if (a.st != CV_KNOWN || b.st != CV_KNOWN)
        return cv_unknown;
    int c = compare(&a, &b);
    if (c == 2)
        return cv_unknown;
    switch (op) {
    case BOP_EQ:
    case BOP_NSEQ:
        return cv_bool(c == 0);
    case BOP_NE:
        return cv_bool(c != 0);
    case BOP_LT:
        return cv_bool(c < 0);
    case BOP_LE:
        return cv_bool(c <= 0);
    case BOP_GT:
        return cv_bool(c > 0);
    case BOP_GE:
        return cv_bool(c >= 0);
    default:
        return cv_unknown;
    }
}

static Cv arith_int(const Type *t, AstBinaryOp op, int64_t a, int64_t b)
{
    switch (op) {
    case BOP_ADD:
        return cv_int(t, wrap(t, (uint64_t)a + (uint64_t)b));
    case BOP_SUB:
        return cv_int(t, wrap(t, (uint64_t)a - (uint64_t)b));
    case BOP_MUL:
        return cv_int(t, wrap(t, (uint64_t)a * (uint64_t)b));
    case BOP_MOD: /* Remainder: NULL for a zero divisor (non-ANSI) */
        return b == 0 ? cv_null : cv_int(t, b == -1 ? 0 : a % b);
    default:
        return cv_unknown;
    }
}

static Cv arith_double(AstBinaryOp op, double a, double b)
{
    switch (op) {
    case BOP_ADD:
        return cv_double(a + b);
    case BOP_SUB:
        return cv_double(a - b);
    case BOP_MUL:
        return cv_double(a * b);
    case BOP_DIV: /* Divide: NULL for a zero divisor (non-ANSI) */
        return b == 0 ? cv_null : cv_double(a / b);
    case BOP_MOD:
        return b == 0 ? cv_null : cv_double(fmod(a, b));
    default:
        return cv_unknown;
    }
}

/* Add, Subtract, Multiply, Divide, Remainder over operands of the result's type. */
static Cv eval_arith(const SExpr *e)
{
    Cv a = eval(e->u.bin.lhs), b = eval(e->u.bin.rhs);
    if (a.st == CV_NULL || b.st == CV_NULL)
        return cv_null;
    if (a.st != CV_KNOWN || b.st != CV_KNOWN || a.cls != b.cls || a.cls != class_of(e->type))
        return cv_unknown;
    if (a.cls == CC_INT)
        return arith_int(e->type, e->u.bin.op, a.i, b.i);
    if (a.cls == CC_DOUBLE)
        return arith_double(e->u.bin.op, a.d, b.d);
    return cv_unknown;
}

/* Decimal a as integral type t (Decimal.toLong, truncating, then narrowed). */
static Cv decimal_to_integral(const Type *t, const Cv *a)
{
    __int128 q = a->dec / pow10_128(a->scale);
    if (q > INT64_MAX || q < INT64_MIN)
        return cv_unknown;
    return cv_int(t, wrap(t, (uint64_t)(int64_t)q));
}

/* Cast between BOOLEAN, the integral types, DOUBLE and DECIMAL (non-ANSI Cast); NULL casts to
   NULL. */
static Cv eval_cast(const SExpr *e)
{
    Cv a = eval(e->u.arg);
    if (a.st != CV_KNOWN)
        return a;
    const Type *t = e->type;
    if (a.cls == CC_DECIMAL) {
        switch (class_of(t)) {
        case CC_DECIMAL:
            return cv_decimal(t, a.dec, a.scale);
        case CC_DOUBLE:
            return cv_double((double)a.dec / (double)pow10_128(a.scale));
        case CC_INT:
            return decimal_to_integral(t, &a);
        case CC_BOOL:
            return cv_bool(a.dec != 0);
        default:
            return cv_unknown;
        }
    }
    if (a.cls != CC_INT && a.cls != CC_DOUBLE && a.cls != CC_BOOL)
        return e->u.arg->type->kind == t->kind ? a : cv_unknown;
    switch (class_of(t)) {
    case CC_BOOL:
        return cv_bool(a.cls == CC_DOUBLE ? a.d != 0 : a.i != 0);
    case CC_INT:
        return cv_int(t, a.cls == CC_DOUBLE ? double_to_integral(t, a.d) : wrap(t, (uint64_t)a.i));
    case CC_DOUBLE:
        return cv_double(a.cls == CC_DOUBLE ? a.d : (double)a.i);
    case CC_DECIMAL:
        return a.cls == CC_DOUBLE ? cv_unknown : cv_decimal(t, a.i, 0);
    case CC_STRING:
    case CC_ORDER:
    case CC_OPAQUE:
        break;
    }
    return cv_unknown;
}

static Cv eval_not(const SExpr *e)
{
    Cv a = eval(e->u.arg);
    return a.st == CV_KNOWN && a.cls == CC_BOOL ? cv_bool(!a.i)
           : a.st == CV_NULL                    ? cv_null
                                                : cv_unknown;
}

/* The truth of a: 1 true, 0 false, -1 NULL, -2 unknown. */
static int truth(Cv a)
{
    return a.st == CV_NULL ? -1 : a.st == CV_KNOWN && a.cls == CC_BOOL ? (int)a.i : -2;
}

/* And, Or: three-valued; an unknown operand leaves the result unknown unless the other
   decides it (false for And, true for Or). */
static Cv eval_logic(const SExpr *e)
{
    int a = truth(eval(e->u.bin.lhs)), b = truth(eval(e->u.bin.rhs));
    int absorb = e->kind == SX_AND ? 0 : 1;
    if (a == absorb || b == absorb)
        return cv_bool(absorb);
    if (a == -2 || b == -2)
        return cv_unknown;
    return a == -1 || b == -1 ? cv_null : cv_bool(!absorb);
}

/* In: true on a match; else NULL when a value is NULL, false otherwise. */
static Cv eval_in(const SExpr *e)
{
    Cv a = eval(e->u.in.arg);
    if (a.st != CV_KNOWN)
        return a;
    bool null = false;
    for (int i = 0; i < e->u.in.n_values; i++) {
        Cv v = eval(e->u.in.values[i]);
        if (v.st == CV_NULL) {
            null = true;
            continue;
        }
        int c = v.st == CV_KNOWN ? compare(&a, &v) : 2;
        if (c == 2)
            return cv_unknown;
        if (c == 0)
            return cv_bool(!e->u.in.negated);
    }
    return null ? cv_null : cv_bool(e->u.in.negated);
}

/* CASE WHEN ...: the first branch whose condition is true, else ELSE. */
static Cv eval_case(const SExpr *e)
{
    for (int i = 0; i < e->u.kase.n_whens; i++) {
        int t = truth(eval(e->u.kase.whens[i]));
        if (t == 1)
            return eval(e->u.kase.thens[i]);
        if (t == -2)
            return cv_unknown;
    }
    return eval(e->u.kase.else_);
}

/* Coalesce (and Nvl, IfNull): the first operand that is not NULL. */
static Cv eval_coalesce(const SExpr *e)
{
    for (int i = 0; i < e->u.call.n_args; i++) {
        Cv v = eval(e->u.call.args[i]);
        if (v.st != CV_NULL)
            return v;
    }
    return cv_null;
}

/* Any NullIntolerant expression with a NULL operand is NULL (and Concat, which is NULL when
   an operand is); what else it computes is not modelled. */
static Cv eval_other(const SExpr *e)
{
    if (e->kind == SX_CALL &&
        (e->u.call.fn == FN_COALESCE || e->u.call.fn == FN_NVL || e->u.call.fn == FN_IFNULL))
        return eval_coalesce(e);
    if (sema_null_intolerant(e) || e->kind == SX_CONCAT) {
        SExpr **op;
        for (int i = 0; (op = sema_expr_operand((SExpr *)e, i)) != NULL; i++)
            if (*op && eval(*op).st == CV_NULL)
                return cv_null;
    }
    return cv_unknown;
}

static Cv eval(const SExpr *e)
{
    switch (e->kind) {
    case SX_COLUMN:
        return cv_null;
    case SX_CONST:
        return eval_const(e);
    case SX_IS_NULL: {
        Cv a = eval(e->u.is_null.arg);
        return a.st == CV_UNKNOWN ? cv_unknown : cv_bool((a.st == CV_NULL) != e->u.is_null.negated);
    }
    case SX_NOT:
        return eval_not(e);
    case SX_NEG: {
        Cv a = eval(e->u.arg);
        if (a.st == CV_KNOWN && a.cls == CC_INT)
            return cv_int(e->type, wrap(e->type, -(uint64_t)a.i));
        return a.st == CV_KNOWN && a.cls == CC_DOUBLE ? cv_double(-a.d) : eval_other(e);
    }
    case SX_AND:
    case SX_OR:
        return eval_logic(e);
    case SX_CMP:
        return eval_cmp(e);
    case SX_ARITH: {
        Cv v = eval_arith(e);
        return v.st == CV_UNKNOWN ? eval_other(e) : v;
    }
    case SX_IN:
        return eval_in(e);
    case SX_CASE:
        return eval_case(e);
    case SX_CAST:
        return eval_cast(e);
    default:
        return eval_other(e);
    }
}

bool plan_filters_out_null(const SExpr *e)
{
    if (!sema_is_deterministic(e))
        return false;
    Cv v = eval(e);
    return v.st == CV_NULL || (v.st == CV_KNOWN && v.cls == CC_BOOL && v.i == 0);
}

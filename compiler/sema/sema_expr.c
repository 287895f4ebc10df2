/* sema_expr.c - name resolution and typing of expressions (AST to SExpr).
**
** Implicit conversions follow Spark's non-ANSI TypeCoercion, reduced to sluice's
** types; every conversion is an explicit SX_CAST (or a folded constant) so the
** planner never guesses:
**   arithmetic  INT < BIGINT < DOUBLE widening; `/` is always DOUBLE; `%` stays
**               integral for integral operands; a STRING operand is read as DOUBLE;
**               TIMESTAMP +/- INTERVAL is a TIMESTAMP (the interval stays µs)
**   comparison  numeric widening; STRING vs numeric/BOOLEAN/TIMESTAMP/DATE casts
**               the string to the other side; DATE vs TIMESTAMP compares timestamps
**   CASE/coalesce  the wider type; mixing STRING with another scalar gives STRING
**   NULL        takes the type its context asks for
** Boolean contexts (WHERE, HAVING, AND, OR, NOT, CASE WHEN) require BOOLEAN.
** Errors are reported once, at the innermost offending node; the binder then
** returns NULL and enclosing nodes give up quietly.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/cm_ansi_iv.h"
#include "common/cm_interval.h"
#include "common/cm_like.h"
#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "sema/sema_int.h"

/* ==== Nodes and constants ==== */

SExpr *sema_new_expr(SemaCtx *sc, SExprKind kind, const Type *t, SrcSpan span)
{
    SExpr *e = ARENA_NEW(sc->arena, SExpr);
    e->kind = kind;
    e->type = t;
    e->span = span;
    return e;
}

static SExpr *const_null(SemaCtx *sc, const Type *t, SrcSpan span)
{
    SExpr *e = sema_new_expr(sc, SX_CONST, t, span);
    e->u.value.is_null = true;
    return e;
}

static SExpr *const_int(SemaCtx *sc, const Type *t, int64_t v, SrcSpan span)
{
    SExpr *e = sema_new_expr(sc, SX_CONST, t, span);
    e->u.value.i = v;
    return e;
}

/* Spark's INVALID_NUMERIC_LITERAL_RANGE (AstBuilder.numericLiteral) for the literal e, whose
   text without its suffix is raw; NULL. */
static SExpr *literal_range_error(SemaCtx *sc, const AstExpr *e, const char *raw, const char *type,
                                  const char *min, const char *max)
{
    diag_error(sc->diag, e->span,
               "[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal %s is outside the valid range "
               "for %s with minimum value of %s and maximum value of %s. Please adjust the "
               "value accordingly.",
               raw, type, min, max);
    return NULL;
}

/* 10Y, 10S, 10L (Spark's TINYINT_LITERAL, SMALLINT_LITERAL, BIGINT_LITERAL): the digits,
   with the minus before them, in the type's range (visitTinyIntLiteral and the others). */
static SExpr *bind_typed_int(SemaCtx *sc, const AstExpr *e)
{
    const char *raw = arena_sprintf(sc->arena, "%s%s", e->u.int_negated ? "-" : "", e->u.int_text);
    int64_t v = e->u.ival;
    bool big_ok = !e->u.int_overflow && (v != INT64_MIN || e->u.int_negated);
    switch (e->u.int_suffix) {
    case 'Y':
        if (!big_ok || v < -128 || v > 127)
            return literal_range_error(sc, e, raw, "tinyint", "-128", "127");
        return const_int(sc, &type_tinyint, v, e->span);
    case 'S':
        if (!big_ok || v < -32768 || v > 32767)
            return literal_range_error(sc, e, raw, "smallint", "-32768", "32767");
        return const_int(sc, &type_smallint, v, e->span);
    default:
        if (!big_ok)
            return literal_range_error(sc, e, raw, "bigint", "-9223372036854775808",
                                       "9223372036854775807");
        return const_int(sc, &type_bigint, v, e->span);
    }
}

/* 1.5F (Spark's FLOAT_LITERAL): Float.parseFloat of the text, within +-Float.MaxValue (as
   the BigDecimal of its double, which numericLiteral compares with). */
static SExpr *bind_float_literal(SemaCtx *sc, const AstExpr *e)
{
    const double max = 3.4028234663852886e38;
    if (fabs(strtod(e->u.dtext, NULL)) > max)
        return literal_range_error(
            sc, e, arena_sprintf(sc->arena, "%s%s", e->u.dval < 0 ? "-" : "", e->u.dtext), "float",
            "-3.4028234663852886E+38", "3.4028234663852886E+38");
    SExpr *r = sema_new_expr(sc, SX_CONST, &type_float, e->span);
    r->u.value.d = e->u.dval;
    return r;
}

static bool is_atomic(const Type *t)
{
    switch (t->kind) {
    case TY_BOOLEAN:
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT:
    case TY_FLOAT:
    case TY_DOUBLE:
    case TY_DECIMAL:
    case TY_STRING:
    case TY_BINARY:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
    case TY_DATE:
        return true;
    default:
        return false;
    }
}
/* Spark's TypeCoercion.numericPrecedence: TINYINT < SMALLINT < INT < BIGINT < FLOAT < DOUBLE. */
static int num_rank(const Type *t)
{
    switch (t->kind) {
    case TY_TINYINT:
        return 1;
    case TY_SMALLINT:
        return 2;
    case TY_INT:
        return 3;
    case TY_BIGINT:
        return 4;
    case TY_FLOAT:
        return 5;
    default:
        return 6;
    }
}
static const Type *wider_numeric(const Type *a, const Type *b)
{
    return num_rank(a) >= num_rank(b) ? a : b;
}

/* ==== Casts ==== */

/* Spark's Cast.canCast (non-ANSI), restricted to sluice's scalar types: STRING to and
   from any scalar but BINARY, which is cast from STRING and INT/BIGINT and to STRING; numeric,
   BOOLEAN and TIMESTAMP (epoch seconds) among themselves; DATE to and from TIMESTAMP.  STRUCT and
   ARRAY to STRING and (field- and element-wise) to their kind, a MAP to a MAP of castable keys and
   values and to STRING. */
/* Spark's Cast.canNullSafeCastToDecimal: does every value of from fit DECIMAL to?  A BOOLEAN
   or an integer when to is DecimalType.isWiderThan it (the integer as DecimalType.forType:
   INT DECIMAL(10,0), BIGINT DECIMAL(20,0)), a DECIMAL when to has strictly more integral
   digits; never a FLOAT or DOUBLE. */
static bool null_safe_to_decimal(const Type *from, const Type *to)
{
    int digits = to->precision - to->scale;
    switch (from->kind) {
    case TY_BOOLEAN:
        return digits >= 1;
    case TY_TINYINT:
        return digits >= 3;
    case TY_SMALLINT:
        return digits >= 5;
    case TY_INT:
        return digits >= 10;
    case TY_BIGINT:
        return digits >= 20;
    case TY_DECIMAL:
        return digits > from->precision - from->scale;
    default:
        return false;
    }
}

/* Spark's Cast.forceNullable (Cast.scala), case by case: can the cast of a non-NULL value give
   NULL?  DecimalType is a FractionalType there. */
bool sema_cast_force_nullable(const Type *from, const Type *to)
{
    TypeKind f = from->kind, t = to->kind;
    if (f == TY_NULL || type_equal(from, to))
        return false;
    if (f == TY_STRING)
        return t != TY_BINARY && t != TY_STRING;
    if (t == TY_STRING)
        return false;
    if (f == TY_TIMESTAMP && type_is_int32(to))
        return true;
    if (type_is_fractional(from) && t == TY_TIMESTAMP)
        return true;
    if (f == TY_TIMESTAMP && t == TY_DATE)
        return false;
    if (t == TY_DATE)
        return true;
    if (f == TY_DATE && t == TY_TIMESTAMP)
        return false;
    if (f == TY_DATE)
        return true;
    if (t == TY_DECIMAL && !null_safe_to_decimal(from, to))
        return true;
    return (type_is_fractional(from) || f == TY_DECIMAL) && type_is_integral(to);
}

bool sema_can_cast(const Type *from, const Type *to)
{
    if (type_equal(from, to) || from->kind == TY_NULL)
        return true;
    /* Cast.canCast of two MapTypes: the keys castable without becoming NULL, the values
       castable (sluice's values are always nullable) */
    if (from->kind == TY_MAP && to->kind == TY_MAP)
        return sema_can_cast(from->key, to->key) && !sema_cast_force_nullable(from->key, to->key) &&
               sema_can_cast(from->elem, to->elem);
    /* Cast.canCast of two ArrayTypes: the elements castable; of two StructTypes: as many
       fields, each castable to its peer (the names are to's; sluice's values are always
       nullable, so resolvableNullability holds) */
    if (from->kind == TY_ARRAY && to->kind == TY_ARRAY)
        return sema_can_cast(from->elem, to->elem);
    if (from->kind == TY_STRUCT && to->kind == TY_STRUCT) {
        for (int i = 0; from->n_fields == to->n_fields && i < from->n_fields; i++)
            if (!sema_can_cast(from->fields[i].type, to->fields[i].type))
                return false;
        return from->n_fields == to->n_fields;
    }
    if (type_is_nested(from) && to->kind == TY_STRING) /* Cast.castToString */
        return true;
    /* ANSI intervals: to and from STRING, among intervals of one kind, and to and from the
       integral types and DECIMAL, whatever the fields (Cast.canCast of 3.4+: SPARK-40008 lifted
       the single-field rule; SPARK-39470, SPARK-40014 added DECIMAL) */
    if (type_is_ansi_interval(from) || type_is_ansi_interval(to)) {
        const Type *o = type_is_ansi_interval(from) ? to : from;
        return from->kind == TY_STRING || to->kind == TY_STRING || from->kind == to->kind ||
               type_is_integral(o) || o->kind == TY_DECIMAL;
    }
    if (!is_atomic(from) || !is_atomic(to))
        return false;
    /* TimestampNTZType: to and from STRING, DATE and TIMESTAMP only */
    if (from->kind == TY_TIMESTAMP_NTZ || to->kind == TY_TIMESTAMP_NTZ) {
        const Type *o = from->kind == TY_TIMESTAMP_NTZ ? to : from;
        return o->kind == TY_STRING || o->kind == TY_DATE || type_is_any_timestamp(o);
    }
    /* BinaryType: from STRING and the integral types, to STRING only. */
    if (to->kind == TY_BINARY)
        return from->kind == TY_STRING || type_is_integral(from);
    if (from->kind == TY_BINARY)
        return to->kind == TY_STRING;
    if (from->kind == TY_STRING || to->kind == TY_STRING)
        return true;
    if (from->kind == TY_DECIMAL || to->kind == TY_DECIMAL) { /* not yet to or from TIMESTAMP */
        const Type *o = from->kind == TY_DECIMAL ? to : from;
        return type_is_numeric(o) || o->kind == TY_BOOLEAN || o->kind == TY_DECIMAL;
    }
    bool fnum = type_is_numeric(from) || from->kind == TY_BOOLEAN || from->kind == TY_TIMESTAMP;
    bool tnum = type_is_numeric(to) || to->kind == TY_BOOLEAN || to->kind == TY_TIMESTAMP;
    if (fnum && tnum)
        return true;
    return (from->kind == TY_DATE && to->kind == TY_TIMESTAMP) ||
           (from->kind == TY_TIMESTAMP && to->kind == TY_DATE);
}

/* A string constant read as a number, if all of it is one. */
static bool parse_number(const char *s, bool integral, int64_t *i, double *d)
{
    char *end;
    errno = 0;
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    if (integral)
        *i = strtoll(s, &end, 10);
    else
        *d = strtod(s, &end);
    while (*end == ' ')
        end++;
    return !*end && errno == 0;
}

/* The value of the special datetime value w (cm_special_datetime) as a DATE, TIMESTAMP or
   TIMESTAMP_NTZ t: 'epoch' is 1970-01-01 (00:00:00), a constant; the others are read from the
   clock when the query starts (per_batch false: a typed literal) or when each batch is
   planned (per_batch true: a cast), the FN_SPECIAL_DATETIME call. */
static SExpr *special_datetime_value(SemaCtx *sc, CmSpecial w, const Type *t, bool per_batch,
                                     SrcSpan span)
{
    if (w == CM_SPECIAL_EPOCH)
        return const_int(sc, t, 0, span);
    SExpr **args = ARENA_NEW_N(sc->arena, SExpr *, 2);
    args[0] = const_int(sc, &type_int, w, span);
    args[1] = const_int(sc, &type_int, per_batch, span);
    SExpr *c = sema_new_expr(sc, SX_CALL, t, span);
    c->u.call.fn = FN_SPECIAL_DATETIME;
    c->u.call.args = args;
    c->u.call.n_args = 2;
    return c;
}

/* Fold a cast of a constant when the result is certain; NULL if it must stay a cast. */
static SExpr *fold_cast(SemaCtx *sc, SExpr *e, const Type *t)
{
    const SValue *v = &e->u.value;
    const Type *from = e->type;
    int64_t i;
    double d;
    if (v->is_null)
        return const_null(sc, t, e->span);
    if (from->kind == TY_DECIMAL || t->kind == TY_DECIMAL)
        return NULL; /* computed by the generated code */
    if (type_is_integral(from) && (t->kind == TY_BIGINT || type_is_fractional(t))) {
        SExpr *r = const_int(sc, t, v->i, e->span);
        /* a FLOAT constant holds its float value in d (Java's (float) of a long rounds once) */
        r->u.value.d = t->kind == TY_FLOAT ? (double)(float)v->i : (double)v->i;
        if (type_is_fractional(t))
            r->u.value.i = 0;
        return r;
    }
    if (type_is_fractional(from) && (t->kind == TY_INT || t->kind == TY_BIGINT)) {
        /* Cast's non-ANSI Double.toInt / toLong (Java's (int) and (long)): toward zero,
           saturated, NaN 0 (the runtime's cast too) */
        double lo = t->kind == TY_INT ? INT32_MIN : -9223372036854775808.0;
        double hi = t->kind == TY_INT ? INT32_MAX : 9223372036854775807.0;
        d = v->d;
        i = d != d    ? 0
            : d <= lo ? (int64_t)lo
            : d >= hi ? (t->kind == TY_INT ? INT32_MAX : INT64_MAX)
                      : (int64_t)d;
        return const_int(sc, t, i, e->span);
    }
    if (from->kind == TY_FLOAT && t->kind == TY_DOUBLE) { /* exact widening */
        SExpr *r = const_int(sc, t, 0, e->span);
        r->u.value.d = v->d;
        return r;
    }
    /* Spark's optimizer rule SpecialDatetimeValues (finishAnalysis.scala): a cast of a
       foldable string to DATE, TIMESTAMP or TIMESTAMP_NTZ that names a special value is that
       value when the batch is planned (convertSpecialDate/Timestamp/TimestampNTZ in the
       session zone); casts the analyzer adds (DATE '...' = 'today', date_add('today', 1))
       too */
    CmSpecial w = from->kind == TY_STRING && (t->kind == TY_DATE || type_is_any_timestamp(t))
                      ? cm_special_datetime(v->s, v->n, cm_zone_local_offset)
                      : CM_SPECIAL_NONE;
    if (w != CM_SPECIAL_NONE)
        return special_datetime_value(sc, w, t, true, e->span);
    /* Spark's stringToTimestamp (common/cm_time.c, as the runtime's srt_cast_str_ts); a time
       without a date takes the date when it runs, so it stays a cast.  A region zone
       ('2016-07-26 10:00:00 Europe/Paris') is read here from the tz database, as the runtime
       reads one in data (srt_zone.c).  A DATE is the timestamp's day, as the runtime casts it. */
    if (from->kind == TY_STRING && t->kind == TY_TIMESTAMP &&
        cm_ts_parse_zoned(v->s, strlen(v->s), CM_TS_NO_DATE, cm_zone_local_offset, &i) == 0)
        return const_int(sc, t, i, e->span);
    /* stringToTimestampWithoutTimeZone(s, allowTimeZone = true): a zone is read and dropped */
    if (from->kind == TY_STRING && t->kind == TY_TIMESTAMP_NTZ &&
        cm_ts_parse_ntz_cast(v->s, v->n, cm_zone_local_offset, &i) == 0)
        return const_int(sc, t, i, e->span);
    if (from->kind == TY_STRING && t->kind == TY_DATE && cm_date_parse(v->s, v->n, &i) == 0)
        return const_int(sc, t, i, e->span);
    if (from->kind == TY_STRING && type_is_integral(t) && parse_number(v->s, true, &i, &d) &&
        (t->kind == TY_BIGINT || (i >= -(INT64_C(1) << (type_int_bits(t) - 1)) &&
                                  i < (INT64_C(1) << (type_int_bits(t) - 1)))))
        return const_int(sc, t, i, e->span);
    if (from->kind == TY_STRING && t->kind == TY_DOUBLE && parse_number(v->s, false, &i, &d)) {
        SExpr *r = const_int(sc, t, 0, e->span);
        r->u.value.d = d;
        return r;
    }
    return NULL;
}

SExpr *sema_coerce(SemaCtx *sc, SExpr *e, const Type *t)
{
    if (!e || type_equal(e->type, t))
        return e;
    if (e->kind == SX_CONST) {
        SExpr *f = fold_cast(sc, e, t);
        if (f)
            return f;
    } else if (e->type->kind == TY_STRING && (t->kind == TY_DATE || type_is_any_timestamp(t)) &&
               sema_foldable(e)) {
        /* SpecialDatetimeValues of a foldable string sema does not fold (concat('to', 'day')):
           the generated code looks for a special value in it (FN_SPECIAL_DATETIME) */
        SExpr *c = sema_new_expr(sc, SX_CALL, t, e->span);
        c->u.call.fn = FN_SPECIAL_DATETIME;
        c->u.call.args = ARENA_NEW_N(sc->arena, SExpr *, 1);
        c->u.call.args[0] = e;
        c->u.call.n_args = 1;
        return c;
    }
    SExpr *c = sema_new_expr(sc, SX_CAST, t, e->span);
    c->u.arg = e;
    return c;
}

/* ==== Common types ==== */

/* A DECIMAL beside a DECIMAL or another number. */
static bool dec_numeric(const Type *a, const Type *b)
{
    return (a->kind == TY_DECIMAL || b->kind == TY_DECIMAL) &&
           (a->kind == TY_DECIMAL || type_is_numeric(a)) && (b->kind == TY_DECIMAL || type_is_numeric(b));
}

/* Spark's findWiderTypeForDecimal: a DOUBLE or FLOAT makes a DOUBLE; integers count as
   DecimalType.forType (INT DECIMAL(10,0), ...); two decimals widen to one that holds both
   (DecimalPrecision). */
static const Type *dec_common(const Type *a, const Type *b)
{
    if (type_is_fractional(a) || type_is_fractional(b))
        return &type_double;
    const Type *da = a->kind == TY_DECIMAL ? a : type_decimal_for(a);
    const Type *db = b->kind == TY_DECIMAL ? b : type_decimal_for(b);
    return sema_dec_wider(da, db);
}

/* findTightestCommonType of two different datetime types (TypeCoercion): DATE and
   TIMESTAMP_NTZ make TIMESTAMP_NTZ, any other pair TIMESTAMP; NULL if one is no datetime. */
static const Type *datetime_common(const Type *a, const Type *b)
{
    bool da = a->kind == TY_DATE || type_is_any_timestamp(a);
    bool db = b->kind == TY_DATE || type_is_any_timestamp(b);
    if (!da || !db)
        return NULL;
    if ((a->kind == TY_DATE && b->kind == TY_TIMESTAMP_NTZ) ||
        (a->kind == TY_TIMESTAMP_NTZ && b->kind == TY_DATE))
        return &type_timestamp_ntz;
    return &type_timestamp;
}

/* The type both sides of a comparison are cast to, or NULL if they do not compare. */
static const Type *cmp_common(const Type *a, const Type *b)
{
    if (a->kind == TY_NULL)
        return b->kind == TY_NULL                           ? &type_boolean
               : (is_atomic(b) || type_is_ansi_interval(b)) ? b
                                                            : NULL;
    if (b->kind == TY_NULL)
        return cmp_common(b, a);
    if (type_is_ansi_interval(a) || type_is_ansi_interval(b)) /* findTightestCommonType */
        return sema_interval_wider(a, b);
    if (!is_atomic(a) || !is_atomic(b))
        return NULL;
    if (type_equal(a, b))
        return a;
    if (dec_numeric(a, b))
        return dec_common(a, b);
    if (type_is_numeric(a) && type_is_numeric(b))
        return wider_numeric(a, b);
    /* findCommonTypeForBinaryComparison: a STRING beside a BINARY (an AtomicType:
       canPromoteAsInBinaryComparison) is cast to BINARY, its UTF-8 bytes; a BINARY beside
       anything else has no common type */
    if (a->kind == TY_BINARY || b->kind == TY_BINARY)
        return a->kind == TY_STRING ? b : b->kind == TY_STRING ? a : NULL;
    /* ... a STRING beside a DECIMAL compares as DOUBLE, both sides cast ("There is no proper
       decimal type we can pick": SPARK-22469), so '2.50' = 2.5 and '1e3' > 2.5 */
    if ((a->kind == TY_STRING && b->kind == TY_DECIMAL) ||
        (a->kind == TY_DECIMAL && b->kind == TY_STRING))
        return &type_double;
    if (a->kind == TY_STRING)
        return b;
    if (b->kind == TY_STRING)
        return a;
    return datetime_common(a, b);
}

/* Spark's TypeCoercion.findTypeForComplex with the rule common for the element, key, value
   and field types: two ARRAYs of a common element type; two MAPs of a common key type that
   neither key casts to with a possible NULL (Cast.forceNullable) and a common value type; two
   STRUCTs of as many fields, named alike pairwise (case-insensitive, the resolver), of common
   types, named as a's.  NULL otherwise.  The result lives in arena. */
static const Type *complex_common(Arena *arena, const Type *a, const Type *b, SemaCommonFn common)
{
    if (a->kind == TY_ARRAY && b->kind == TY_ARRAY) {
        const Type *e = common(arena, a->elem, b->elem);
        return e ? type_array(arena, e) : NULL;
    }
    if (a->kind == TY_MAP && b->kind == TY_MAP) {
        const Type *k = common(arena, a->key, b->key);
        if (!k || sema_cast_force_nullable(a->key, k) || sema_cast_force_nullable(b->key, k))
            return NULL;
        const Type *v = common(arena, a->elem, b->elem);
        return v ? type_map(arena, k, v) : NULL;
    }
    if (a->kind != TY_STRUCT || b->kind != TY_STRUCT || a->n_fields != b->n_fields)
        return NULL;
    TypeField *f = ARENA_NEW_N(arena, TypeField, a->n_fields ? a->n_fields : 1);
    for (int i = 0; i < a->n_fields; i++) {
        if (strcasecmp(a->fields[i].name, b->fields[i].name) != 0)
            return NULL;
        f[i].name = a->fields[i].name;
        if (!(f[i].type = common(arena, a->fields[i].type, b->fields[i].type)))
            return NULL;
    }
    return type_struct(arena, a->n_fields, f);
}

/* Spark's DecimalType.isWiderThan of an integer: d holds every value of DecimalType.forType(i)
   (as many integral digits or more; its scale is 0). */
static bool dec_holds_int(const Type *d, const Type *i)
{
    const Type *di = type_decimal_for(i);
    return d->precision - d->scale >= di->precision - di->scale;
}

/* Spark's TypeCoercion.findTightestCommonType: a NULL's other type, the wider of two numbers
   that are not DECIMAL, a DECIMAL beside an integer it holds, TIMESTAMP_NTZ for a DATE and a
   TIMESTAMP_NTZ, TIMESTAMP for other pairs of datetime types, two ANSI intervals of one kind
   widened, then findTypeForComplex of itself; no string promotion, no widening of decimals. */
const Type *sema_tightest_type(Arena *arena, const Type *a, const Type *b)
{
    if (a->kind == TY_NULL)
        return b;
    if (b->kind == TY_NULL || type_equal(a, b))
        return a;
    if (type_is_integral(a) && b->kind == TY_DECIMAL)
        return dec_holds_int(b, a) ? b : NULL;
    if (a->kind == TY_DECIMAL && type_is_integral(b))
        return dec_holds_int(a, b) ? a : NULL;
    if (type_is_numeric(a) && type_is_numeric(b))
        return wider_numeric(a, b);
    if (datetime_common(a, b))
        return datetime_common(a, b);
    if (type_is_ansi_interval(a) || type_is_ansi_interval(b))
        return sema_interval_wider(a, b);
    return complex_common(arena, a, b, sema_tightest_type);
}

/* The atomic part of findWiderTypeForTwo after findTightestCommonType: findWiderTypeForDecimal,
   then (with strings) stringPromotion, which leaves BinaryType and BooleanType out. */
static const Type *wider_atomic(const Type *a, const Type *b, bool strings)
{
    if (dec_numeric(a, b))
        return dec_common(a, b);
    if (!strings || !is_atomic(a) || !is_atomic(b) || a->kind == TY_BINARY ||
        b->kind == TY_BINARY || a->kind == TY_BOOLEAN || b->kind == TY_BOOLEAN)
        return NULL;
    return a->kind == TY_STRING || b->kind == TY_STRING ? &type_string : NULL;
}

/* findWiderTypeForTwo (strings) or findWiderTypeWithoutStringPromotionForTwo: the tightest
   common type, else the atomic widening, else findTypeForComplex of self. */
static const Type *wider(Arena *arena, const Type *a, const Type *b, bool strings,
                         SemaCommonFn self)
{
    const Type *t = sema_tightest_type(arena, a, b);
    if (t)
        return t;
    if (type_is_ansi_interval(a) || type_is_ansi_interval(b))
        return NULL;
    if (type_is_nested(a) || type_is_nested(b))
        return complex_common(arena, a, b, self);
    return wider_atomic(a, b, strings);
}

/* The type CASE branches, coalesce arguments and UNION columns are cast to, or NULL: Spark's
   TypeCoercion.findWiderTypeForTwo (findTightestCommonType, findWiderTypeForDecimal,
   stringPromotion, then findTypeForComplex of itself: ARRAY<INT> and ARRAY<STRING> make
   ARRAY<STRING>). */
const Type *sema_wider_type(Arena *arena, const Type *a, const Type *b)
{
    return wider(arena, a, b, true, sema_wider_type);
}

/* Spark's findWiderTypeWithoutStringPromotionForTwo (greatest, least, array_contains): as
   sema_wider_type without stringPromotion, at any depth. */
const Type *sema_wider_type_no_string(Arena *arena, const Type *a, const Type *b)
{
    return wider(arena, a, b, false, sema_wider_type_no_string);
}

/* TypeCoercion.hasStringType: a STRING, or an ARRAY of one at any depth (findWiderCommonType
   folds these first, its fold not being associative with them). */
bool sema_has_string_type(const Type *t)
{
    while (t->kind == TY_ARRAY)
        t = t->elem;
    return t->kind == TY_STRING;
}

/* ==== Messages ==== */

static const char *sql_of(Binder *b, const AstExpr *e)
{
    return sema_expr_sql(b->sc, b->blk, e);
}
static const char *tname(Binder *b, const Type *t)
{
    return type_name(b->sc->arena, t);
}

static void type_error(Binder *b, const AstExpr *at, const char *expect_fmt_what,
                       const AstExpr *val, const Type *t)
{
    diag_error(b->sc->diag, at->span, "%s, but '%s' is of type %s", expect_fmt_what, sql_of(b, val),
               tname(b, t));
}

static SExpr *to_bool(Binder *b, SExpr *e, const AstExpr *ast, const char *what)
{
    if (!e)
        return NULL;
    if (e->type->kind == TY_NULL)
        return sema_coerce(b->sc, e, &type_boolean);
    if (e->type->kind != TY_BOOLEAN) {
        diag_error(b->sc->diag, ast->span,
                   "%s expects a boolean expression, but '%s' is of type %s", what, sql_of(b, ast),
                   tname(b, e->type));
        return NULL;
    }
    return e;
}

void sema_type_error(Binder *b, const AstExpr *at, const char *what, const AstExpr *val,
                     const Type *t)
{
    type_error(b, at, what, val, t);
}

SExpr *sema_to_bool(Binder *b, SExpr *e, const AstExpr *ast, const char *what)
{
    return to_bool(b, e, ast, what);
}

SExpr *sema_bind_bool(Binder *b, const AstExpr *e, const char *what)
{
    return to_bool(b, sema_bind_expr(b, e), e, what);
}

SExpr *sema_bind_filter(Binder *b, const AstExpr *e)
{
    SExpr *x = sema_bind_expr(b, e);
    if (!x || x->type->kind == TY_BOOLEAN)
        return x;
    if (x->type->kind == TY_NULL)
        return sema_coerce(b->sc, x, &type_boolean);
    /* CheckAnalysis of a Filter: no implicit cast of its condition */
    const char *sql = sema_expr_sql(b->sc, b->blk, e);
    sema_mismatch(b, e, e->span, "FILTER_NOT_BOOLEAN",
                  arena_sprintf(b->sc->arena,
                                "Filter expression \"%s\" of type \"%s\" is not a boolean.", sql,
                                sema_sql_type(b, x->type)));
    return NULL;
}

/* A STRING operand: other scalars are cast (Spark's ImplicitTypeCasts: any AtomicType, the
   ANSI intervals among them, to StringType); NULL if impossible. */
SExpr *sema_to_string(Binder *b, SExpr *e)
{
    TypeKind k = e->type->kind;
    if (k == TY_STRING)
        return e;
    if (k == TY_NULL || is_atomic(e->type) || k == TY_INTERVAL || k == TY_YM_INTERVAL)
        return sema_coerce(b->sc, e, &type_string);
    return NULL;
}

/* A TIMESTAMP operand: DATE and STRING are cast; NULL if impossible. */
SExpr *sema_to_timestamp(Binder *b, SExpr *e)
{
    switch (e->type->kind) {
    case TY_TIMESTAMP:
        return e;
    case TY_NULL:
    case TY_DATE:
    case TY_STRING:
        return sema_coerce(b->sc, e, &type_timestamp);
    default:
        return NULL;
    }
}

SExpr *sema_to_any_timestamp(Binder *b, SExpr *e)
{
    return e->type->kind == TY_TIMESTAMP_NTZ ? e : sema_to_timestamp(b, e);
}

/* ==== Columns ==== */

/* Does qualifier q name the relation of input column col of blk? */
bool sema_input_rel(const SelBlock *blk, int col, const char *q)
{
    if (!q)
        return false;
    if (!blk->input_rels)
        return blk->rel_name && strcasecmp(q, blk->rel_name) == 0;
    return blk->input_rels[col] && strcasecmp(q, blk->input_rels[col]) == 0;
}

bool sema_input_hidden(const SelBlock *blk, int col)
{
    return blk->input_hidden && blk->input_hidden[col];
}

/* Does input column i of blk match name of relation q (NULL: any relation) among the hidden
   columns (hidden) or the others? */
static bool input_match(const SelBlock *blk, int i, const char *q, const char *name, bool hidden)
{
    return sema_input_hidden(blk, i) == hidden && strcasecmp(blk->input->cols[i].name, name) == 0 &&
           (!q || sema_input_rel(blk, i, q));
}

/* The input column name of relation q (NULL: any relation), among the hidden columns (hidden)
   or the others; -1 if none, -2 if several. */
static int find_in(const SelBlock *blk, const char *q, const char *name, bool hidden)
{
    int found = -1;
    for (int i = 0; blk->input && name && i < blk->input->n; i++)
        if (input_match(blk, i, q, name, hidden)) {
            if (found >= 0)
                return -2;
            found = i;
        }
    return found;
}

/* Spark's AMBIGUOUS_REFERENCE for a name that several columns of a join's scope match. */
static void ambiguous_in_join(Binder *b, const AstExpr *e, const char *q, const char *name,
                              bool hidden)
{
    const SelBlock *blk = b->blk;
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    for (int i = 0, k = 0; i < blk->input->n; i++) {
        if (!input_match(blk, i, q, name, hidden))
            continue;
        sb_puts(&sb, k++ ? ", " : "");
        if (blk->input_rels[i])
            sb_printf(&sb, "`%s`.", blk->input_rels[i]);
        sb_printf(&sb, "`%s`", blk->input->cols[i].name);
    }
    diag_error(b->sc->diag, e->span, "Reference %s`%s` is ambiguous, could be: [%s].",
               q ? arena_sprintf(b->sc->arena, "`%s`.", q) : "", name, sb.data);
}

static const char *dotted(Binder *b, const AstName *nm, int n)
{
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s%s", i ? "." : "", nm->parts[i] ? nm->parts[i] : "?");
    return sb.data;
}

/* ExtractValue's dataTypeUnsupportedByExtractValueError for a base (named base_text) of type
   t, no STRUCT, ARRAY or MAP: INVALID_EXTRACT_BASE_FIELD_TYPE at at. */
static void extract_base_refuse(Binder *b, SrcSpan at, const char *base_text, const Type *t)
{
    diag_error(b->sc->diag, at,
               "[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"%s\". Need a "
               "complex type [STRUCT, ARRAY, MAP] but got \"%s\".",
               base_text, sema_sql_type(b, t));
}

/* base.name on a STRUCT; base_text names base in messages. */
static SExpr *field_access(Binder *b, SExpr *base, const char *name, SrcSpan at, SrcSpan whole,
                           const char *base_text)
{
    if (!base)
        return NULL;
    if (!name)
        return NULL;
    if (base->type->kind != TY_STRUCT) {
        extract_base_refuse(b, at, base_text, base->type);
        return NULL;
    }
    int idx = type_field_index(base->type, name), n_same = 0;
    for (int i = idx; i >= 0 && i < base->type->n_fields; i++)
        n_same += strcasecmp(base->type->fields[i].name, name) == 0;
    if (n_same > 1) { /* ExtractValue.findField: the resolver (case-insensitive) matches more */
        diag_error(b->sc->diag, at,
                   "[AMBIGUOUS_REFERENCE_TO_FIELDS] Ambiguous reference to the field %s. It "
                   "appears %d times in the schema.",
                   sema_sql_id(b->sc->arena, &name, 1), n_same);
        return NULL;
    }
    if (idx < 0) {
        /* ExtractValue.findField: FIELD_NOT_FOUND, names as toSQLId prints them */
        StrBuf sb;
        sb_init(&sb, b->sc->arena);
        for (int i = 0; i < base->type->n_fields; i++) {
            sb_puts(&sb, i ? ", " : "");
            sb_put_backquoted(&sb, base->type->fields[i].name);
        }
        diag_error(b->sc->diag, at, "[FIELD_NOT_FOUND] No such struct field %s in %s.",
                   sema_sql_id(b->sc->arena, &name, 1), sb.data);
        return NULL;
    }
    SExpr *f = sema_new_expr(b->sc, SX_FIELD, base->type->fields[idx].type, whole);
    f->u.field.arg = base;
    f->u.field.index = idx;
    return f;
}

/* The remaining parts of a dotted name are struct fields of base. */
static SExpr *fields_from(Binder *b, SExpr *base, const AstExpr *e, int first)
{
    const AstName *nm = &e->u.name;
    for (int i = first; base && i < nm->n; i++) {
        SrcSpan at = nm->spans ? nm->spans[i] : e->span;
        base = field_access(b, base, nm->parts[i], at, e->span, dotted(b, nm, i));
    }
    return base;
}

/* What try_output found for a name among the output columns. */
typedef enum OutHit { OUT_HIT_NONE, OUT_HIT_ONE, OUT_HIT_SEVERAL } OutHit;

/* Try parts[0] as an output column name (*res: the column, its fields applied, on
   OUT_HIT_ONE).  Several output columns of that name that are not the same expression are
   OUT_HIT_SEVERAL, no error: Spark's Sort resolves its columns without throwing
   (ResolveReferencesInSort via ColumnResolutionHelper.resolveExpressionByPlanOutput, throws =
   false, which swallows AttributeSeq.resolve's AMBIGUOUS_REFERENCE), then against the Project's
   child (resolveExprsAndAddMissingAttrs), the input here. */
static OutHit try_output(Binder *b, const AstExpr *e, SExpr **res)
{
    const SelBlock *blk = b->blk;
    const AstName *nm = &e->u.name;
    int hit = -1;
    *res = NULL;
    for (int i = 0; i < blk->n_out; i++) {
        if (!blk->out[i].name || strcasecmp(blk->out[i].name, nm->parts[0]) != 0)
            continue;
        if (hit >= 0 && !sema_expr_equal(blk->out[hit].expr, blk->out[i].expr))
            return OUT_HIT_SEVERAL;
        if (hit < 0)
            hit = i;
    }
    if (hit < 0)
        return OUT_HIT_NONE;
    *res = fields_from(b, blk->out[hit].expr, e, 1);
    return OUT_HIT_ONE;
}

/* The relation (qualifier) of input column col of blk, NULL if none. */
const char *sema_input_qual(const SelBlock *blk, int col)
{
    return blk->input_rels ? blk->input_rels[col] : blk->rel_name;
}

/* The input column an output column passes through unchanged (not aliased: the same
   attribute), or -1. */
static int passed_column(const SelBlock *blk, const SOutCol *o)
{
    const SExpr *x = o->aliased ? NULL : o->expr;
    if (x && x->kind == SX_GROUP_REF && blk->sel->has_agg && x->u.ref < blk->sel->n_group)
        x = blk->sel->group[x->u.ref];
    return x && x->kind == SX_COLUMN ? x->u.column : -1;
}

/* The attributes Spark's CheckAnalysis offers for a name that did not resolve: the input's
   columns, or for ORDER BY and HAVING (a Sort or Filter over the Project or Aggregate) the
   select list's, a column passed through keeping its relation and one attribute however
   often it is listed. */
static int unknown_candidates(Binder *b, SNameCand **out)
{
    const SelBlock *blk = b->blk;
    int n_in = blk->input ? blk->input->n : 0;
    int cap = (b->out_lookup != OUT_NONE ? blk->n_out : n_in) + 1, n = 0;
    SNameCand *c = ARENA_NEW_N(b->sc->arena, SNameCand, cap);
    if (b->out_lookup == OUT_NONE) {
        for (int i = 0; i < n_in; i++) /* the input's output: not its hidden columns */
            if (!sema_input_hidden(blk, i))
                c[n++] = (SNameCand){sema_input_qual(blk, i), blk->input->cols[i].name};
        *out = c;
        return n;
    }
    for (int i = 0; i < blk->n_out; i++) {
        const SOutCol *o = &blk->out[i];
        int col = passed_column(blk, o);
        bool seen = false;
        for (int k = 0; col >= 0 && k < i; k++)
            seen = seen || passed_column(blk, &blk->out[k]) == col;
        if (o->name && !seen)
            c[n++] = (SNameCand){col >= 0 ? sema_input_qual(blk, col) : NULL, o->name};
    }
    *out = c;
    return n;
}

static void unknown_column(Binder *b, const AstExpr *e)
{
    const AstName *nm = &e->u.name;
    if (strcmp(b->clause, "DROP DUPLICATES") == 0) {
        sema_drop_duplicates_unresolved(b->sc, e->span, dotted(b, nm, nm->n), b->blk->input);
        return;
    }
    SNameCand *c;
    int n = unknown_candidates(b, &c);
    sema_unresolved_column(b->sc, e->span, (const char *const *)nm->parts, nm->n, c, n);
}

static bool is_call_of(const AstExpr *e, const char *name)
{
    return e && e->kind == AST_CALL && e->u.call.name && strcasecmp(e->u.call.name, name) == 0;
}

/* The first call of that name a ROLLUP, CUBE or GROUPING SETS item holds, or NULL. */
static const AstExpr *grouping_call(const AstGrouping *g, const char *name)
{
    for (int i = 0; i < g->n; i++) {
        const AstExpr *c = g->nested[i] ? grouping_call(g->nested[i], name) : NULL;
        if (c)
            return c;
        for (int k = 0; !g->nested[i] && k < g->sets[i].n; k++)
            if (is_call_of(g->sets[i].items[k], name))
                return g->sets[i].items[k];
    }
    for (int k = 0; k < g->user.n; k++)
        if (is_call_of(g->user.items[k], name))
            return g->user.items[k];
    return NULL;
}

/* The window() call (session_window() call) the block groups by if name is `window`
   (`session_window`), else NULL.  Only the aggregated clauses (SELECT, HAVING, ORDER BY, not
   inside an aggregate) see that column: in Spark it exists between the window and the
   aggregate. */
static const AstExpr *window_by_name(const SelBlock *blk, const char *name)
{
    if (!blk->sel || !blk->sel->has_agg ||
        (strcasecmp(name, "window") != 0 && strcasecmp(name, "session_window") != 0))
        return NULL;
    for (int i = 0; i < blk->ast->group_by.n; i++) {
        const AstExpr *g = blk->ast->group_by.items[i];
        const AstExpr *c = blk->ast->group_sets && blk->ast->group_sets[i]
                               ? grouping_call(blk->ast->group_sets[i], name)
                               : NULL;
        if (is_call_of(g, name))
            return g;
        if (c)
            return c;
    }
    return NULL;
}

/* The type of the column `window` (`session_window`) of the window call w the block groups
   by: the window's over its time column's type (type_window_of).  The select list is bound
   before the GROUP BY (sema_bind_select), so the time column is bound here with the
   diagnostics muted: binding the key reports its errors. */
static const Type *window_by_name_type(Binder *b, const AstExpr *w)
{
    if (w->u.call.args.n < 1 || !w->u.call.args.items[0])
        return type_window();
    Diag saved = *b->sc->diag;
    int sites = b->sc->n_sites;
    b->sc->diag->muted = true;
    Binder tb = *b;
    tb.allow_window = false;
    tb.allow_agg = false;
    tb.out_lookup = OUT_NONE;
    SExpr *ts = sema_bind_expr(&tb, w->u.call.args.items[0]);
    *b->sc->diag = saved;
    b->sc->n_sites = sites;
    if (ts && type_is_window(ts->type)) /* a window column as the time column: window_time */
        return ts->type;
    return type_window_of(ts ? ts->type : NULL);
}

/*
** column := [relation '.'] name {'.' field}
** Spark's order: relation.column first, then column(.field)*; ORDER BY looks at the
** output names before the input, HAVING after it.
*/
static SExpr *bind_column(Binder *b, const AstExpr *e)
{
    const AstName *nm = &e->u.name;
    const SelBlock *blk = b->blk;
    SExpr *res;
    if (nm->n <= 0 || !nm->parts || !nm->parts[0])
        return NULL;
    /* A lambda variable shadows a column (ResolveLambdaVariables: x.f is its field f). */
    bool out_of_reach = false;
    SExpr *var =
        sema_lambda_var(b, nm->parts[0], nm->spans ? nm->spans[0] : e->span, &out_of_reach);
    if (out_of_reach) { /* an aggregate is computed over the rows, not per element */
        diag_error(b->sc->diag, e->span,
                   "the lambda variable '%s' cannot be used in an aggregate function",
                   nm->parts[0]);
        return NULL;
    }
    if (var)
        return fields_from(b, var, e, 1);
    if (b->out_lookup == OUT_FIRST && try_output(b, e, &res) == OUT_HIT_ONE)
        return res;
    /* LogicalPlan.resolveChildren: the children's output (relation.column, then column),
       then their hidden columns (relation.column only: qualifiedAccessOnly). */
    int start = 0, col = -1;
    bool hidden = false;
    if (nm->n >= 2 && (col = find_in(blk, nm->parts[0], nm->parts[1], false)) != -1) {
        start = 1;
    } else if ((col = find_in(blk, NULL, nm->parts[0], false)) == -1 && nm->n >= 2 &&
               blk->input_hidden) {
        hidden = true;
        start = 1;
        col = find_in(blk, nm->parts[0], nm->parts[1], true);
        if (col == -1)
            start = 0;
    }
    if (col == -2 && b->out_lookup == OUT_FIRST) {
        /* ORDER BY (DISTRIBUTE BY): Spark's Sort swallows the input's AMBIGUOUS_REFERENCE as
           it does the output's (try_output); the name stays unresolved and CheckAnalysis's
           failUnresolvedAttribute reports UNRESOLVED_COLUMN, offering the Sort's input, the
           select list. */
        unknown_column(b, e);
        return NULL;
    }
    if (col == -2 && blk->input_rels) {
        ambiguous_in_join(b, e, start ? nm->parts[0] : NULL, nm->parts[start], hidden);
        return NULL;
    }
    if (col == -2) {
        diag_error(b->sc->diag, e->span, "column '%s' is ambiguous", nm->parts[start]);
        return NULL;
    }
    const AstExpr *wcall = col < 0 && start == 0 && b->allow_agg && !b->in_agg
                               ? window_by_name(blk, nm->parts[0])
                               : NULL;
    if (wcall) {
        /* Spark's TimeWindowing/SessionWindowing give the input a column `window` (or
           `session_window`) that the GROUP BY key is: window.start resolves to its field. */
        SExpr *w = sema_new_expr(b->sc, SX_WINDOW, window_by_name_type(b, wcall),
                                 nm->spans ? nm->spans[0] : e->span);
        w->u.window.session = strcasecmp(nm->parts[0], "session_window") == 0;
        return fields_from(b, w, e, 1);
    }
    if (col < 0) {
        OutHit h = b->out_lookup == OUT_AFTER ? try_output(b, e, &res) : OUT_HIT_NONE;
        if (h == OUT_HIT_ONE)
            return res;
        if (h == OUT_HIT_SEVERAL) { /* HAVING: Spark's resolution throws here */
            diag_error(b->sc->diag, e->span,
                       "reference '%s' is ambiguous: several output columns have that name",
                       nm->parts[0]);
            return NULL;
        }
        if (sema_is_hive_grouping_id(blk, nm)) { /* resolveLiteralFunction: GroupingID(Nil) */
            static const AstFlag no_flag;
            return sema_bind_expr(b, ast_new_call(b->sc->arena, "grouping_id", e->span, NULL, false,
                                                  no_flag, e->span));
        }
        if (!blk->input_failed)
            unknown_column(b, e);
        return NULL;
    }
    if (blk->input->cols[col].type == &sema_type_unknown)
        return NULL;
    SExpr *c = sema_new_expr(b->sc, SX_COLUMN, blk->input->cols[col].type, e->span);
    c->u.column = col;
    return fields_from(b, c, e, start + 1);
}

/* ==== Operators ==== */

static SExpr *new_bin(Binder *b, SExprKind kind, AstBinaryOp op, const Type *t, SExpr *l, SExpr *r,
                      SrcSpan span)
{
    SExpr *e = sema_new_expr(b->sc, kind, t, span);
    e->u.bin.op = op;
    e->u.bin.lhs = l;
    e->u.bin.rhs = r;
    return e;
}

bool sema_orderable(const Type *t)
{
    if (is_atomic(t) || t->kind == TY_NULL || type_is_ansi_interval(t))
        return true;
    if (t->kind == TY_ARRAY)
        return sema_orderable(t->elem);
    for (int i = 0; t->kind == TY_STRUCT && i < t->n_fields; i++)
        if (!sema_orderable(t->fields[i].type))
            return false;
    return t->kind == TY_STRUCT;
}

/* Are a and b one STRUCT or ARRAY type that orders (no MAP in it)?  Spark compares them by
   the type's interpretedOrdering (EqualTo, LessThan, ..., In, greatest/least: a struct field
   by field, an array element by element then by length, a NULL field or element first; a
   NULL struct or array gives NULL). */
bool sema_nested_comparable(const Type *a, const Type *b)
{
    return (a->kind == TY_STRUCT || a->kind == TY_ARRAY) && type_equal(a, b) && sema_orderable(a);
}

/* The type two operands of a comparison are compared in: cmp_common's (PromoteStrings and
   DecimalPrecision of atomic operands), else, a STRUCT or an ARRAY on either side, their
   findTightestCommonType (ImplicitTypeCasts of a BinaryOperator: `array(1) = array(1L)`
   compares two ARRAY<BIGINT>, `array(1) = array('1')` has none), which must order; NULL
   when they do not compare. */
static const Type *compare_type(Arena *arena, const Type *l, const Type *r)
{
    const Type *t = cmp_common(l, r);
    if (t || !(type_is_nested(l) || type_is_nested(r)))
        return t;
    t = sema_tightest_type(arena, l, r);
    return t && sema_nested_comparable(t, t) ? t : NULL;
}

static bool is_number(const Type *t)
{
    return type_is_numeric(t) || t->kind == TY_DECIMAL;
}

/* A STRING beside another atomic type, which PromoteStrings casts to that type
   (findCommonTypeForBinaryComparison); the pairs sluice does not compare are its own
   refusal. */
static bool is_string_vs_atomic(const Type *a, const Type *b)
{
    return a->kind == TY_STRING && is_atomic(b);
}

/* l op r for op in = != < <= > >=; al/ar are the operands as written (for messages). */
static SExpr *make_cmp(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                       const AstExpr *ar, SrcSpan span)
{
    if (!l || !r)
        return NULL;
    if (type_has_map(l->type) || type_has_map(r->type)) { /* BinaryComparison: checkForOrderingExpr */
        static const char *const sym[] = {"=", "=", "<", "<=", ">", ">="}; /* != is Not(=) */
        const char *f = op == BOP_NSEQ ? "<=>" : sym[(int)op - (int)BOP_EQ];
        const char *what = arena_sprintf(b->sc->arena, "(%s %s %s)", sql_of(b, al), f, sql_of(b, ar));
        sema_map_refuse_ordering(b, type_has_map(l->type) ? l->type : r->type, what, f, span);
        return NULL;
    }
    const Type *t = compare_type(b->sc->arena, l->type, r->type);
    if (t && t->kind == TY_DECIMAL && dec_numeric(l->type, r->type)) /* integer constants: their digits */
        t = sema_dec_wider(sema_dec_operand(l), sema_dec_operand(r));
    bool lb = l->type->kind == TY_BOOLEAN, rb = r->type->kind == TY_BOOLEAN;
    if (!t && (op == BOP_EQ || op == BOP_NE || op == BOP_NSEQ) && lb != rb &&
        (lb ? is_number(r->type) : is_number(l->type))) {
        /* BooleanEquality: EqualTo and EqualNullSafe of a BOOLEAN and a number cast the
           BOOLEAN to the number's type (its literal forms, b = 1 as b, give the same) */
        t = lb ? r->type : l->type;
        return new_bin(b, SX_CMP, op, &type_boolean, sema_coerce(b->sc, l, t),
                       sema_coerce(b->sc, r, t), span);
    }
    if (!t && !(is_string_vs_atomic(l->type, r->type) || is_string_vs_atomic(r->type, l->type)))
        return sema_binop_diff_types(b, op == BOP_NE ? BOP_EQ : op, al, ar, l->type, r->type,
                                     span); /* != is Not(=) */
    if (!t) {
        diag_error(b->sc->diag, span,
                   "comparing '%s' of type %s with '%s' of type %s is not supported yet",
                   sql_of(b, al), tname(b, l->type), sql_of(b, ar), tname(b, r->type));
        return NULL;
    }
    return new_bin(b, SX_CMP, op, &type_boolean, sema_coerce(b->sc, l, t), sema_coerce(b->sc, r, t),
                   span);
}

SExpr *sema_compare(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                    const AstExpr *ar, SrcSpan span)
{
    return make_cmp(b, op, l, r, al, ar, span);
}

/* A numeric operand of arithmetic (STRING is read as DOUBLE, NULL adapts); NULL type if not one. */
static const Type *arith_operand(const Type *t)
{
    if (type_is_numeric(t) || t->kind == TY_NULL || t->kind == TY_DECIMAL)
        return t;
    if (t->kind == TY_STRING)
        return &type_double;
    return NULL;
}

/* a DIV b, Spark's IntegralDivide (arithmetic.scala): a BIGINT, NULL when b is 0.  Its
   inputType is BIGINT or DECIMAL (or an ANSI interval) and IntegralDivisionTypeCoercion casts
   TINYINT, SMALLINT and INT operands to BIGINT; nothing makes a DOUBLE (or a STRING, which
   PromoteStrings makes a DOUBLE) acceptable, so Spark refuses those.  Beside a DECIMAL,
   DecimalPrecision makes an integer a decimal of its digits (sema_dec_operand); both stay decimals
   (cg_dec_idiv). */
static SExpr *make_idiv(Binder *b, SExpr *l, SExpr *r, const AstExpr *al, const AstExpr *ar,
                        SrcSpan span)
{
    SExpr *x[2] = {l, r};
    const AstExpr *a[2] = {al, ar};
    bool dec = l->type->kind == TY_DECIMAL || r->type->kind == TY_DECIMAL;
    for (int i = 0; i < 2; i++) {
        TypeKind k = x[i]->type->kind;
        if (!type_is_integral(x[i]->type) && k != TY_NULL && k != TY_DECIMAL)
            return sema_binop_refuse(b, BOP_IDIV, a[0], a[1], l->type, r->type, span);
    }
    const Type *t[2] = {&type_bigint, &type_bigint};
    for (int i = 0; dec && i < 2; i++) /* a NULL beside a DECIMAL takes its type */
        t[i] = sema_dec_operand(x[i]->type->kind == TY_NULL ? x[1 - i] : x[i]);
    for (int i = 0; i < 2; i++)
        x[i] = sema_coerce(b->sc, x[i], t[i]);
    return new_bin(b, SX_ARITH, BOP_IDIV, &type_bigint, x[0], x[1], span);
}

/* An operand of a bitwise operator (Spark's BitwiseAnd/Or/Xor/Not, bitwiseExpressions.scala:
   IntegralType): TINYINT, SMALLINT, INT or BIGINT, a NULL literal an INT (IntegralType's
   default type); NULL for any other type, which Spark refuses too (a STRING is not cast:
   PromoteStrings would make it a DOUBLE). */
static const Type *bit_operand(const Type *t)
{
    return type_is_integral(t) ? t : t->kind == TY_NULL ? &type_int : NULL;
}

/* a & b, a | b, a ^ b: both cast to the wider of their types, which the result has; NULL
   when either is.  On sign-extended TINYINT and SMALLINT values the i32 operations give the
   (byte)/(short) results as they are. */
static SExpr *make_bitwise(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                           const AstExpr *ar, SrcSpan span)
{
    const Type *lt = bit_operand(l->type), *rt = bit_operand(r->type);
    if (!lt || !rt)
        return sema_binop_refuse(b, op, al, ar, l->type, r->type, span);
    const Type *t = wider_numeric(lt, rt);
    return new_bin(b, SX_ARITH, op, t, sema_coerce(b->sc, l, t), sema_coerce(b->sc, r, t), span);
}

static SExpr *make_arith(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                         const AstExpr *ar, SrcSpan span)
{
    if (!l || !r)
        return NULL;
    SemaCtx *sc = b->sc;
    bool done;
    SExpr *iv = sema_interval_arith(b, op, l, r, al, ar, span, &done);
    if (done)
        return iv;
    if (op == BOP_IDIV)
        return make_idiv(b, l, r, al, ar, span);
    const Type *lt = arith_operand(l->type), *rt = arith_operand(r->type);
    if (!lt || !rt)
        return sema_binop_refuse(b, op, al, ar, l->type, r->type, span);
    if (lt->kind == TY_DECIMAL || rt->kind == TY_DECIMAL) {
        if (type_is_fractional(lt) || type_is_fractional(rt)) /* DecimalPrecision: a DOUBLE */
            return new_bin(b, SX_ARITH, op, &type_double, sema_coerce(sc, l, &type_double),
                           sema_coerce(sc, r, &type_double), span);
        const Type *dl = lt->kind == TY_NULL ? rt : sema_dec_operand(l);
        const Type *dr = rt->kind == TY_NULL ? lt : sema_dec_operand(r);
        return new_bin(b, SX_ARITH, op, sema_dec_arith_type(op, dl, dr), sema_coerce(sc, l, dl),
                       sema_coerce(sc, r, dr), span);
    }
    const Type *t;
    if (lt->kind == TY_NULL && rt->kind == TY_NULL)
        t = &type_double;
    else if (lt->kind == TY_NULL)
        t = rt;
    else if (rt->kind == TY_NULL)
        t = lt;
    else
        t = wider_numeric(lt, rt);
    if (op == BOP_DIV)
        t = &type_double;
    return new_bin(b, SX_ARITH, op, t, sema_coerce(sc, l, t), sema_coerce(sc, r, t), span);
}

SExpr *sema_arith(Binder *b, AstBinaryOp op, SExpr *l, SExpr *r, const AstExpr *al,
                  const AstExpr *ar, SrcSpan span)
{
    return make_arith(b, op, l, r, al, ar, span);
}

/* An operand AND, OR and NOT take: a BOOLEAN, or a NULL cast to one. */
static bool bool_operand(const Type *t)
{
    return t->kind == TY_BOOLEAN || t->kind == TY_NULL;
}

static SExpr *bind_binary(Binder *b, const AstExpr *e)
{
    const AstExpr *al = e->u.binary.lhs, *ar = e->u.binary.rhs;
    AstBinaryOp op = e->u.binary.op;
    if (op == BOP_AND || op == BOP_OR) { /* And, Or: BinaryOperator of inputType BooleanType */
        SExpr *l = sema_bind_expr(b, al), *r = sema_bind_expr(b, ar);
        if (!l || !r)
            return NULL;
        if (!bool_operand(l->type) || !bool_operand(r->type))
            return sema_binop_refuse(b, op, al, ar, l->type, r->type, e->span);
        return new_bin(b, op == BOP_AND ? SX_AND : SX_OR, op, &type_boolean,
                       sema_coerce(b->sc, l, &type_boolean), sema_coerce(b->sc, r, &type_boolean),
                       e->span);
    }
    SExpr *l = sema_bind_expr(b, al);
    SExpr *r = sema_bind_expr(b, ar);
    if (!l || !r)
        return NULL;
    switch (op) {
    case BOP_ADD:
    case BOP_SUB:
    case BOP_MUL:
    case BOP_DIV:
    case BOP_MOD:
    case BOP_IDIV:
        return make_arith(b, op, l, r, al, ar, e->span);
    case BOP_EQ:
    case BOP_NSEQ:
    case BOP_NE:
    case BOP_LT:
    case BOP_LE:
    case BOP_GT:
    case BOP_GE:
        return make_cmp(b, op, l, r, al, ar, e->span);
    case BOP_BITAND:
    case BOP_BITOR:
    case BOP_BITXOR:
        return make_bitwise(b, op, l, r, al, ar, e->span);
    case BOP_CONCAT: {
        SExpr *ls = sema_to_string(b, l), *rs = sema_to_string(b, r);
        if (!ls || !rs) { /* Concat(a :: b :: Nil) (AstBuilder) */
            const AstExpr *asts[2] = {al, ar};
            SExpr *args[2] = {l, r};
            return sema_concat_refuse(b, e, asts, args, 2);
        }
        return new_bin(b, SX_CONCAT, op, &type_string, ls, rs, e->span);
    }
    default:
        return NULL;
    }
}

static SExpr *bind_unary(Binder *b, const AstExpr *e)
{
    const AstExpr *a = e->u.unary.arg;
    if (e->u.unary.op == UOP_NOT) { /* Not: ImplicitCastInputTypes of BooleanType */
        SExpr *x = sema_bind_expr(b, a);
        if (!x)
            return NULL;
        if (!bool_operand(x->type))
            return sema_unary_refuse(b, e, a, "\"BOOLEAN\"", x->type);
        x = sema_coerce(b->sc, x, &type_boolean);
        SExpr *n = sema_new_expr(b->sc, SX_NOT, &type_boolean, e->span);
        n->u.arg = x;
        return n;
    }
    SExpr *x = sema_bind_expr(b, a);
    if (!x)
        return NULL;
    if (e->u.unary.op == UOP_BITNOT) { /* BitwiseNot: ~x is x ^ -1 in x's type */
        const Type *t = bit_operand(x->type);
        if (!t) /* BitwiseNot: ExpectsInputTypes IntegralType */
            return sema_unary_refuse(b, e, a, "\"INTEGRAL\"", x->type);
        return new_bin(b, SX_ARITH, BOP_BITXOR, t, sema_coerce(b->sc, x, t),
                       const_int(b->sc, t, -1, e->span), e->span);
    }
    if (type_is_ansi_interval(x->type))
        return e->u.unary.op == UOP_PLUS ? x : sema_interval_neg(b, x, e->span);
    const Type *t = arith_operand(x->type);
    if (!t) /* UnaryMinus, UnaryPositive: ImplicitCastInputTypes of NumericAndInterval */
        return sema_unary_refuse(b, e, a, SPARK_T_NUMERIC_AND_INTERVAL, x->type);
    if (t->kind == TY_NULL)
        t = &type_double;
    x = sema_coerce(b->sc, x, t);
    if (e->u.unary.op == UOP_PLUS) /* +x is x */
        return x;
    if (x->kind == SX_CONST && !x->u.value.is_null && x->type->kind == TY_DECIMAL) {
        SExpr *c = sema_new_expr(b->sc, SX_CONST, x->type, e->span);
        c->u.value.dec = -x->u.value.dec;
        return c;
    }
    if (x->kind == SX_CONST && !x->u.value.is_null && !type_is_fractional(x->type)) {
        /* Spark's UnaryMinus without ANSI mode wraps in the type: -(-2147483648) is -2147483648. */
        uint64_t neg = 0 - (uint64_t)x->u.value.i;
        int64_t v = x->type->kind == TY_INT ? (int64_t)(int32_t)(uint32_t)neg : (int64_t)neg;
        return const_int(b->sc, x->type, v, e->span);
    }
    if (x->kind == SX_CONST && !x->u.value.is_null) {
        SExpr *c = const_int(b->sc, x->type, 0, e->span);
        c->u.value.d = -x->u.value.d;
        return c;
    }
    SExpr *n = sema_new_expr(b->sc, SX_NEG, t, e->span);
    n->u.arg = x;
    return n;
}

/* ==== Predicates, CASE, CAST ==== */

static SExpr *bind_like(Binder *b, const AstExpr *e)
{
    SExpr *x = sema_bind_expr(b, e->u.like.arg);
    SExpr *p = sema_bind_expr(b, e->u.like.pattern);
    if (!x || !p)
        return NULL;
    SExpr *xs = sema_to_string(b, x), *ps = sema_to_string(b, p);
    if (!xs || !ps) {
        const AstExpr *bad = !xs ? e->u.like.arg : e->u.like.pattern;
        type_error(b, bad, "LIKE expects string operands", bad, !xs ? x->type : p->type);
        return NULL;
    }
    /* A constant pattern is checked now (Spark compiles it when the query starts); any other
       one by srt_like, row by row, as Spark's Like does (common/cm_like.h). */
    char msg[512];
    if (ps->kind == SX_CONST && !ps->u.value.is_null &&
        cm_like_check(ps->u.value.s, ps->u.value.n, e->u.like.escape, msg, sizeof msg) < 0) {
        diag_error(b->sc->diag, e->u.like.pattern->span, "%s", msg);
        return NULL;
    }
    if (e->u.like.ci) { /* ILike: Like(Lower(x), Lower(pattern)) */
        xs = sema_lower(b, xs, e->u.like.arg->span);
        ps = sema_lower(b, ps, e->u.like.pattern->span);
    }
    SExpr *l = sema_new_expr(b->sc, SX_LIKE, &type_boolean, e->span);
    l->u.like.arg = xs;
    l->u.like.pattern = ps;
    l->u.like.negated = e->u.like.negated;
    l->u.like.escape = e->u.like.escape;
    return l;
}

/* "(x IN (v, ...))", Spark's In.sql. */
static const char *in_sql(Binder *b, const AstExpr *e)
{
    StrBuf sb;
    sb_init(&sb, b->sc->arena);
    sb_printf(&sb, "(%s IN (", sql_of(b, e->u.in.arg));
    for (int i = 0; i < e->u.in.list.n; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", sql_of(b, e->u.in.list.items[i]));
    sb_puts(&sb, "))");
    return sb.data;
}

/* The type x IN (vals...) compares in: Spark's InConversion casts them all to
   findWiderCommonType when one differs, strings first (`1 IN ('1.0')` compares the STRINGs
   '1' and '1.0' and is false; `array(1) IN (array('1'))` compares ARRAY<STRING>s), and
   In.checkInputDataTypes refuses types that stay apart or do not order (DATA_DIFF_TYPES:
   `true IN (1)`).  NULL after the error. */
static const Type *in_common_type(Binder *b, const AstExpr *e, SExpr *x, SExpr **vals, int n)
{
    const Type **types = ARENA_NEW_N(b->sc->arena, const Type *, n + 1);
    types[0] = x->type;
    for (int i = 0; i < n; i++)
        types[i + 1] = vals[i]->type;
    const Type *t;
    if (sema_wider_fold(b->sc->arena, types, n + 1, sema_wider_type, true, &t) < 0 &&
        (type_is_nested(t) ? sema_nested_comparable(t, t) : sema_orderable(t)))
        return t;
    sema_diff_types(b, (SChecked){e, in_sql(b, e), "in"}, types, n + 1);
    return NULL;
}

/* x [NOT] IN (v, ...): everything is cast to the common comparison type. */
static SExpr *bind_in(Binder *b, const AstExpr *e)
{
    SExpr *x = sema_bind_expr(b, e->u.in.arg);
    int n = e->u.in.list.n;
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, n ? n : 1);
    bool ok = x != NULL;
    for (int i = 0; i < n; i++) {
        vals[i] = sema_bind_expr(b, e->u.in.list.items[i]);
        ok = ok && vals[i];
    }
    if (!ok)
        return NULL;
    if (type_has_map(x->type)) { /* In.checkInputDataTypes: checkForOrderingExpr */
        sema_map_refuse_ordering(b, x->type, in_sql(b, e), "in", e->span);
        return NULL;
    }
    const Type *t = in_common_type(b, e, x, vals, n);
    if (!t)
        return NULL;
    if (t->kind == TY_NULL)
        t = &type_boolean;
    SExpr *r = sema_new_expr(b->sc, SX_IN, &type_boolean, e->span);
    r->u.in.arg = sema_coerce(b->sc, x, t);
    for (int i = 0; i < n; i++)
        vals[i] = sema_coerce(b->sc, vals[i], t);
    r->u.in.values = vals;
    r->u.in.n_values = n;
    r->u.in.negated = e->u.in.negated;
    return r;
}

/* x [NOT] BETWEEN lo AND hi  ->  [NOT] (x >= lo AND x <= hi) */
static SExpr *bind_between(Binder *b, const AstExpr *e)
{
    const AstExpr *ax = e->u.between.arg;
    SExpr *x = sema_bind_expr(b, ax);
    SExpr *lo = sema_bind_expr(b, e->u.between.lo);
    SExpr *hi = sema_bind_expr(b, e->u.between.hi);
    SExpr *ge = make_cmp(b, BOP_GE, x, lo, ax, e->u.between.lo, e->span);
    SExpr *le = make_cmp(b, BOP_LE, x, hi, ax, e->u.between.hi, e->span);
    if (!ge || !le)
        return NULL;
    SExpr *r = new_bin(b, SX_AND, BOP_AND, &type_boolean, ge, le, e->span);
    if (e->u.between.negated) {
        SExpr *n = sema_new_expr(b->sc, SX_NOT, &type_boolean, e->span);
        n->u.arg = r;
        r = n;
    }
    return r;
}

int sema_wider_fold(Arena *arena, const Type *const *types, int n, SemaCommonFn common,
                    bool strings_first, const Type **out)
{
    *out = &type_null;
    for (int pass = strings_first ? 0 : 1; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            if (strings_first && sema_has_string_type(types[i]) != (pass == 0))
                continue;
            const Type *c = common(arena, *out, types[i]);
            if (!c)
                return i;
            *out = c;
        }
    return -1;
}

/* Cast values[0..n-1] to their wider common type (NULL only if all are NULL: Spark's NullType),
   findWiderCommonType's. */
const Type *sema_unify(Binder *b, SChecked who, SExpr **vals, int n)
{
    const Type **types = ARENA_NEW_N(b->sc->arena, const Type *, n ? n : 1);
    for (int i = 0; i < n; i++)
        types[i] = vals[i]->type;
    const Type *t;
    if (sema_wider_fold(b->sc->arena, types, n, sema_wider_type, true, &t) >= 0) {
        sema_diff_types(b, who, types, n);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        vals[i] = sema_coerce(b->sc, vals[i], t);
    return t;
}

/* The searched CASE of n bound conditions whens (BOOLEAN) and n (with else_: n + 1) values,
   cast to their wider common type as Spark's CaseWhenCoercion and IfCoercion do (both
   findWiderCommonType).  No ELSE is ELSE NULL.  NULL after an error. */
SExpr *sema_new_case(Binder *b, SChecked who, SExpr **whens, SExpr **vals, int n, bool has_else,
                     SrcSpan span)
{
    const Type *t = sema_unify(b, who, vals, has_else ? n + 1 : n);
    if (!t)
        return NULL;
    SExpr *r = sema_new_expr(b->sc, SX_CASE, t, span);
    r->u.kase.whens = whens;
    r->u.kase.thens = vals;
    r->u.kase.n_whens = n;
    r->u.kase.else_ = has_else ? vals[n] : const_null(b->sc, t, span);
    return r;
}

/* CASE [x] WHEN w THEN v ... [ELSE e] END; the simple form becomes WHEN x = w.  As
   CaseWhen.checkInputDataTypes: the values' types first (DATA_DIFF_TYPES), then the first
   condition that is not BOOLEAN (UNEXPECTED_INPUT_TYPE, its branch's number). */
static SExpr *bind_case(Binder *b, const AstExpr *e)
{
    int n = e->u.kase.whens.n;
    if (n == 0 || e->u.kase.thens.n != n)
        return NULL;
    SExpr *operand = e->u.kase.operand ? sema_bind_expr(b, e->u.kase.operand) : NULL;
    bool ok = !e->u.kase.operand || operand;
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, n);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, n + 1);
    for (int i = 0; i < n; i++) {
        const AstExpr *w = e->u.kase.whens.items[i];
        SExpr *wv = sema_bind_expr(b, w);
        if (e->u.kase.operand)
            wv = operand && wv ? make_cmp(b, BOP_EQ, operand, wv, e->u.kase.operand, w, w->span)
                               : NULL;
        else if (wv && wv->type->kind == TY_NULL)
            wv = sema_coerce(b->sc, wv, &type_boolean);
        whens[i] = wv;
        vals[i] = sema_bind_expr(b, e->u.kase.thens.items[i]);
        ok = ok && whens[i] && vals[i];
    }
    if (e->u.kase.else_) {
        vals[n] = sema_bind_expr(b, e->u.kase.else_);
        ok = ok && vals[n];
    }
    if (!ok)
        return NULL;
    SChecked who = {e, NULL, "casewhen"};
    SExpr *r = sema_new_case(b, who, whens, vals, n, e->u.kase.else_ != NULL, e->span);
    for (int i = 0; r && i < n; i++)
        if (whens[i]->type->kind != TY_BOOLEAN) {
            sema_unexpected_input(b, who, i + 1, "\"BOOLEAN\"", e->u.kase.whens.items[i],
                                  whens[i]->type);
            return NULL;
        }
    return r;
}

SExpr *sema_cast(Binder *b, SExpr *x, const AstExpr *arg, const Type *t, SrcSpan span)
{
    if (!sema_can_cast(x->type, t))
        return sema_cast_refuse(b, span, arg, x->type, t, false, NULL);
    if (type_equal(x->type, t))
        return x;
    SExpr *c = sema_coerce(b->sc, x, t);
    c->span = span;
    return c;
}

bool sema_typed_literal_value(const AstExpr *e, int64_t *v)
{
    const char *text = e->u.cast.arg->u.str ? e->u.cast.arg->u.str : "";
    size_t n = strlen(text);
    CmSpecial special = cm_special_datetime(text, n, cm_zone_local_offset);
    if (special != CM_SPECIAL_NONE)
        return special == CM_SPECIAL_EPOCH && (*v = 0, true);
    switch (e->u.cast.type->kind) {
    case TY_DATE:
        return cm_date_parse(text, n, v) == 0;
    case TY_TIMESTAMP:
        return cm_ts_parse_zoned(text, n, CM_TS_NO_DATE, cm_zone_local_offset, v) == 0;
    case TY_TIMESTAMP_NTZ:
        return cm_ts_parse_ntz_cast(text, n, cm_zone_local_offset, v) == 0;
    default:
        return false;
    }
}

/* DATE '...' and the TIMESTAMP forms, as AstBuilder.visitTypeConstructor reads them: a special
   value first (convertSpecialDate, convertSpecialTimestamp, convertSpecialTimestampNTZ in the
   session zone): 'epoch' is 1970-01-01 (00:00:00 UTC); 'now', 'today', 'yesterday' and
   'tomorrow' are read when Spark parses the query, here when the query starts, the same for
   every batch ('now' with a zone is no special value, hence no literal); any other text that
   the cast does not fold into a value is Spark's INVALID_TYPED_LITERAL (a time without a
   date, TIMESTAMP '10:00', stays a cast: it takes the date when it runs). */
static SExpr *bind_typed_literal(Binder *b, const AstExpr *e, SExpr *x)
{
    const Type *t = e->u.cast.type;
    const char *text = e->u.cast.arg->u.str ? e->u.cast.arg->u.str : "";
    CmSpecial special = cm_special_datetime(text, strlen(text), cm_zone_local_offset);
    if (special != CM_SPECIAL_NONE)
        return special_datetime_value(b->sc, special, t, false, e->span);
    int64_t v;
    if (sema_typed_literal_value(e, &v))
        return const_int(b->sc, t, v, e->span);
    if (t->kind == TY_TIMESTAMP && cm_ts_parse_zoned(text, strlen(text), CM_TS_NO_DATE,
                                                     cm_zone_local_offset, &v) == CM_TS_TIME_ONLY)
        return sema_cast(b, x, e->u.cast.arg, t, e->span);
    diag_error(b->sc->diag, e->span,
               "[INVALID_TYPED_LITERAL] The value of the typed literal \"%s\" is invalid: %s.",
               e->u.cast.typed_literal, sema_sql_string_value(b->sc->arena, text));
    return NULL;
}

static SExpr *bind_cast(Binder *b, const AstExpr *e)
{
    SExpr *x = sema_bind_expr(b, e->u.cast.arg);
    const Type *t = e->u.cast.type;
    if (!x || !t)
        return NULL;
    if (e->u.cast.typed_literal)
        return bind_typed_literal(b, e, x);
    return sema_cast(b, x, e->u.cast.arg, t, e->span);
}

/* Spark 3.5's TypeCoercion.implicitCast between atomic types: whether ImplicitCastInputTypes
   casts a value of type from to the type to (NULL to anything; numbers to numbers; a STRING to a
   number, DATE, TIMESTAMP or BINARY; DATE and TIMESTAMP to each other; any atomic value to
   STRING). */
static bool implicit_castable(const Type *from, const Type *to)
{
    TypeKind f = from->kind, t = to->kind;
    if (f == TY_NULL || type_equal(from, to))
        return true;
    if (type_is_nested(from) || type_is_nested(to))
        return false;
    if (type_is_numeric(to))
        return type_is_numeric(from) || f == TY_STRING;
    if (t == TY_DATE || t == TY_TIMESTAMP)
        return f == TY_STRING || f == TY_DATE || f == TY_TIMESTAMP;
    if (t == TY_BINARY)
        return f == TY_STRING;
    return t == TY_STRING;
}

/* m[k] (GetMapValue, ImplicitCastInputTypes (AnyDataType, keyType)): the key cast to the map's
   key type, else UNEXPECTED_INPUT_TYPE of its parameter 2; an element_at of the map. */
static SExpr *bind_map_value(Binder *b, const AstExpr *e, SExpr *base, SExpr *idx)
{
    SExpr *k = sema_map_key_arg(b, base->type, idx);
    if (!k && implicit_castable(idx->type, base->type->key))
        k = sema_coerce(b->sc, idx, base->type->key);
    if (!k) {
        sema_unexpected_input(
            b, (SChecked){e, NULL, "element_at"}, 2,
            arena_sprintf(b->sc->arena, "\"%s\"", sema_sql_type(b, base->type->key)),
            e->u.index.index, idx->type);
        return NULL;
    }
    SExpr **args = ARENA_NEW_N(b->sc->arena, SExpr *, 2);
    args[0] = base;
    args[1] = k;
    SExpr *r = sema_new_expr(b->sc, SX_CALL, base->type->elem, e->span);
    r->u.call.fn = FN_ELEMENT_AT;
    r->u.call.args = args;
    r->u.call.n_args = 2;
    return r;
}

/* base[idx] (ExtractValue.apply): a MAP's value, an ARRAY's element (GetArrayItem,
   ExpectsInputTypes (AnyDataType, IntegralType): UNEXPECTED_INPUT_TYPE of another index);
   of a STRUCT the field a string literal names, found as s.f finds it (ExtractValue's
   NonNullLiteral(v, StringType) case; INVALID_EXTRACT_FIELD_TYPE for any other index); of
   anything else
   INVALID_EXTRACT_BASE_FIELD_TYPE (dataTypeUnsupportedByExtractValueError). */
static SExpr *bind_index(Binder *b, const AstExpr *e)
{
    SExpr *base = sema_bind_expr(b, e->u.index.base);
    SExpr *idx = sema_bind_expr(b, e->u.index.index);
    if (!base || !idx)
        return NULL;
    const AstExpr *ix = e->u.index.index;
    switch (base->type->kind) {
    case TY_MAP:
        return bind_map_value(b, e, base, idx);
    case TY_ARRAY:
        break;
    case TY_STRUCT: /* GetStructField of findField's ordinal, as s.f */
        if (ix->kind == AST_STRING && ix->u.str)
            return field_access(b, base, ix->u.str, e->span, e->span, sql_of(b, e->u.index.base));
        diag_error(b->sc->diag, e->span,
                   "[INVALID_EXTRACT_FIELD_TYPE] Field name should be a non-null string "
                   "literal, but it's \"%s\".",
                   sql_of(b, ix));
        return NULL;
    default:
        extract_base_refuse(b, e->span, sql_of(b, e->u.index.base), base->type);
        return NULL;
    }
    if (!type_is_integral(idx->type) && idx->type->kind != TY_NULL) {
        sema_unexpected_input(b, (SChecked){e, NULL, "get"}, 2, "\"INTEGRAL\"", ix, idx->type);
        return NULL;
    }
    SExpr *r = sema_new_expr(b->sc, SX_INDEX, base->type->elem, e->span);
    r->u.index.arg = base;
    r->u.index.index = sema_coerce(b->sc, idx, &type_int);
    return r;
}

static SExpr *bind_interval(Binder *b, const AstExpr *e)
{
    SIntervalLit lit;
    const char *err = sema_interval_literal(b->sc->arena, e, &lit);
    if (err) {
        diag_error(b->sc->diag, e->span, "%s", err);
        return NULL;
    }
    if (lit.year_month) /* YearMonthIntervalType(from, to): months */
        return const_int(b->sc, type_ym_interval(lit.from, lit.to), lit.months, e->span);
    return const_int(b->sc, type_dt_interval(lit.from, lit.to), lit.us, e->span);
}

/* X'0A1B': Spark's BINARY_HEX typed literal, Hex.decodeHex of the digits with a '0' before an
   odd number of them; any other character is refused as Spark's parser refuses it. */
static SExpr *bind_binary_lit(Binder *b, const AstExpr *e)
{
    const char *hex = e->u.str ? e->u.str : "";
    size_t n = strlen(hex), odd = n % 2;
    char *bytes = arena_alloc(b->sc->arena, n / 2 + odd + 1);
    for (size_t i = 0; i < n; i++) {
        int c = hex[i], v = isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
        if (v < 0) {
            diag_error(b->sc->diag, e->span, "contains illegal character for hexBinary: %s%s",
                       odd ? "0" : "", hex);
            return NULL;
        }
        size_t at = (i + odd) / 2;
        bytes[at] = (char)((i + odd) % 2 ? (bytes[at] | v) : v << 4);
    }
    SExpr *r = sema_new_expr(b->sc, SX_CONST, &type_binary, e->span);
    r->u.value.s = bytes;
    r->u.value.n = (uint32_t)(n / 2 + odd);
    return r;
}

/* ==== Calls ==== */

/*
** approx_count_distinct's relativeSD: Spark's HyperLogLogPlusPlus.validateDoubleLiteral
** takes a DOUBLE or DECIMAL literal only (0.01, -0.5, 1e-2), then
** HyperLogLogPlusPlusHelper computes p = ceil(2 log2(1.106 / rsd)) as a Java int (NaN 0,
** infinity Int.MaxValue) and requires p >= 4.
*/
/* The value of a fractional literal, with a '-' before it (Spark's grammar: number: MINUS?
   DECIMAL_VALUE), and of an integer one if ints: a DECIMAL literal as Decimal.toDouble, the
   nearest double, as strtod reads it.  False if a is not such a literal. */
static bool double_literal(const AstExpr *a, bool ints, double *out)
{
    const AstExpr *lit = a;
    bool neg = false;
    if (lit->kind == AST_UNARY && lit->u.unary.op == UOP_NEG && lit->u.unary.arg) {
        neg = true;
        lit = lit->u.unary.arg;
    }
    double v;
    if (lit->kind == AST_DOUBLE)
        v = lit->u.dval;
    else if (lit->kind == AST_DECIMAL)
        v = strtod(lit->u.str, NULL);
    else if (lit->kind == AST_INT && ints)
        v = (double)lit->u.ival;
    else
        return false;
    *out = neg ? -v : v;
    return true;
}

static bool hll_precision(Binder *b, const AstExpr *a, int *p_out)
{
    double rsd;
    if (!double_literal(a, false, &rsd)) {
        diag_error(b->sc->diag, a->span, "The second argument should be a double literal.");
        return false;
    }
    double p = ceil(2.0 * log(1.106 / rsd) / log(2.0));
    long long pi = isnan(p) ? 0 : p >= 2147483647.0 ? 2147483647LL : p <= -2147483648.0 ? -2147483648LL : (long long)p;
    if (pi < 4) {
        diag_error(b->sc->diag, a->span,
                   "requirement failed: HLL++ requires at least 4 bits for addressing. Use a "
                   "lower error, at most 39%%.");
        return false;
    }
    if (pi > SEMA_HLL_MAX_P) {
        diag_error(b->sc->diag, a->span,
                   "approx_count_distinct with a relative error of %g needs 2^%lld registers per "
                   "group; more than 2^%d (a relative error below 0.00027) is not supported",
                   rsd, pi, SEMA_HLL_MAX_P);
        return false;
    }
    *p_out = (int)pi;
    return true;
}

/* ==== percentile and percentile_approx arguments ==== */

/* A type NumericType takes: a number, a DECIMAL, or NULL (cast to DOUBLE). */
static bool agg_numeric(const Type *t)
{
    return type_is_numeric(t) || t->kind == TY_NULL || t->kind == TY_DECIMAL;
}

/* Spark's UNEXPECTED_INPUT_TYPE at argument k of the aggregate call e, reported as the function
   itself, without DISTINCT or FILTER (CheckAnalysis names the AggregateFunction). */
static void agg_unexpected_type(Binder *b, const AstExpr *e, int k, const char *want, const Type *t)
{
    AstExpr fn = *e;
    fn.u.call.distinct = false;
    fn.u.call.filter = NULL;
    sema_unexpected_input_type(b, &fn, k, want, t);
}

/*
** The percentage a of percentile or percentile_approx, bound as px, as ImplicitCastInputTypes
** types it (PercentileBase.inputTypes, ApproximatePercentile.inputTypes): DOUBLE of a number,
** DECIMAL, STRING or NULL (cast), ARRAY<DOUBLE> of an array(...) of numbers none of which can
** be NULL (a NULL element, or a column's, makes no ArrayType(DoubleType, containsNull =
** false)); NULL when it is neither.
*/
static const char *pct_type(const AstExpr *a, const SExpr *px)
{
    const Type *t = px->type;
    if (t->kind != TY_ARRAY)
        return agg_numeric(t) || t->kind == TY_STRING ? "DOUBLE" : NULL;
    if (a->kind != AST_CALL || strcasecmp(a->u.call.name, "array") != 0 || px->kind != SX_CALL ||
        (!type_is_numeric(t->elem) && t->elem->kind != TY_DECIMAL))
        return NULL;
    for (int i = 0; i < px->u.call.n_args; i++)
        if (a->u.call.args.items[i]->kind == AST_NULL || !sema_foldable(px->u.call.args[i]))
            return NULL;
    return "ARRAY<DOUBLE>";
}

/* The values of the percentage a, a numeric literal or an array(...) of them, in *pcts (n of
   them, in arena); false when a is another constant (nothing reported). */
static bool pct_literals(Arena *arena, const AstExpr *a, double **pcts, int *n)
{
    bool array = a->kind == AST_CALL && strcasecmp(a->u.call.name, "array") == 0;
    *n = array ? a->u.call.args.n : 1;
    *pcts = ARENA_NEW_N(arena, double, *n > 0 ? *n : 1);
    for (int i = 0; i < *n; i++)
        if (!double_literal(array ? a->u.call.args.items[i] : a, true, &(*pcts)[i]))
            return false;
    return true;
}

/* A string percentage s as Spark's implicit Cast(s AS DOUBLE) reads it (not ANSI): Java's
   toDouble of the string (blanks around it ignored), else Cast.processFloatingPointSpecial-
   Literals (inf, infinity, nan in any case), else NULL.  1 with the value of a plain decimal
   number ([+-]digits[.digits][e[+-]digits][dDfF]), 0 for NULL (a string with no digit that is
   none of those special words), -1 for the forms not read here (hexadecimal, the special
   words). */
static int pct_string(const char *s, double *out)
{
    while (*s && (unsigned char)*s <= ' ')
        s++;
    size_t n = strlen(s);
    while (n && (unsigned char)s[n - 1] <= ' ')
        n--;
    bool digit = false, plain = n > 0;
    for (size_t i = 0; i < n; i++) {
        digit = digit || isdigit((unsigned char)s[i]);
        plain = plain && (isdigit((unsigned char)s[i]) || strchr("+-.eEdDfF", s[i]));
    }
    char buf[64];
    if (plain && digit && n < sizeof buf) {
        memcpy(buf, s, n);
        buf[n - (strchr("dDfF", s[n - 1]) ? 1 : 0)] = '\0';
        char *end;
        *out = strtod(buf, &end);
        if (*end == '\0' && strspn(buf, "+-0123456789.eE") == strlen(buf) && !strpbrk(buf, "xX"))
            return 1;
    }
    if (digit)
        return -1;
    static const char *const special[] = {"inf",       "+inf", "-inf", "infinity", "+infinity",
                                          "-infinity", "nan",  "+nan", "-nan"};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (strlen(special[i]) == n && strncasecmp(s, special[i], n) == 0)
            return -1;
    return 0;
}

/* The percentages p[0..n) each in [0.0, 1.0] (NaN passes: Spark tests p < 0.0 || p > 1.0),
   else VALUE_OUT_OF_RANGE of the call e, its values as toSQLValue(_, DoubleType) prints them,
   joined by ','. */
static bool pct_in_range(Binder *ab, const AstExpr *e, const AstExpr *a, const double *p, int n)
{
    bool out = false;
    StrBuf v;
    sb_init(&v, ab->sc->arena);
    for (int i = 0; i < n; i++) {
        if (i)
            sb_putc(&v, ',');
        sema_put_double(&v, p[i]);
        sb_putc(&v, 'D');
        out |= p[i] < 0.0 || p[i] > 1.0;
    }
    if (!out)
        return true;
    return sema_mismatch(ab, e, a->span, "VALUE_OUT_OF_RANGE",
                         arena_sprintf(ab->sc->arena,
                                       "The percentage must be between [0.0, 1.0] (current "
                                       "value = %s).",
                                       v.data));
}

/* Argument k of the call e, bound as x, of inputType IntegralType (percentile's frequency,
   percentile_approx's accuracy): TINYINT, SMALLINT, INT, BIGINT, or NULL (cast to INT); no
   other type is cast to it.  False after UNEXPECTED_INPUT_TYPE. */
static bool integral_arg(Binder *ab, const AstExpr *e, int k, const SExpr *x)
{
    if (type_is_integral(x->type) || x->type->kind == TY_NULL)
        return true;
    agg_unexpected_type(ab, e, k, "\"INTEGRAL\"", x->type);
    return false;
}

/* NON_FOLDABLE_INPUT of the argument a (input, of the type ty after the implicit cast) of the
   call e when x, a bound, is not foldable; true when it is. */
static bool pct_foldable(Binder *ab, const AstExpr *e, const AstExpr *a, const SExpr *x,
                         const char *input, const char *ty)
{
    if (sema_foldable(x))
        return true;
    return sema_mismatch(ab, e, a->span, "NON_FOLDABLE_INPUT",
                         sema_non_foldable_msg(ab, input, ty, sql_of(ab, a), false));
}

/*
** percentile's percentage and frequency (PercentileBase.checkInputDataTypes, Spark 3.5): the
** input types first (percentage DOUBLE or ARRAY<DOUBLE>, frequency INTEGRAL:
** UNEXPECTED_INPUT_TYPE), then the percentage foldable (NON_FOLDABLE_INPUT), not NULL
** (UNEXPECTED_NULL), each in [0.0, 1.0] (VALUE_OUT_OF_RANGE).  Here a numeric literal; an
** array of them, another constant and the frequency are not supported yet.
*/
static bool percentile_pct(Binder *ab, const AstExpr *e, double *out)
{
    const AstExprList *args = &e->u.call.args;
    const AstExpr *a = args->items[1];
    SExpr *px = sema_bind_expr(ab, a), *fx = NULL;
    if (!px || (args->n > 2 && !(fx = sema_bind_expr(ab, args->items[2]))))
        return false;
    const char *ty = pct_type(a, px);
    if (!ty) {
        agg_unexpected_type(
            ab, e, 1, px->type->kind == TY_ARRAY ? "\"ARRAY<DOUBLE>\"" : "\"DOUBLE\"", px->type);
        return false;
    }
    if ((fx && !integral_arg(ab, e, 2, fx)) || !pct_foldable(ab, e, a, px, "percentage", ty))
        return false;
    double one, *pcts = &one;
    int n = 1, str = a->kind == AST_STRING && a->u.str ? pct_string(a->u.str, &one) : -1;
    if (a->kind == AST_NULL || str == 0) /* the implicit cast is not printed (toSQLExpr) */
        return sema_mismatch(ab, e, a->span, "UNEXPECTED_NULL", "The percentage must not be null.");
    bool lit = str == 1 || pct_literals(ab->sc->arena, a, &pcts, &n);
    if (lit && !pct_in_range(ab, e, a, pcts, n))
        return false;
    if (!lit || px->type->kind == TY_ARRAY) {
        diag_error(ab->sc->diag, a->span,
                   "%s with a percentage other than a numeric literal is not supported yet",
                   e->u.call.name);
        return false;
    }
    if (fx) {
        diag_error(ab->sc->diag, args->items[2]->span,
                   "percentile with a frequency argument is not supported yet");
        return false;
    }
    *out = pcts[0];
    return true;
}

/* percentile_approx's accuracy c, bound as cx, foldable and an INT range: an integer literal
   (a '-' before it too) in (0, Int.MaxValue] (VALUE_OUT_OF_RANGE); false after reporting. */
static bool approx_accuracy(Binder *ab, const AstExpr *e, const AstExpr *c, SAgg *agg)
{
    const AstExpr *lit = c->kind == AST_UNARY && c->u.unary.op == UOP_NEG ? c->u.unary.arg : c;
    if (c->kind == AST_NULL) { /* accuracyExpression.eval().asInstanceOf[Number].longValue */
        diag_error(ab->sc->diag, c->span,
                   "percentile_approx with a NULL accuracy is not supported (Spark 3.5 fails "
                   "with a NullPointerException)");
        return false;
    }
    if (!lit || lit->kind != AST_INT) {
        diag_error(ab->sc->diag, c->span,
                   "percentile_approx with an accuracy other than an integer literal is not "
                   "supported yet");
        return false;
    }
    long long v = lit == c ? (long long)lit->u.ival : -(long long)lit->u.ival;
    if (v <= 0 || v > INT32_MAX)
        return sema_mismatch(ab, e, c->span, "VALUE_OUT_OF_RANGE",
                             arena_sprintf(ab->sc->arena,
                                           "The accuracy must be between (0, 2147483647] "
                                           "(current value = %lldL).",
                                           v));
    agg->accuracy = v;
    return true;
}

/*
** percentile_approx's percentage and accuracy (ApproximatePercentile.checkInputDataTypes,
** Spark 3.5): the input types first (percentage DOUBLE or ARRAY<DOUBLE>, accuracy INTEGRAL:
** UNEXPECTED_INPUT_TYPE), both foldable (NON_FOLDABLE_INPUT), the accuracy in (0,
** Int.MaxValue], the percentage not NULL and each in [0.0, 1.0] (VALUE_OUT_OF_RANGE); here
** numeric literals, the percentage one or an array(...) of them.
*/
static bool approx_args(Binder *ab, const AstExpr *e, SAgg *agg)
{
    const AstExprList *args = &e->u.call.args;
    const AstExpr *a = args->items[1], *c = args->n > 2 ? args->items[2] : NULL;
    SExpr *px = sema_bind_expr(ab, a), *cx = NULL;
    if (!px || (c && !(cx = sema_bind_expr(ab, c))))
        return false;
    const char *ty = pct_type(a, px);
    if (!ty) {
        agg_unexpected_type(ab, e, 1, "(\"DOUBLE\" or \"ARRAY<DOUBLE>\")", px->type);
        return false;
    }
    if ((cx && !integral_arg(ab, e, 2, cx)) || !pct_foldable(ab, e, a, px, "percentage", ty) ||
        (cx && !pct_foldable(ab, e, c, cx, "accuracy", sema_sql_type(ab, cx->type))))
        return false;
    agg->accuracy = 10000; /* ApproximatePercentile.DEFAULT_PERCENTILE_ACCURACY */
    if (c && !approx_accuracy(ab, e, c, agg))
        return false;
    if (a->kind == AST_NULL)
        return sema_mismatch(ab, e, a->span, "UNEXPECTED_NULL", "The percentage must not be null.");
    if (!pct_literals(ab->sc->arena, a, &agg->pcts, &agg->n_pcts)) {
        diag_error(ab->sc->diag, a->span,
                   "percentile_approx with a percentage other than a numeric literal is not "
                   "supported yet");
        return false;
    }
    agg->pct_array = px->type->kind == TY_ARRAY;
    return pct_in_range(ab, e, a, agg->pcts, agg->n_pcts);
}

/*
** histogram_numeric's nb (HistogramNumeric.checkInputDataTypes, Spark 3.5, after the implicit
** cast to INT): foldable (NON_FOLDABLE_INPUT), not NULL (UNEXPECTED_NULL), at least 2
** (VALUE_OUT_OF_RANGE); here an integer literal.
*/
static bool histogram_nb(Binder *ab, const AstExpr *e, SAgg *agg)
{
    const AstExpr *a = e->u.call.args.items[1];
    if (a->kind == AST_NULL)
        return sema_mismatch(ab, e, a->span, "UNEXPECTED_NULL", "The nb must not be null.");
    if (a->kind != AST_INT) {
        SExpr *x = sema_bind_expr(ab, a);
        if (!x)
            return false;
        if (x->kind == SX_CONST) {
            diag_error(ab->sc->diag, a->span,
                       "histogram_numeric with an nb other than an integer literal is not "
                       "supported yet");
            return false;
        }
        const char *sql = sql_of(ab, a);
        bool cast = x->type->kind != TY_INT;
        return sema_mismatch(ab, e, a->span, "NON_FOLDABLE_INPUT",
                             sema_non_foldable_msg(ab, "nb", "INT", sql, cast));
    }
    if (a->u.ival > INT32_MAX || a->u.ival < INT32_MIN) {
        diag_error(ab->sc->diag, a->span,
                   "histogram_numeric with an nb beyond the INT range is not supported yet");
        return false;
    }
    if (a->u.ival < 2)
        return sema_mismatch(ab, e, a->span, "VALUE_OUT_OF_RANGE",
                             arena_sprintf(ab->sc->arena,
                                           "The nb must be between [2, 2147483647] (current "
                                           "value = %lld).",
                                           (long long)a->u.ival));
    agg->nbins = (int32_t)a->u.ival;
    return true;
}

/* ==== DISTINCT aggregates (batch queries) ==== */

/*
** The DISTINCT of an aggregate whose argument x is bound (and typed in agg): its dargs are
** the values Spark groups by, the aggregate function's children that are not foldable, after
** the implicit casts of its inputTypes (planAggregateWithOneDistinct and
** RewriteDistinctAggregates take aggregateFunction.children.filter(!_.foldable)): x and, for
** count, its other arguments, bound by ab; the DOUBLEs the moments (stddev, variance, corr,
** the covariances and regressions: inputTypes DoubleType) are cast to, both of a pair; of
** percentile and mode x (the percentage and frequency are literals).  regr_count is
** Count(Seq(y, x)) and regr_avgx, regr_avgy, regr_sxx and regr_syy one value of the rows
** where neither is NULL (RuntimeReplaceableAggregate, replaced before the DISTINCT is
** planned).  Spark's EliminateDistinct drops it for the aggregates duplicates do not change
** (Optimizer.scala, isDuplicateAgnostic: Max, Min, CollectSet, First, Last since
** SPARK-33971), and HyperLogLog++ is the same either way (a register keeps its maximum; -0.0
** and NaN hash as 0.0 and one NaN).  The values are group keys in Spark's plan, so they must
** be encodable as keys (atomic types).
*/
static SExpr *agg_number_arg(Binder *b, const AstExpr *e, int k, SExpr *v, const char *want);

static bool bind_distinct(Binder *ab, const AstExpr *e, SExpr *x, SAgg *agg, SAggForm form)
{
    SemaCtx *sc = ab->sc;
    SAggKind k = agg->kind;
    if (k == AGG_MIN || k == AGG_MAX || k == AGG_FIRST || k == AGG_LAST || k == AGG_COLLECT_SET ||
        k == AGG_APPROX_COUNT_DISTINCT)
        return true;
    const AstExprList *args = &e->u.call.args;
    bool doubles = sema_agg_info(k)->body == AGGB_MOMENTS;
    int n = k == AGG_COUNT ? args->n : doubles && agg->arg2 ? 2 : 1;
    agg->distinct = true;
    agg->n_dargs = n;
    agg->dargs = ARENA_NEW_N(sc->arena, SExpr *, n);
    agg->dargs[0] = doubles ? agg->arg : x;
    for (int i = 1; i < n; i++) {
        if (doubles) {
            agg->dargs[i] = agg->arg2;
            continue;
        }
        /* regr_count(y, x): x is the x of the rows where y is not NULL, y the other value */
        const AstExpr *a = args->items[form == AGGF_REGR_X ? 0 : i];
        if (!(agg->dargs[i] = sema_bind_expr(ab, a)))
            return false;
        if (form == AGGF_REGR_X &&
            !(agg->dargs[i] = agg_number_arg(ab, e, 0, agg->dargs[i], "\"NUMERIC\"")))
            return false;
    }
    for (int i = 0; i < n; i++)
        if (type_is_nested(agg->dargs[i]->type)) {
            diag_error(sc->diag, args->items[i]->span,
                       "DISTINCT of a value of type %s is not supported yet",
                       tname(ab, agg->dargs[i]->type));
            return false;
        }
    return true;
}

/* Do two aggregates see the same rows: both without DISTINCT, or both over the same values? */
static bool same_distinct(const SAgg *a, const SAgg *b)
{
    if (a->distinct != b->distinct || a->n_dargs != b->n_dargs)
        return false;
    for (int i = 0; i < a->n_dargs; i++)
        if (!sema_expr_equal(a->dargs[i], b->dargs[i]))
            return false;
    return true;
}

/* Do two percentile_approx take the same percentages and accuracy, two histogram_numeric the
   same nb (any other aggregate: yes)? */
static bool same_pcts(const SAgg *a, const SAgg *b)
{
    if (a->n_pcts != b->n_pcts || a->pct_array != b->pct_array || a->accuracy != b->accuracy ||
        a->nbins != b->nbins)
        return false;
    for (int i = 0; i < a->n_pcts; i++)
        if (a->pcts[i] != b->pcts[i])
            return false;
    return true;
}

/* CASE WHEN cond THEN x END: x where cond is true, else NULL (count_if, FILTER). */
static SExpr *when_only(Binder *b, SExpr *cond, SExpr *x, const AstExpr *at, SrcSpan span)
{
    SExpr **whens = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    SExpr **vals = ARENA_NEW_N(b->sc->arena, SExpr *, 1);
    whens[0] = cond;
    vals[0] = x;
    return sema_new_case(b, (SChecked){at, NULL, "casewhen"}, whens, vals, 1, false, span);
}

/* A value the aggregates of numbers take: a number, a DECIMAL or a NULL (a STRING was read as a
   DOUBLE before: aggregates.def's AGGP_STRING_AS_DOUBLE). */
/* "function '<name>' expects <what>, but '<arg>' is of type t" at arg; NULL. */
static SExpr *agg_arg_error(Binder *b, const char *name, const char *what, const AstExpr *arg,
                            const Type *t)
{
    char msg[96];
    snprintf(msg, sizeof msg, "function '%s' expects %s", name, what);
    type_error(b, arg, msg, arg, t);
    return NULL;
}

/* SumBase and AverageBase.checkInputDataTypes (TypeUtils.checkForAnsiIntervalOrNumericType):
   a number, a DECIMAL, an ANSI interval or NULL (a STRING was read as a DOUBLE).  False after
   reporting. */
static bool sum_arg(Binder *b, const AstExpr *e, const Type *t)
{
    if (agg_numeric(t) || type_is_ansi_interval(t))
        return true;
    agg_unexpected_type(b, e, 0, "\"NUMERIC\" or \"ANSI INTERVAL\"", t);
    return false;
}

/* Argument k of the call e, bound as v, of an aggregate whose inputTypes are NumericType or
   DoubleType (want "\"NUMERIC\"", "\"DOUBLE\"": ImplicitCastInputTypes): a number, a DECIMAL
   or NULL, a STRING read as a DOUBLE; NULL after reporting Spark's UNEXPECTED_INPUT_TYPE. */
static SExpr *agg_number_arg(Binder *b, const AstExpr *e, int k, SExpr *v, const char *want)
{
    if (v->type->kind == TY_STRING)
        v = sema_coerce(b->sc, v, &type_double);
    if (agg_numeric(v->type))
        return v;
    agg_unexpected_type(b, e, k, want, v->type);
    return NULL;
}

/* regr_count, regr_avgx, regr_avgy, regr_sxx and regr_syy of (y, x), y bound: x (REGR_X) or y
   (REGR_Y) where neither is NULL, the one value Spark's replacement aggregates (RegrCount:
   Count(Seq(y, x)); RegrAvgX: Average(If(And(IsNotNull(y), IsNotNull(x)), x, null)); RegrSXX:
   RegrReplacement(If(Or(IsNull(y), IsNull(x)), null, x))), the arguments cast as their
   inputTypes say (NumericType; DoubleType for sxx and syy).  NULL after reporting. */
static SExpr *regr_value(Binder *ab, const AstExpr *e, SExpr *y, SAggForm form, SAggKind kind)
{
    const char *want = sema_agg_info(kind)->body == AGGB_MOMENTS ? "\"DOUBLE\"" : "\"NUMERIC\"";
    if (!(y = agg_number_arg(ab, e, 0, y, want)))
        return NULL;
    SExpr *x = sema_bind_expr(ab, e->u.call.args.items[1]);
    if (!x || !(x = agg_number_arg(ab, e, 1, x, want)))
        return NULL;
    bool of_x = form == AGGF_REGR_X;
    SExpr *v = of_x ? x : y;
    if (v->type->kind == TY_NULL) /* NumericType's default type */
        v = sema_coerce(ab->sc, v, &type_double);
    SExpr *known = sema_new_expr(ab->sc, SX_IS_NULL, &type_boolean, e->span);
    known->u.is_null.arg = of_x ? y : x;
    known->u.is_null.negated = true;
    return when_only(ab, known, v, e->u.call.args.items[of_x ? 1 : 0], e->span);
}

/* count(x, y, ...) without DISTINCT, x bound: x where none of the others is NULL, so that
   count counts the rows where no value is NULL, as Spark's Count of several children does
   (updateExpressions: If(children.map(IsNull).reduce(Or), count, count + 1L)).  Any types;
   NULL after reporting. */
static SExpr *count_values(Binder *ab, const AstExpr *e, SExpr *x)
{
    const AstExprList *args = &e->u.call.args;
    SExpr *known = NULL;
    for (int i = 1; i < args->n; i++) {
        SExpr *v = sema_bind_expr(ab, args->items[i]);
        if (!v)
            return NULL;
        SExpr *nn = sema_new_expr(ab->sc, SX_IS_NULL, &type_boolean, args->items[i]->span);
        nn->u.is_null.arg = v;
        nn->u.is_null.negated = true;
        known = known ? new_bin(ab, SX_AND, BOP_AND, &type_boolean, known, nn, e->span) : nn;
    }
    return when_only(ab, known, x, args->items[0], e->span);
}

/* The type and argument of sum, avg, try_sum and try_avg of x (SumBase.resultType: BIGINT of
   an integer, DOUBLE of a DOUBLE, FLOAT or NULL, an interval's own type; AverageBase: DOUBLE,
   of an interval DayTimeIntervalType() or YearMonthIntervalType(), the whole range), summed
   in the result type; a DECIMAL is summed exactly, in a wider decimal, and an interval as its
   µs or months (its cast to the sum's type of its kind changes no value). */
static void bind_sum(SemaCtx *sc, SExpr *x, SAgg *agg)
{
    const Type *t = x->type;
    bool sum = sema_agg_info(agg->kind)->body == AGGB_SUM;
    if (type_is_ansi_interval(t)) {
        agg->type = sum                         ? t
                    : t->kind == TY_YM_INTERVAL ? type_ym_interval(CM_YM_YEAR, CM_YM_MONTH)
                                                : &type_interval;
        agg->arg = x;
        return;
    }
    if (t->kind == TY_DECIMAL) {
        agg->type = sum ? sema_dec_sum_type(t) : sema_dec_avg_type(t);
        agg->arg = x;
        return;
    }
    agg->type = !sum || type_is_fractional(t) || t->kind == TY_NULL ? &type_double : &type_bigint;
    agg->arg = sema_coerce(sc, x, agg->type);
}

/* Spark 3.5's refusal of the aggregate call e where b does not allow one: inside another
   aggregate's argument (CheckAnalysis: nestedAggregateFunctionError) or FILTER
   (ResolveFunctions: aggregateInAggregateFilterError, _LEGACY_ERROR_TEMP_1026, no error
   class shown), in WHERE (CheckAnalysis of the Filter: INVALID_WHERE_CONDITION, the condition
   by toSQLExpr, the first aggregate in it by its .sql), in a GROUP BY key (checkValidGrouping-
   Exprs: GROUP_BY_AGGREGATE, the key by its .sql, at the key), in another operator (a Join's
   ON, a Generate's LATERAL VIEW: UNSUPPORTED_EXPR_FOR_OPERATOR by toSQLExpr). */
static void refuse_agg(Binder *b, const AstExpr *e)
{
    SemaCtx *sc = b->sc;
    if (b->in_agg) {
        diag_error(sc->diag, e->span,
                   "[NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function "
                   "in the argument of another aggregate function. Please use the inner "
                   "aggregate function in a sub-query.");
    } else if (strcmp(b->clause, "FILTER") == 0) {
        diag_error(sc->diag, e->span,
                   "FILTER expression contains aggregate. It cannot be used in an aggregate "
                   "function.");
    } else if (strcmp(b->clause, "WHERE") == 0 && b->root) {
        diag_error(sc->diag, b->root->span,
                   "[INVALID_WHERE_CONDITION] The WHERE condition \"%s\" contains invalid "
                   "expressions: %s. Rewrite the query to avoid window functions, aggregate "
                   "functions, and generator functions in the WHERE clause.",
                   sema_expr_sql(sc, b->blk, b->root), sema_expr_plain_sql(sc, b->blk, e));
    } else if (strcmp(b->clause, "GROUP BY") == 0 && b->root) {
        diag_error(sc->diag, b->root->span,
                   "[GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but "
                   "found %s.",
                   sema_expr_plain_sql(sc, b->blk, b->root));
    } else {
        diag_error(sc->diag, e->span,
                   "[UNSUPPORTED_EXPR_FOR_OPERATOR] A query operator contains one or more "
                   "unsupported expressions. Consider to rewrite it to avoid window functions, "
                   "aggregate functions, and generator functions in the WHERE clause. Invalid "
                   "expressions: [\"%s\"]",
                   sema_expr_sql(sc, b->blk, e));
    }
}

/* IGNORE NULLS after the call e (RESPECT NULLS changes nothing in Spark 3.5: ignoreNulls stays
   as the function has it, first(x, true) RESPECT NULLS still skips NULLs).  Analyzer's
   ResolveFunctions copies it into First, Last and AnyValue (ignoreNulls; takes: bind_agg's
   AGG_FIRST and AGG_LAST, where it joins the second argument) and refuses it on any other
   function, aggregate or not (QueryCompilationErrors.functionWithUnsupportedSyntaxError,
   _LEGACY_ERROR_TEMP_1023, no error class shown, whose error-classes.json text is "Function
   <prettyName> does not support <syntax>." with its final period), at the call.  false after that error.  Also
   called for a generator select item (sema_select.c's bind_generator). */
bool sema_ignore_nulls_ok(SemaCtx *sc, const AstExpr *e, bool takes)
{
    if (e->u.call.nulls != AST_IGNORE_NULLS || takes)
        return true;
    diag_error(sc->diag, e->span, "Function %s does not support IGNORE NULLS.",
               sema_call_pretty_name(sc, e));
    return false;
}

/* An aggregate: binds its argument over the input and returns SX_AGG_REF.  agg(x) FILTER
   (WHERE c) is agg(CASE WHEN c THEN x END), count(*) FILTER (WHERE c) count(CASE WHEN c
   THEN 1 END): every aggregate but first/last without ignoreNulls skips NULLs, so it sees
   exactly the rows where c is true, as Spark's AggregateExpression filter feeds it; those two
   keep c as arg2 and skip the other rows. */
static SExpr *bind_agg(Binder *b, const AstExpr *e, SAggKind kind)
{
    const char *name = sema_agg_name(kind);
    SemaCtx *sc = b->sc;
    if (!b->allow_agg) {
        refuse_agg(b, e);
        return NULL;
    }
    const AstExprList *args = &e->u.call.args;
    bool distinct = e->u.call.distinct;
    if (distinct && !sc->batch_query) {
        sema_stream_refuse_distinct_agg(sc, e);
        return NULL;
    }
    bool star =
        e->u.call.star || (args->n == 1 && args->items[0] && args->items[0]->kind == AST_STAR &&
                           args->items[0]->u.name.n == 0);
    if (star && kind != AGG_COUNT) {
        diag_error(sc->diag, e->span, "'*' is only allowed in count(*)");
        return NULL;
    }
    /* Count takes several values, counting the rows where none is NULL (count_values) */
    bool count_n = kind == AGG_COUNT && (distinct || strcasecmp(e->u.call.name, "count") == 0);
    int max_args = count_n ? 64 : sema_agg_max_args(kind, e->u.call.name);
    int min_args = sema_agg_min_args(kind, e->u.call.name);
    if (!star && (args->n < min_args || args->n > max_args)) {
        sema_arity_error(b, e, sema_agg_call_name(kind, e->u.call.name), min_args, max_args, NULL);
        return NULL;
    }
    SAggForm form = sema_agg_form(e->u.call.name);
    bool regr = form == AGGF_REGR_X || form == AGGF_REGR_Y;
    if (distinct && sema_agg_has(kind, AGGP_NO_DISTINCT)) {
        diag_error(sc->diag, e->span, "DISTINCT in %s is not supported yet", e->u.call.name);
        return NULL;
    }
    SAgg agg = {0};
    agg.kind = kind;
    agg.span = e->span;
    Binder ab = *b;
    ab.allow_agg = false;
    ab.allow_window = false;
    ab.in_agg = true;
    ab.agg_input = true;
    ab.agg_lambdas = b->lambdas;
    ab.out_lookup = OUT_NONE;
    SExpr *filter = NULL;
    if (e->u.call.filter) {
        Binder fb = ab;
        fb.in_agg = false;
        fb.clause = "FILTER";
        if (!(filter = sema_bind_bool(&fb, e->u.call.filter, "FILTER")))
            return NULL;
    }
    if (!sema_ignore_nulls_ok(sc, e, kind == AGG_FIRST || kind == AGG_LAST))
        return NULL;
    if (star && filter) {
        agg.kind = AGG_COUNT;
        agg.type = &type_bigint;
        agg.arg = when_only(b, filter, const_int(sc, &type_int, 1, e->span), e, e->span);
    } else if (star) {
        agg.kind = AGG_COUNT_STAR;
    } else {
        SExpr *x = sema_bind_expr(&ab, args->items[0]);
        if (count_n && !distinct && args->n > 1 && x)
            x = count_values(&ab, e, x);
        if (!x)
            return NULL;
        const Type *t = x->type;
        /* bool_and / bool_or and count_if take a BOOLEAN (BoolAnd, BoolOr, CountIf:
           ImplicitCastInputTypes of BooleanType, to which no other type casts implicitly) */
        if (form == AGGF_BOOL || form == AGGF_COUNT_IF) {
            if (t->kind != TY_BOOLEAN && t->kind != TY_NULL) {
                sema_unexpected_input(b, (SChecked){e, NULL, e->u.call.name}, 1, "\"BOOLEAN\"",
                                      args->items[0], t);
                return NULL;
            }
            x = sema_coerce(sc, x, &type_boolean);
            t = &type_boolean;
            if (form == AGGF_COUNT_IF)
                x = when_only(b, x, const_int(sc, &type_int, 1, e->span), args->items[0], e->span);
        }
        if (regr) {
            if (!(x = regr_value(&ab, e, x, form, kind)))
                return NULL;
            t = x->type;
        }
        /* max_by/min_by take a NULL value but skip a NULL ordering: FILTER nulls the latter */
        bool by = kind == AGG_MAX_BY || kind == AGG_MIN_BY;
        SExpr *unfiltered = x;
        if (filter && !by)
            x = when_only(b, filter, x, args->items[0], e->span);
        if (!x)
            return NULL;
        if (t->kind == TY_STRING && sema_agg_has(kind, AGGP_STRING_AS_DOUBLE)) {
            x = sema_coerce(sc, x, &type_double);
            t = &type_double;
        }
        switch (kind) {
        case AGG_COUNT:
            agg.type = &type_bigint;
            if (x->kind == SX_CONST && !x->u.value.is_null && !distinct)
                agg.kind = AGG_COUNT_STAR; /* count(1): every row counts */
            else
                agg.arg = x;
            break;
        case AGG_SUM:
        case AGG_AVG:
        case AGG_TRY_SUM:
        case AGG_TRY_AVG:
            if (!sum_arg(b, e, t))
                return NULL;
            bind_sum(sc, x, &agg);
            break;
        case AGG_STDDEV_SAMP:
        case AGG_STDDEV_POP:
        case AGG_VAR_SAMP:
        case AGG_VAR_POP:
        case AGG_SKEWNESS:
        case AGG_KURTOSIS:
        case AGG_REGR_SXX:
        case AGG_REGR_SYY:
            /* CentralMomentAgg (stddev, variance; RegrReplacement) is DOUBLE of DOUBLE input (a
               DECIMAL is cast to DOUBLE, as Spark's ImplicitTypeCasts does for it) */
            if (!agg_numeric(t))
                return agg_arg_error(b, name, "a numeric argument", args->items[0], t);
            agg.type = &type_double;
            agg.arg = sema_coerce(sc, x, agg.type);
            break;
        case AGG_MIN:
        case AGG_MAX:
            /* Min, Max: TypeUtils.checkForOrderingExpr (a STRUCT or ARRAY kept as its bytes,
               cg_agg.c) */
            if (sema_map_refuse_ordering(b, t, sema_expr_sql(sc, b->blk, e), name, e->span))
                return NULL;
            if (!sema_orderable(t))
                return agg_arg_error(b, name, "an orderable argument", args->items[0], t);
            agg.type = t;
            agg.arg = x;
            break;
        case AGG_APPROX_COUNT_DISTINCT:
            /* HyperLogLogPlusPlus: any type, hashed by XxHash64Function (InterpretedHashFunction:
               an ARRAY's elements, a STRUCT's fields, a MAP's keys and values entry by entry;
               no check on maps, unlike the hash() expression) */
            agg.type = &type_bigint;
            agg.arg = x;
            agg.hll_p = 9; /* relativeSD 0.05 */
            if (args->n == 2 && !hll_precision(b, args->items[1], &agg.hll_p))
                return NULL;
            break;
        case AGG_FIRST:
        case AGG_LAST:
            /* First, Last (and AnyValue, a First): any type, MAP included (no ordering or
               hashing of the value; a nested one is kept as its bytes, cg_agg.c) */
            agg.type = t;
            agg.arg = x;
            if (args->n == 2) {
                /* FirstLast.validateIgnoreNullExpr: a BOOLEAN literal; the message names
                   first or last whatever the alias. */
                const AstExpr *ig = args->items[1];
                if (!ig || ig->kind != AST_BOOL) {
                    diag_error(sc->diag, ig ? ig->span : e->span,
                               "The second argument in %s should be a boolean literal.", name);
                    return NULL;
                }
                agg.ignore_nulls = ig->u.ival != 0;
            }
            /* f(x) IGNORE NULLS: ResolveFunctions' first.copy(ignoreNulls = true) over
               whatever the second argument said (sema_ignore_nulls_ok) */
            if (e->u.call.nulls == AST_IGNORE_NULLS)
                agg.ignore_nulls = true;
            break;
        case AGG_MODE:
            if (t->kind == TY_MAP) {
                /* Mode keys its OpenHashMap by the value, and a map (UnsafeMapData) has no
                   equals or hashCode: every map counts apart, all tie at 1, and Spark returns
                   the one its map iterates first (identity hashes, not reproducible).  Here the
                   first that arrived, one of Spark's answers (its only one when the maps are
                   one, or all equal): First(x, ignoreNulls = true). */
                agg.kind = AGG_FIRST;
                agg.ignore_nulls = true;
                agg.type = t;
                agg.arg = x;
                break;
            }
            /* fall through */
        case AGG_COLLECT_LIST:
        case AGG_COLLECT_SET:
            /* Collect: ARRAY<T> of any type (collect_set: none containing a MAP); here any
               but BINARY and INTERVAL, a nested one kept as its bytes.  Mode: any type, the
               value's; here those collect_set keeps.  A set and mode hash a value by its Java
               hashCode: a DECIMAL's as Spark's Decimal, a STRUCT's or ARRAY's as the UnsafeRow
               or UnsafeArrayData holding it (srt_javahash.c). */
            if (kind == AGG_COLLECT_SET && type_has_map(t)) {
                /* CollectSet.checkInputDataTypes' TypeCheckFailure, as CheckAnalysis reports
                   one (DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT, "<msg><hint>.") */
                diag_error(
                    sc->diag, e->span,
                    "[DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT] Cannot resolve \"%s\" due "
                    "to data type mismatch: collect_set() cannot have map type data.",
                    sema_expr_sql(sc, b->blk, e));
                return NULL;
            }
            if (t->kind == TY_INTERVAL || t->kind == TY_BINARY) {
                diag_error(sc->diag, args->items[0]->span,
                           "%s of a value of type %s is not supported yet", name, tname(b, t));
                return NULL;
            }
            agg.type = kind == AGG_MODE ? t : type_array(sc->arena, t);
            agg.arg = x;
            break;
        case AGG_MAX_BY:
        case AGG_MIN_BY: {
            /* MaxMinBy: any value type (MAP included, kept as first/last keep it), an
               orderable ordering (TypeUtils.checkForOrderingExpr: no MAP in it), a STRUCT or
               ARRAY compared by its interpretedOrdering (srt_key.c) */
            SExpr *ord = sema_bind_expr(&ab, args->items[1]);
            if (!ord)
                return NULL;
            if (sema_map_refuse_ordering(b, ord->type, sema_expr_sql(sc, b->blk, e), name, e->span))
                return NULL;
            if (ord->type->kind == TY_INTERVAL) {
                diag_error(sc->diag, args->items[1]->span,
                           "%s ordered by a value of type %s is not supported yet", name,
                           tname(b, ord->type));
                return NULL;
            }
            if (filter)
                ord = when_only(b, filter, ord, args->items[1], e->span);
            if (!ord)
                return NULL;
            agg.type = t;
            agg.arg = x;
            agg.arg2 = ord;
            break;
        }
        case AGG_BIT_AND:
        case AGG_BIT_OR:
        case AGG_BIT_XOR:
            /* BitAggregate: ExpectsInputTypes IntegralType (no implicit cast), the result of
               the argument's type */
            if (!type_is_integral(t))
                return agg_arg_error(b, name, "an integer argument", args->items[0], t);
            agg.type = t;
            agg.arg = x;
            break;
        case AGG_CORR:
        case AGG_COVAR_POP:
        case AGG_COVAR_SAMP:
        case AGG_REGR_SXY:
        case AGG_REGR_R2:
        case AGG_REGR_SLOPE:
        case AGG_REGR_INTERCEPT: {
            /* Corr (PearsonCorrelation), CovPopulation, CovSample and the regressions of (y,
               x): DOUBLE of two DOUBLE inputs (ImplicitCastInputTypes: numbers and DECIMAL are
               cast); a pair with a NULL is skipped.  RegrSXY is Covariance(y, x), RegrR2
               PearsonCorrelation(y, x); RegrSlope and RegrIntercept keep CovPopulation(x, y)
               and VariancePop(x), so their arg is x. */
            SExpr *y = sema_bind_expr(&ab, args->items[1]);
            if (!y || !(x = agg_number_arg(b, e, 0, x, "\"DOUBLE\"")) ||
                !(y = agg_number_arg(b, e, 1, y, "\"DOUBLE\"")))
                return NULL;
            if (filter)
                y = when_only(b, filter, y, args->items[1], e->span);
            if (!y)
                return NULL;
            bool swap = kind == AGG_REGR_SLOPE || kind == AGG_REGR_INTERCEPT;
            agg.type = &type_double;
            agg.arg = sema_coerce(sc, swap ? y : x, &type_double);
            agg.arg2 = sema_coerce(sc, swap ? x : y, &type_double);
            break;
        }
        case AGG_PERCENTILE:
            /* Percentile: a numeric value (or an ANSI interval, which sluice has not), the
               result DOUBLE of the values as doubles (toDoubleValue) */
            if (!agg_numeric(t)) {
                agg_unexpected_type(b, e, 0, SPARK_T_NUMERIC_AND_ANSI_INTERVAL, t);
                return NULL;
            }
            agg.pct = 0.5; /* Median: Percentile(child, Literal(0.5)) */
            if (args->n >= 2 && !percentile_pct(&ab, e, &agg.pct))
                return NULL;
            agg.pct_desc = e->u.call.within == 2; /* visitPercentile: reverse for Descending */
            agg.pct_disc = form == AGGF_DISC;
            agg.type = &type_double;
            agg.arg = sema_coerce(sc, x, &type_double);
            break;
        case AGG_PERCENTILE_APPROX:
            /* ApproximatePercentile (3.5): a number, DATE or TIMESTAMP (or an ANSI interval,
               which sluice has not) as a double; the result of the input's type.  A DECIMAL
               goes in as Decimal.toDouble (its cast to DOUBLE, arg) and comes out as
               Decimal(double) set to the column's precision and scale by the row writer
               (changePrecision: HALF_UP, NULL when it does not fit), its cast back (cg_agg.c) */
            if (!agg_numeric(t) && t->kind != TY_DATE && !type_is_any_timestamp(t)) {
                agg_unexpected_type(b, e, 0, SPARK_T_APPROX_PERCENTILE_INPUT, t);
                return NULL;
            }
            if (t->kind == TY_NULL) { /* the implicit cast to NumericType's DOUBLE */
                x = sema_coerce(sc, x, &type_double);
                t = &type_double;
            }
            if (!approx_args(&ab, e, &agg))
                return NULL;
            agg.type = agg.pct_array ? type_array(sc->arena, t) : t;
            agg.arg = t->kind == TY_DECIMAL ? sema_coerce(sc, x, &type_double) : x;
            break;
        case AGG_HISTOGRAM_NUMERIC: {
            /* HistogramNumeric (3.5): a number, DATE, TIMESTAMP or ANSI interval (a STRING or
               NULL is cast to DOUBLE: NumericType's default), as a double; the result an
               ARRAY<STRUCT<x, y DOUBLE>>, x of the input's type (propagateInputType, the
               default of spark.sql.legacy.histogramNumericPropagateInputType).  Of a
               DECIMAL, 3.5 writes the bin's double where its Decimal should be, which fails */
            if (t->kind == TY_NULL) {
                x = sema_coerce(sc, x, &type_double);
                t = &type_double;
            }
            if (!type_is_numeric(t) && t->kind != TY_DATE && !type_is_any_timestamp(t) &&
                t->kind != TY_DECIMAL && !type_is_ansi_interval(t)) {
                agg_unexpected_type(b, e, 0, SPARK_T_APPROX_PERCENTILE_INPUT, t);
                return NULL;
            }
            if (!histogram_nb(&ab, e, &agg))
                return NULL;
            if (t->kind == TY_DECIMAL) {
                diag_error(sc->diag, args->items[0]->span,
                           "histogram_numeric of a DECIMAL is not supported (Spark 3.5 fails "
                           "writing the bins' doubles as its decimals)");
                return NULL;
            }
            TypeField *f = ARENA_NEW_N(sc->arena, TypeField, 2);
            f[0].name = "x";
            f[0].type = t;
            f[1].name = "y";
            f[1].type = &type_double;
            agg.type = type_array(sc->arena, type_struct(sc->arena, 2, f));
            agg.arg = x;
            break;
        }
        case AGG_COUNT_STAR:
            break;
        }
        if (filter && (agg.kind == AGG_FIRST || agg.kind == AGG_LAST) && !agg.ignore_nulls) {
            /* First and Last take NULLs: the rows the filter drops are not fed to it at all
               (AggregateExpression.filter, AggregationIterator's predicate), so it keeps its
               value and sees the condition as arg2 (cg_agg.c's update_first_last) */
            agg.arg = unfiltered;
            agg.arg2 = filter;
        }
        if (distinct && kind == AGG_MODE && agg.kind == AGG_FIRST) {
            /* mode of a MAP: its maps would be the keys of Spark's DISTINCT */
            diag_error(sc->diag, args->items[0]->span,
                       "DISTINCT of a value of type %s is not supported yet", tname(b, agg.type));
            return NULL;
        }
        if (distinct && !bind_distinct(&ab, e, x, &agg, form))
            return NULL;
    }
    if (agg.kind == AGG_COUNT_STAR)
        agg.type = &type_bigint;
    SelBlock *blk = b->blk;
    int ref = -1;
    for (int i = 0; i < blk->n_agg; i++)
        if (blk->aggs[i].kind == agg.kind && blk->aggs[i].hll_p == agg.hll_p &&
            blk->aggs[i].ignore_nulls == agg.ignore_nulls &&
            sema_expr_equal(blk->aggs[i].arg, agg.arg) && blk->aggs[i].pct == agg.pct &&
            blk->aggs[i].pct_desc == agg.pct_desc && blk->aggs[i].pct_disc == agg.pct_disc &&
            same_pcts(&blk->aggs[i], &agg) && sema_expr_equal(blk->aggs[i].arg2, agg.arg2) &&
            same_distinct(&blk->aggs[i], &agg))
            ref = i;
    if (ref < 0) {
        if (blk->n_agg == blk->cap_agg) {
            int cap = blk->cap_agg ? blk->cap_agg * 2 : 8;
            blk->aggs = arena_realloc(sc->arena, blk->aggs, sizeof(SAgg) * (size_t)blk->cap_agg,
                                      sizeof(SAgg) * (size_t)cap);
            blk->cap_agg = cap;
        }
        ref = blk->n_agg++;
        blk->aggs[ref] = agg;
    }
    SExpr *r = sema_new_expr(sc, SX_AGG_REF, blk->aggs[ref].type, e->span);
    r->u.ref = ref;
    return r;
}

/* A duration argument of window(): a string or INTERVAL literal, or an integer (µs, as
   Spark).  As TimeWindow.parseExpression, which the function's builder runs: another argument
   is QueryCompilationErrors.invalidLiteralForWindowDurationError (_LEGACY_ERROR_TEMP_1207,
   which Spark prints without its class); a month in a string is getIntervalInMicroSeconds'
   IllegalArgumentException, which FunctionRegistry's builder turns into FAILED_FUNCTION_CALL
   (funcBuildError).  (An INTERVAL literal is accepted where Spark refuses it: language.md.) */
static bool window_duration(Binder *b, const AstExpr *a, int64_t *us, const char **text)
{
    const AstExpr *num = a->kind == AST_UNARY && a->u.unary.op == UOP_NEG ? a->u.unary.arg : a;
    if (num && num->kind == AST_INT) { /* Spark's grammar reads -5 as the literal -5 */
        *us = num == a ? num->u.ival : -num->u.ival;
        *text = arena_sprintf(b->sc->arena, "%lld", (long long)*us);
        return true;
    }
    if ((a->kind != AST_STRING || !a->u.str) && a->kind != AST_INTERVAL) {
        diag_error(b->sc->diag, a->span,
                   "The duration and time inputs to window must be an integer, long or string "
                   "literal.");
        return false;
    }
    *text = sema_duration_text(a);
    int64_t months;
    if (!sema_duration_literal(b->sc, a, &months, us))
        return false;
    if (months != 0) {
        diag_error(b->sc->diag, a->span,
                   "[FAILED_FUNCTION_CALL] Failed preparing of the function `window` for "
                   "call. Please, double check function's arguments.");
        return false;
    }
    return true;
}

/* Spark's DataTypes of TimeWindow's and SessionWindow's time column, as toSQLType prints their
   TypeCollection (inputTypeOnTimeColumn). */
#define SPARK_T_WINDOW_TIME                                                                        \
    "(" SPARK_T_ANY_TIMESTAMP " or \"STRUCT<start: TIMESTAMP, end: TIMESTAMP>\" or "               \
    "\"STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>\")"

/* The time column ts (bound from arg) of window() or session_window(), whose Spark expression
   prints as sql: TimeWindow's and SessionWindow's input type inputTypeOnTimeColumn, a
   TypeCollection(AnyTimestampType, STRUCT<start: TIMESTAMP, end: TIMESTAMP>, STRUCT<start:
   TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>) with ImplicitCastInputTypes.  TypeCoercion.implicitCast
   (not ANSI) casts a STRING, a DATE and NULL to AnyTimestampType.defaultConcreteType,
   TIMESTAMP, so the window's bounds are TIMESTAMPs; a window column is its window_time
   (TimeWindowing, SessionWindowing); another type is the UNEXPECTED_INPUT_TYPE
   checkInputDataTypes reports.  NULL after an error. */
static SExpr *window_time_column(Binder *b, SExpr *ts, const AstExpr *arg, const char *sql)
{
    if (type_is_window(ts->type))
        return sema_window_time(b, ts, arg->span);
    if (type_is_any_timestamp(ts->type))
        return ts;
    if (ts->type->kind == TY_STRING || ts->type->kind == TY_DATE || ts->type->kind == TY_NULL)
        return sema_coerce(b->sc, ts, &type_timestamp);
    const char *msg = arena_sprintf(
        b->sc->arena, "Parameter 1 requires the %s type, however \"%s\" has the type \"%s\".",
        SPARK_T_WINDOW_TIME, sql_of(b, arg), sema_sql_type(b, ts->type));
    sema_mismatch_sql(b, arg->span, sql, "UNEXPECTED_INPUT_TYPE", msg);
    return NULL;
}

/*
** window(timeColumn, windowDuration [, slideDuration [, startTime]])
** Spark's TimeWindow checks, in its order, with its messages.
*/
SExpr *sema_bind_window(Binder *b, const AstExpr *call)
{
    SemaCtx *sc = b->sc;
    const AstExprList *args = &call->u.call.args;
    if (call->u.call.star || call->u.call.distinct) {
        diag_error(sc->diag, call->span, "function 'window' takes a timestamp and durations");
        return NULL;
    }
    if (args->n < 2 || args->n > 4) {
        sema_arity_error(b, call, "window", 2, 4, NULL);
        return NULL;
    }
    for (int i = 0; i < args->n; i++)
        if (!args->items[i])
            return NULL;
    Binder tb = *b;
    tb.allow_window = false;
    tb.allow_agg = false;
    SExpr *ts = sema_bind_expr(&tb, args->items[0]);
    int64_t v[3] = {0, 0, 0};
    const char *text[3] = {NULL, NULL, "0"};
    bool ok = ts != NULL;
    for (int i = 1; i < args->n; i++)
        ok = window_duration(b, args->items[i], &v[i - 1], &text[i - 1]) && ok;
    if (!ok) /* the function's builder parses the durations before the analyzer checks types */
        return NULL;
    if (args->n < 3) {
        v[1] = v[0];
        text[1] = text[0];
    }
    /* TimeWindow's name in its messages: its toString (NonSQLExpression), the durations in µs */
    const char *sql =
        arena_sprintf(sc->arena, "window(%s, %lld, %lld, %lld)", sql_of(b, args->items[0]),
                      (long long)v[0], (long long)v[1], (long long)v[2]);
    if (!(ts = window_time_column(b, ts, args->items[0], sql)))
        return NULL;
    const AstExpr *slide_at = args->n >= 3 ? args->items[2] : args->items[1];
    const char *bad = NULL;
    SrcSpan at = args->items[1]->span;
    Arena *arena = sc->arena;
    int64_t abs_start = v[2] < 0 ? -v[2] : v[2];
    if (v[0] <= 0)
        bad = arena_sprintf(arena,
                            "The `window_duration` must be between (0, 9223372036854775807] "
                            "(current value = %lldL).",
                            (long long)v[0]);
    else if (v[1] <= 0)
        bad = arena_sprintf(arena,
                            "The `slide_duration` must be between (0, 9223372036854775807] "
                            "(current value = %lldL).",
                            (long long)v[1]);
    if (bad) {
        sema_mismatch_sql(b, v[0] <= 0 ? at : slide_at->span, sql, "VALUE_OUT_OF_RANGE", bad);
        return NULL;
    }
    if (v[1] > v[0])
        bad = arena_sprintf(arena,
                            "The `slide_duration`(%lldL) must be <= the `window_duration`(%lldL).",
                            (long long)v[1], (long long)v[0]);
    else if (abs_start >= v[1])
        bad = arena_sprintf(arena,
                            "The `abs(start_time)`(%lldL) must be < the `slide_duration`(%lldL).",
                            (long long)abs_start, (long long)v[1]);
    if (bad) {
        sema_mismatch_sql(b, v[1] > v[0] ? slide_at->span : args->items[3]->span, sql,
                          "PARAMETER_CONSTRAINT_VIOLATION", bad);
        return NULL;
    }
    SExpr *w = sema_new_expr(sc, SX_WINDOW, type_window_of(ts->type), call->span);
    w->u.window.ts = ts;
    w->u.window.size_us = v[0];
    w->u.window.slide_us = v[1];
    w->u.window.start_us = v[2];
    return w;
}

/* Spark's DataType.toString of a type t (IntegerType, DecimalType(2,1),
   ArrayType(IntegerType,true)), as _LEGACY_ERROR_TEMP_1040 names a session gap's type.  The
   containsNull and nullable flags of nested types are printed true (sluice does not track
   them; what a source reads is nullable). */
static const char *spark_type_class(Arena *arena, const Type *t)
{
    if (t->kind == TY_ARRAY)
        return arena_sprintf(arena, "ArrayType(%s,true)", spark_type_class(arena, t->elem));
    if (t->kind == TY_MAP)
        return arena_sprintf(arena, "MapType(%s,%s,true)", spark_type_class(arena, t->key),
                             spark_type_class(arena, t->elem));
    if (t->kind == TY_STRUCT) {
        StrBuf sb;
        sb_init(&sb, arena);
        sb_puts(&sb, "StructType(");
        for (int i = 0; i < t->n_fields; i++)
            sb_printf(&sb, "%sStructField(%s,%s,true)", i ? "," : "", t->fields[i].name,
                      spark_type_class(arena, t->fields[i].type));
        sb_putc(&sb, ')');
        return sb.data;
    }
    static const char *const names[] = {
        [TY_NULL] = "NullType",
        [TY_STRING] = "StringType",
        [TY_BOOLEAN] = "BooleanType",
        [TY_INT] = "IntegerType",
        [TY_TINYINT] = "ByteType",
        [TY_SMALLINT] = "ShortType",
        [TY_BIGINT] = "LongType",
        [TY_FLOAT] = "FloatType",
        [TY_DOUBLE] = "DoubleType",
        [TY_BINARY] = "BinaryType",
        [TY_DATE] = "DateType",
        [TY_TIMESTAMP] = "TimestampType",
        [TY_TIMESTAMP_NTZ] = "TimestampNTZType",
    };
    if (t->kind == TY_DECIMAL)
        return arena_sprintf(arena, "DecimalType(%d,%d)", t->precision, t->scale);
    if (t->kind == TY_INTERVAL || t->kind == TY_YM_INTERVAL) /* fields as Spark's Bytes */
        return arena_sprintf(arena, "%s(%d,%d)",
                             t->kind == TY_INTERVAL ? "DayTimeIntervalType"
                                                    : "YearMonthIntervalType",
                             t->start_field, t->end_field);
    return (size_t)t->kind < sizeof names / sizeof names[0] ? names[t->kind] : NULL;
}

/* The gap of session_window w (g, bound as gx): SessionWindowing casts a gap that is no
   CalendarInterval to one when Cast.canCast (a STRING, NULL), else it is
   QueryCompilationErrors.sessionWindowGapDurationDataTypeError (_LEGACY_ERROR_TEMP_1040,
   printed without its class).  An INTERVAL literal is one of those others: Spark 3.5's parser
   types every one as an ANSI interval (AstBuilder.constructMultiUnitsIntervalLiteral, the
   unit-to-unit form likewise), DayTimeIntervalType(2,2) for INTERVAL '5' MINUTE, which Cast
   cannot make a CalendarInterval.  A string that is no interval casts to NULL, whose session
   has no end: gap_us 0 then, as for NULL (no session, see sema_bind_session_window).  The
   session ends at PreciseTimestampConversion(time + gap), TimeAdd of the CalendarInterval
   (DateTimeUtils.timestampAddInterval: months, then days, then µs): a constant gap without
   months is a fixed length (its days folded into µs, exact in the session zone UTC), one with
   months, or a per-row STRING gap, is added to each row's time (gap_cal).  False after an
   error. */
static bool session_gap(Binder *b, const AstExpr *g, SExpr *gx, SExpr *w)
{
    SemaCtx *sc = b->sc;
    CmInterval iv;
    w->u.window.gap_us = 0;
    if (g->kind == AST_STRING && g->u.str &&
        cm_interval_parse(g->u.str, &iv, NULL, NULL) == CM_IV_OK) {
        if (iv.months == 0 && cm_interval_day_time_us(&iv, &w->u.window.gap_us))
            return true;
        w->u.window.gap_cal = true;
        w->u.window.gap_months = iv.months;
        w->u.window.gap_days = iv.days;
        w->u.window.gap_us = iv.us;
        return true;
    }
    if (g->kind == AST_STRING || g->kind == AST_NULL) /* Cast(..., CalendarIntervalType): NULL */
        return true;
    if (gx->type->kind != TY_STRING && gx->type->kind != TY_NULL) {
        diag_error(sc->diag, g->span,
                   "Gap duration expression used in session window must be CalendarIntervalType, "
                   "but got %s.",
                   spark_type_class(sc->arena, gx->type));
        return false;
    }
    if (gx->type->kind == TY_STRING) { /* Cast(gap, CalendarIntervalType) per row */
        w->u.window.gap_cal = true;
        w->u.window.gap = gx;
    }
    return true;
}

/*
** session_window(timeColumn, gapDuration)
** Spark's SessionWindow: a constant gap (a string, parsed as Spark's stringToInterval) or a
** per-row STRING expression (session_gap).  A gap <= 0 (or NULL, or a string that is no
** interval) is accepted as Spark accepts it: SessionWindowing's sessionFilterByTimeRange
** then filters every row (session.end > session.start is never true), so such a window has
** no session; with months or per row, the filter is each row's.
*/
SExpr *sema_bind_session_window(Binder *b, const AstExpr *call)
{
    SemaCtx *sc = b->sc;
    const AstExprList *args = &call->u.call.args;
    if (call->u.call.star || call->u.call.distinct) {
        diag_error(sc->diag, call->span,
                   "function 'session_window' takes a timestamp and a gap duration");
        return NULL;
    }
    if (args->n != 2) {
        sema_arity_error(b, call, "session_window", 2, 2, NULL);
        return NULL;
    }
    if (!args->items[0] || !args->items[1])
        return NULL;
    Binder tb = *b;
    tb.allow_window = false;
    tb.allow_agg = false;
    SExpr *ts = sema_bind_expr(&tb, args->items[0]);
    const AstExpr *g = args->items[1];
    SExpr *gx = g->kind == AST_STRING ? NULL : sema_bind_expr(&tb, g);
    if (!ts || (g->kind == AST_INTERVAL && !gx))
        return NULL;
    /* SessionWindow's name in its messages: its toString (NonSQLExpression, no prettyName:
       the class name lower-cased), a string gap as the Literal prints it, without quotes */
    const char *sql = arena_sprintf(sc->arena, "sessionwindow(%s, %s)", sql_of(b, args->items[0]),
                                    g->kind == AST_STRING && g->u.str ? g->u.str : sql_of(b, g));
    if (!(ts = window_time_column(b, ts, args->items[0], sql)))
        return NULL;
    SExpr *w = sema_new_expr(sc, SX_WINDOW, type_window_of(ts->type), call->span);
    w->u.window.ts = ts;
    w->u.window.session = true;
    return session_gap(b, g, gx, w) ? w : NULL;
}

/*
** window() in the SELECT list of a block without aggregation: Spark's TimeWindowing
** (ResolveTimeWindows.scala, 3.5) rewrites it to a Project over Filter(IsNotNull(time)) for a
** tumbling window and to Filter(Expand(one projection per window)) for a sliding one, so the
** block makes one row per window of the row's time (the latest window first, as Expand's
** projections getWindow(0..n-1)) and none for a NULL time.  The block keeps the window in
** sel->window; every window() of it must be that one (TimeWindowing's
** windowExpressions.size > 1 check).  session_window() likewise: SessionWindowing rewrites any
** single-child plan, a Project too, to Filter(IsNotNull(time), Project(the struct [time, time +
** gap) +: child.output)), so each row gets its own session [ts, ts + gap) and a NULL time no row
** (nor any row when the gap is <= 0: the rule's end > start test).
*/
static SExpr *project_window(Binder *b, const AstExpr *e, bool session)
{
    SSelect *sel = b->blk->sel;
    SExpr *w = session ? sema_bind_session_window(b, e) : sema_bind_window(b, e);
    if (!w)
        return NULL;
    if (sel->window && !sema_expr_equal(sel->window, w)) {
        diag_error(b->sc->diag, e->span,
                   "Multiple time/session window expressions would result in a cartesian "
                   "product of rows, therefore they are currently not supported.");
        return NULL;
    }
    if (!sel->window)
        sel->window = w;
    return w;
}

static SExpr *bind_call(Binder *b, const AstExpr *e)
{
    SemaCtx *sc = b->sc;
    const char *name = e->u.call.name ? e->u.call.name : "";
    SAggKind kind;
    if (e->u.call.has_over) {
        sema_stream_refuse_over(sc, e);
        return NULL;
    }
    if (sema_agg_call_lookup(e, &kind))
        return bind_agg(b, e, kind);
    if (e->u.call.filter) {
        diag_error(sc->diag, e->u.call.filter->span,
                   "FILTER is only allowed with an aggregate function, and '%s' is not one", name);
        return NULL;
    }
    /* IGNORE NULLS on a known function (an unknown name: UNRESOLVED_ROUTINE first) */
    bool known = sema_func_lookup(name) >= 0 || sema_generator_kind(e) ||
                 strcasecmp(name, "window") == 0 || strcasecmp(name, "session_window") == 0;
    if (known && !sema_ignore_nulls_ok(sc, e, false))
        return NULL;
    if (sema_generator_kind(e)) {
        /* A select item that is exactly a generator is bound by sema_select.c. */
        if (strcmp(b->clause, "SELECT") == 0)
            diag_error(sc->diag, e->span,
                       "Generators are not supported when it's nested in expressions, but got: %s",
                       sema_expr_sql(sc, b->blk, e));
        else
            diag_error(sc->diag, e->span,
                       "Generators are not supported outside the SELECT clause, but got: %s",
                       sema_expr_sql(sc, b->blk, e));
        return NULL;
    }
    if (strcasecmp(name, "window") == 0 || strcasecmp(name, "session_window") == 0) {
        bool session = strcasecmp(name, "session_window") == 0;
        bool projection = b->allow_window && !b->blk->sel->has_agg; /* a SELECT list */
        if (!b->allow_window) {
            diag_error(sc->diag, e->span,
                       "%s() is only supported as a GROUP BY key or in the SELECT list of a query "
                       "without aggregation",
                       session ? "session_window" : "window");
            return NULL;
        }
        if (projection)
            return project_window(b, e, session);
        return session ? sema_bind_session_window(b, e) : sema_bind_window(b, e);
    }
    return sema_bind_func(b, e);
}

/* ==== The binder ==== */

SExpr *sema_bind_expr(Binder *b, const AstExpr *e)
{
    if (!e)
        return NULL;
    SemaCtx *sc = b->sc;
    SExpr *r;
    switch (e->kind) {
    case AST_NULL:
        return const_null(sc, &type_null, e->span);
    case AST_BOOL:
        return const_int(sc, &type_boolean, e->u.ival != 0, e->span);
    case AST_INT:
        if (e->u.int_suffix)
            return bind_typed_int(sc, e);
        if (e->u.ival == INT64_MIN && !e->u.int_negated) /* beyond BIGINT: a DECIMAL(19,0) */
            return sema_dec_literal(sc, "9223372036854775808", e->span);
        return const_int(
            sc, e->u.ival >= INT32_MIN && e->u.ival <= INT32_MAX ? &type_int : &type_bigint,
            e->u.ival, e->span);
    case AST_DECIMAL:
        return sema_dec_literal(sc, e->u.str, e->span);
    case AST_DOUBLE:
        if (e->u.dval_float)
            return bind_float_literal(sc, e);
        if (isinf(e->u.dval) && e->u.dtext) /* 1e400, 1e400D: visitExponentLiteral */
            return literal_range_error(
                sc, e, arena_sprintf(sc->arena, "%s%s", e->u.dval < 0 ? "-" : "", e->u.dtext),
                "double", "-1.7976931348623157E+308", "1.7976931348623157E+308");
        r = sema_new_expr(sc, SX_CONST, &type_double, e->span);
        r->u.value.d = e->u.dval;
        return r;
    case AST_STRING:
        r = sema_new_expr(sc, SX_CONST, &type_string, e->span);
        r->u.value.s = e->u.str ? e->u.str : "";
        r->u.value.n = (uint32_t)strlen(r->u.value.s);
        return r;
    case AST_INTERVAL:
        return bind_interval(b, e);
    case AST_BINARY_LIT:
        return bind_binary_lit(b, e);
    case AST_COLUMN:
        return bind_column(b, e);
    case AST_STAR:
        diag_error(sc->diag, e->span, "'*' is only allowed in the select list or in count(*)");
        return NULL;
    case AST_FIELD: {
        SExpr *base = sema_bind_expr(b, e->u.field.base);
        return field_access(b, base, e->u.field.name, e->u.field.name_span, e->span,
                            sql_of(b, e->u.field.base));
    }
    case AST_INDEX:
        return bind_index(b, e);
    case AST_CALL:
        return bind_call(b, e);
    case AST_UNARY:
        return bind_unary(b, e);
    case AST_BINARY:
        return bind_binary(b, e);
    case AST_IS_NULL: {
        SExpr *x = sema_bind_expr(b, e->u.is_null.arg);
        if (!x)
            return NULL;
        /* IS [NOT] UNKNOWN: Spark's IsUnknown / IsNotUnknown take a BOOLEAN */
        if (e->u.is_null.unknown && x->type->kind != TY_BOOLEAN && x->type->kind != TY_NULL) {
            type_error(b, e->u.is_null.arg, "IS UNKNOWN expects a boolean operand", e->u.is_null.arg,
                       x->type);
            return NULL;
        }
        r = sema_new_expr(sc, SX_IS_NULL, &type_boolean, e->span);
        r->u.is_null.arg = x;
        r->u.is_null.negated = e->u.is_null.negated;
        return r;
    }
    case AST_LIKE:
        return bind_like(b, e);
    case AST_IN:
        return bind_in(b, e);
    case AST_BETWEEN:
        return bind_between(b, e);
    case AST_CASE:
        return bind_case(b, e);
    case AST_CAST:
        return bind_cast(b, e);
    case AST_LAMBDA: /* a higher-order function binds its lambdas itself (sema_func_lambda.c) */
        diag_error(sc->diag, e->span,
                   "[INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION] Invalid lambda "
                   "function call. A lambda function should only be used in a higher order "
                   "function.");
        return NULL;
    }
    return NULL;
}

/* ==== Columns read, structural equality ==== */

typedef struct ColumnSet {
    bool *used;
    int n;
} ColumnSet;

static SWalk mark_column(const SExpr *e, void *ctx)
{
    ColumnSet *cs = ctx;
    if (e->kind == SX_COLUMN && e->u.column >= 0 && e->u.column < cs->n)
        cs->used[e->u.column] = true;
    return WALK_CONTINUE;
}

void sema_expr_columns(const SExpr *e, bool *used, int n)
{
    ColumnSet cs = {used, n};
    sema_walk_expr(e, mark_column, &cs);
}

int sema_window_count(const SExpr *w)
{
    return (int)((w->u.window.size_us + w->u.window.slide_us - 1) / w->u.window.slide_us);
}

/* Are a and b, of one kind and type, equal but for their operands? */
static bool same_node(const SExpr *a, const SExpr *b)
{
    switch (a->kind) {
    case SX_CONST: {
        const SValue *x = &a->u.value, *y = &b->u.value;
        if (x->is_null || y->is_null)
            return x->is_null == y->is_null;
        /* Literal.equals is java.lang.Double.equals (doubleToLongBits): NaN equals NaN,
           0.0 does not equal -0.0 */
        if (type_is_fractional(a->type))
            return isnan(x->d) ? isnan(y->d) : memcmp(&x->d, &y->d, sizeof x->d) == 0;
        if (a->type->kind == TY_STRING)
            return x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
        return x->i == y->i;
    }
    case SX_COLUMN:
        return a->u.column == b->u.column;
    case SX_GROUP_REF:
    case SX_AGG_REF:
    case SX_LAMBDA_VAR:
        return a->u.ref == b->u.ref;
    case SX_FIELD:
        return a->u.field.index == b->u.field.index;
    case SX_INDEX:
        return true;
    case SX_NOT:
    case SX_NEG:
    case SX_CAST:
    case SX_EXPLODE:
        return a->u.gen.outer == b->u.gen.outer;
    case SX_ARITH:
    case SX_CMP:
    case SX_AND:
    case SX_OR:
    case SX_CONCAT:
        return a->u.bin.op == b->u.bin.op;
    case SX_IS_NULL:
        return a->u.is_null.negated == b->u.is_null.negated;
    case SX_LIKE:
        return a->u.like.negated == b->u.like.negated && a->u.like.escape == b->u.like.escape;
    case SX_IN:
        return a->u.in.negated == b->u.in.negated && a->u.in.n_values == b->u.in.n_values;
    case SX_CASE:
        return a->u.kase.n_whens == b->u.kase.n_whens;
    case SX_CALL:
        /* rand() and randn() without a seed get one each (ResolveRandomSeed): equal only to
           themselves */
        if ((a->u.call.fn == FN_RAND || a->u.call.fn == FN_RANDOM || a->u.call.fn == FN_RANDN) &&
            a->u.call.n_args == 0 && a->u.call.site != b->u.call.site)
            return false;
        return a->u.call.fn == b->u.call.fn && a->u.call.n_args == b->u.call.n_args;
    case SX_WINDOW:
        return a->u.window.session == b->u.window.session &&
               a->u.window.gap_us == b->u.window.gap_us &&
               a->u.window.gap_cal == b->u.window.gap_cal &&
               a->u.window.gap_months == b->u.window.gap_months &&
               a->u.window.gap_days == b->u.window.gap_days &&
               a->u.window.size_us == b->u.window.size_us &&
               a->u.window.slide_us == b->u.window.slide_us &&
               a->u.window.start_us == b->u.window.start_us;
    }
    return false;
}

bool sema_expr_equal(const SExpr *a, const SExpr *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->kind != b->kind || !type_equal(a->type, b->type) || !same_node(a, b))
        return false;
    SExpr **x;
    int i = 0;
    for (; (x = sema_expr_operand((SExpr *)a, i)); i++) {
        SExpr **y = sema_expr_operand((SExpr *)b, i);
        if (!y || !sema_expr_equal(*x, *y))
            return false;
    }
    return !sema_expr_operand((SExpr *)b, i);
}

/* ==== The aggregated space ==== */

typedef struct AggSpace {
    SemaCtx *sc;
    SelBlock *blk;
    SExpr **group;
    int n_group;
    bool failed;
    bool silent; /* a GROUP BY key failed to bind: unmatched columns may be its fault */
} AggSpace;

/* A column outside the GROUP BY keys: the error (one per expression). */
static SExpr *agg_column(AggSpace *as, const SExpr *e)
{
    as->failed = true;
    if (as->silent || as->blk->input_failed)
        return NULL;
    /* CheckAnalysis.checkValidAggregateExpression: an attribute outside the grouping
       expressions; the two lines of MISSING_AGGREGATION's message joined by a space,
       names as toSQLExpr prints them (PrettyAttribute: the bare name) */
    if (as->n_group == 0 && !(as->blk->sel && as->blk->sel->n_gsets))
        diag_error(as->sc->diag, e->span,
                   "[MISSING_GROUP_BY] The query does not include a GROUP BY clause. Add "
                   "GROUP BY or turn it into the window functions using OVER clauses.");
    else
        diag_error(as->sc->diag, e->span,
                   "[MISSING_AGGREGATION] The non-aggregating expression \"%s\" is based on "
                   "columns which are not participating in the GROUP BY clause. Add the "
                   "columns or the expression to the GROUP BY, aggregate the expression, or "
                   "use \"any_value(%s)\" if you do not care which of the values within a "
                   "group is returned.",
                   as->blk->input->cols[e->u.column].name, as->blk->input->cols[e->u.column].name);
    return NULL;
}

/* A window() or session_window() not matched by a GROUP BY key: the `window` column naming
   the GROUP BY window, else an error. */
static SExpr *agg_window(AggSpace *as, const SExpr *e)
{
    int wg = as->blk->sel ? as->blk->sel->window_group : -1;
    if (!e->u.window.ts && wg >= 0 && wg < as->n_group && as->group[wg] &&
        as->group[wg]->u.window.session == e->u.window.session) {
        SExpr *r = sema_new_expr(as->sc, SX_GROUP_REF, e->type, e->span);
        r->u.ref = wg;
        return r;
    }
    as->failed = true;
    if (as->silent)
        return NULL;
    const char *fn = e->u.window.session ? "session_window" : "window";
    if (as->blk->sel && as->blk->sel->window_group >= 0)
        diag_error(as->sc->diag, e->span,
                   "this %s() does not match the window of the GROUP BY clause", fn);
    else
        diag_error(as->sc->diag, e->span, "%s() is only supported as a GROUP BY key", fn);
    return NULL;
}

static SExpr *agg_map(AggSpace *as, SExpr *e);

static SExpr *agg_operand(SExpr *x, void *as)
{
    return agg_map(as, x);
}

/* e in the aggregated space: its GROUP BY keys replaced by references (operands in Spark's
   order, checkValidAggregateExpression's: the first column outside the keys is the error). */
static SExpr *agg_map(AggSpace *as, SExpr *e)
{
    if (!e || as->failed)
        return NULL;
    if (e->kind == SX_CALL && (e->u.call.fn == FN_GROUPING || e->u.call.fn == FN_GROUPING_ID)) {
        SExpr *r = as->silent ? NULL : sema_grouping_fn(as->sc, as->blk, e);
        as->failed = !r;
        return r;
    }
    for (int i = 0; i < as->n_group; i++)
        if (as->group[i] && sema_expr_equal(e, as->group[i])) {
            SExpr *r = sema_new_expr(as->sc, SX_GROUP_REF, e->type, e->span);
            r->u.ref = i;
            return r;
        }
    if (e->kind == SX_COLUMN)
        return agg_column(as, e);
    if (e->kind == SX_WINDOW)
        return agg_window(as, e);
    if (e->kind == SX_CONST || e->kind == SX_GROUP_REF || e->kind == SX_AGG_REF ||
        e->kind == SX_LAMBDA_VAR)
        return e;
    SExpr *c = sema_map_operands(as->sc->arena, e, agg_operand, as);
    return as->failed ? NULL : c;
}

SExpr *sema_to_agg_space(SemaCtx *sc, SelBlock *blk, SExpr **group, int n_group, SExpr *e)
{
    AggSpace as = {sc, blk, group, n_group, false, false};
    for (int i = 0; i < n_group; i++)
        as.silent = as.silent || !group[i];
    if (blk->sel && blk->sel->n_gsets)
        as.n_group = blk->sel->n_gkeys; /* the hidden keys match no expression */
    return agg_map(&as, e);
}

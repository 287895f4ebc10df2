/* sema_decimal.c - DECIMAL(p, s) typing as Spark 3.5 with allowPrecisionLoss: literals, result types, widening.
**
** Spark's references: sql/api/.../types/DecimalType.scala (MAX_PRECISION 38, bounded,
** adjustPrecisionScale, MINIMUM_ADJUSTED_SCALE 6, forType, fromLiteral),
** sql/catalyst/.../analysis/DecimalPrecision.scala (integers beside a decimal become
** DECIMAL(10,0) / DECIMAL(20,0), an integer literal only its own digits; a FLOAT or DOUBLE
** beside a decimal makes the decimal a DOUBLE; comparisons cast both sides to the wider
** decimal), sql/catalyst/.../expressions/arithmetic.scala (resultDecimalType of Add,
** Subtract, Multiply, Divide, Remainder), parser/AstBuilder.scala (visitDecimalLiteral:
** a number with a point and no exponent is a DECIMAL of its digits).
*/
#include <string.h>

#include "sema/sema_int.h"

#define MAXP TYPE_DECIMAL_MAX_PRECISION

static int imax(int a, int b)
{
    return a > b ? a : b;
}
static int imin(int a, int b)
{
    return a < b ? a : b;
}

/* DecimalType.bounded(precision, scale). */
const Type *sema_dec_bounded(int precision, int scale)
{
    return type_decimal(imin(precision, MAXP), imin(scale, MAXP));
}

/* DecimalType.adjustPrecisionScale (scale >= 0 here): past 38 digits the integral digits
   are kept and the scale gives way, down to 6. */
static const Type *adjust(int precision, int scale)
{
    if (precision <= MAXP)
        return type_decimal(precision, scale);
    int int_digits = precision - scale;
    int min_scale = imin(scale, TYPE_DECIMAL_MIN_ADJUSTED_SCALE);
    return type_decimal(MAXP, imax(MAXP - int_digits, min_scale));
}

/* The decimal an integral operand becomes (DecimalType.forType), or for an integral
   constant its own digits (DecimalType.fromLiteral); t itself if it is a decimal. */
const Type *sema_dec_operand(const SExpr *e)
{
    const Type *t = e->type;
    if (t->kind == TY_DECIMAL)
        return t;
    if (e->kind == SX_CONST && !e->u.value.is_null && type_is_integral(t)) {
        uint64_t m = e->u.value.i < 0 ? 0 - (uint64_t)e->u.value.i : (uint64_t)e->u.value.i;
        int digits = 1;
        for (; m >= 10; m /= 10)
            digits++;
        return type_decimal(digits, 0);
    }
    return type_decimal_for(t);
}

/* The result type of a op b on two decimals (arithmetic.scala's resultDecimalType). */
const Type *sema_dec_arith_type(AstBinaryOp op, const Type *a, const Type *b)
{
    int p1 = a->precision, s1 = a->scale, p2 = b->precision, s2 = b->scale;
    switch (op) {
    case BOP_ADD:
    case BOP_SUB: {
        int s = imax(s1, s2);
        return adjust(imax(p1 - s1, p2 - s2) + s + 1, s);
    }
    case BOP_MUL:
        return adjust(p1 + p2 + 1, s1 + s2);
    case BOP_DIV: {
        int s = imax(TYPE_DECIMAL_MIN_ADJUSTED_SCALE, s1 + p2 + 1);
        return adjust(p1 - s1 + s2 + s, s);
    }
    case BOP_MOD: {
        int s = imax(s1, s2);
        return adjust(imin(p1 - s1, p2 - s2) + s, s);
    }
    default:
        return NULL;
    }
}

/* DecimalPrecision.widerDecimalType: both values fit (up to 38 digits). */
const Type *sema_dec_wider(const Type *a, const Type *b)
{
    int s = imax(a->scale, b->scale);
    int r = imax(a->precision - a->scale, b->precision - b->scale);
    return sema_dec_bounded(r + s, s);
}

/* sum(DECIMAL(p, s)) is DECIMAL(min(38, p + 10), s); avg(DECIMAL(p, s)) is
   DECIMAL(min(38, p + 4), min(38, s + 4)) (Sum.resultType, Average.resultType). */
const Type *sema_dec_sum_type(const Type *t)
{
    return sema_dec_bounded(t->precision + 10, t->scale);
}
const Type *sema_dec_avg_type(const Type *t)
{
    return sema_dec_bounded(t->precision + 4, t->scale + 4);
}

/* A number written with a point and no exponent, or an integer beyond BIGINT: a DECIMAL
   of exactly its digits (Java's BigDecimal(text): the precision counts the digits from
   the first non-zero one, at least the scale, at least 1).  NULL after an error. */
/* The unscaled value, significant digits and scale of a literal's text (a '-' first when the
   parser joined a minus to it): 0, -1 for a character other than a digit or '.', -2 for more
   than 38 digits. */
static int read_literal(const char *text, __int128 *v, int *digits, int *scale)
{
    int seen_point = 0;
    bool neg = text[0] == '-';
    *v = 0;
    *digits = *scale = 0;
    for (const char *p = text + neg; *p; p++) {
        if (*p == '.') {
            seen_point = 1;
            continue;
        }
        if (*p < '0' || *p > '9')
            return -1;
        if ((*digits || *p != '0') && ++*digits > MAXP)
            return -2;
        *v = *v * 10 + (*p - '0');
        *scale += seen_point;
    }
    if (neg)
        *v = -*v;
    return 0;
}

/* The precision Spark's Decimal.set(BigDecimal) gives the literal: its significant digits, at
   least its scale. */
static int literal_digits(const char *text)
{
    int digits = 0, scale = 0;
    bool point = false;
    for (const char *p = text + (text[0] == '-'); *p; p++) {
        if (*p == '.') {
            point = true;
        } else {
            digits += digits > 0 || *p != '0';
            scale += point;
        }
    }
    return imax(digits, scale);
}

SExpr *sema_dec_literal(SemaCtx *sc, const char *text, SrcSpan span)
{
    __int128 v;
    int digits, scale;
    int rc = read_literal(text, &v, &digits, &scale);
    if (rc == -1) {
        diag_error(sc->diag, span, "a BD literal with an exponent (%sBD) is not supported", text);
        return NULL;
    }
    if (rc == -2) {
        /* the literal's Decimal made a DecimalType of its digits (DataTypeErrors.
           decimalPrecisionExceedsMaxPrecisionError) */
        diag_error(sc->diag, span,
                   "[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision %d exceeds max "
                   "precision %d.",
                   literal_digits(text), MAXP);
        return NULL;
    }
    int precision = imax(imax(digits, scale), 1);
    SExpr *e = sema_new_expr(sc, SX_CONST, type_decimal(precision, scale), span);
    e->u.value.dec = v;
    return e;
}

/* The text of a decimal as Spark's Decimal.toString (java.math.BigDecimal.toString):
   plain digits, but d.dddE-n once the exponent is below -6. */
void sema_put_decimal(StrBuf *sb, __int128 v, int scale)
{
    char dg[48];
    int nd = 0;
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    do {
        dg[nd++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m);
    if (v < 0)
        sb_putc(sb, '-');
    int adjusted = -scale + (nd - 1);
    if (adjusted < -6) {
        sb_putc(sb, dg[nd - 1]);
        if (nd > 1)
            sb_putc(sb, '.');
        for (int i = nd - 2; i >= 0; i--)
            sb_putc(sb, dg[i]);
        sb_printf(sb, "E%d", adjusted);
        return;
    }
    if (nd <= scale) {
        sb_puts(sb, "0.");
        for (int i = 0; i < scale - nd; i++)
            sb_putc(sb, '0');
    }
    for (int i = nd - 1; i >= 0; i--) {
        sb_putc(sb, dg[i]);
        if (i == scale && i > 0 && nd > scale)
            sb_putc(sb, '.');
    }
}

/* A decimal literal's text as Spark names it (Literal.toString: Decimal.toString). */
void sema_put_decimal_literal(StrBuf *sb, const char *text)
{
    __int128 v;
    int digits, scale;
    if (read_literal(text, &v, &digits, &scale) < 0)
        sb_puts(sb, text); /* refused by sema_dec_literal */
    else
        sema_put_decimal(sb, v, scale);
}

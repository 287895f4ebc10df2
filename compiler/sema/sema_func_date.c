/* sema_func_date.c - typing of the date and time functions of functions.def (SPECIAL class):
** date_add/date_sub, to_timestamp/unix_timestamp, date_part/extract, last_day ...
** timestamp_micros (FN_CASES_DATE), and from_utc_timestamp/to_utc_timestamp (bound as a
** shift by a constant zone offset, or a call over a region's rules).  The rows stay in
** functions.def; sema_func.c dispatches.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "sema/sema_int.h"

/* ==== Dates: last_day ... timestamp_micros ====
   Spark 3.5 datetimeExpressions.scala: LastDay, AddMonths, MonthsBetween, MakeDate,
   TruncDate, DateDiff and DateAdd (the date_diff and dateadd aliases), UnixDate,
   DateFromUnixDate, UnixSeconds/UnixMillis/UnixMicros (TimestampToLongBase),
   SecondsToTimestamp, MillisToTimestamp and MicrosToTimestamp (IntegralToTimestampBase). */

/* An operand of an ExpectsInputTypes function, which casts nothing: ok(type) must hold
   (a bare NULL becomes a NULL of type null_as). */
static SExpr *expect_arg(Binder *b, SExpr *e, bool (*ok)(const Type *), const Type *null_as)
{
    if (e->type->kind == TY_NULL)
        return sema_coerce(b->sc, e, null_as);
    return ok(e->type) ? e : NULL;
}

static bool is_date_type(const Type *t)
{
    return t->kind == TY_DATE;
}

static bool is_timestamp_type(const Type *t)
{
    return t->kind == TY_TIMESTAMP;
}

static bool is_numeric_or_decimal(const Type *t)
{
    return type_is_numeric(t) || t->kind == TY_DECIMAL;
}

/* A DATE operand: TIMESTAMP, TIMESTAMP_NTZ, STRING and NULL are cast (Spark's implicit casts to
 * DATE). */
SExpr *sema_fn_date_arg(Binder *b, SExpr *e)
{
    switch (e->type->kind) {
    case TY_DATE:
        return e;
    case TY_NULL:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ: /* ImplicitTypeCasts: (TimestampType | TimestampNTZType, DateType) */
    case TY_STRING:
        return sema_coerce(b->sc, e, &type_date);
    default:
        return NULL;
    }
}

/* date_add/date_sub(start, days): DateAdd's days are INT, SMALLINT or TINYINT (ExpectsInputTypes:
   a BIGINT or DOUBLE is refused); a constant string is read as an integer when the query is
   analysed (TypeCoercion.StringLiteralCoercion), anything else there is an error. */
bool sema_type_date_add(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int *bad,
                          const char **want)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (!(args[0] = sema_fn_date_arg(b, args[0]))) {
        *bad = 0, *want = "\"DATE\"";
        return true;
    }
    SExpr *d = args[1];
    if (d->type->kind == TY_INT)
        return true;
    if (d->type->kind == TY_NULL || type_is_int32(d->type)) {
        args[1] = sema_coerce(b->sc, d, &type_int);
        return true;
    }
    if (d->type->kind == TY_STRING && d->kind == SX_CONST && !d->u.value.is_null) {
        SExpr *i = sema_coerce(b->sc, d, &type_int);
        if (i->kind != SX_CONST) {
            /* QueryCompilationErrors.secondArgumentOfFunctionIsNotIntegerError */
            diag_error(b->sc->diag, asts[1]->span,
                       "[SECOND_FUNCTION_ARGUMENT_NOT_INTEGER] The second argument of `%s` "
                       "function needs to be an integer.",
                       fn == FN_DATE_SUB ? "date_sub" : "date_add");
            return false;
        }
        args[1] = i;
        return true;
    }
    *bad = 1, *want = "(\"INT\" or \"SMALLINT\" or \"TINYINT\")";
    return true;
}

/* to_timestamp(s[, fmt]) and unix_timestamp([s[, fmt]]). */
void sema_type_parse_time(Binder *b, SFunc fn, SExpr **args, int n, int *bad, const char **want)
{
    if (sema_func_is_to_timestamp(fn) && n == 1) {
        /* Spark: CAST(x AS TIMESTAMP) (strings leniently, numbers as epoch seconds) */
        if (type_is_numeric(args[0]->type) || args[0]->type->kind == TY_BOOLEAN)
            args[0] = sema_coerce(b->sc, args[0], &type_timestamp);
        else if (!(args[0] = sema_to_timestamp(b, args[0])))
            *bad = 0, *want = "a string or a timestamp";
        return;
    }
    /* unix_timestamp, to_unix_timestamp (ToTimestamp, ExpectsInputTypes): a STRING, DATE,
       TIMESTAMP or TIMESTAMP_NTZ (whose micros it divides as a TIMESTAMP's, the same in the
       session zone UTC), then a STRING format; to_timestamp(s, fmt) is GetTimestamp, whose
       messages name it (sluice words them) */
    bool unix = !sema_func_is_to_timestamp(fn);
    if (n > 0) {
        TypeKind k = args[0]->type->kind;
        if (k == TY_DATE || k == TY_NULL || (unix && k == TY_TIMESTAMP_NTZ))
            args[0] = sema_coerce(b->sc, args[0], &type_timestamp);
        else if (k != TY_STRING && k != TY_TIMESTAMP)
            *bad = 0, *want = unix
                                  ? "(\"STRING\" or \"DATE\" or \"TIMESTAMP\" or \"TIMESTAMP_NTZ\")"
                                  : "a string or a timestamp";
    }
    if (*bad < 0 && n > 1 &&
        !(args[1] = unix ? sema_fn_string_only_arg(b, args[1]) : sema_to_string(b, args[1])))
        *bad = 1, *want = unix ? "\"STRING\"" : "a string";
    else if (*bad < 0 && n > 1 && args[0]->type->kind == TY_STRING)
        sema_check_pattern(b, args[1], CM_DTPAT_PARSE); /* only a string is parsed (ToTimestamp) */
}

/* to_timestamp_ntz(s[, fmt]): ParseToTimestamp(s, fmt, TimestampNTZType), whose first input is
   TypeCollection(StringType, DateType, TimestampType, TimestampNTZType): another atomic value
   is cast to STRING (the first type it casts to).  Without fmt, or for a DATE or timestamp,
   Cast(s, TIMESTAMP_NTZ); a string with fmt is parsed by codegen (srt_ts_ntz_parse_fmt). */
void sema_type_to_timestamp_ntz(Binder *b, SExpr **args, int n, int *bad, const char **want)
{
    TypeKind k = args[0]->type->kind;
    if (k != TY_STRING && k != TY_DATE && k != TY_NULL && !type_is_any_timestamp(args[0]->type) &&
        !(args[0] = sema_to_string(b, args[0]))) {
        *bad = 0, *want = "a string, a date or a timestamp";
        return;
    }
    if (n > 1 && !(args[1] = sema_to_string(b, args[1])))
        *bad = 1, *want = "a string";
    else if (n > 1 && args[0]->type->kind == TY_STRING)
        sema_check_pattern(b, args[1], CM_DTPAT_PARSE_NTZ);
    if (n == 1 || args[0]->type->kind != TY_STRING)
        args[0] = sema_coerce(b->sc, args[0], &type_timestamp_ntz);
}

/* A zone argument (Spark's parameter param of who, at at) as a STRING (ImplicitCastInputTypes),
   in place; false after Spark's UNEXPECTED_INPUT_TYPE. */
static bool zone_string(Binder *b, SChecked who, int param, const AstExpr *at, SExpr **tz)
{
    SExpr *str = sema_to_string(b, *tz);
    if (!str)
        return sema_unexpected_input(b, who, param, "\"STRING\"", at, (*tz)->type);
    *tz = str;
    return true;
}

/* The constant zone tz as Spark's DateTimeUtils.getZoneId reads it (ZoneId.of with
   SHORT_IDS; cm_zone_resolve), into *z (the caller frees z->table); false after an error.
   A zone java.time does not know fails Spark's from_utc_timestamp/to_utc_timestamp at the
   first row (UTCTimestamp.doGenCode initialises the ZoneId with getZoneId:
   ZoneRulesException "Unknown time-zone ID: ...", DateTimeException "Invalid ID for ...");
   sluice refuses the query with that message. */
static bool resolve_zone(Binder *b, const AstExpr *at, const SExpr *tz, CmZone *z)
{
    cm_zone_resolve(tz->u.value.s, tz->u.value.n, z);
    if (z->kind == CM_ZONE_INVALID) {
        diag_error(b->sc->diag, at->span, "%s", z->msg);
        if (z->no_db)
            diag_note(b->sc->diag, at->span,
                      "sluice reads region zones from the tz database at %s, which is missing "
                      "(install tzdata, or set TZDIR)", cm_tz_dir());
        return false;
    }
    return true;
}

/* make_timestamp's zone: NULL, a constant zone (codegen resolves it again) or a string of the
   row (srt_make_timestamp_id reads it at run time).  An unknown zone makes the result NULL:
   MakeTimestamp.doGenCode calls getZoneId inside the try whose catch of DateTimeException
   (ZoneRulesException is one) sets the result NULL (non-ANSI), so a constant one becomes a
   NULL constant. */
static bool check_zone_arg(Binder *b, const AstExpr *e, SFunc fn, SExpr **tz)
{
    if ((*tz)->kind == SX_CONST && (*tz)->u.value.is_null)
        return true;
    if (!zone_string(b, sema_checked_call(b, e, fn), 7, e->u.call.args.items[6], tz))
        return false;
    if (!sema_fn_is_string_const(*tz))
        return true;
    CmZone z;
    cm_zone_resolve((*tz)->u.value.s, (*tz)->u.value.n, &z);
    free(z.table);
    if (z.kind == CM_ZONE_INVALID) {
        SExpr *null = sema_new_expr(b->sc, SX_CONST, &type_string, (*tz)->span);
        null->u.value.is_null = true;
        *tz = null;
    }
    return true;
}

/* date_part(field, source) (DatePart: Extract(field, source)): field a string literal
   (Spark's NON_FOLDABLE_ARGUMENT and INVALID_EXTRACT_FIELD otherwise); source a DATE for the
   date fields, a TIMESTAMP for HOUR, MINUTE and SECOND (SecondWithFraction:
   DECIMAL(8, 6)). */
static bool type_date_part(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, const Type **rt)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    if (!sema_fn_is_string_const(args[0])) {
        diag_error(b->sc->diag, asts[0]->span,
                   "The function `%s` requires the parameter `field` to be a foldable expression "
                   "of the type \"STRING\", but the actual argument is a non-foldable.",
                   sema_func_name(fn));
        return false;
    }
    int part = sema_date_part(args[0]->u.value.s, args[0]->u.value.n);
    if (part < 0 ||
        (type_is_ansi_interval(args[1]->type) && !sema_interval_has_part(args[1]->type, part))) {
        diag_error(b->sc->diag, asts[0]->span, "Cannot extract `%s` from \"%s\".",
                   args[0]->u.value.s, sema_expr_sql(b->sc, b->blk, asts[1]));
        return false;
    }
    if (type_is_ansi_interval(args[1]->type)) { /* ExtractIntervalPart.parseExtractField */
        *rt = sema_interval_part_type(part);
        return true;
    }
    bool time = part == DP_HOUR || part == DP_MINUTE || part == DP_SECOND;
    *rt = part == DP_SECOND ? type_decimal(8, 6) : &type_int;
    SExpr *src = args[1];
    if ((args[1] = time ? sema_to_any_timestamp(b, src) : sema_fn_date_arg(b, src)))
        return true;
    /* DatePart.parseExtractField's replacement (Year(source), Hour(source) ...) checks its
       input, GetDateField DateType, GetTimeField AnyTimestampType (ImplicitCastInputTypes):
       UNEXPECTED_INPUT_TYPE of that expression, named by its class (DAYOFWEEK_ISO is
       Add(WeekDay(source), 1), whose WeekDay fails first) */
    static const char *const replacement[] = {
        [DP_YEAR] = "year",           [DP_YEAROFWEEK] = "yearofweek",
        [DP_QUARTER] = "quarter",     [DP_MONTH] = "month",
        [DP_WEEK] = "weekofyear",     [DP_DAY] = "dayofmonth",
        [DP_DAYOFWEEK] = "dayofweek", [DP_DAYOFWEEK_ISO] = "weekday",
        [DP_DOY] = "dayofyear",       [DP_HOUR] = "hour",
        [DP_MINUTE] = "minute",       [DP_SECOND] = "secondwithfraction",
    };
    const char *sql = arena_sprintf(b->sc->arena, "%s(%s)", replacement[part],
                                    sema_expr_sql(b->sc, b->blk, asts[1]));
    sema_unexpected_input(b, (SChecked){e, sql, replacement[part]}, 1,
                          time ? SPARK_T_ANY_TIMESTAMP : "\"DATE\"", asts[1], src->type);
    return false;
}

/* The typing of the date functions above; false after reporting an error. */
bool sema_type_date_fn(Binder *b, const AstExpr *e, SFunc fn, SExpr **args, int n,
                         const Type **rt, int *bad, const char **want)
{
    switch (fn) {
    case FN_DATE_PART:
    case FN_DATEPART:
    case FN_EXTRACT:
        return type_date_part(b, e, fn, args, rt);
    case FN_LAST_DAY: /* LastDay(DATE), ImplicitCastInputTypes */
        *rt = &type_date;
        if (!(args[0] = sema_fn_date_arg(b, args[0])))
            *bad = 0, *want = "\"DATE\"";
        return true;
    case FN_ADD_MONTHS: /* AddMonths(DATE, INT), ImplicitCastInputTypes */
        *rt = &type_date;
        if (!(args[0] = sema_fn_date_arg(b, args[0])))
            *bad = 0, *want = "\"DATE\"";
        else if (!(args[1] = sema_fn_int_arg(b, args[1])))
            *bad = 1, *want = "\"INT\"";
        return true;
    case FN_MONTHS_BETWEEN: /* MonthsBetween(TIMESTAMP, TIMESTAMP, BOOLEAN),
                               ImplicitCastInputTypes (nothing is cast to BOOLEAN but NULL) */
        *rt = &type_double;
        for (int i = 0; *bad < 0 && i < 2; i++)
            if (!(args[i] = sema_to_timestamp(b, args[i])))
                *bad = i, *want = "\"TIMESTAMP\"";
        if (*bad < 0 && n > 2 && args[2]->type->kind == TY_NULL)
            args[2] = sema_coerce(b->sc, args[2], &type_boolean);
        else if (*bad < 0 && n > 2 && args[2]->type->kind != TY_BOOLEAN)
            *bad = 2, *want = "\"BOOLEAN\"";
        return true;
    case FN_NEXT_DAY: /* NextDay(DATE, STRING), ImplicitCastInputTypes */
        *rt = &type_date;
        if (!(args[0] = sema_fn_date_arg(b, args[0])))
            *bad = 0, *want = "\"DATE\"";
        else if (!(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        return true;
    case FN_MAKE_TIMESTAMP: /* MakeTimestamp(INT x 5, DECIMAL(16,6)[, STRING zone]),
                               ImplicitCastInputTypes */
    case FN_MAKE_TIMESTAMP_LTZ:
    case FN_MAKE_TIMESTAMP_NTZ: /* MakeTimestamp(..., dataType = TimestampNTZType): no zone */
        *rt = fn == FN_MAKE_TIMESTAMP_NTZ ? &type_timestamp_ntz : &type_timestamp;
        sema_fn_convert_all(b, args, 5, sema_fn_int_arg, bad);
        *want = "\"INT\"";
        if (*bad >= 0)
            return true;
        if (type_is_numeric(args[5]->type) || args[5]->type->kind == TY_DECIMAL ||
            args[5]->type->kind == TY_STRING || args[5]->type->kind == TY_NULL)
            args[5] = sema_coerce(b->sc, args[5], type_decimal(16, 6));
        else
            *bad = 5, *want = "\"DECIMAL(16,6)\"";
        return *bad >= 0 || n < 7 || check_zone_arg(b, e, fn, &args[6]);
    case FN_MAKE_DT_INTERVAL:
    case FN_MAKE_YM_INTERVAL:
        sema_type_make_interval(b, fn, args, n, rt, bad, want);
        return true;
    case FN_MAKE_DATE: /* MakeDate(INT, INT, INT), ImplicitCastInputTypes */
        *rt = &type_date;
        sema_fn_convert_all(b, args, n, sema_fn_int_arg, bad);
        *want = "\"INT\"";
        return true;
    case FN_TRUNC: /* TruncDate(DATE, STRING), ImplicitCastInputTypes */
        *rt = &type_date;
        if (!(args[0] = sema_fn_date_arg(b, args[0])))
            *bad = 0, *want = "\"DATE\"";
        else if (!(args[1] = sema_to_string(b, args[1])))
            *bad = 1, *want = "\"STRING\"";
        return true;
    case FN_UNIX_DATE: /* UnixDate: ExpectsInputTypes DateType */
        *rt = &type_int;
        if (!(args[0] = expect_arg(b, args[0], is_date_type, &type_date)))
            *bad = 0, *want = "\"DATE\"";
        return true;
    case FN_DATE_FROM_UNIX_DATE: /* ImplicitCastInputTypes INT */
        *rt = &type_date;
        if (!(args[0] = sema_fn_int_arg(b, args[0])))
            *bad = 0, *want = "\"INT\"";
        return true;
    case FN_UNIX_SECONDS: /* TimestampToLongBase: ExpectsInputTypes TimestampType */
    case FN_UNIX_MILLIS:
    case FN_UNIX_MICROS:
        *rt = &type_bigint;
        if (!(args[0] = expect_arg(b, args[0], is_timestamp_type, &type_timestamp)))
            *bad = 0, *want = "\"TIMESTAMP\"";
        return true;
    case FN_TIMESTAMP_SECONDS: /* SecondsToTimestamp: ExpectsInputTypes NumericType (a STRING
                                  is refused, not cast) */
        *rt = &type_timestamp;
        if (!(args[0] = expect_arg(b, args[0], is_numeric_or_decimal, &type_double)))
            *bad = 0, *want = "\"NUMERIC\"";
        return true;
    case FN_TIMESTAMP_MILLIS:
    case FN_TIMESTAMP_MICROS: /* IntegralToTimestampBase: ExpectsInputTypes IntegralType */
        *rt = &type_timestamp;
        if (!(args[0] = expect_arg(b, args[0], type_is_integral, &type_bigint)))
            *bad = 0, *want = "\"INTEGRAL\"";
        return true;
    default:
        SL_UNREACHABLE();
    }
}

/* The TIMESTAMP ts shifted by fn (FN_FROM_UTC_TIMESTAMP or FN_TO_UTC_TIMESTAMP) with the zone
   *tz (Spark's parameter param of who, at tz_at), as sema_bind_utc_shift describes; NULL after
   an error, a NULL constant for a NULL zone. */
static SExpr *utc_shift(Binder *b, const AstExpr *e, SFunc fn, SChecked who, SExpr *ts, SExpr **tz,
                        const AstExpr *tz_at, int param)
{
    SExpr *null = sema_new_expr(b->sc, SX_CONST, &type_timestamp, e->span);
    null->u.value.is_null = true;
    if ((*tz)->kind == SX_CONST && (*tz)->u.value.is_null)
        return null;
    if (!zone_string(b, who, param, tz_at, tz))
        return NULL;
    CmZone z = {.kind = CM_ZONE_RULES};
    if (sema_fn_is_string_const(*tz) && !resolve_zone(b, tz_at, *tz, &z))
        return NULL;
    if (z.kind == CM_ZONE_RULES) { /* a region, or a zone the row gives */
        free(z.table);
        SExpr **call_args = ARENA_NEW_N(b->sc->arena, SExpr *, 2);
        call_args[0] = ts;
        call_args[1] = *tz;
        SExpr *c = sema_new_expr(b->sc, SX_CALL, &type_timestamp, e->span);
        c->u.call.fn = fn;
        c->u.call.args = call_args;
        c->u.call.n_args = 2;
        return c;
    }
    SExpr *d = sema_new_expr(b->sc, SX_CONST, &type_interval, e->span);
    d->u.value.i = (int64_t)(fn == FN_FROM_UTC_TIMESTAMP ? z.off_s : -z.off_s) * 1000000;
    SExpr *r = sema_new_expr(b->sc, SX_ARITH, &type_timestamp, e->span);
    r->u.bin.op = BOP_ADD;
    r->u.bin.lhs = ts;
    r->u.bin.rhs = d;
    return r;
}

/* from_utc_timestamp(ts, tz), to_utc_timestamp(ts, tz) (FromUTCTimestamp, ToUTCTimestamp:
   DateTimeUtils.fromUTCTime/toUTCTime, convertTz between UTC and tz).  A constant tz is
   resolved here (resolve_zone): a fixed offset binds as ts + or - the offset; a region binds
   as the call itself, which codegen lowers to srt_tz_from_utc/srt_tz_to_utc over the zone's
   rules read again from the tz database (cm_zone_resolve) and embedded as a constant.  Any
   other tz (a column) binds as the call too, lowered to srt_tz_shift_id, which reads the
   row's zone at run time (Spark's non-foldable doGenCode calls fromUTCTime per row). */
SExpr *sema_bind_utc_shift(Binder *b, const AstExpr *e, SFunc fn, SExpr **args)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    SChecked who = {e, NULL, sema_func_name(fn)};
    SExpr *ts = sema_to_timestamp(b, args[0]); /* UTCTimestamp: ImplicitCastInputTypes */
    if (!ts) {
        sema_unexpected_input(b, who, 1, "\"TIMESTAMP\"", asts[0], args[0]->type);
        return NULL;
    }
    return utc_shift(b, e, fn, who, ts, &args[1], asts[1], 2);
}

/* convert_timezone([sourceTz, ]targetTz, sourceTs) (Spark 3.5 ConvertTimezone:
   ImplicitCastInputTypes STRING, STRING, TIMESTAMP_NTZ; without sourceTz the session zone,
   CurrentTimeZone, UTC in sluice): DateTimeUtils.convertTimestampNtzToAnotherTz,
   microsToLocalDateTime(ts).atZone(sourceTz).withZoneSameInstant(targetTz).toLocalDateTime,
   which is to_utc_timestamp in sourceTz (atZone: a gap moves later, an overlap takes the
   earlier offset) then from_utc_timestamp in targetTz.  A TIMESTAMP_NTZ has the micros of
   the TIMESTAMP of the same local time in the session zone UTC, so the casts between the two
   change nothing. */
SExpr *sema_bind_convert_timezone(Binder *b, const AstExpr *e, SExpr **args, int n)
{
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    /* this(targetTz, sourceTs) is ConvertTimezone(CurrentTimeZone(), targetTz, sourceTs): its
       messages count the session zone as parameter 1 */
    SChecked who = {e, NULL, "convert_timezone"};
    if (n == 2)
        who.sql = arena_sprintf(b->sc->arena, "convert_timezone(current_timezone(), %s, %s)",
                                sema_expr_sql(b->sc, b->blk, asts[0]),
                                sema_expr_sql(b->sc, b->blk, asts[1]));
    SExpr *ts = args[n - 1];
    switch (ts->type->kind) {
    case TY_TIMESTAMP_NTZ:
    case TY_TIMESTAMP:
    case TY_DATE:
    case TY_STRING:
    case TY_NULL:
        ts = sema_coerce(b->sc, sema_coerce(b->sc, ts, &type_timestamp_ntz), &type_timestamp);
        break;
    default:
        sema_unexpected_input(b, who, 3, "\"TIMESTAMP_NTZ\"", asts[n - 1], ts->type);
        return NULL;
    }
    SExpr *session = sema_new_expr(b->sc, SX_CONST, &type_string, e->span);
    session->u.value.s = "UTC";
    session->u.value.n = 3;
    SExpr **src = n == 3 ? &args[0] : &session;
    SExpr *utc = utc_shift(b, e, FN_TO_UTC_TIMESTAMP, who, ts, src, n == 3 ? asts[0] : e, 1);
    SExpr *r =
        utc ? utc_shift(b, e, FN_FROM_UTC_TIMESTAMP, who, utc, &args[n - 2], asts[n - 2], 2) : NULL;
    return r ? sema_coerce(b->sc, r, &type_timestamp_ntz) : NULL;
}

void sema_check_pattern(Binder *b, const SExpr *pattern, CmDtPatternUse use)
{
    if (!sema_fn_is_string_const(pattern))
        return;
    uint32_t n = pattern->u.value.n;
    char *why = arena_alloc(b->sc->arena, CM_DT_PATTERN_MSG_ROOM(n));
    if (cm_dt_pattern_check(pattern->u.value.s, n, use, why))
        diag_error(b->sc->diag, pattern->span, "%s", why);
}

/* ==== timestampadd, timestampdiff ==== */

SExpr *sema_bind_timestamp_unit_fn(Binder *b, const AstExpr *e, bool add)
{
    SemaCtx *sc = b->sc;
    const AstExpr *const *asts = (const AstExpr *const *)e->u.call.args.items;
    const AstExpr *u = asts[0];
    int unit = -1;
    for (int i = 0; u->kind == AST_COLUMN && u->u.name.n == 1 && i < CM_TSU_COUNT; i++)
        if (strcasecmp(u->u.name.parts[0], cm_ts_unit_name(i)) == 0 &&
            (add || i != CM_TSU_DAYOFYEAR))
            unit = i;
    if (unit < 0) {
        StrBuf units;
        sb_init(&units, sc->arena);
        static const int order[] = {CM_TSU_YEAR,        CM_TSU_QUARTER,    CM_TSU_MONTH,
                                    CM_TSU_WEEK,        CM_TSU_DAY,        CM_TSU_DAYOFYEAR,
                                    CM_TSU_HOUR,        CM_TSU_MINUTE,     CM_TSU_SECOND,
                                    CM_TSU_MILLISECOND, CM_TSU_MICROSECOND};
        for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
            if (add || order[i] != CM_TSU_DAYOFYEAR)
                sb_printf(&units, "%s%s", i ? ", " : "", cm_ts_unit_name(order[i]));
        if (u->kind == AST_STRING) /* AstBuilder: QueryParsingErrors.invalidDatetimeUnitError */
            diag_error(
                sc->diag, u->span,
                "[INVALID_PARAMETER_VALUE.DATETIME_UNIT] The value of parameter(s) `unit` in "
                "`%s` is invalid: expects one of the units without quotes %s, but got the "
                "string literal '%s'.",
                e->u.call.name, units.data, u->u.str);
        else /* the grammar's datetimeUnit takes these words only */
            diag_error(sc->diag, u->span, "syntax error: the unit of %s must be one of %s",
                       e->u.call.name, units.data);
        return NULL;
    }
    SExpr *args[3];
    for (int i = 1; i < 3; i++)
        if (!(args[i] = sema_bind_expr(b, asts[i])))
            return NULL;
    /* TimestampAdd: (IntegerType, AnyTimestampType); TimestampDiff: (AnyTimestampType,
       AnyTimestampType), ImplicitCastInputTypes: numbers and strings cast to INT, a DATE or a
       STRING to TIMESTAMP */
    for (int i = 1; i < 3; i++) {
        SExpr *x = add && i == 1 ? sema_fn_int_arg(b, args[i]) : sema_to_any_timestamp(b, args[i]);
        if (!x) {
            sema_type_error(b, asts[i],
                            arena_sprintf(sc->arena, "function '%s' expects %s", e->u.call.name,
                                          add && i == 1 ? "an integer" : "a timestamp"),
                            asts[i], args[i]->type);
            return NULL;
        }
        args[i] = x;
    }
    args[0] = sema_new_expr(sc, SX_CONST, &type_int, u->span);
    args[0]->u.value.i = unit;
    /* TimestampAdd's type is its timestamp's: a TIMESTAMP_NTZ stays one */
    SExpr *r = sema_new_expr(sc, SX_CALL, add ? args[2]->type : &type_bigint, e->span);
    r->u.call.fn = add ? FN_TIMESTAMPADD : FN_TIMESTAMPDIFF;
    r->u.call.args = ARENA_NEW_N(sc->arena, SExpr *, 3);
    for (int i = 0; i < 3; i++)
        r->u.call.args[i] = args[i];
    r->u.call.n_args = 3;
    return r;
}

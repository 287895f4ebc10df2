/* type.c - SQL type singletons, constructors and printing. */
#include "base/type.h"

#include <ctype.h>
#include <strings.h>

#include "base/strbuf.h"
#include "common/cm_ansi_iv.h"

const Type type_null = {TY_NULL, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_boolean = {TY_BOOLEAN, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_int = {TY_INT, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_tinyint = {TY_TINYINT, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_smallint = {TY_SMALLINT, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_bigint = {TY_BIGINT, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_float = {TY_FLOAT, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_double = {TY_DOUBLE, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_string = {TY_STRING, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_binary = {TY_BINARY, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_timestamp = {TY_TIMESTAMP, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_timestamp_ntz = {TY_TIMESTAMP_NTZ, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_date = {TY_DATE, 0, 0, 0, 0, 0, 0, 0, 0};
const Type type_interval = {TY_INTERVAL, 0, 0, 0, 0, 0, 0, CM_DT_DAY, CM_DT_SECOND};

static const TypeField window_fields[2] = {{"start", &type_timestamp}, {"end", &type_timestamp}};
static const Type window_type = {TY_STRUCT, 2, window_fields, 0, 0, 0, 0, 0, 0};
static const TypeField window_ntz_fields[2] = {{"start", &type_timestamp_ntz},
                                               {"end", &type_timestamp_ntz}};
static const Type window_ntz_type = {TY_STRUCT, 2, window_ntz_fields, 0, 0, 0, 0, 0, 0};

const Type *type_window(void) { return &window_type; }

const Type *type_window_of(const Type *ts)
{
    return ts && ts->kind == TY_TIMESTAMP_NTZ ? &window_ntz_type : &window_type;
}

bool type_is_window(const Type *t)
{
    return type_equal(t, &window_type) || type_equal(t, &window_ntz_type);
}

const Type *type_decimal(int precision, int scale)
{
    static Type decimals[TYPE_DECIMAL_MAX_PRECISION + 1][TYPE_DECIMAL_MAX_PRECISION + 1];
    Type *t = &decimals[precision][scale];
    t->kind = TY_DECIMAL;
    t->precision = precision;
    t->scale = scale;
    return t;
}

const Type *type_dt_interval(int start, int end)
{
    static Type dt[4][4];
    if (start == CM_DT_DAY && end == CM_DT_SECOND)
        return &type_interval;
    Type *t = &dt[start][end];
    t->kind = TY_INTERVAL;
    t->start_field = start;
    t->end_field = end;
    return t;
}

const Type *type_ym_interval(int start, int end)
{
    static Type ym[2][2];
    Type *t = &ym[start][end];
    t->kind = TY_YM_INTERVAL;
    t->start_field = start;
    t->end_field = end;
    return t;
}

bool type_is_ansi_interval(const Type *t)
{
    return t->kind == TY_INTERVAL || t->kind == TY_YM_INTERVAL;
}

bool type_is_any_timestamp(const Type *t)
{
    return t->kind == TY_TIMESTAMP || t->kind == TY_TIMESTAMP_NTZ;
}

const Type *type_struct(Arena *arena, int n_fields, const TypeField *fields)
{
    Type *t = ARENA_NEW(arena, Type);
    TypeField *f = ARENA_NEW_N(arena, TypeField, n_fields ? n_fields : 1);
    for (int i = 0; i < n_fields; i++)
        f[i] = fields[i];
    t->kind = TY_STRUCT;
    t->n_fields = n_fields;
    t->fields = f;
    return t;
}

const Type *type_array(Arena *arena, const Type *elem)
{
    Type *t = ARENA_NEW(arena, Type);
    t->kind = TY_ARRAY;
    t->elem = elem;
    return t;
}

const Type *type_map(Arena *arena, const Type *key, const Type *value)
{
    Type *t = ARENA_NEW(arena, Type);
    t->kind = TY_MAP;
    t->key = key;
    t->elem = value;
    return t;
}

bool type_has_map(const Type *t)
{
    if (t->kind == TY_MAP)
        return true;
    if (t->kind == TY_ARRAY)
        return type_has_map(t->elem);
    for (int i = 0; t->kind == TY_STRUCT && i < t->n_fields; i++)
        if (type_has_map(t->fields[i].type))
            return true;
    return false;
}

bool type_equal(const Type *a, const Type *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->kind != b->kind)
        return false;
    if (a->kind == TY_ARRAY)
        return type_equal(a->elem, b->elem);
    if (a->kind == TY_MAP)
        return type_equal(a->key, b->key) && type_equal(a->elem, b->elem);
    if (a->kind == TY_DECIMAL)
        return a->precision == b->precision && a->scale == b->scale;
    if (type_is_ansi_interval(a))
        return a->start_field == b->start_field && a->end_field == b->end_field;
    if (a->kind == TY_STRUCT) {
        if (a->n_fields != b->n_fields)
            return false;
        for (int i = 0; i < a->n_fields; i++)
            if (strcasecmp(a->fields[i].name, b->fields[i].name) != 0 ||
                !type_equal(a->fields[i].type, b->fields[i].type))
                return false;
    }
    return true;
}

bool type_is_numeric(const Type *t)
{
    return type_is_integral(t) || type_is_fractional(t);
}

bool type_is_bytes(const Type *t) { return t->kind == TY_STRING || t->kind == TY_BINARY; }

bool type_is_nested(const Type *t)
{
    return t->kind == TY_STRUCT || t->kind == TY_ARRAY || t->kind == TY_MAP;
}

bool type_try_cast_own(const Type *from, const Type *to)
{
    TypeKind f = from->kind, t = to->kind;
    if (f == TY_MAP || f == TY_ARRAY || f == TY_STRUCT) /* element by element */
        return t == f;
    if (t == TY_BIGINT && f == TY_TIMESTAMP)
        return false;
    if (type_is_ansi_interval(from) != type_is_ansi_interval(to)) /* a number or a STRING */
        return t != TY_STRING;
    return (type_is_integral(to) &&
            (type_int_bits(from) > type_int_bits(to) || type_is_fractional(from) ||
             f == TY_DECIMAL || f == TY_TIMESTAMP || f == TY_STRING)) ||
           (t == TY_TIMESTAMP && (f == TY_BIGINT || type_is_fractional(from)));
}

bool type_is_int32(const Type *t)
{
    return t->kind == TY_INT || t->kind == TY_SMALLINT || t->kind == TY_TINYINT;
}

bool type_is_integral(const Type *t)
{
    return type_is_int32(t) || t->kind == TY_BIGINT;
}

int type_int_bits(const Type *t)
{
    switch (t->kind) {
    case TY_TINYINT:
        return 8;
    case TY_SMALLINT:
        return 16;
    case TY_INT:
        return 32;
    case TY_BIGINT:
        return 64;
    default:
        return 0;
    }
}

const Type *type_decimal_for(const Type *t)
{
    static const int digits[] = {0, 3, 5, 0, 10, 0, 0, 0, 20}; /* by bits / 8 */
    if (t->kind == TY_DECIMAL)
        return t;
    if (t->kind == TY_FLOAT || t->kind == TY_DOUBLE)
        return t->kind == TY_FLOAT ? type_decimal(14, 7) : type_decimal(30, 15);
    return type_decimal(digits[type_int_bits(t) / 8], 0);
}

bool type_is_fractional(const Type *t) { return t->kind == TY_FLOAT || t->kind == TY_DOUBLE; }

int type_field_index(const Type *t, const char *name)
{
    if (t->kind != TY_STRUCT)
        return -1;
    for (int i = 0; i < t->n_fields; i++)
        if (strcasecmp(t->fields[i].name, name) == 0)
            return i;
    return -1;
}

static void put_type(StrBuf *sb, const Type *t, int sql)
{
    static const char *names[] = {"void",   "boolean",   "int",      "tinyint",      "smallint",
                                  "bigint", "float",     "double",   "decimal",      "string",
                                  "binary", "timestamp", "date",     "interval",     "struct",
                                  "array",  "map",       "interval", "timestamp_ntz"};
    const char *n = names[t->kind];
    if (t->kind == TY_INTERVAL) {
        sb_puts(sb, cm_dt_type_name(t->start_field, t->end_field, sql));
    } else if (t->kind == TY_YM_INTERVAL) {
        sb_puts(sb, cm_ym_type_name(t->start_field, t->end_field, sql));
    } else if (t->kind == TY_STRUCT) {
        sb_puts(sb, sql ? "STRUCT<" : "struct<");
        for (int i = 0; i < t->n_fields; i++) {
            if (i)
                sb_puts(sb, sql ? ", " : ",");
            sb_puts(sb, t->fields[i].name);
            sb_puts(sb, sql ? " " : ":");
            put_type(sb, t->fields[i].type, sql);
        }
        sb_putc(sb, '>');
    } else if (t->kind == TY_ARRAY) {
        sb_puts(sb, sql ? "ARRAY<" : "array<");
        put_type(sb, t->elem, sql);
        sb_putc(sb, '>');
    } else if (t->kind == TY_MAP) {
        sb_puts(sb, sql ? "MAP<" : "map<");
        put_type(sb, t->key, sql);
        sb_puts(sb, sql ? ", " : ",");
        put_type(sb, t->elem, sql);
        sb_putc(sb, '>');
    } else if (t->kind == TY_DECIMAL) {
        sb_printf(sb, "%s(%d,%d)", sql ? "DECIMAL" : "decimal", t->precision, t->scale);
    } else if (sql) {
        for (const char *p = n; *p; p++)
            sb_putc(sb, (char)toupper((unsigned char)*p));
    } else {
        sb_puts(sb, n);
    }
}

const char *type_name(Arena *arena, const Type *t)
{
    StrBuf sb;
    sb_init(&sb, arena);
    put_type(&sb, t, 0);
    return sb.data;
}

const char *type_sql_name(Arena *arena, const Type *t)
{
    StrBuf sb;
    sb_init(&sb, arena);
    put_type(&sb, t, 1);
    return sb.data;
}

bool type_is_csv_field(const Type *t)
{
    switch (t->kind) {
    case TY_STRING:
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT:
    case TY_BOOLEAN:
    case TY_DOUBLE:
    case TY_FLOAT:
    case TY_DECIMAL:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ:
    case TY_DATE:
    case TY_INTERVAL: /* UnivocityParser/Generator: the ANSI text (castStringToDTInterval ...) */
    case TY_YM_INTERVAL:
        return true;
    default:
        return false;
    }
}

/* srt_type.c - column types: parse the Spark simpleStrings generated code registers
** ("bigint", "struct<start:timestamp,end:timestamp>", "array<string>", "map<string,int>") and
** print them.
*/
#include <string.h>

#include "common/cm_ansi_iv.h"
#include "srt_int.h"

typedef struct TypeParser {
    SrtArena *arena;
    const char *text; /* the whole string, for messages */
    const char *p;
    SrtErr *err;
} TypeParser;

static const struct {
    const char *name;
    SrtKind kind;
} scalar_names[] = {
    {"boolean", SRT_T_BOOLEAN},     {"int", SRT_T_INT},
    {"integer", SRT_T_INT},         {"tinyint", SRT_T_TINYINT},
    {"byte", SRT_T_TINYINT},        {"smallint", SRT_T_SMALLINT},
    {"short", SRT_T_SMALLINT},      {"bigint", SRT_T_BIGINT},
    {"long", SRT_T_BIGINT},         {"double", SRT_T_DOUBLE},
    {"float", SRT_T_FLOAT},         {"real", SRT_T_FLOAT},
    {"string", SRT_T_STRING},       {"binary", SRT_T_BINARY},
    {"timestamp", SRT_T_TIMESTAMP}, {"timestamp_ntz", SRT_T_TIMESTAMP_NTZ},
    {"date", SRT_T_DATE},           {"void", SRT_T_VOID},
};

static const SrtType scalar_types[] = {
    [SRT_T_BOOLEAN] = {SRT_T_BOOLEAN, 0, NULL, NULL},
    [SRT_T_INT] = {SRT_T_INT, 0, NULL, NULL},
    [SRT_T_TINYINT] = {SRT_T_TINYINT, 0, NULL, NULL},
    [SRT_T_SMALLINT] = {SRT_T_SMALLINT, 0, NULL, NULL},
    [SRT_T_BIGINT] = {SRT_T_BIGINT, 0, NULL, NULL},
    [SRT_T_DOUBLE] = {SRT_T_DOUBLE, 0, NULL, NULL},
    [SRT_T_FLOAT] = {SRT_T_FLOAT, 0, NULL, NULL},
    [SRT_T_STRING] = {SRT_T_STRING, 0, NULL, NULL},
    [SRT_T_BINARY] = {SRT_T_BINARY, 0, NULL, NULL},
    [SRT_T_TIMESTAMP] = {SRT_T_TIMESTAMP, 0, NULL, NULL},
    [SRT_T_TIMESTAMP_NTZ] = {SRT_T_TIMESTAMP_NTZ, 0, NULL, NULL},
    [SRT_T_DATE] = {SRT_T_DATE, 0, NULL, NULL},
    [SRT_T_VOID] = {SRT_T_VOID, 0, NULL, NULL},
};

static int is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static void skip_ws(TypeParser *tp)
{
    while (*tp->p == ' ')
        tp->p++;
}

static int bad(TypeParser *tp, const char *what)
{
    return srt_err_set(tp->err, SRT_ERR_QUERY, "invalid column type '%s': %s at offset %d", tp->text,
                       what, (int)(tp->p - tp->text));
}

static int parse_type(TypeParser *tp, const SrtType **out, int depth);

/* A field name: a word, or `backquoted` text. */
static int parse_name(TypeParser *tp, const char **name)
{
    const char *s = tp->p;
    size_t n;
    if (*s == '`') {
        const char *e = strchr(s + 1, '`');
        if (!e)
            return bad(tp, "unterminated `name`");
        n = (size_t)(e - s - 1);
        s++;
        tp->p = e + 1;
    } else {
        while (is_word(*tp->p))
            tp->p++;
        n = (size_t)(tp->p - s);
        if (n == 0)
            return bad(tp, "expected a field name");
    }
    char *d = srt_arena_alloc(tp->arena, n + 1);
    if (!d)
        return srt_err_nomem(tp->err, "column types");
    memcpy(d, s, n);
    d[n] = '\0';
    *name = d;
    return 0;
}

static int parse_struct(TypeParser *tp, const SrtType **out, int depth)
{
    SrtField fields[256];
    uint32_t n = 0;
    skip_ws(tp);
    while (*tp->p != '>') {
        if (n == sizeof fields / sizeof fields[0])
            return bad(tp, "too many struct fields");
        int rc = parse_name(tp, &fields[n].name);
        if (rc < 0)
            return rc;
        skip_ws(tp);
        if (*tp->p != ':')
            return bad(tp, "expected ':'");
        tp->p++;
        skip_ws(tp);
        if ((rc = parse_type(tp, &fields[n].type, depth + 1)) < 0)
            return rc;
        n++;
        skip_ws(tp);
        if (*tp->p == ',') {
            tp->p++;
            skip_ws(tp);
        } else if (*tp->p != '>') {
            return bad(tp, "expected ',' or '>'");
        }
    }
    tp->p++;
    SrtType *t = srt_arena_alloc(tp->arena, sizeof *t);
    SrtField *f = srt_arena_alloc(tp->arena, sizeof *f * (n ? n : 1));
    if (!t || !f)
        return srt_err_nomem(tp->err, "column types");
    memcpy(f, fields, sizeof *f * n);
    t->kind = SRT_T_STRUCT;
    t->n_fields = n;
    t->fields = f;
    t->elem = NULL;
    *out = t;
    return 0;
}

static int parse_int(TypeParser *tp, int32_t *v)
{
    skip_ws(tp);
    if (*tp->p < '0' || *tp->p > '9')
        return bad(tp, "expected a number");
    *v = 0;
    while (*tp->p >= '0' && *tp->p <= '9' && *v < 1000)
        *v = *v * 10 + (*tp->p++ - '0');
    skip_ws(tp);
    return 0;
}

/* decimal(p,s) with 1 <= p <= 38 and 0 <= s <= p (Spark's DecimalType). */
static int parse_decimal(TypeParser *tp, const SrtType **out)
{
    int32_t p, s;
    tp->p++;
    int rc = parse_int(tp, &p);
    if (rc < 0)
        return rc;
    if (*tp->p != ',')
        return bad(tp, "expected ','");
    tp->p++;
    if ((rc = parse_int(tp, &s)) < 0)
        return rc;
    if (*tp->p != ')')
        return bad(tp, "expected ')'");
    tp->p++;
    if (p < 1 || p > 38 || s > p)
        return bad(tp, "decimal precision or scale out of range");
    SrtType *t = srt_arena_alloc(tp->arena, sizeof *t);
    if (!t)
        return srt_err_nomem(tp->err, "column types");
    memset(t, 0, sizeof *t);
    t->kind = SRT_T_DECIMAL;
    t->precision = p;
    t->scale = s;
    *out = t;
    return 0;
}

/* "interval day to second", "interval year" (the simpleStrings of DayTimeIntervalType and
   YearMonthIntervalType, cm_ansi_iv.h): after "interval", the longest name that matches. */
static int parse_interval(TypeParser *tp, const char *s, const SrtType **out)
{
    for (int dt = 1; dt >= 0; dt--)
        for (int to = dt ? CM_DT_SECOND : CM_YM_MONTH; to >= 0; to--)
            for (int from = 0; from <= to; from++) {
                const char *name =
                    dt ? cm_dt_type_name(from, to, false) : cm_ym_type_name(from, to, false);
                size_t n = strlen(name);
                if (strncmp(s, name, n) != 0 || is_word(s[n]))
                    continue;
                SrtType *t = srt_arena_alloc(tp->arena, sizeof *t);
                if (!t)
                    return srt_err_nomem(tp->err, "column types");
                memset(t, 0, sizeof *t);
                t->kind = dt ? SRT_T_DT_INTERVAL : SRT_T_YM_INTERVAL;
                t->precision = from;
                t->scale = to;
                tp->p = s + n;
                *out = t;
                return 0;
            }
    return bad(tp, "unknown interval type");
}

static int parse_type(TypeParser *tp, const SrtType **out, int depth)
{
    if (depth > 64)
        return bad(tp, "nested too deeply");
    const char *s = tp->p;
    while (is_word(*tp->p))
        tp->p++;
    size_t n = (size_t)(tp->p - s);
    for (size_t i = 0; i < sizeof scalar_names / sizeof scalar_names[0]; i++) {
        if (strlen(scalar_names[i].name) == n && strncmp(s, scalar_names[i].name, n) == 0) {
            *out = &scalar_types[scalar_names[i].kind];
            return 0;
        }
    }
    if (n == 7 && strncmp(s, "decimal", 7) == 0 && *tp->p == '(')
        return parse_decimal(tp, out);
    if (n == 8 && strncmp(s, "interval", 8) == 0)
        return parse_interval(tp, s, out);
    if (*tp->p != '<') {
        tp->p = s;
        return bad(tp, "unknown type");
    }
    if (n == 6 && strncmp(s, "struct", 6) == 0) {
        tp->p++;
        return parse_struct(tp, out, depth);
    }
    int is_map = n == 3 && strncmp(s, "map", 3) == 0;
    if (is_map || (n == 5 && strncmp(s, "array", 5) == 0)) {
        const SrtType *params[2] = {NULL, NULL}; /* array<elem>, map<key,value> */
        tp->p++;
        for (int i = 0; i < 1 + is_map; i++) {
            skip_ws(tp);
            if (i && *tp->p != ',')
                return bad(tp, "expected ','");
            tp->p += i;
            skip_ws(tp);
            int rc = parse_type(tp, &params[i], depth + 1);
            if (rc < 0)
                return rc;
            skip_ws(tp);
        }
        if (*tp->p != '>')
            return bad(tp, "expected '>'");
        tp->p++;
        SrtType *t = srt_arena_alloc(tp->arena, sizeof *t);
        if (!t)
            return srt_err_nomem(tp->err, "column types");
        memset(t, 0, sizeof *t);
        t->kind = is_map ? SRT_T_MAP : SRT_T_ARRAY;
        t->key = is_map ? params[0] : NULL;
        t->elem = params[is_map];
        *out = t;
        return 0;
    }
    tp->p = s;
    return bad(tp, "unknown type");
}

int srt_type_parse(SrtArena *a, const char *text, const SrtType **out, SrtErr *err)
{
    TypeParser tp = {a, text, text, err};
    skip_ws(&tp);
    int rc = parse_type(&tp, out, 0);
    if (rc < 0)
        return rc;
    skip_ws(&tp);
    if (*tp.p != '\0')
        return bad(&tp, "unexpected text");
    return 0;
}

void srt_type_print(const SrtType *t, SrtBuf *b)
{
    static const char *const names[] = {
        [SRT_T_BOOLEAN] = "boolean",
        [SRT_T_INT] = "int",
        [SRT_T_BIGINT] = "bigint",
        [SRT_T_TINYINT] = "tinyint",
        [SRT_T_SMALLINT] = "smallint",
        [SRT_T_DOUBLE] = "double",
        [SRT_T_FLOAT] = "float",
        [SRT_T_STRING] = "string",
        [SRT_T_BINARY] = "binary",
        [SRT_T_TIMESTAMP] = "timestamp",
        [SRT_T_DATE] = "date",
        [SRT_T_VOID] = "void",
        [SRT_T_TIMESTAMP_NTZ] = "timestamp_ntz",
    };
    switch (t->kind) {
    case SRT_T_STRUCT:
        srt_buf_puts(b, "struct<");
        for (uint32_t i = 0; i < t->n_fields; i++) {
            if (i)
                srt_buf_putc(b, ',');
            srt_buf_puts(b, t->fields[i].name);
            srt_buf_putc(b, ':');
            srt_type_print(t->fields[i].type, b);
        }
        srt_buf_putc(b, '>');
        break;
    case SRT_T_ARRAY:
        srt_buf_puts(b, "array<");
        srt_type_print(t->elem, b);
        srt_buf_putc(b, '>');
        break;
    case SRT_T_MAP:
        srt_buf_puts(b, "map<");
        srt_type_print(t->key, b);
        srt_buf_putc(b, ',');
        srt_type_print(t->elem, b);
        srt_buf_putc(b, '>');
        break;
    case SRT_T_DECIMAL:
        srt_buf_printf(b, "decimal(%d,%d)", (int)t->precision, (int)t->scale);
        break;
    case SRT_T_DT_INTERVAL:
        srt_buf_puts(b, cm_dt_type_name(t->precision, t->scale, false));
        break;
    case SRT_T_YM_INTERVAL:
        srt_buf_puts(b, cm_ym_type_name(t->precision, t->scale, false));
        break;
    default:
        srt_buf_puts(b, names[t->kind]);
        break;
    }
}

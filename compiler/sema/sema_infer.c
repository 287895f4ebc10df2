/* sema_infer.c - files sources: format options, the text format's fixed schema, and
** schema inference from the files present at build time.
**
** This file is the one documented exception to "sema must not touch the file system"
** (sema.h): with `inferSchema = true` and no column list, the schema of a `files`
** source or table is read from the files in `path` (relative to the current
** directory) when the script is checked, listed as the runtime's files source lists
** them: top-level regular files (symbolic links followed) whose names do not start
** with '.' or '_', oldest first (modification time, then name; newest first with
** latestFirst = true).
**
** Bounds: at most INFER_MAX_FILES (10,000) files, INFER_MAX_RECORDS (1,000) records
** per file and INFER_MAX_BYTES (10 MB) in total are read; a line that would cross the
** byte bound is not read.  Spark reads everything (samplingRatio = 1.0); the bounds
** keep builds fast and predictable, and a schema that shows up later needs a column
** list.
**
** JSON, as Spark's JsonInferSchema: one value per line (blank lines skipped); integer
** -> bigint (beyond 64 bits: decimal(digits, 0), beyond 38 digits: double), number with a
** fraction or exponent -> double (common/cm_json_lex.h), true/false -> boolean, string -> string (no timestamp
** inference; an empty string counts as null), object -> struct with its fields sorted
** by name (byte order), array -> array of the merged element type.  Types merge as
** compatibleType does: null + t -> t, bigint + double -> double, decimal + double -> double,
** decimal + decimal or bigint (as decimal(20,0)) -> the wider range and scale (double beyond
** 38 digits), struct + struct ->
** field by field, array + array -> merged elements, anything else -> string.  At the
** end a type seen only as null (or an empty array's element) becomes string, fields
** with empty names and structs without fields are dropped.  A top-level array
** contributes its (merged) element type.  A line that is not strict JSON (RFC 8259,
** as the runtime's reader) or whose value is not an object adds the corrupt-record
** column (columnNameOfCorruptRecord, STRING) in PERMISSIVE mode, is skipped in
** DROPMALFORMED mode and is an error in FAILFAST mode.
**
** CSV, as Spark's CSVInferSchema: names from the first line when header = true (empty
** -> _c<i>, case-insensitive duplicates -> <name><i>), else _c0, _c1, ...; lines equal
** to the header line are skipped in every file; per column the type widens along
** int -> bigint -> decimal (java.math.BigDecimal of scale 0, at most 38 digits) -> double,
** else timestamp (Spark's stringToTimestamp, cm_ts_parse_zoned: a region zone is read from
** the tz database, as the reader reads it at run time), boolean, string, trying from the
** type seen so far; empty fields are ignored and a column with none -> string.  Fields are
** split, and numbers read, as the reader does (common/cm_csv_lex.h, common/cm_text.h).
**
** Text: `value STRING`; a column list must be one STRING column.
*/
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "common/cm_csv_lex.h"
#include "common/cm_csv_ml.h"
#include "common/cm_dtparse.h"
#include "common/cm_files.h"
#include "common/cm_json_lex.h"
#include "common/cm_json_opts.h"
#include "common/cm_text.h"
#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "sema/sema_int.h"

#define INFER_MAX_FILES 10000
#define INFER_MAX_RECORDS 1000
#define INFER_MAX_BYTES ((size_t)10 << 20)
#define INFER_MAX_FIELDS 10000 /* per struct: more is refused rather than slow */
#define INFER_MAX_DEPTH 512    /* nesting, as the runtime's JSON reader */
#define INFER_ORDER_MAX 256    /* top-level keys whose order is noted (SSource.key_order) */

/* ==== Options ==== */

static bool written(const AstStmt *st, const char *key)
{
    for (int i = 0; i < st->n_options; i++)
        if (st->options[i].key && strcasecmp(st->options[i].key, key) == 0)
            return true;
    return false;
}

/* The CSV reader's options, checked as Spark's CSVOptions does. */
typedef struct CsvConf {
    char sep[64];
    size_t sep_n;
    char quote[8]; /* one UTF-8 character; quote_n == 0: quoting off */
    size_t quote_n;
    char esc[8];
    size_t esc_n;
    bool header;
} CsvConf;

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Spark's CSVExprUtils.toDelimiterStr: characters, with \t \r \b \f \" \' \\ decoded. */
static bool csv_sep(SemaCtx *sc, const SOption *o, CsvConf *c)
{
    const char *v = o->value;
    if (!*v) {
        diag_error(sc->diag, o->value_span, "Delimiter cannot be empty string");
        return false;
    }
    c->sep_n = 0;
    for (const char *p = v; *p;) {
        char ch = *p;
        size_t take = 1;
        if (*p == '\\') {
            static const char from[] = "trbf\"'\\", to[] = "\t\r\b\f\"'\\";
            const char *k = p[1] ? strchr(from, p[1]) : NULL;
            if (!p[1]) {
                diag_error(sc->diag, o->value_span,
                           "Single backslash is prohibited. It has special meaning as beginning "
                           "of an escape sequence. To get the backslash character, pass a string "
                           "with two backslashes as the delimiter.");
                return false;
            }
            if (!k) {
                diag_error(sc->diag, o->value_span,
                           "Unsupported special character for delimiter: \\%c", p[1]);
                return false;
            }
            ch = to[k - from];
            p += 2;
        } else {
            while ((unsigned char)p[take] >= 0x80 && ((unsigned char)p[take] & 0xC0) == 0x80)
                take++;
            if (c->sep_n + take >= sizeof c->sep)
                break;
            memcpy(c->sep + c->sep_n, p, take);
            c->sep_n += take;
            p += take;
            continue;
        }
        if (c->sep_n + 1 >= sizeof c->sep)
            break;
        c->sep[c->sep_n++] = ch;
    }
    if (c->sep_n == 0 || strchr(v, '\n') || strchr(v, '\r')) {
        diag_error(sc->diag, o->value_span, "invalid delimiter '%s'", v);
        return false;
    }
    return true;
}

/* Spark's CSVOptions.getChar: empty turns the feature off, else exactly one character. */
static bool csv_char(SemaCtx *sc, const SOption *o, char *out, size_t *n)
{
    size_t len = strlen(o->value);
    if (len == 0) {
        *n = 0;
        return true;
    }
    if (utf8_len(o->value) != 1 || len >= 8) {
        diag_error(sc->diag, o->value_span, "%s cannot be more than one character", o->key);
        return false;
    }
    memcpy(out, o->value, len);
    *n = len;
    return true;
}

static bool csv_conf(SemaCtx *sc, const SOptions *opts, CsvConf *c)
{
    memset(c, 0, sizeof *c);
    c->sep[0] = ',';
    c->sep_n = 1;
    c->quote[0] = '"';
    c->quote_n = 1;
    c->esc[0] = '\\';
    c->esc_n = 1;
    bool ok = true;
    const SOption *o = soptions_find(opts, "sep");
    if (o)
        ok &= csv_sep(sc, o, c);
    if ((o = soptions_find(opts, "quote")) != NULL)
        ok &= csv_char(sc, o, c->quote, &c->quote_n);
    if ((o = soptions_find(opts, "escape")) != NULL)
        ok &= csv_char(sc, o, c->esc, &c->esc_n);
    o = soptions_find(opts, "header");
    c->header = o && strcmp(o->value, "true") == 0;
    return ok;
}

/* The CSV reader's defaults mean nothing to other formats: keep them out of their options. */
static void drop_csv_defaults(SSource *src)
{
    static const char *const keys[] = {"header", "sep", "quote", "escape"};
    int k = 0;
    for (int i = 0; i < src->options.n; i++) {
        const SOption *o = &src->options.items[i];
        bool drop = false;
        for (size_t j = 0; o->is_default && j < sizeof keys / sizeof keys[0]; j++)
            drop |= strcmp(o->key, keys[j]) == 0;
        if (!drop)
            src->options.items[k++] = *o;
    }
    src->options.n = k;
}

/* ==== The run of one inference ==== */

typedef enum ParseMode { PM_PERMISSIVE, PM_DROPMALFORMED, PM_FAILFAST } ParseMode;

typedef enum JKind {
    JK_NULL,
    JK_BOOL,
    JK_LONG,
    JK_DECIMAL,
    JK_DOUBLE,
    JK_STRING,
    JK_STRUCT,
    JK_ARRAY
} JKind;

typedef struct JType JType;
typedef struct JField {
    const char *name;
    size_t len; /* strlen(name) */
    JType *type;
} JField;

/* A type being inferred: mutable, each node owned by exactly one parent. */
struct JType {
    JKind kind;
    int n, cap; /* JK_STRUCT: fields sorted by name (strcmp) */
    JField *fields;
    JType *elem; /* JK_ARRAY */
    int prec, scale; /* JK_DECIMAL */
    /* JK_STRUCT in the schema: hint[k] is where the k-th key of the last object merged into
       it was found (json_fast: records of one producer repeat their keys in order) */
    int *hint;
    int nhint, hcap;
};

/* A change json_fast made to the schema, to undo if the record turns out to need
   json_record_tree: the node as it was, and the field inserted (ins >= 0). */
typedef struct JUndo {
    JType *node;
    JType old;
    int ins;
} JUndo;

typedef enum CKind {
    CK_NULL,
    CK_INT,
    CK_LONG,
    CK_DECIMAL,
    CK_DOUBLE,
    CK_DATE, /* only with prefersDate (schema_of_csv) */
    CK_TIMESTAMP,
    CK_BOOL,
    CK_STRING
} CKind;

/* A CSV column's type so far: a kind, and precision and scale for CK_DECIMAL. */
typedef struct CType {
    CKind kind;
    int prec, scale;
} CType;

typedef struct Infer {
    SemaCtx *sc;
    SSource *src;
    const SReadOpts *ro; /* JSONOptions' inference options (the source's, schema_of_json's) */
    const char *path;
    SrcSpan path_at; /* file system errors */
    SrcSpan at;      /* inference errors: the inferSchema option */
    bool csv;
    const char *line_sep; /* the lineSep option, NULL: not set (read_line) */
    bool whole;           /* json multiLine = true: a file is one record */
    bool failed;      /* an error was reported: stop */
    size_t budget;    /* bytes left to read */
    long records;     /* records seen in all files */
    const char *file; /* being read, for messages */
    long line_no;
    Arena work; /* the type being built */
    Arena temp; /* one record */
    /* JSON */
    ParseMode mode;
    const char *corrupt_name;
    JType *root;
    bool corrupt;
    bool too_many;
    bool neg_scale; /* prefersDecimal met a number of negative scale: the inference fails */
    int scale;      /* that scale */
    JUndo *undo; /* malloc'd; this record's changes to root */
    int n_undo, undo_cap;
    int root_keys; /* the keys of the last object jf_object merged into root */
    int *order;    /* where the keys of the last record that had all of root's fields were found
                      among them, in its order (root's hints then) */
    int n_order, order_cap;
    /* CSV */
    CsvConf conf;
    bool have_first;
    char *first;
    size_t first_n;
    int ncols;
    const char **names;
    CType *ctypes;
} Infer;

static void infer_error_at(Infer *in, SrcSpan at, const char *msg)
{
    if (!in->failed)
        diag_error(in->sc->diag, at, "%s", msg);
    in->failed = true;
}

/* ==== JSON values into types ==== */

typedef struct JParse {
    Infer *in;
    Arena *a;
    const char *p, *end;
} JParse;

static JType *jt_new(Arena *a, JKind kind)
{
    JType *t = ARENA_NEW(a, JType);
    t->kind = kind;
    return t;
}

static JType *jt_copy(Arena *a, const JType *s)
{
    JType *t = jt_new(a, s->kind);
    t->prec = s->prec;
    t->scale = s->scale;
    if (s->kind == JK_ARRAY) {
        t->elem = jt_copy(a, s->elem);
    } else if (s->kind == JK_STRUCT && s->n) {
        t->fields = ARENA_NEW_N(a, JField, s->n);
        t->n = t->cap = s->n;
        for (int i = 0; i < s->n; i++) {
            t->fields[i].name = arena_strdup(a, s->fields[i].name);
            t->fields[i].len = s->fields[i].len;
            t->fields[i].type = jt_copy(a, s->fields[i].type);
        }
    }
    return t;
}

/* The slot of field `name` in struct st, added (as null) if absent; NULL past the bound. */
static JType **jt_field(Infer *in, Arena *a, JType *st, const char *name, bool copy_name)
{
    int lo = 0, hi = st->n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(st->fields[mid].name, name);
        if (c == 0)
            return &st->fields[mid].type;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (st->n >= INFER_MAX_FIELDS) {
        in->too_many = true;
        return NULL;
    }
    if (st->n == st->cap) {
        int cap = st->cap ? st->cap * 2 : 8;
        st->fields = arena_realloc(a, st->fields, sizeof(JField) * (size_t)st->cap,
                                   sizeof(JField) * (size_t)cap);
        st->cap = cap;
    }
    memmove(&st->fields[lo + 1], &st->fields[lo], sizeof(JField) * (size_t)(st->n - lo));
    st->n++;
    st->fields[lo].name = copy_name ? arena_strdup(a, name) : name;
    st->fields[lo].len = strlen(name);
    st->fields[lo].type = jt_new(a, JK_NULL);
    return &st->fields[lo].type;
}

/* Spark's widening of two decimal types (JsonInferSchema.compatibleType, CSVInferSchema.
   findCompatibleTypeForCSV): the larger integral range and the larger scale, a DoubleType
   (false) beyond 38 digits.  An integral type takes part as DecimalType.forType: int as
   decimal(10,0), bigint as decimal(20,0). */
static bool decimal_widen(int p1, int s1, int p2, int s2, int *p, int *s)
{
    int scale = s1 > s2 ? s1 : s2;
    int range = p1 - s1 > p2 - s2 ? p1 - s1 : p2 - s2;
    if (range + scale > 38)
        return false;
    *p = range + scale;
    *s = scale;
    return true;
}

/* Spark's compatibleType(dst, src) into dst (changed in place when it can be); nodes of
   src are adopted, or copied into a when copy is set. */
static JType *jt_merge(Infer *in, Arena *a, JType *dst, JType *src, bool copy)
{
    if (src->kind == JK_NULL)
        return dst;
    if (dst->kind == JK_NULL)
        return copy ? jt_copy(a, src) : src;
    if (dst->kind == src->kind) {
        if (dst->kind == JK_STRUCT) {
            for (int i = 0; i < src->n; i++) {
                JType **slot = jt_field(in, a, dst, src->fields[i].name, copy);
                if (!slot)
                    return dst;
                *slot = jt_merge(in, a, *slot, src->fields[i].type, copy);
            }
        } else if (dst->kind == JK_ARRAY) {
            dst->elem = jt_merge(in, a, dst->elem, src->elem, copy);
        } else if (dst->kind == JK_DECIMAL &&
                   !decimal_widen(dst->prec, dst->scale, src->prec, src->scale, &dst->prec,
                                  &dst->scale)) {
            dst->kind = JK_DOUBLE;
        }
        return dst;
    }
    bool dnum = dst->kind == JK_LONG || dst->kind == JK_DECIMAL || dst->kind == JK_DOUBLE;
    bool snum = src->kind == JK_LONG || src->kind == JK_DECIMAL || src->kind == JK_DOUBLE;
    if (dnum && snum) {
        /* bigint + double, or double + decimal: double; bigint + decimal: as decimal(20,0) */
        if (dst->kind == JK_DOUBLE || src->kind == JK_DOUBLE ||
            !decimal_widen(dst->kind == JK_LONG ? 20 : dst->prec,
                           dst->kind == JK_LONG ? 0 : dst->scale,
                           src->kind == JK_LONG ? 20 : src->prec,
                           src->kind == JK_LONG ? 0 : src->scale, &dst->prec, &dst->scale))
            dst->kind = JK_DOUBLE;
        else
            dst->kind = JK_DECIMAL;
        return dst;
    }
    dst->kind = JK_STRING;
    dst->n = dst->cap = 0;
    dst->fields = NULL;
    dst->elem = NULL;
    return dst;
}

static void j_ws(JParse *jp)
{
    while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' || *jp->p == '\r' || *jp->p == '\n'))
        jp->p++;
}

/* After a scalar token: whitespace, a separator, a closing bracket or the end. */
static bool j_token_end(const JParse *jp)
{
    return cm_json_token_end(jp->p, jp->end);
}

/* A string at p (on its quote, '"' or '\'': Spark's allowSingleQuotes, on by default),
   decoded into the record arena as the reader decodes it (common/cm_json_lex.h); false if
   malformed. */
static bool j_string(JParse *jp, const char **out, size_t *out_n)
{
    const char *p = jp->p + 1, *start = p, *end = jp->end;
    bool esc;
    if (!(p = cm_json_string_end(p, end, *jp->p, &esc)))
        return false;
    size_t n = (size_t)(p - start);
    char *buf = arena_alloc(jp->a, n + 1);
    if (esc)
        n = cm_json_unescape(start, n, buf);
    else
        memcpy(buf, start, n);
    buf[n] = '\0';
    jp->p = p + 1;
    *out = buf;
    *out_n = n;
    return true;
}

/* A key with escapes, decoded into the record arena; it ends at its first NUL (\u0000), as
   strcmp reads names. */
static void j_key_decode(JParse *jp, const char **key, size_t *len)
{
    char *buf = arena_alloc(jp->a, *len + 1);
    buf[cm_json_unescape(*key, *len, buf)] = '\0';
    *key = buf;
    *len = strlen(buf);
}

/* A member's key at jp->p (after spaces) and the ':' after it; false if malformed.  A plain
   key is left in the line (not NUL-terminated).  Always inlined: as a call it costs the
   merge of records a tenth more, and GCC does not inline it by itself. */
static inline __attribute__((always_inline)) bool j_key(JParse *jp, const char **key,
                                                        size_t *len)
{
    j_ws(jp);
    if (jp->p >= jp->end || (*jp->p != '"' && *jp->p != '\''))
        return false;
    bool esc;
    const char *s = jp->p + 1, *q = cm_json_string_end(s, jp->end, *jp->p, &esc);
    if (!q)
        return false;
    *key = s;
    *len = (size_t)(q - s);
    if (esc)
        j_key_decode(jp, key, len);
    jp->p = q + 1;
    j_ws(jp);
    if (jp->p >= jp->end || *jp->p != ':')
        return false;
    jp->p++;
    return true;
}

/* Past the '{' or '[' at jp->p: whether close follows (the object or array is empty: then
   past that too). */
static inline bool j_open(JParse *jp, char close)
{
    jp->p++;
    j_ws(jp);
    if (jp->p < jp->end && *jp->p == close) {
        jp->p++;
        return true;
    }
    return false;
}

/* After a member or an element: 1 at ',' (another follows), 0 at close (the end), -1 at
   anything else (malformed). */
static inline int j_next(JParse *jp, char close)
{
    j_ws(jp);
    if (jp->p < jp->end && (*jp->p == ',' || *jp->p == close))
        return *jp->p++ == ',';
    return -1;
}

/* JsonInferSchema.inferField, `case FLOAT | DOUBLE if options.prefersDecimal`, of the token
   s[0, n): Jackson's getDecimalValue, a BigDecimal of the token's text (NaN and the infinities
   throw NumberFormatException: false, the record is malformed), then
   DecimalType(max(precision, scale), scale) while that is at most 38 digits, else DoubleType.
   A negative scale (1E+2) makes DecimalType's checkNegativeScale throw a SparkException,
   which no parse mode catches: the inference fails (in->neg_scale, false). */
static bool j_prefer_decimal(Infer *in, const char *s, size_t n, JKind *kind, int *prec, int *scale)
{
    int p, sc;
    if (!cm_java_bigdecimal(s, n, &p, &sc))
        return false;
    if ((p > sc ? p : sc) > 38)
        return true; /* DoubleType */
    if (sc < 0) {
        in->neg_scale = true;
        in->scale = sc;
        return false;
    }
    *kind = JK_DECIMAL;
    *prec = p > sc ? p : sc;
    *scale = sc;
    return true;
}

/* Jackson's non-numeric numbers (common/cm_json_lex.h): a VALUE_NUMBER_FLOAT of number type
   DOUBLE, which JsonInferSchema.inferField makes a DoubleType (FLOAT | DOUBLE => DoubleType). */
static bool j_nonnum(JParse *jp)
{
    int sign;
    if (!cm_json_nonnum_start(jp->p, jp->end))
        return false;
    const char *q = cm_json_nonnum(jp->p, jp->end, &sign);
    if (q)
        jp->p = q;
    return q != NULL;
}

/* A number (common/cm_json_lex.h, Jackson's non-numeric numbers too) and the type
   JsonInferSchema.inferField gives it: its kind, precision and scale; with
   primitivesAsString a string, with prefersDecimal a floating number a decimal
   (j_prefer_decimal).  False if malformed. */
static inline bool j_number_kind(JParse *jp, JKind *kind, int *prec, int *scale)
{
    const char *s = jp->p;
    const SReadOpts *ro = jp->in->ro;
    bool floating = true;
    *prec = *scale = 0;
    *kind = JK_DOUBLE;
    if (!j_nonnum(jp)) {
        CmJsonNum num;
        const char *q = cm_json_number(jp->p, jp->end, &num);
        if (!q)
            return false;
        jp->p = q;
        floating = !num.is_int;
        switch (cm_json_num_type(&num, prec)) {
        case CM_JNUM_BIGINT:
            *kind = JK_LONG;
            break;
        case CM_JNUM_DECIMAL:
            *kind = JK_DECIMAL;
            break;
        case CM_JNUM_DOUBLE:
            break;
        }
    }
    if (ro && ro->primitives_as_string) /* tried before the number types */
        *kind = JK_STRING;
    else if (floating && ro && ro->prefers_decimal)
        return j_prefer_decimal(jp->in, s, (size_t)(jp->p - s), kind, prec, scale);
    return true;
}

static JType *j_number(JParse *jp)
{
    JKind kind;
    int prec, scale;
    if (!j_number_kind(jp, &kind, &prec, &scale))
        return NULL;
    JType *t = jt_new(jp->a, kind);
    t->prec = prec;
    t->scale = scale;
    return t;
}

/* true or false: BooleanType, with primitivesAsString StringType. */
static JKind j_bool_kind(const JParse *jp)
{
    return jp->in->ro && jp->in->ro->primitives_as_string ? JK_STRING : JK_BOOL;
}

/* A non-empty string's type: StringType, with prefersDecimal the DecimalType of its
   BigDecimal (ExprUtils.getDecimalParser: commas dropped) when DecimalType takes its precision
   and scale (JsonInferSchema.inferField's decimalTry, under allCatch: anything else is a
   string). */
static JKind j_string_kind(JParse *jp, const char *s, size_t n, int *prec, int *scale)
{
    if (!jp->in->ro || !jp->in->ro->prefers_decimal)
        return JK_STRING;
    char *t = arena_alloc(jp->a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ',')
            t[k++] = s[i];
    int p, sc;
    if (!cm_java_bigdecimal(t, k, &p, &sc) || sc < 0 || sc > p || p > 38)
        return JK_STRING;
    *prec = p;
    *scale = sc;
    return JK_DECIMAL;
}

static bool j_word(JParse *jp, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(jp->end - jp->p) < n || memcmp(jp->p, w, n) != 0)
        return false;
    jp->p += n;
    return j_token_end(jp);
}

/* The type of the value at jp->p, or NULL if the text is malformed. */
static JType *j_value(JParse *jp, int depth)
{
    j_ws(jp);
    if (jp->p >= jp->end || depth > INFER_MAX_DEPTH)
        return NULL;
    switch (*jp->p) {
    case '{': {
        JType *st = jt_new(jp->a, JK_STRUCT);
        if (j_open(jp, '}'))
            return st;
        for (;;) {
            const char *key;
            size_t n;
            if (!j_key(jp, &key, &n))
                return NULL;
            const char *name = arena_strndup(jp->a, key, n);
            JType *t = j_value(jp, depth + 1);
            if (!t)
                return NULL;
            JType **slot = jt_field(jp->in, jp->a, st, name, false);
            if (!slot)
                return NULL;
            *slot = jt_merge(jp->in, jp->a, *slot, t, false);
            int next = j_next(jp, '}');
            if (next <= 0)
                return next ? NULL : st;
        }
    }
    case '[': {
        JType *at = jt_new(jp->a, JK_ARRAY);
        at->elem = jt_new(jp->a, JK_NULL);
        if (j_open(jp, ']'))
            return at;
        for (;;) {
            JType *t = j_value(jp, depth + 1);
            if (!t)
                return NULL;
            at->elem = jt_merge(jp->in, jp->a, at->elem, t, false);
            int next = j_next(jp, ']');
            if (next <= 0)
                return next ? NULL : at;
        }
    }
    case '"':
    case '\'': {
        const char *s;
        size_t n;
        if (!j_string(jp, &s, &n))
            return NULL;
        /* Spark: an empty string is taken for a null (generators that cannot tell them apart) */
        if (!n)
            return jt_new(jp->a, JK_NULL);
        JType *t = jt_new(jp->a, JK_STRING);
        t->kind = j_string_kind(jp, s, n, &t->prec, &t->scale);
        return t;
    }
    case 't':
        return j_word(jp, "true") ? jt_new(jp->a, j_bool_kind(jp)) : NULL;
    case 'f':
        return j_word(jp, "false") ? jt_new(jp->a, j_bool_kind(jp)) : NULL;
    case 'n':
        return j_word(jp, "null") ? jt_new(jp->a, JK_NULL) : NULL;
    default:
        return j_number(jp);
    }
}

static const char *jk_catalog(Arena *a, const JType *t)
{
    switch (t->kind) {
    case JK_BOOL:
        return "boolean";
    case JK_LONG:
        return "bigint";
    case JK_DECIMAL:
        return arena_sprintf(a, "decimal(%d,%d)", t->prec, t->scale);
    case JK_DOUBLE:
        return "double";
    case JK_STRING:
        return "string";
    case JK_STRUCT:
        return "struct";
    case JK_ARRAY:
        return "array";
    case JK_NULL:
        break;
    }
    return "void";
}

/* DecimalType's checkNegativeScale (Spark 3.5 DataTypeErrors.negativeScaleNotAllowedError,
   _LEGACY_ERROR_TEMP_1230). */
static const char *neg_scale_msg(Arena *a, int scale)
{
    return arena_sprintf(a,
                         "Negative scale is not allowed: %d. You can use "
                         "spark.sql.legacy.allowNegativeScaleOfDecimal=true to enable legacy "
                         "mode to allow it.",
                         scale);
}

/* A record that is malformed, or whose value is not an object, as the parse mode says. */
static void json_bad_record(Infer *in, const char *why)
{
    if (in->mode == PM_PERMISSIVE) {
        in->corrupt = true;
    } else if (in->mode == PM_FAILFAST) {
        const SOption *m = soptions_find(&in->src->options, "mode");
        infer_error_at(
            in, m && !m->is_default ? m->value_span : in->at,
            arena_sprintf(in->sc->arena, "%s (%s, line %ld)", why, in->file, in->line_no));
    }
}

/* A record read into a type tree of its own, then merged into root. */
static void json_record_tree(Infer *in, const char *line, size_t n)
{
    ArenaMark mark = arena_mark(&in->temp);
    JParse jp = {in, &in->temp, line, line + n};
    /* Only the first value counts: JsonInferSchema reads one value (inferField) and never
       looks at the text after it, as JacksonParser when reading. */
    JType *t = j_value(&jp, 0);
    if (in->neg_scale) {
        infer_error_at(in, in->at,
                       arena_sprintf(in->sc->arena, "%s (%s, line %ld)",
                                     neg_scale_msg(in->sc->arena, in->scale), in->file,
                                     in->line_no));
    } else if (!t && !in->too_many) {
        json_bad_record(in, "Malformed records are detected in schema inference. Parse Mode: "
                            "FAILFAST.");
    } else if (t) {
        while (t->kind == JK_ARRAY)
            t = t->elem;
        if (t->kind == JK_STRUCT)
            in->root = jt_merge(in, &in->work, in->root, t, true);
        else if (t->kind != JK_NULL)
            json_bad_record(in, arena_sprintf(in->sc->arena,
                                              "Failed to infer a common schema. Struct types are "
                                              "expected, but `%s` was found.",
                                              jk_catalog(in->sc->arena, t)));
    }
    if (in->too_many)
        infer_error_at(in, in->at,
                       arena_sprintf(in->sc->arena,
                                     "schema inference stopped at a struct with more than %d "
                                     "fields (%s, line %ld): write the column list",
                                     INFER_MAX_FIELDS, in->file, in->line_no));
    arena_reset_to(&in->temp, mark);
}

/* ==== JSON records merged straight into the schema ====
** The common case: a record's values are merged into in->root as they are read, with no
** type tree of the record's own (compatibleType is associative and commutative, so value
** by value gives what the record's type would).  Each change to root is logged first; a
** record that is malformed, not an object, or that meets a bound is undone and read again by
** json_record_tree, which decides what it means. */

/* Logs node as it is (and the field about to be inserted at ins, or -1); false when out of
   memory (then nothing may change). */
static bool jf_log(Infer *in, JType *node, int ins)
{
    if (in->n_undo == in->undo_cap) {
        int cap = in->undo_cap ? in->undo_cap * 2 : 64;
        JUndo *u = realloc(in->undo, sizeof(JUndo) * (size_t)cap);
        if (!u)
            return false;
        in->undo = u;
        in->undo_cap = cap;
    }
    in->undo[in->n_undo++] = (JUndo){node, *node, ins};
    return true;
}

/* Undoes this record's changes, newest first. */
static void jf_undo(Infer *in)
{
    while (in->n_undo > 0) {
        JUndo *u = &in->undo[--in->n_undo];
        JType *st = u->node;
        if (u->ins >= 0) /* the array grew in a copy, or took the field in place */
            memmove(&st->fields[u->ins], &st->fields[u->ins + 1],
                    sizeof(JField) * (size_t)(st->n - u->ins - 1));
        *st = u->old;
    }
}

/* Whether a[0, n) and b[0, n) are the same bytes (keys are short: no call to memcmp). */
static bool jf_same(const char *a, const char *b, size_t n)
{
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return false;
    }
    while (n && *a == *b)
        a++, b++, n--;
    return n == 0;
}

/* Byte order of (a, an) and (b, bn), neither holding a NUL: strcmp's. */
static int jf_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

/* The field `key` of struct st, the k-th key of its object, added (as null) if absent;
   NULL past INFER_MAX_FIELDS or out of memory. */
static JType *jf_field(Infer *in, JType *st, const char *key, size_t len, int k)
{
    if (k < st->nhint) {
        int h = st->hint[k];
        if (h >= 0 && h < st->n && st->fields[h].len == len &&
            jf_same(st->fields[h].name, key, len))
            return st->fields[h].type;
    }
    int lo = 0, hi = st->n;
    bool found = false;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = jf_cmp(st->fields[mid].name, st->fields[mid].len, key, len);
        if (c == 0) {
            lo = mid;
            found = true;
            break;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!found) {
        if (st->n >= INFER_MAX_FIELDS || !jf_log(in, st, lo))
            return NULL;
        if (st->n == st->cap) { /* a copy: the old array stays as jf_undo restores it */
            int cap = st->cap ? st->cap * 2 : 8;
            st->fields = arena_realloc(&in->work, st->fields, sizeof(JField) * (size_t)st->cap,
                                       sizeof(JField) * (size_t)cap);
            st->cap = cap;
        }
        memmove(&st->fields[lo + 1], &st->fields[lo], sizeof(JField) * (size_t)(st->n - lo));
        st->n++;
        st->fields[lo] =
            (JField){arena_strndup(&in->work, key, len), len, jt_new(&in->work, JK_NULL)};
        for (int i = 0; i < st->nhint; i++)
            st->hint[i] += st->hint[i] >= lo;
    }
    if (k >= st->hcap) {
        if (!jf_log(in, st, -1))
            return NULL;
        int cap = k < 8 ? 16 : k * 2;
        st->hint = arena_realloc(&in->work, st->hint, sizeof(int) * (size_t)st->hcap,
                                 sizeof(int) * (size_t)cap);
        st->hcap = cap;
    }
    while (st->nhint <= k)
        st->hint[st->nhint++] = -1;
    st->hint[k] = lo;
    return st->fields[lo].type;
}

/* jf_scalar when dst may change. */
static bool jf_widen(Infer *in, JType *dst, JKind kind, int prec, int scale)
{
    JType old = *dst, src = {.kind = kind, .prec = prec, .scale = scale};
    if (dst->kind == JK_NULL)
        *dst = src;
    else
        jt_merge(in, &in->work, dst, &src, false); /* a scalar src: dst changes in place */
    if (dst->kind == old.kind && dst->prec == old.prec && dst->scale == old.scale)
        return true;
    if (jf_log(in, dst, -1)) {
        in->undo[in->n_undo - 1].old = old;
        return true;
    }
    *dst = old;
    return false;
}

/* compatibleType(dst, a scalar of kind, precision prec and scale), in place; false when out
   of memory. */
static inline bool jf_scalar(Infer *in, JType *dst, JKind kind, int prec, int scale)
{
    if (kind == JK_NULL || (dst->kind == kind && kind != JK_DECIMAL) || dst->kind == JK_STRING)
        return true;
    return jf_widen(in, dst, kind, prec, scale);
}

/* Checks the value at jp->p as j_value reads it, for a slot that is a string whatever it
   holds; *keys counts its object keys (json_record_tree's bound on fields, whenever they
   could reach it).  False if malformed or past the bound. */
static bool jf_skip(JParse *jp, int depth, long *keys)
{
    j_ws(jp);
    if (jp->p >= jp->end || depth > INFER_MAX_DEPTH)
        return false;
    char open = *jp->p, close = open == '{' ? '}' : ']';
    if (open != '{' && open != '[') {
        const char *s;
        size_t n;
        switch (open) {
        case '"':
        case '\'':
            return j_string(jp, &s, &n);
        case 't':
            return j_word(jp, "true");
        case 'f':
            return j_word(jp, "false");
        case 'n':
            return j_word(jp, "null");
        default:
            return j_number(jp) != NULL;
        }
    }
    if (j_open(jp, close))
        return true;
    for (;;) {
        const char *key;
        size_t n;
        if (open == '{' && (!j_key(jp, &key, &n) || ++*keys > INFER_MAX_FIELDS))
            return false;
        if (!jf_skip(jp, depth + 1, keys))
            return false;
        int next = j_next(jp, close);
        if (next <= 0)
            return next == 0;
    }
}

static bool jf_value(JParse *jp, JType *dst, int depth);

/* The members of the object at jp->p into struct st. */
static bool jf_object(JParse *jp, JType *st, int depth)
{
    jp->in->root_keys = 0;
    if (j_open(jp, '}'))
        return true;
    for (int k = 0;; k++) {
        const char *key;
        size_t len;
        if (!j_key(jp, &key, &len))
            return false;
        JType *slot = jf_field(jp->in, st, key, len, k);
        if (!slot || !jf_value(jp, slot, depth + 1))
            return false;
        int next = j_next(jp, '}');
        if (next <= 0) {
            if (st == jp->in->root)
                jp->in->root_keys = k + 1;
            return next == 0;
        }
    }
}

/* The value at jp->p merged into dst (a node of root), as j_value and jt_merge would. */
static bool jf_value(JParse *jp, JType *dst, int depth)
{
    Infer *in = jp->in;
    j_ws(jp);
    if (jp->p >= jp->end || depth > INFER_MAX_DEPTH)
        return false;
    char c = *jp->p;
    if ((c == '{' || c == '[') && dst->kind == JK_NULL) {
        if (!jf_log(in, dst, -1))
            return false;
        dst->kind = c == '{' ? JK_STRUCT : JK_ARRAY;
        if (c == '[')
            dst->elem = jt_new(&in->work, JK_NULL);
    }
    if (c == '{' && dst->kind == JK_STRUCT)
        return jf_object(jp, dst, depth);
    if (c == '[' && dst->kind == JK_ARRAY) {
        if (j_open(jp, ']'))
            return true;
        for (;;) {
            if (!jf_value(jp, dst->elem, depth + 1))
                return false;
            int next = j_next(jp, ']');
            if (next <= 0)
                return next == 0;
        }
    }
    if (c == '{' || c == '[') { /* an object or array where no struct or array can be: string */
        long keys = 0;
        return jf_scalar(in, dst, JK_STRING, 0, 0) && jf_skip(jp, depth, &keys);
    }
    switch (c) {
    case '"':
    case '\'': {
        const char *s;
        size_t n;
        bool esc;
        const char *q = cm_json_string_end(jp->p + 1, jp->end, c, &esc);
        if (!q)
            return false;
        s = jp->p + 1;
        n = (size_t)(q - s);
        if (esc && !j_string(jp, &s, &n)) /* decoded: its length */
            return false;
        jp->p = q + 1;
        /* Spark: an empty string is taken for a null (as j_value) */
        int prec = 0, scale = 0;
        JKind kind = n ? j_string_kind(jp, s, n, &prec, &scale) : JK_NULL;
        return jf_scalar(in, dst, kind, prec, scale);
    }
    case 't':
        return j_word(jp, "true") && jf_scalar(in, dst, j_bool_kind(jp), 0, 0);
    case 'f':
        return j_word(jp, "false") && jf_scalar(in, dst, j_bool_kind(jp), 0, 0);
    case 'n':
        return j_word(jp, "null");
    default: {
        JKind kind;
        int prec, scale;
        return j_number_kind(jp, &kind, &prec, &scale) && jf_scalar(in, dst, kind, prec, scale);
    }
    }
}

/* After a record merged by jf_value: when its keys were all of root's fields, each once,
   where they were (jf_field's hints), for SSource.key_order.  Records of one producer repeat
   the last one's. */
static void note_order(Infer *in)
{
    const JType *r = in->root;
    size_t bytes = sizeof(int) * (size_t)r->n;
    if (in->root_keys != r->n || r->nhint < r->n || r->n > INFER_ORDER_MAX ||
        (in->n_order == r->n && memcmp(in->order, r->hint, bytes) == 0))
        return;
    uint64_t seen[INFER_ORDER_MAX / 64] = {0}; /* a duplicate key: another key is missing */
    for (int k = 0; k < r->n; k++) {
        int h = r->hint[k];
        if (h < 0 || h >= r->n || (seen[h / 64] >> (h % 64) & 1))
            return;
        seen[h / 64] |= (uint64_t)1 << (h % 64);
    }
    if (r->n > in->order_cap) {
        in->order =
            arena_realloc(&in->work, in->order, sizeof(int) * (size_t)in->order_cap, bytes * 2);
        in->order_cap = r->n * 2;
    }
    memcpy(in->order, r->hint, bytes);
    in->n_order = r->n;
}

static void json_record(Infer *in, const char *line, size_t n)
{
    ArenaMark mark = arena_mark(&in->temp);
    JParse jp = {in, &in->temp, line, line + n};
    j_ws(&jp);
    bool merged = jp.p < jp.end && *jp.p == '{' && jf_value(&jp, in->root, 0);
    arena_reset_to(&in->temp, mark);
    if (!merged) {
        jf_undo(in);
        json_record_tree(in, line, n);
    } else {
        note_order(in);
    }
    in->n_undo = 0;
}

/* Spark's canonicalizeType: null -> string, or with dropFieldIfAllNull (drop) dropped; empty
   names, empty structs and arrays of what is dropped dropped (NULL). */
static const Type *jt_canon(Arena *a, const JType *t, bool drop)
{
    switch (t->kind) {
    case JK_NULL:
        return drop ? NULL : &type_string;
    case JK_STRING:
        return &type_string;
    case JK_BOOL:
        return &type_boolean;
    case JK_LONG:
        return &type_bigint;
    case JK_DECIMAL:
        return type_decimal(t->prec, t->scale);
    case JK_DOUBLE:
        return &type_double;
    case JK_ARRAY: {
        const Type *e = jt_canon(a, t->elem, drop);
        return e ? type_array(a, e) : NULL;
    }
    case JK_STRUCT: {
        TypeField *f = ARENA_NEW_N(a, TypeField, t->n ? t->n : 1);
        int n = 0;
        for (int i = 0; i < t->n; i++) {
            const Type *ft = t->fields[i].name[0] ? jt_canon(a, t->fields[i].type, drop) : NULL;
            if (!ft)
                continue;
            f[n].name = arena_strdup(a, t->fields[i].name);
            f[n++].type = ft;
        }
        return n ? type_struct(a, n, f) : NULL;
    }
    }
    return NULL;
}

/* ==== CSV records ==== */

typedef struct CsvTok {
    const char *s; /* NUL-terminated */
    size_t n;
    bool null; /* unquoted and empty */
} CsvTok;

/* The reader's one-byte sep, quote and escape (csv_reader_limits); 0xFF: off. */
static int csv_byte(const char *v, size_t n)
{
    return n ? (unsigned char)v[0] : 0xFF;
}

/* The token of a value s[0, len) of a CM_CSV_* kind (decoded with chars, sep, quote and
   escape, when CM_CSV_ENCODED): a quoted empty value is emptyValue, and a value equal to
   nullValue counts as an empty one (CSVInferSchema.inferField skips it). */
static void csv_tok(Arena *a, const SReadOpts *ro, CsvTok *t, const char *s, size_t len, int kind,
                    bool quoted_empty, const int chars[3])
{
    if (quoted_empty && ro->empty_value) {
        s = ro->empty_value;
        len = strlen(s);
    }
    char *o = arena_alloc(a, len + 1);
    t->n = kind == CM_CSV_ENCODED ? cm_csv_unquote(s, len, chars[0], chars[1], chars[2], o) : len;
    if (kind != CM_CSV_ENCODED)
        memcpy(o, s, len);
    if (chars[2] & CM_CSV_KEEP_CR) /* csv_split's swap: the record's '\n's back */
        cm_lines_unswap(o, t->n, (char)(chars[2] >> 16));
    o[t->n] = '\0';
    t->s = o;
    t->null = (kind == CM_CSV_PLAIN && len == 0 && !quoted_empty) ||
              (ro->null_value && strcmp(o, ro->null_value) == 0 && strlen(o) == t->n);
}

/* Split one line as the reader does (common/cm_csv_lex.h, codegen/cg_text.c), with the
   reader's options ro: whitespace ignored around unquoted values, a quoted empty value is
   emptyValue, and a value equal to nullValue counts as an empty one (CSVInferSchema.inferField
   skips it).  swap: the lineSep byte the files source swaps with '\n' (cm_lines_swap), or -1:
   the line's '\n's and a '\r' that ends it are data, as the reader reads them (CM_CSV_KEEP_CR
   in esc, the line read with swap for '\n' and swapped back in each value). */
static CsvTok *csv_split(Arena *a, const CsvConf *c, const SReadOpts *ro, const char *line,
                         size_t n, int swap, int *n_out)
{
    const char *p = line, *end = line + n;
    int sep = csv_byte(c->sep, c->sep_n), quote = csv_byte(c->quote, c->quote_n),
        esc = csv_byte(c->esc, c->esc_n);
    if (swap >= 0) {
        char *w = arena_alloc(a, n + 1);
        for (size_t i = 0; i < n; i++)
            w[i] = line[i] == '\n' ? (char)swap : line[i];
        p = w;
        end = w + n;
        esc |= CM_CSV_KEEP_CR | swap << 16;
    }
    if (ro->trim_trailing) /* unescaped quoted values (cm_csv_quoted) */
        esc |= CM_CSV_TRIM_TAIL;
    int cap = 8, k = 0;
    CsvTok *toks = ARENA_NEW_N(a, CsvTok, cap);
    for (;;) {
        if (k == cap) {
            toks = arena_realloc(a, toks, sizeof(CsvTok) * (size_t)cap,
                                 sizeof(CsvTok) * (size_t)cap * 2);
            cap *= 2;
        }
        CsvTok *t = &toks[k++];
        const char *s;
        size_t len;
        int kind;
        while (ro->trim_leading && p < end && !cm_csv_eol_at(p, end, swap >= 0) &&
               (unsigned char)*p <= ' ' && *p != '\0' && (unsigned char)*p != (unsigned)sep &&
               (unsigned char)*p != (unsigned)quote)
            p++;
        const char *q = cm_csv_field(p, end, sep, quote, esc, &s, &len, &kind);
        while (ro->trim_trailing && kind == CM_CSV_PLAIN && len > 0 &&
               (unsigned char)s[len - 1] <= ' ' && s[len - 1] != '\0')
            len--;
        bool quoted_empty =
            kind == CM_CSV_PLAIN && len == 0 && p < end && (unsigned char)*p == (unsigned)quote;
        csv_tok(a, ro, t, s, len, kind, quoted_empty, (int[3]){sep, quote, esc});
        if (q >= end)
            break;
        p = q + 1;
    }
    *n_out = k;
    return toks;
}

/* A date as Iso8601DateFormatter parses it with CSVOptions' default dateFormat yyyy-MM-dd
   (DateTimeFormatterHelper: uuuu-MM-dd, ResolverStyle.STRICT): four digits, two, two, a
   day of that month, nothing else. */
static bool iso_date(const char *s, size_t n)
{
    static const char shape[] = "dddd-dd-dd";
    if (n != sizeof shape - 1)
        return false;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
            return false;
    int y = atoi(s), m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
    return m >= 1 && m <= 12 && d >= 1 && d <= cm_days_in_month(y, m);
}

/* CSVInferSchema.tryParseDate: dateFormatter (CSVOptions.dateFormatInRead: the dateFormat
   option, else yyyy-MM-dd strictly) reads the whole field.  Region zones (pattern letters V
   and z) are not looked up here: a field naming one is no date. */
static bool csv_date(const SReadOpts *ro, const char *s, size_t n)
{
    int64_t local_s, micros, off_s;
    if (!ro->date_fmt)
        return iso_date(s, n);
    return !ro->date_never && cm_dt_parse(s, (uint32_t)n, ro->date_fmt, (uint32_t)strlen(ro->date_fmt),
                                          NULL, &local_s, &micros, &off_s) == 0;
}

/* CSVInferSchema.tryParseTimestamp: timestampParser (the timestampFormat option; else
   stringToTimestamp, which takes zones and a time alone). */
static bool csv_timestamp(const SReadOpts *ro, const char *s, size_t n)
{
    int64_t v, micros, off_s;
    if (!ro->ts_fmt)
        return cm_ts_parse_zoned(s, n, CM_TS_NO_DATE, cm_zone_local_offset, &v) != -1;
    return !ro->ts_never && cm_dt_parse(s, (uint32_t)n, ro->ts_fmt, (uint32_t)strlen(ro->ts_fmt),
                                        NULL, &v, &micros, &off_s) == 0;
}

/* Spark's CSVInferSchema.inferField: try from the type seen so far, then widen (the
   number rules: common/cm_text.h, common/cm_csv_lex.h).  With dates (CSVOptions.prefersDate,
   schema_of_csv), a field that is no number tries tryParseDate before the timestamps.  ro:
   the reader's nanValue, positiveInf, negativeInf. */
static CType csv_try(const SReadOpts *ro, CType from, const char *s, size_t n, bool dates)
{
    int64_t v;
    double d;
    int prec;
    switch (from.kind) {
    case CK_NULL:
    case CK_INT:
        if (cm_java_integer(s, n, 32, &v) == 0)
            return (CType){CK_INT, 0, 0};
        /* fall through */
    case CK_LONG:
        if (cm_java_integer(s, n, 64, &v) == 0)
            return (CType){CK_LONG, 0, 0};
        /* fall through */
    case CK_DECIMAL:
        if (cm_csv_decimal(s, n, &prec))
            return (CType){CK_DECIMAL, prec, 0};
        /* fall through */
    case CK_DOUBLE:
        if ((ro->nan_value ? cm_csv_double_opts(s, n, ro->nan_value, ro->pos_inf, ro->neg_inf, &d)
                           : cm_csv_double(s, n, &d)) == 0)
            return (CType){CK_DOUBLE, 0, 0};
        /* fall through */
    case CK_DATE:
        if (dates && csv_date(ro, s, n))
            return (CType){CK_DATE, 0, 0};
        /* tryParseTimestampNTZ tries timestampNTZFormat only when spark.sql.timestampType is
           TIMESTAMP_NTZ (SPARK-45433, SPARK-46769: Spark 3.5.1 on), never here: then
           tryParseTimestamp with timestampFormat */
        /* fall through */
    case CK_TIMESTAMP:
        if (csv_timestamp(ro, s, n))
            return (CType){CK_TIMESTAMP, 0, 0};
        /* fall through */
    case CK_BOOL:
        if (cm_java_boolean(s, n, &v) == 0)
            return (CType){CK_BOOL, 0, 0};
        /* fall through */
    case CK_STRING:
        break;
    }
    return (CType){CK_STRING, 0, 0};
}

/* Spark's CSVInferSchema.compatibleType (StringType when there is none). */
static CType csv_merge(CType a, CType b)
{
    if (a.kind == CK_NULL)
        return b;
    if (b.kind == CK_NULL)
        return a;
    bool na = a.kind >= CK_INT && a.kind <= CK_DOUBLE, nb = b.kind >= CK_INT && b.kind <= CK_DOUBLE;
    if (a.kind == b.kind && a.kind != CK_DECIMAL)
        return a;
    if (!na || !nb)
        return (CType){CK_STRING, 0, 0};
    if (a.kind == CK_DOUBLE || b.kind == CK_DOUBLE)
        return (CType){CK_DOUBLE, 0, 0};
    if (a.kind != CK_DECIMAL && b.kind != CK_DECIMAL)
        return a.kind > b.kind ? a : b; /* int + bigint */
    /* a decimal with an integral type (DecimalType.forType) or another decimal */
    int pa = a.kind == CK_DECIMAL ? a.prec : a.kind == CK_INT ? 10 : 20;
    int pb = b.kind == CK_DECIMAL ? b.prec : b.kind == CK_INT ? 10 : 20;
    CType r = {CK_DECIMAL, 0, 0};
    if (!decimal_widen(pa, a.kind == CK_DECIMAL ? a.scale : 0, pb,
                       b.kind == CK_DECIMAL ? b.scale : 0, &r.prec, &r.scale))
        r.kind = CK_DOUBLE;
    return r;
}

/* Spark's makeSafeHeader. */
static void csv_header(Infer *in, const CsvTok *t, int n)
{
    Arena *a = in->sc->arena;
    in->names = ARENA_NEW_N(a, const char *, n);
    for (int i = 0; i < n; i++) {
        if (!in->conf.header) {
            in->names[i] = arena_sprintf(a, "_c%d", i);
            continue;
        }
        int same = 0;
        for (int j = 0; j < n; j++)
            if (!t[j].null && strcasecmp(t[j].s, t[i].s) == 0)
                same++;
        if (t[i].n == 0)
            in->names[i] = arena_sprintf(a, "_c%d", i);
        else if (same > 1)
            in->names[i] = arena_sprintf(a, "%s%d", t[i].s, i);
        else
            in->names[i] = arena_strdup(a, t[i].s);
    }
}

/* A record's tokens t[0, k) (its text line[0, n)): the first one seen names the columns;
   with header = true it is no data, nor is a record of the header's text (line mode,
   CSVUtils.filterHeaderLine) or a file's first record (multiLine, file_first:
   tokenizeStream's shouldDropHeader). */
static void csv_row(Infer *in, const CsvTok *t, int k, const char *line, size_t n, bool file_first)
{
    bool skip = false;
    if (!in->have_first) {
        in->have_first = true;
        in->first = arena_strndup(&in->work, line, n);
        in->first_n = n;
        in->ncols = k;
        in->ctypes = ARENA_NEW_N(&in->work, CType, k);
        csv_header(in, t, k);
        skip = in->conf.header;
    } else if (in->conf.header &&
               (in->whole ? file_first : n == in->first_n && memcmp(line, in->first, n) == 0)) {
        skip = true;
    }
    for (int i = 0; !skip && i < k && i < in->ncols; i++)
        if (!t[i].null && t[i].n)
            in->ctypes[i] = csv_merge(in->ctypes[i],
                                      csv_try(&in->src->read, in->ctypes[i], t[i].s, t[i].n,
                                              !in->src->read.no_dates));
}

static void csv_record(Infer *in, const char *line, size_t n)
{
    ArenaMark mark = arena_mark(&in->temp);
    int k;
    int swap = in->whole ? -1 : cm_lines_swap(in->line_sep, false, false);
    const SReadOpts *ro = &in->src->read;
    const CsvConf *c = &in->conf;
    /* TextInputCSVDataSource.inferFromDataset parses the first line and every other with
       CsvParser.parseLine: univocity 2.9.1 fails where cm_csv_ws_fails says */
    if (ro->trim_trailing && !ro->trim_leading &&
        cm_csv_ws_fails(line, line + n, csv_byte(c->sep, c->sep_n), csv_byte(c->quote, c->quote_n),
                        csv_byte(c->esc, c->esc_n) | (swap >= 0 ? CM_CSV_KEEP_CR : 0), NULL)) {
        infer_error_at(in, in->path_at,
                       arena_sprintf(in->sc->arena, "%s: %s", in->file, CM_CSV_LINE_SPARK_FAILS));
        return;
    }
    CsvTok *t = csv_split(&in->temp, &in->conf, ro, line, n, swap, &k);
    csv_row(in, t, k, line, n, false);
    arena_reset_to(&in->temp, mark);
}

/* csv with multiLine = true (MultiLineCSVDataSource.infer): the file's bytes b[0, n), whole
   unless cut (the inference budget: then the record the cut ends is not read), parsed into
   univocity's records (common/cm_csv_ml.h), a byte order mark dropped first. */
static void csv_file_records(Infer *in, const char *b, size_t n, bool cut)
{
    const SReadOpts *ro = &in->src->read;
    const CsvConf *c = &in->conf;
    CmCsvMl o = {csv_byte(c->sep, c->sep_n),
                 csv_byte(c->quote, c->quote_n),
                 csv_byte(c->esc, c->esc_n),
                 ro->comment,
                 ro->comment ? strlen(ro->comment) : 0,
                 cm_csv_ml_nl(in->line_sep, b, n),
                 ro->trim_leading,
                 ro->trim_trailing,
                 0,
                 false,
                 NULL};
    const char *p = b + (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0), *end = b + n;
    o.at_file_start = p == b;
    int cap = 64;
    CmCsvTok *toks = malloc(sizeof *toks * (size_t)cap);
    int chars[3] = {o.sep, o.quote, o.esc};
    for (int records = 0; toks && p < end && !in->failed && records < INFER_MAX_RECORDS;
         records++) {
        CmCsvRec rec;
        cm_csv_ml_record(&o, p, end, NULL, toks, cap, &rec);
        if (rec.spark_fails) {
            infer_error_at(in, in->path_at,
                           arena_sprintf(in->sc->arena, "%s: %s", in->file, CM_CSV_ML_SPARK_FAILS));
            break;
        }
        if (rec.n_toks > cap) { /* again with room for every value */
            CmCsvTok *more = realloc(toks, sizeof *toks * (size_t)rec.n_toks);
            if (!more)
                break;
            toks = more;
            cap = rec.n_toks;
        }
        if (rec.too_deep || rec.n_toks == 0 || (cut && rec.next == end))
            break;
        ArenaMark mark = arena_mark(&in->temp);
        char *out = arena_alloc(&in->temp, (size_t)(rec.next - rec.start) + 1);
        cm_csv_ml_record(&o, p, end, out, toks, cap, &rec);
        CsvTok *t = ARENA_NEW_N(&in->temp, CsvTok, rec.n_toks);
        for (int i = 0; i < rec.n_toks; i++) {
            const CmCsvTok *v = &toks[i];
            bool empty = v->kind == CM_CSV_EMPTY; /* emptyValue */
            csv_tok(&in->temp, ro, &t[i], v->s, v->n, empty ? CM_CSV_PLAIN : v->kind, empty, chars);
        }
        in->records++;
        csv_row(in, t, rec.n_toks, rec.start, (size_t)(rec.text_end - rec.start), records == 0);
        arena_reset_to(&in->temp, mark);
        p = rec.next;
        o.prev = rec.prev;
        o.at_file_start = false;
    }
    free(toks);
}

static const Type *ck_type(CType t)
{
    switch (t.kind) {
    case CK_INT:
        return &type_int;
    case CK_LONG:
        return &type_bigint;
    case CK_DECIMAL:
        return type_decimal(t.prec, t.scale);
    case CK_DOUBLE:
        return &type_double;
    case CK_DATE:
        return &type_date;
    case CK_TIMESTAMP:
        return &type_timestamp;
    case CK_BOOL:
        return &type_boolean;
    case CK_NULL:
    case CK_STRING:
        break;
    }
    return &type_string;
}

/* ==== Files ==== */

typedef struct InFile {
    char *name; /* malloc'd */
    int64_t mtime_ns;
} InFile;

static int file_asc(const void *x, const void *y)
{
    const InFile *a = x, *b = y;
    return cm_file_order(a->mtime_ns, a->name, b->mtime_ns, b->name, false);
}

static int file_desc(const void *x, const void *y)
{
    const InFile *a = x, *b = y;
    return cm_file_order(a->mtime_ns, a->name, b->mtime_ns, b->name, true);
}

static void free_files(InFile *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}

/* The files the runtime would list, in its order; NULL after an error (or with none). */
static InFile *list_files(Infer *in, size_t *n_out)
{
    *n_out = 0;
    struct stat st;
    if (stat(in->path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            infer_error_at(in, in->path_at,
                           arena_sprintf(in->sc->arena, "Path does not exist: %s", in->path));
        else
            infer_error_at(
                in, in->path_at,
                arena_sprintf(in->sc->arena, "cannot access %s: %s", in->path, strerror(errno)));
        return NULL;
    }
    DIR *d = opendir(in->path);
    if (!d) {
        infer_error_at(
            in, in->path_at,
            arena_sprintf(in->sc->arena, "cannot list %s: %s", in->path, strerror(errno)));
        return NULL;
    }
    InFile *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    bool nomem = false;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (!cm_file_listed(name))
            continue;
        if (fstatat(dirfd(d), name, &st, 0) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            InFile *nv = realloc(v, ncap * sizeof *nv);
            if (!nv) {
                nomem = true;
                break;
            }
            v = nv;
            cap = ncap;
        }
        v[n].name = strdup(name);
        if (!v[n].name) {
            nomem = true;
            break;
        }
        v[n].mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
        n++;
    }
    closedir(d);
    if (nomem) {
        free_files(v, n);
        infer_error_at(in, in->path_at,
                       arena_sprintf(in->sc->arena, "cannot list %s: out of memory", in->path));
        return NULL;
    }
    const SOption *lf = soptions_find(&in->src->options, "latestFirst");
    if (n)
        qsort(v, n, sizeof *v, lf && strcmp(lf->value, "true") == 0 ? file_desc : file_asc);
    *n_out = n;
    return v;
}

/* A file read in blocks of at least 64 KB: bytes [pos, end) of buf are read and not yet taken
   (one byte past end is kept free for a line's NUL). */
typedef struct LineReader {
    FILE *f;
    char *buf; /* malloc'd */
    size_t cap, pos, end;
    bool eof;   /* fread came short: the end of the file, or an error (ferror) */
    bool nomem; /* buf could not grow */
    bool whole; /* the file is one line (json multiLine = true) */
} LineReader;

/* Moves the held bytes to the front and reads more after them (none at the end of the file,
   after a read error or when out of memory). */
static void lr_fill(LineReader *r)
{
    if (r->eof)
        return;
    if (r->pos) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->end < 4096) {
        size_t ncap = r->cap ? r->cap * 2 : 65536;
        char *nb = realloc(r->buf, ncap);
        if (!nb) {
            r->eof = r->nomem = true;
            return;
        }
        r->buf = nb;
        r->cap = ncap;
    }
    size_t want = r->cap - r->end - 1, got = fread(r->buf + r->end, 1, want, r->f);
    r->end += got;
    r->eof = got < want;
}

/* The first byte of [s, e) that ends a line (a whole sep, or '\n' and '\r' when sep is NULL),
   or NULL. */
static char *line_end(char *s, char *e, const char *sep)
{
    if (s == e)
        return NULL;
    if (sep)
        return memmem(s, (size_t)(e - s), sep, strlen(sep));
    char *t = memchr(s, '\n', (size_t)(e - s));
    char *cr = memchr(s, '\r', (size_t)((t ? t : e) - s));
    return cr ? cr : t;
}

/* One line of r without its end into *line (NUL-terminated, valid until the next call);
   1 read, 0 end of file, -1 read error (errno), -2 the line and its end would take more
   than limit bytes.  A line ends at "\n", "\r\n" or a lone "\r", as the files source's lines
   (cm_lines_lf); with lineSep (sep not NULL) at the leftmost whole sep alone (cm_lines_sep).
   *used: the bytes taken, the line's end included. */
static int read_line(LineReader *r, const char *sep, char **line, size_t *len, size_t *used,
                     size_t limit)
{
    if (!r->buf) {
        errno = ENOMEM;
        return -1;
    }
    size_t scan = 0;                  /* bytes after pos known not to start a line end */
    size_t k = sep ? strlen(sep) : 1; /* the bytes of a line end (but "\r\n") */
    for (;;) {
        char *s = r->buf + r->pos, *e = r->buf + r->end;
        char *t = r->whole ? NULL : line_end(s + scan, e, sep);
        size_t n = (size_t)((t ? t : e) - s);
        if (n + (t ? k : 0) > limit)
            return -2;
        scan = t || n < k - 1 ? n : n - (k - 1); /* a sep cut by e is searched again */
        if (!t || (!sep && *t == '\r' && t + 1 == e && !r->eof)) {
            /* no end yet, or a '\r' whose next byte decides */
            size_t held = r->end - r->pos;
            lr_fill(r);
            if (r->nomem || ferror(r->f)) {
                if (r->nomem)
                    errno = ENOMEM;
                return -1;
            }
            if (r->end - r->pos > held || t)
                continue;
            if (n == 0)
                return 0;
            r->buf[r->end] = '\0';
            *line = r->buf + r->pos;
            *len = *used = n;
            r->pos = r->end;
            return 1;
        }
        bool crlf = !sep && *t == '\r' && t + 1 < e && t[1] == '\n';
        if (n + k + crlf > limit) /* a "\r\n" past the bound by its '\n' */
            return -2;
        *t = '\0';
        *line = s;
        *len = n;
        *used = n + k + crlf;
        r->pos += *used;
        return 1;
    }
}

static void read_file(Infer *in, const char *name)
{
    in->file = arena_sprintf(in->sc->arena, "%s%s%s", in->path,
                             in->path[strlen(in->path) - 1] == '/' ? "" : "/", name);
    in->line_no = 0;
    FILE *f = fopen(in->file, "rb");
    if (!f) {
        infer_error_at(
            in, in->path_at,
            arena_sprintf(in->sc->arena, "cannot read %s: %s", in->file, strerror(errno)));
        return;
    }
    if (in->csv && in->whole) { /* whole, within the budget */
        char *b = malloc(in->budget + 1);
        size_t n = b ? fread(b, 1, in->budget + 1, f) : 0;
        if (!b || ferror(f))
            infer_error_at(in, in->path_at,
                           arena_sprintf(in->sc->arena, "cannot read %s: %s", in->file,
                                         b ? strerror(errno) : "out of memory"));
        else
            csv_file_records(in, b, n > in->budget ? in->budget : n, n > in->budget);
        in->budget -= n > in->budget ? in->budget : n;
        free(b);
        fclose(f);
        return;
    }
    LineReader r = {.f = f, .whole = in->whole};
    lr_fill(&r);
    char *buf = NULL, *norm = NULL;
    size_t len = 0, used = 0;
    int records = 0, rc;
    while (!in->failed && records < INFER_MAX_RECORDS &&
           (rc = read_line(&r, in->line_sep, &buf, &len, &used, in->budget)) != 0) {
        if (rc == -2) {
            in->budget = 0;
            break;
        }
        if (rc < 0) {
            infer_error_at(
                in, in->path_at,
                arena_sprintf(in->sc->arena, "cannot read %s: %s", in->file, strerror(errno)));
            break;
        }
        in->budget -= used;
        in->line_no++;
        /* A UTF-8 byte order mark is skipped, as the readers do: JSON at the start of any
           line (Jackson's ByteSourceJsonBootstrapper), CSV at the start of the file
           (univocity's AbstractCharInputReader.start) */
        if (!in->csv && in->src->read.json_flags) {
            /* JSONOptions' parser switches: the record's normal form (common/cm_json_opts.h) */
            free(norm);
            if (!(norm = malloc(cm_json_norm_cap(len))))
                break;
            cm_json_norm(buf, buf + len, in->src->read.json_flags, norm, &len);
            buf = norm;
        }
        size_t bom = (!in->csv || in->line_no == 1) && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        if (cm_csv_blank_line(buf + bom, buf + len))
            continue; /* blank lines are no records */
        const char *comment = in->csv ? in->src->read.comment : NULL;
        if (comment && len >= strlen(comment) && memcmp(buf, comment, strlen(comment)) == 0)
            continue; /* nor comment lines (CSVUtils.filterCommentAndEmpty) */
        records++;
        in->records++;
        if (in->csv)
            csv_record(in, buf + bom, len - bom);
        else
            json_record(in, buf + bom, len - bom);
    }
    free(norm);
    free(r.buf);
    fclose(f);
}

/* ==== The schema ==== */

static int cmp_ci(const void *x, const void *y)
{
    return strcasecmp(*(const char *const *)x, *(const char *const *)y);
}

/* Spark's checkColumnNameDuplication (case-insensitive): false after an error. */
static bool check_duplicates(Infer *in, const SSchema *s)
{
    const char **v = ARENA_NEW_N(in->sc->arena, const char *, s->n ? s->n : 1);
    for (int i = 0; i < s->n; i++)
        v[i] = s->cols[i].name;
    qsort(v, (size_t)s->n, sizeof *v, cmp_ci);
    StrBuf sb;
    sb_init(&sb, in->sc->arena);
    for (int i = 1; i < s->n; i++) {
        if (strcasecmp(v[i - 1], v[i]) != 0 || (i > 1 && strcasecmp(v[i - 2], v[i]) == 0))
            continue;
        sb_puts(&sb, sb.len ? ", `" : "`");
        for (const char *p = v[i]; *p; p++)
            sb_putc(&sb, (char)tolower((unsigned char)*p));
        sb_putc(&sb, '`');
    }
    if (sb.len)
        infer_error_at(in, in->path_at,
                       arena_sprintf(in->sc->arena,
                                     "Found duplicate column(s) in the data schema: %s", sb.data));
    return sb.len == 0;
}

/* The keys of the last record that had all of the schema's (note_order), in their order,
   NULL-terminated in the compilation's arena; else NULL. */
static const char **key_names(Infer *in)
{
    const JType *r = in->root;
    if (r->kind != JK_STRUCT || in->n_order != r->n || r->n == 0)
        return NULL;
    const char **keys = ARENA_NEW_N(in->sc->arena, const char *, r->n + 1);
    for (int k = 0; k < r->n; k++) /* no field was added since: the places hold */
        keys[k] = arena_strdup(in->sc->arena, r->fields[in->order[k]].name);
    keys[r->n] = NULL;
    return keys;
}

/* SSource.key_order from keys (key_names): the schema's columns in that order, when keys name
   every column but the corrupt-record one, each once; else NULL. */
static const int *key_order(Infer *in, const char **keys)
{
    const SSource *src = in->src;
    int corrupt = sema_corrupt_column(src), n = 0;
    if (!keys)
        return NULL;
    int *order = ARENA_NEW_N(in->sc->arena, int, src->schema.n + 1);
    bool *seen = ARENA_NEW_N(in->sc->arena, bool, src->schema.n + 1);
    for (; keys[n]; n++) {
        int c = 0;
        while (c < src->schema.n && strcmp(src->schema.cols[c].name, keys[n]) != 0)
            c++;
        if (c == src->schema.n || c == corrupt || seen[c])
            return NULL;
        seen[c] = true;
        order[n] = c;
    }
    return n == src->schema.n - (corrupt >= 0) ? order : NULL;
}

static void infer_schema(Infer *in)
{
    size_t n_files;
    InFile *files = list_files(in, &n_files);
    for (size_t i = 0; i < n_files && i < INFER_MAX_FILES && !in->failed && in->budget; i++)
        read_file(in, files[i].name);
    free_files(files, n_files);
    if (in->failed)
        return;
    Arena *a = in->sc->arena;
    SSchema s = {NULL, 0};
    const char **keys = NULL; /* JSON: key_names */
    if (in->csv && in->have_first) {
        s.cols = ARENA_NEW_N(a, SColumn, in->ncols);
        for (int i = 0; i < in->ncols; i++) {
            s.cols[i].name = in->names[i];
            s.cols[i].type = ck_type(in->ctypes[i]);
            s.cols[i].span = in->at;
        }
        s.n = in->ncols;
    } else if (!in->csv) {
        keys = key_names(in);
        if (in->corrupt) {
            JType **slot = jt_field(in, &in->work, in->root, in->corrupt_name, true);
            if (slot)
                *slot = jt_merge(in, &in->work, *slot, jt_new(&in->work, JK_STRING), false);
        }
        const Type *t = jt_canon(a, in->root, in->ro->drop_all_null);
        if (t) {
            s.cols = ARENA_NEW_N(a, SColumn, t->n_fields);
            for (int i = 0; i < t->n_fields; i++) {
                s.cols[i].name = t->fields[i].name;
                s.cols[i].type = t->fields[i].type;
                s.cols[i].span = in->at;
            }
            s.n = t->n_fields;
        }
    }
    if (s.n == 0) {
        infer_error_at(in, in->at,
                       arena_sprintf(a,
                                     "Unable to infer schema for %s. It must be specified "
                                     "manually.",
                                     in->csv ? "CSV" : "JSON"));
        if (n_files == 0)
            diag_note(in->sc->diag, in->path_at,
                      "inferSchema reads the files in '%s' when the query is built, and it has "
                      "none",
                      in->path);
        else
            diag_note(in->sc->diag, in->path_at,
                      "inferSchema found no records in the files of '%s' (%ld line(s) read)",
                      in->path, in->records);
        return;
    }
    if (check_duplicates(in, &s)) {
        in->src->schema = s;
        if (!in->csv)
            in->src->key_order = key_order(in, keys);
    }
}

/* ==== Entry point ==== */

static void text_schema(SemaCtx *sc, SSource *src, const AstStmt *st)
{
    if (!st->has_columns) {
        src->schema.cols = ARENA_NEW(sc->arena, SColumn);
        src->schema.cols[0].name = "value";
        src->schema.cols[0].type = &type_string;
        src->schema.cols[0].span = st->name_span;
        src->schema.n = 1;
        return;
    }
    if (st->n_columns == 0)
        return; /* "must have at least one column" follows */
    if (st->n_columns != 1) {
        diag_error(sc->diag, st->columns[0].span,
                   "Text data source supports only a single column, and you have %d columns.",
                   st->n_columns);
    } else if (st->columns[0].type && st->columns[0].type->kind != TY_STRING) {
        diag_error(sc->diag, st->columns[0].type_span,
                   "Text data source does not support %s data type.",
                   type_name(sc->arena, st->columns[0].type));
    }
}

/* What the generated CSV reader (codegen/cg_text.c) handles: one-byte sep, quote and
   escape, and columns of atomic types (Spark refuses nested types in CSV too).  The
   options are left decoded ('\\t' as a tab, '' as empty) so the reader takes them as
   they are. */
static bool csv_reader_limits(SemaCtx *sc, SSource *src, const CsvConf *c, const AstStmt *st)
{
    bool ok = true;
    static const char *const keys[] = {"sep", "quote", "escape"};
    const char *vals[] = {c->sep, c->quote, c->esc};
    size_t lens[] = {c->sep_n, c->quote_n, c->esc_n};
    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < src->options.n; k++) {
            SOption *o = &src->options.items[k];
            if (strcmp(o->key, keys[i]) != 0)
                continue;
            if (lens[i] > 1)
                ok = false, diag_error(sc->diag, o->value_span,
                           "%s '%s' has more than one byte: the CSV reader takes a single "
                           "ASCII character (multi-character separators are not supported yet)",
                           keys[i], o->value);
            else
                o->value = arena_strndup(sc->arena, vals[i], lens[i]);
        }
    }
    for (int i = 0; i < st->n_columns; i++) {
        const AstColumnDef *cd = &st->columns[i];
        if (cd->type && type_is_nested(cd->type))
            diag_error(sc->diag, cd->type_span, "CSV data source does not support %s data type.",
                       type_name(sc->arena, cd->type));
    }
    return ok;
}

/* columnNameOfCorruptRecord, or Spark's default (spark.sql.columnNameOfCorruptRecord). */
static const char *corrupt_name(const SSource *src)
{
    const SOption *o = soptions_find(&src->options, "columnNameOfCorruptRecord");
    return o && *o->value ? o->value : "_corrupt_record";
}

int sema_corrupt_column(const SSource *src)
{
    if (!src->format || strcmp(src->format, "text") == 0)
        return -1;
    const char *name = corrupt_name(src);
    for (int i = 0; i < src->schema.n; i++)
        if (strcmp(src->schema.cols[i].name, name) == 0 && src->schema.cols[i].type->kind == TY_STRING)
            return i;
    return -1;
}

const char sema_corrupt_only_msg[] =
    "Since Spark 2.3, the queries from raw JSON/CSV files are disallowed when the referenced "
    "columns only include the internal corrupt record column (named _corrupt_record by "
    "default). For example: spark.read.schema(schema).csv(file).filter($\"_corrupt_record\""
    ".isNotNull).count() and spark.read.schema(schema).csv(file).select(\"_corrupt_record\")"
    ".show(). Instead, you can cache or save the parsed results and then send the same query. "
    "For example, val df = spark.read.schema(schema).csv(file).cache() and then "
    "df.filter($\"_corrupt_record\".isNotNull).count().";

/* ExprUtils.verifyColumnNameOfCorruptRecord: a column named by columnNameOfCorruptRecord
   must be a (nullable) STRING. */
static void corrupt_column_type(SemaCtx *sc, const SSource *src, const AstStmt *st)
{
    const char *name = corrupt_name(src);
    for (int i = 0; i < st->n_columns; i++) {
        const AstColumnDef *cd = &st->columns[i];
        if (cd->type && strcmp(cd->name, name) == 0 && cd->type->kind != TY_STRING)
            diag_error(sc->diag, cd->type_span, "The field for corrupt records must be string type and nullable");
    }
}

/* The lineSep option: Spark 3.5's TextOptions and JSONOptions.lineSeparator require a
   non-empty string, CSVOptions.lineSeparator one of at most 2 UTF-16 units ("can contain only
   1 character", the 2 allowed for "\r\n"; sql/catalyst/.../csv/CSVOptions.scala).  The option,
   or NULL when not set; *bad after an error. */
static const char *line_sep(SemaCtx *sc, const SSource *src, bool csv, bool *bad)
{
    const SOption *o = soptions_find(&src->options, "lineSep");
    *bad = false;
    if (!o)
        return NULL;
    const char *v = o->value;
    if (!*v) {
        diag_error(sc->diag, o->value_span, "requirement failed: 'lineSep' cannot be an empty string.");
        *bad = true;
        return NULL;
    }
    size_t units = 0; /* UTF-16 code units, as Java's String.length */
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        units += ((*p & 0xC0) != 0x80) + ((*p & 0xF8) == 0xF0); /* 4 bytes: a surrogate pair */
    if (csv && units > 2) {
        diag_error(sc->diag, o->value_span, "requirement failed: 'lineSep' can contain only 1 character.");
        *bad = true;
        return NULL;
    }
    return v;
}

void sema_files_schema(SemaCtx *sc, SSource *src, const AstStmt *st)
{
    if (!src->format)
        return; /* a bad format was reported */
    bool csv = strcmp(src->format, "csv") == 0;
    if (!csv)
        drop_csv_defaults(src);
    bool sep_bad;
    const char *sep = line_sep(sc, src, csv, &sep_bad);
    CsvConf conf;
    bool conf_ok = !csv || csv_conf(sc, &src->options, &conf);
    if (csv && conf_ok)
        conf_ok = csv_reader_limits(sc, src, &conf, st); /* inference splits as the reader */
    if (strcmp(src->format, "text") == 0) {
        text_schema(sc, src, st);
        return;
    }
    const SOption *inf = soptions_find(&src->options, "inferSchema");
    bool inferring = inf && strcmp(inf->value, "true") == 0;
    if (st->has_columns) {
        corrupt_column_type(sc, src, st);
        if (inferring)
            diag_error(sc->diag, inf->span,
                       "inferSchema cannot be used with a column list: write the columns or "
                       "infer them, not both");
        return;
    }
    if (!inferring) {
        if (!inf && written(st, "inferSchema"))
            return; /* its bad value was reported */
        diag_error(
            sc->diag, st->name_span,
            "Schema must be specified when creating a streaming source DataFrame. If some files "
            "already exist in the directory, then depending on the file format you may be able to "
            "create a static DataFrame on that directory with 'spark.read.load(directory)' and "
            "infer schema from it.");
        return;
    }
    const SOption *path = soptions_find(&src->options, "path");
    if (!path || !*path->value || !conf_ok || sep_bad)
        return;

    Infer in;
    memset(&in, 0, sizeof in);
    in.sc = sc;
    in.src = src;
    in.ro = &src->read;
    in.path = path->value;
    in.path_at = path->value_span;
    in.at = inf->value_span;
    in.csv = csv;
    in.line_sep = sep;
    in.whole = src->read.whole;
    in.budget = INFER_MAX_BYTES;
    const SOption *mode = soptions_find(&src->options, "mode");
    in.mode = !mode                                       ? PM_PERMISSIVE
              : strcmp(mode->value, "DROPMALFORMED") == 0 ? PM_DROPMALFORMED
              : strcmp(mode->value, "FAILFAST") == 0      ? PM_FAILFAST
                                                          : PM_PERMISSIVE;
    in.corrupt_name = corrupt_name(src);
    if (csv)
        in.conf = conf;
    arena_init(&in.work);
    arena_init(&in.temp);
    in.root = jt_new(&in.work, JK_STRUCT);
    infer_schema(&in);
    free(in.undo);
    arena_free(&in.temp);
    arena_free(&in.work);
}

/* ==== The CSV and schema functions (sema_func_csv.c) ==== */

bool sema_csv_chars(SemaCtx *sc, const SOptions *opts, int chars[3])
{
    CsvConf c;
    if (!csv_conf(sc, opts, &c))
        return false;
    static const char *const keys[] = {"sep", "quote", "escape"};
    const char *vals[] = {c.sep, c.quote, c.esc};
    size_t lens[] = {c.sep_n, c.quote_n, c.esc_n};
    bool ok = true;
    for (int i = 0; i < 3; i++) {
        const SOption *o = soptions_find(opts, keys[i]);
        if (lens[i] > 1) {
            diag_error(sc->diag, o->value_span,
                       "%s '%s' has more than one byte: the CSV functions take a single ASCII "
                       "character (multi-character separators are not supported yet)",
                       keys[i], o->value);
            ok = false;
        }
        chars[i] = csv_byte(vals[i], lens[i]);
    }
    return ok;
}

const Type *sema_infer_csv_record(SemaCtx *sc, const char *s, size_t n, const int chars[3])
{
    Arena *a = sc->arena;
    CsvConf c;
    memset(&c, 0, sizeof c);
    const int *ch[3] = {&chars[0], &chars[1], &chars[2]};
    char *bytes[3] = {c.sep, c.quote, c.esc};
    size_t *lens[3] = {&c.sep_n, &c.quote_n, &c.esc_n};
    for (int i = 0; i < 3; i++) {
        bytes[i][0] = (char)*ch[i];
        *lens[i] = *ch[i] != 0xFF;
    }
    const char *nl = memchr(s, '\n', n); /* one record: what a line break ends is not read */
    int k;
    static const SReadOpts defaults; /* Spark's: schema_of_csv reads sep, quote, escape */
    CsvTok *t = csv_split(a, &c, &defaults, s, nl ? (size_t)(nl - s) : n, -1, &k);
    TypeField *f = ARENA_NEW_N(a, TypeField, k);
    for (int i = 0; i < k; i++) {
        CType ct = {CK_NULL, 0, 0};
        if (!t[i].null && t[i].n)
            ct = csv_try(&defaults, ct, t[i].s, t[i].n, true);
        f[i].name = arena_sprintf(a, "_c%d", i);
        f[i].type = ck_type(ct);
    }
    return type_struct(a, k, f);
}

const Type *sema_infer_json_value(SemaCtx *sc, const char *s, size_t n, const SReadOpts *ro,
                                  const char **why)
{
    Infer in;
    memset(&in, 0, sizeof in);
    in.sc = sc;
    in.ro = ro;
    arena_init(&in.temp);
    if (ro->json_flags) { /* JSONOptions' parser switches: the normal form (cm_json_opts.h) */
        char *norm = arena_alloc(&in.temp, cm_json_norm_cap(n));
        cm_json_norm(s, s + n, ro->json_flags, norm, &n);
        s = norm;
    }
    JParse jp = {&in, &in.temp, s, s + n};
    j_ws(&jp);
    const Type *r = &type_string; /* no token: Jackson's null, NullType */
    bool drop = ro->drop_all_null;
    if (jp.p < jp.end) {
        JType *t = j_value(&jp, 0);
        if (!t) {
            r = NULL;
        } else if (t->kind == JK_STRUCT) {
            if (!(r = jt_canon(sc->arena, t, drop)))
                r = type_struct(sc->arena, 0, NULL);
        } else if (t->kind == JK_ARRAY && t->elem->kind == JK_STRUCT) {
            const Type *e = jt_canon(sc->arena, t->elem, drop);
            r = type_array(sc->arena, e ? e : type_struct(sc->arena, 0, NULL));
        } else if (!(r = jt_canon(sc->arena, t, drop))) {
            r = &type_string;
        }
    }
    *why = in.neg_scale  ? neg_scale_msg(sc->arena, in.scale)
           : in.too_many ? "schema_of_json: a struct of more than 10000 fields is not supported"
                         : NULL;
    arena_free(&in.temp);
    return *why ? NULL : r;
}

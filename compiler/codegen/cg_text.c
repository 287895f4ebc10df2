/* cg_text.c - record parsers for the line formats other than JSON: csv and text.
**
** Both follow the contract of cg_json_record (cg_int.h): they fill the column slots
** of a CgRecord from the record at *p_slot and leave the builder where the record
** has been read.
**
** csv: fields by position, separated by `sep`, quoted with `quote` and escaped with
** `escape` as univocity reads them (srt_csv_field, common/cm_csv_lex.h; multiLine = true:
** records over lines, csv_ml_record).  Blank lines (only bytes <= ' ', "\r\n" too) are
** skipped, as Spark's reader does.  An empty field,
** quoted or not, is NULL.  Values convert as Spark's UnivocityParser: strict integers and
** booleans, Java doubles, timestamps in Spark's lenient forms.  A record is malformed when
** a value it reads does not convert or the number of fields differs from the schema (not
** counted when the query reads some of the columns and not the corrupt-record column:
** Spark's column pruning); by the read mode it then keeps what converted (PERMISSIVE, the
** raw line in the corrupt-record column), is dropped (DROPMALFORMED) or fails the query
** (FAILFAST).  The header line of each file (header = true) never reaches generated code:
** the files source skips it.
** A narrow record reads each field inline; a wide one calls a reader shared by the
** columns of a type (sl_csv_read_<type>), as wide JSON records do (cg_reader.c): one
** field scanner and converter per column made optimisation grow with the square of the
** columns (200 columns: over 2 minutes at -O2).  Both run the same csv_field.
**
** text: every line is one row with the line, without its terminator, in `value`;
** empty lines are rows too.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

/* A one-byte option such as sep, already decoded and checked by sema (sema_infer.c).
   An empty value (quote = '') disables the character: 0xFF never occurs in UTF-8. */
static int option_char(const PQuery *pq, const char *key, int dflt)
{
    const SOption *o = soptions_find(&pq->source->options, key);
    if (!o)
        return dflt;
    return *o->value ? (unsigned char)o->value[0] : 0xFF;
}

/* How the fields are written (constants in a record's parser, parameters in a shared reader)
   and where the field just read is kept. */
typedef struct CsvSyntax {
    LLVMValueRef sep, quote, esc; /* i32 */
    LLVMValueRef s, n, kind;      /* allocas: the field as srt_csv_field returns it */
    const SReadOpts *ro;          /* how values convert (constants of the reader) */
    LLVMValueRef skip;            /* i32 ORed into esc for a field the query does not read:
                                     SRT_CSV_SKIP when univocity skips it (srt_csv_line_skip) */
} CsvSyntax;

static CsvSyntax csv_syntax(CgCtx *cg, const SReadOpts *ro, LLVMValueRef sep, LLVMValueRef quote,
                            LLVMValueRef esc)
{
    CsvSyntax sx = {sep,
                    quote,
                    esc,
                    cg_alloca(cg, cg->t_ptr, "csv.s"),
                    cg_alloca(cg, cg->t_i32, "csv.n"),
                    cg_alloca(cg, cg->t_i32, "csv.kind"),
                    ro,
                    NULL};
    return sx;
}

/* A TIMESTAMP, DATE or TIMESTAMP_NTZ field (s, n) of type t into *o (µs) as UnivocityParser
   converts it: with the timestampFormat, dateFormat or timestampNTZFormat option, that
   pattern's formatter and no fallback (srt_ts_parse_fmt, srt_date_parse_fmt,
   srt_ts_ntz_parse_fmt; a pattern that parses nothing, *_never, never converts), else Spark's
   lenient forms (srt_cast_str_ts; a TIMESTAMP_NTZ's without a zone, srt_text_ts_ntz); returns
   the i1 "converted". */
static LLVMValueRef csv_time(CgCtx *cg, const CsvSyntax *sx, const Type *t, LLVMValueRef s,
                             LLVMValueRef n, LLVMValueRef o)
{
    const SReadOpts *ro = sx->ro;
    bool ntz = t->kind == TY_TIMESTAMP_NTZ, date = t->kind == TY_DATE;
    const char *fmt = ntz ? ro->ntz_fmt : date ? ro->date_fmt : ro->ts_fmt;
    if (fmt && (ntz ? ro->ntz_never : date ? ro->date_never : ro->ts_never))
        return cg_i1(cg, 0);
    if (!fmt) {
        LLVMValueRef args[3] = {s, n, o};
        LLVMValueRef rc = cg_call(cg, ntz ? "srt_text_ts_ntz" : "srt_cast_str_ts", args, 3, "rc");
        return LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, 0), "ok");
    }
    uint32_t fn = (uint32_t)strlen(fmt);
    LLVMValueRef args[5] = {s, n, cg_str_const(cg, fmt, fn, "time.fmt"), cg_i32(cg, fn), o};
    LLVMValueRef rc = cg_call(cg,
                              ntz    ? "srt_ts_ntz_parse_fmt"
                              : date ? "srt_date_parse_fmt"
                                     : "srt_ts_parse_fmt",
                              args, 5, "rc");
    return LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, 0), "ok");
}

/* Where a field goes: column slots (NULL for a field that is only skipped) and the record's
   malformed flag (i1). */
typedef struct CsvSlots {
    LLVMValueRef null, val, len, bad;
} CsvSlots;

/* Go to bb_yes when at < end and the byte at `at` is ch (an i32), else to bb_no. */
static void byte_is(CgCtx *cg, LLVMValueRef at, LLVMValueRef end, LLVMValueRef ch,
                    LLVMBasicBlockRef bb_yes, LLVMBasicBlockRef bb_no)
{
    LLVMBasicBlockRef bb_in = cg_block(cg, "csv.byte");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, at, end, ""), bb_in, bb_no);
    cg_at(cg, bb_in);
    LLVMValueRef c = LLVMBuildZExt(cg->b, cg_load(cg, cg->t_i8, at, "c"), cg->t_i32, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, ch, ""), bb_yes, bb_no);
}

/* A NUL-terminated string constant. */
static LLVMValueRef c_string(CgCtx *cg, const char *v)
{
    return cg_str_const(cg, v, (uint32_t)strlen(v) + 1, "csv.opt");
}

/* With options other than Spark's defaults (SReadOpts.csv_custom), what UnivocityParser makes
   of the field at `at` before converting it: an unquoted empty one is univocity's nullValue,
   a quoted empty one ("") its emptyValue, and a value equal to nullValue is NULL
   (nullSafeDatum).  From bb_empty (the raw field is empty), bb_value (it is not) and bb_dec
   (it must be decoded first) on to bb_conv with the value in sx->s, sx->n, or to bb_done
   (NULL).  Returns the block of the nullValue test, where a decoded value goes. */
static LLVMBasicBlockRef csv_custom_value(CgCtx *cg, const CsvSyntax *sx, LLVMValueRef at,
                                          LLVMValueRef end, LLVMBasicBlockRef bb_empty,
                                          LLVMBasicBlockRef bb_value, LLVMBasicBlockRef bb_dec,
                                          LLVMBasicBlockRef bb_conv, LLVMBasicBlockRef bb_done)
{
    const SReadOpts *ro = sx->ro;
    LLVMBasicBlockRef bb_quoted = cg_block(cg, "csv.empty.quoted");
    LLVMBasicBlockRef bb_null = cg_block(cg, "csv.nullvalue");
    LLVMBasicBlockRef bb_at = cg_block(cg, "csv.empty.at");
    cg_at(cg, bb_empty); /* multiLine's SRT_CSV_EMPTY, or a line's "" */
    LLVMValueRef kind = cg_load(cg, cg->t_i32, sx->kind, "kind");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_EMPTY), ""),
                    bb_quoted, bb_at);
    cg_at(cg, bb_at);
    byte_is(cg, at, end, sx->quote, bb_quoted, bb_done);
    cg_at(cg, bb_quoted);
    cg_store(cg, cg_str_const(cg, ro->empty_value, (uint32_t)strlen(ro->empty_value), "csv.empty"),
             sx->s);
    cg_store(cg, cg_i32(cg, (int)strlen(ro->empty_value)), sx->n);
    LLVMBuildBr(cg->b, bb_null);
    cg_at(cg, bb_value);
    kind = cg_load(cg, cg->t_i32, sx->kind, "kind");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_ENCODED), ""),
                    bb_dec, bb_null);
    cg_at(cg, bb_null);
    uint32_t vn = (uint32_t)strlen(ro->null_value);
    LLVMValueRef args[4] = {cg_load(cg, cg->t_ptr, sx->s, "s"), cg_load(cg, cg->t_i32, sx->n, "n"),
                            cg_str_const(cg, ro->null_value, vn, "csv.null"), cg_i32(cg, vn)};
    LLVMValueRef is_null = LLVMBuildICmp(
        cg->b, LLVMIntNE, cg_call(cg, "srt_csv_is", args, 4, "isnull"), cg_i32(cg, 0), "");
    LLVMBuildCondBr(cg->b, is_null, bb_done, bb_conv);
    return bb_null;
}

/* A DOUBLE or FLOAT field: srt_csv_f64 (f32), or with nanValue, positiveInf or negativeInf set
   the _opts helper given them. */
static LLVMValueRef csv_float(CgCtx *cg, const CsvSyntax *sx, bool f32, LLVMValueRef s,
                              LLVMValueRef n, LLVMValueRef o)
{
    const SReadOpts *ro = sx->ro;
    LLVMValueRef rc;
    if (ro->nan_value && (strcmp(ro->nan_value, "NaN") != 0 || strcmp(ro->pos_inf, "Inf") != 0 ||
                          strcmp(ro->neg_inf, "-Inf") != 0)) {
        LLVMValueRef args[6] = {
            s, n, c_string(cg, ro->nan_value), c_string(cg, ro->pos_inf), c_string(cg, ro->neg_inf),
            o};
        rc = cg_call(cg, f32 ? "srt_csv_f32_opts" : "srt_csv_f64_opts", args, 6, "rc");
    } else {
        LLVMValueRef args[3] = {s, n, o};
        rc = cg_call(cg, f32 ? "srt_csv_f32" : "srt_csv_f64", args, 3, "rc");
    }
    return LLVMBuildICmp(cg->b, LLVMIntEQ, rc, cg_i32(cg, 0), "ok");
}

/* With a lineSep the source swapped with '\n' (esc's SRT_CSV_KEEP_CR, the swapped byte in
   its bits 16 to 23), the value s[0, n) of a column that converts holds the record's '\n's
   again, in place, before the conversion: Java's parsers trim them, as Double.parseDouble
   (UnivocityParser's datum.toDouble) does. */
static void csv_unswap(CgCtx *cg, const CsvSyntax *sx, LLVMValueRef s, LLVMValueRef n)
{
    if (LLVMIsAConstantInt(sx->esc)) {
        uint64_t e = LLVMConstIntGetZExtValue(sx->esc);
        if (e & SRT_CSV_KEEP_CR)
            cg_line_unswap(cg, (int)(e >> 16), s, n);
        return;
    }
    LLVMValueRef args[3] = {s, n, sx->esc}; /* a shared reader's esc: a parameter */
    cg_call(cg, "srt_csv_unswap", args, 3, "");
}

/* Convert the field just read (starting at `at`, the line ending at end) into a column of
   type t; a failure sets bad. */
static void csv_convert(CgCtx *cg, const Type *t, const CsvSyntax *sx, LLVMValueRef at,
                        LLVMValueRef end, const CsvSlots *out)
{
    LLVMValueRef s_slot = sx->s, n_slot = sx->n, kind_slot = sx->kind;
    LLVMValueRef kind = cg_load(cg, cg->t_i32, kind_slot, "kind");
    LLVMValueRef n = cg_load(cg, cg->t_i32, n_slot, "n");
    LLVMValueRef empty = cg_and(
        cg,
        LLVMBuildOr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_PLAIN), ""),
                    LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_EMPTY), ""), ""),
        LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i32(cg, 0), ""));
    LLVMBasicBlockRef bb_val = cg_block(cg, "csv.value");
    LLVMBasicBlockRef bb_dec = cg_block(cg, "csv.decode");
    LLVMBasicBlockRef bb_conv = cg_block(cg, "csv.convert");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.field.done");
    LLVMBasicBlockRef bb_decoded = bb_conv;
    if (sx->ro->csv_custom) {
        LLVMBasicBlockRef bb_empty = cg_block(cg, "csv.empty");
        LLVMBuildCondBr(cg->b, empty, bb_empty, bb_val);
        bb_decoded = csv_custom_value(cg, sx, at, end, bb_empty, bb_val, bb_dec, bb_conv, bb_done);
    } else {
        LLVMBuildCondBr(cg->b, empty, bb_done, bb_val); /* empty: stays NULL */
        cg_at(cg, bb_val);
        LLVMBuildCondBr(cg->b,
                        LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_ENCODED), ""),
                        bb_dec, bb_conv);
    }
    cg_at(cg, bb_dec);
    {
        LLVMValueRef args[8] = {cg->q, cg_load(cg, cg->t_ptr, s_slot, "raw"), n, sx->sep, sx->quote, sx->esc, s_slot, n_slot};
        cg_call(cg, "srt_csv_decode", args, 8, "");
        LLVMBuildBr(cg->b, bb_decoded);
    }
    cg_at(cg, bb_conv);
    LLVMValueRef s = cg_load(cg, cg->t_ptr, s_slot, "s");
    n = cg_load(cg, cg->t_i32, n_slot, "n");
    if (t->kind != TY_STRING) /* a STRING's '\n's come back with the record (unswap_strings) */
        csv_unswap(cg, sx, s, n);
    LLVMValueRef ok, val;
    switch (t->kind) {
    case TY_STRING:
        cg_store(cg, cg_i1(cg, 0), out->null);
        cg_store(cg, s, out->val);
        cg_store(cg, n, out->len);
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
        return;
    case TY_TINYINT: /* UnivocityParser: datum.toByte, toShort, toInt (Java's parseByte ...) */
    case TY_SMALLINT:
    case TY_INT:
    case TY_BIGINT: {
        LLVMValueRef o = cg_alloca(cg, cg->t_i64, "csv.i");
        LLVMValueRef args[3] = {s, n, o};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_csv_i64", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = cg_load(cg, cg->t_i64, o, "v");
        if (t->kind != TY_BIGINT) {
            int64_t max = (INT64_C(1) << (type_int_bits(t) - 1)) - 1;
            LLVMValueRef lo = LLVMBuildICmp(cg->b, LLVMIntSGE, val, cg_i64(cg, -max - 1), "");
            LLVMValueRef hi = LLVMBuildICmp(cg->b, LLVMIntSLE, val, cg_i64(cg, max), "");
            ok = cg_and(cg, ok, cg_and(cg, lo, hi));
            val = LLVMBuildTrunc(cg->b, val, cg->t_i32, "");
        }
        break;
    }
    case TY_BOOLEAN: {
        LLVMValueRef o = cg_alloca(cg, cg->t_i64, "csv.b");
        LLVMValueRef args[3] = {s, n, o};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_csv_bool", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i64, o, "v"), cg_i64(cg, 0), "");
        break;
    }
    case TY_DOUBLE: { /* UnivocityParser: nanValue, negativeInf, positiveInf, datum.toDouble */
        LLVMValueRef o = cg_alloca(cg, cg->t_f64, "csv.d");
        ok = csv_float(cg, sx, false, s, n, o);
        val = cg_load(cg, cg->t_f64, o, "v");
        break;
    }
    case TY_FLOAT: { /* the same, datum.toFloat (Float.parseFloat) */
        LLVMValueRef o = cg_alloca(cg, cg->t_f32, "csv.f");
        ok = csv_float(cg, sx, true, s, n, o);
        val = cg_load(cg, cg->t_f32, o, "v");
        break;
    }
    case TY_DECIMAL: { /* UnivocityParser: ExprUtils.getDecimalParser, then Decimal(bd, p, s) */
        LLVMValueRef o = cg_alloca(cg, cg_dec_type(cg), "csv.dec");
        cg_store(cg, cg_dec_const(cg, 0), o);
        LLVMValueRef args[5] = {s, n, cg_i32(cg, t->precision), cg_i32(cg, t->scale), o};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_text_dec", args, 5, "rc"), cg_i32(cg, 1), "ok");
        val = cg_load(cg, cg_dec_type(cg), o, "v");
        break;
    }
    case TY_INTERVAL: /* UnivocityParser: Cast(Literal(datum), type) (srt_text_iv) */
    case TY_YM_INTERVAL: {
        LLVMValueRef o = cg_alloca(cg, cg->t_i64, "csv.iv");
        cg_store(cg, cg_i64(cg, 0), o);
        LLVMValueRef args[4] = {s, n, cg_i32(cg, cg_interval_fields(t)), o};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_text_iv", args, 4, "rc"),
                           cg_i32(cg, 0), "ok");
        val = cg_load(cg, cg->t_i64, o, "v");
        break;
    }
    default: { /* TIMESTAMP, DATE, TIMESTAMP_NTZ (parseWithoutTimeZone(datum, false)) */
        LLVMValueRef o = cg_alloca(cg, cg->t_i64, "csv.ts");
        cg_store(cg, cg_i64(cg, 0), o);
        ok = csv_time(cg, sx, t, s, n, o);
        val = cg_load(cg, cg->t_i64, o, "v");
        if (t->kind == TY_DATE) {
            CgVal tv = {cg_i1(cg, 0), val, NULL, NULL, 0};
            val = cg_cast(cg, tv, &type_timestamp, &type_date, (SrcSpan){0}).v;
        }
        break;
    }
    }
    CgVal d = cg_null_of(cg, t);
    cg_store(cg, cg_not(cg, ok), out->null);
    cg_store(cg, cg_select(cg, ok, val, d.v), out->val);
    LLVMValueRef bad = cg_load(cg, cg->t_i1, out->bad, "bad");
    cg_store(cg, cg_or(cg, bad, cg_not(cg, ok)), out->bad);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* ignoreTrailingWhiteSpace and the line's last value, unquoted, of whitespace only (n bytes
   trimmed to tn = 0): univocity reads it on the slow path up to the end of its input
   (CsvParser's appendUntil, then AbstractParser.handleEOF), whose appender trims it to
   nothing and gives its empty value, CsvParserSettings.newCharAppender's emptyValue, where a
   value before a separator (getString) is nullValue.  The value becomes emptyValue (kind
   QUOTED: it is compared with nullValue and converted as any other). */
static void csv_trimmed_last(CgCtx *cg, const CsvSyntax *sx, LLVMValueRef plain, LLVMValueRef n,
                             LLVMValueRef tn, LLVMValueRef np, LLVMValueRef end)
{
    LLVMBasicBlockRef bb_last = cg_block(cg, "csv.ws.last");
    LLVMBasicBlockRef bb_empty = cg_block(cg, "csv.ws.empty");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.ws.done");
    LLVMValueRef all_ws = cg_and(cg, plain,
                                 cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntNE, n, cg_i32(cg, 0), ""),
                                        LLVMBuildICmp(cg->b, LLVMIntEQ, tn, cg_i32(cg, 0), "")));
    LLVMBuildCondBr(cg->b, all_ws, bb_last, bb_done);
    cg_at(cg, bb_last);
    byte_is(cg, np, end, sx->sep, bb_done, bb_empty);
    cg_at(cg, bb_empty);
    const char *ev = sx->ro->empty_value;
    cg_store(cg, cg_str_const(cg, ev, (uint32_t)strlen(ev), "csv.empty"), sx->s);
    cg_store(cg, cg_i32(cg, (int)strlen(ev)), sx->n);
    cg_store(cg, cg_i32(cg, SRT_CSV_QUOTED), sx->kind);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

/* Read one field at `at` into a column of type t (NULL: skip it) and return the position
   after it.  Unless it is the first (first: i1), the previous field must have ended at a
   separator; else the line has too few fields: go to bb_short. */
static LLVMValueRef csv_field(CgCtx *cg, const Type *t, const CsvSyntax *sx, LLVMValueRef at, LLVMValueRef end,
                              LLVMValueRef first, const CsvSlots *out, LLVMBasicBlockRef bb_short)
{
    if (!LLVMIsAConstantInt(first) || !LLVMConstIntGetZExtValue(first)) {
        LLVMBasicBlockRef bb_sep = cg_block(cg, "csv.sep");
        LLVMBasicBlockRef bb_next = cg_block(cg, "csv.next");
        LLVMBasicBlockRef bb_read = cg_block(cg, "csv.read");
        LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
        LLVMBuildCondBr(cg->b, first, bb_read, bb_sep);
        cg_at(cg, bb_sep);
        byte_is(cg, at, end, sx->sep, bb_next, bb_short);
        cg_at(cg, bb_next);
        LLVMValueRef after = cg_gepc(cg, at, 1, "field");
        LLVMBuildBr(cg->b, bb_read);
        cg_at(cg, bb_read);
        at = cg_phi2(cg, cg->t_ptr, at, here, after, bb_next, "at");
    }
    if (sx->ro->trim_leading) { /* ignoreLeadingWhiteSpace */
        LLVMValueRef wargs[5] = {at, end, sx->sep, sx->quote, sx->esc};
        at = cg_call(cg, "srt_csv_skip_ws", wargs, 5, "p.ws");
    }
    LLVMValueRef args[8] = {at, end, sx->sep, sx->quote, sx->esc, sx->s, sx->n, sx->kind};
    LLVMValueRef np = cg_call(cg, "srt_csv_field", args, 8, "p.field");
    if (t && sx->ro->trim_trailing) { /* ignoreTrailingWhiteSpace: unquoted values */
        LLVMValueRef plain =
            LLVMBuildICmp(cg->b, LLVMIntEQ, cg_load(cg, cg->t_i32, sx->kind, "kind"),
                          cg_i32(cg, SRT_CSV_PLAIN), "");
        LLVMValueRef n = cg_load(cg, cg->t_i32, sx->n, "n");
        LLVMValueRef targs[2] = {cg_load(cg, cg->t_ptr, sx->s, "s"), n};
        LLVMValueRef tn = cg_call(cg, "srt_csv_trim_end", targs, 2, "n.trim");
        cg_store(cg, cg_select(cg, plain, tn, n), sx->n);
        if (sx->ro->csv_custom)
            csv_trimmed_last(cg, sx, plain, n, tn, np, end);
    }
    if (t)
        csv_convert(cg, t, sx, at, end, out);
    return np;
}

/* The shared reader of a wide record for a column of type t (NULL: a skipped field):
   (at, end, q, sep, quote, esc, first, null slot, value slot, length slot or NULL, bad slot)
   -> the position after the field, or NULL if the line has too few fields. */
static LLVMValueRef csv_reader(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMTypeRef *fn_type)
{
    LLVMTypeRef params[11] = {cg->t_ptr, cg->t_ptr, cg->t_ptr, cg->t_i32, cg->t_i32, cg->t_i32,
                              cg->t_i1, cg->t_ptr, cg->t_ptr, cg->t_ptr, cg->t_ptr};
    *fn_type = LLVMFunctionType(cg->t_ptr, params, 11, 0);
    LLVMValueRef fn;
    CgResume r;
    const char *prefix = arena_sprintf(cg->arena, "sl_csv_read_%s", cg_read_opts_key(cg, ro));
    if (!cg_reader_begin(cg, prefix, t, *fn_type, 2, &fn, &r))
        return fn;
    CsvSyntax sx =
        csv_syntax(cg, ro, LLVMGetParam(fn, 3), LLVMGetParam(fn, 4), LLVMGetParam(fn, 5));
    CsvSlots out = {LLVMGetParam(fn, 7), LLVMGetParam(fn, 8), LLVMGetParam(fn, 9), LLVMGetParam(fn, 10)};
    LLVMBasicBlockRef bb_short = cg_block(cg, "short");
    LLVMValueRef np = csv_field(cg, t, &sx, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), LLVMGetParam(fn, 6), &out,
                                bb_short);
    LLVMBuildRet(cg->b, np);
    cg_at(cg, bb_short);
    LLVMBuildRet(cg->b, LLVMConstNull(cg->t_ptr));
    cg_reader_end(cg, &r);
    return fn;
}

/* The next field, at the position in the slot cur, into out (its slots NULL for a field that is
   only skipped), cur moved past it; to bb_short when the line has no more fields.  Read inline
   by csv_field or, when shared, by the reader of its type (csv_reader). */
static void read_next(CgCtx *cg, const Type *t, const CsvSyntax *sx, LLVMValueRef cur,
                      LLVMValueRef end, bool first, bool shared, const CsvSlots *out,
                      LLVMBasicBlockRef bb_short)
{
    LLVMValueRef at = cg_load(cg, cg->t_ptr, cur, "at"), np;
    CsvSyntax fx = *sx; /* a field the query does not read: univocity may skip it */
    if (!t && sx->skip)
        fx.esc = LLVMBuildOr(cg->b, sx->esc, sx->skip, "esc.skip");
    if (!shared) {
        np = csv_field(cg, t, &fx, at, end, cg_i1(cg, first), out, bb_short);
    } else {
        LLVMTypeRef rt;
        LLVMValueRef reader = csv_reader(cg, t, sx->ro, &rt);
        LLVMValueRef null = LLVMConstNull(cg->t_ptr);
        LLVMValueRef args[11] = {at,
                                 end,
                                 cg->q,
                                 sx->sep,
                                 sx->quote,
                                 fx.esc,
                                 cg_i1(cg, first),
                                 out->null ? out->null : null,
                                 out->val ? out->val : null,
                                 out->len ? out->len : null,
                                 out->bad};
        for (int k = 7; k < 11; k++)
            args[k] = LLVMBuildPointerCast(cg->b, args[k], cg->t_ptr, "");
        np = LLVMBuildCall2(cg->b, rt, reader, args, 11, "p.field");
        LLVMBasicBlockRef bb_read = cg_block(cg, "csv.read");
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, np, ""), bb_short, bb_read);
        cg_at(cg, bb_read);
    }
    cg_store(cg, np, cur);
}

/* After the last field: a separator at cur means more fields than columns (to bb_extra), else
   on to bb_next. */
static void check_extra(CgCtx *cg, const CsvSyntax *sx, LLVMValueRef cur, LLVMValueRef end,
                        LLVMBasicBlockRef bb_next, LLVMBasicBlockRef bb_extra)
{
    LLVMValueRef at = cg_load(cg, cg->t_ptr, cur, "at");
    LLVMBasicBlockRef bb_more = cg_block(cg, "csv.extra");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, at, end, ""), bb_more, bb_next);
    cg_at(cg, bb_more);
    LLVMValueRef ch = LLVMBuildZExt(cg->b, cg_load(cg, cg->t_i8, at, "c"), cg->t_i32, "");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ch, sx->sep, ""), bb_extra, bb_next);
}

/* The fields of a record, the columns read and whether a count that differs from the schema
   is malformed (see cg_csv_record). */
typedef struct CsvShape {
    int corrupt, n_fields, n_read;
    bool pruned;
} CsvShape;

static bool csv_reads(const PQuery *pq, int i)
{
    return i < pq->n_needed && pq->needed[i];
}

static CsvShape csv_shape_of(const PQuery *pq)
{
    CsvShape sh = {cg_corrupt_column(pq), 0, 0, false};
    const SSchema *sc = &pq->source->schema;
    for (int i = 0; i < sc->n; i++) {
        sh.n_fields += i != sh.corrupt;
        sh.n_read += i != sh.corrupt && csv_reads(pq, i);
    }
    /* Spark prunes the columns the query does not read unless it reads the corrupt-record
       column (CSVFileFormat.buildReader: csvColumnPruning && !requiredSchema.exists(corrupt)):
       univocity then returns the selected fields only, a missing one as null
       (ParserOutput.rowParsed), so a record with too few or too many fields is not malformed
       (UnivocityParser.convert compares the count with parsedSchema = requiredSchema). */
    sh.pruned = (sh.corrupt < 0 || !csv_reads(pq, sh.corrupt)) && sh.n_read < sh.n_fields;
    return sh;
}

/* The record's shape: rec's slots are those of the columns pq reads (cg_record_alloc). */
static CsvShape csv_shape(const PQuery *pq, const CgRecord *rec)
{
    (void)rec;
    return csv_shape_of(pq);
}

const char *cg_csv_header_cols(CgCtx *cg, const PQuery *pq)
{
    /* CSVFileFormat.buildReader: CSVHeaderChecker gets the required schema when columns are
       pruned, else the data schema, both without the corrupt-record column */
    CsvShape sh = csv_shape_of(pq);
    int n = pq->source->schema.n;
    char *cols = arena_alloc(cg->arena, (size_t)n + 1);
    for (int i = 0; i < n; i++)
        cols[i] = i == sh.corrupt ? 'c' : !sh.pruned || csv_reads(pq, i) ? '1' : '0';
    cols[n] = '\0';
    return cols;
}

/* cg_csv_header_cols' columns as univocity's fields, the corrupt-record column left out:
   '1' a field univocity reads, '0' one it skips when the columns are pruned. */
static const char *csv_fields_read(CgCtx *cg, const char *cols)
{
    char *out = arena_alloc(cg->arena, strlen(cols) + 1), *w = out;
    for (; *cols; cols++)
        if (*cols != 'c')
            *w++ = *cols;
    *w = '\0';
    return out;
}

/* Column i's type when the record reads it as a field (NULL: skipped or unsupported). */
static const Type *csv_column(CgCtx *cg, const PQuery *pq, const CgRecord *rec, int i)
{
    const SSchema *sc = &pq->source->schema;
    const Type *t = rec->null_slots[i] ? sc->cols[i].type : NULL;
    if (t && !type_is_csv_field(t)) {
        cg_unsupported(cg, sc->cols[i].span, "reading this column type from CSV");
        t = NULL;
    }
    return t;
}

/* multiLine = true (MultiLineCSVDataSource): srt_csv_ml_record parses the next record of the
   file as univocity does (common/cm_csv_ml.h) into an array of SrtCsvTok, one per field up
   to the schema's, and each column converts its field as a line's (csv_convert).  A record
   with another number of fields than the schema's (unless pruned) or a value that does not
   convert is malformed, its text the record's (UnivocityParser.getCurrentInput). */
static void csv_ml_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, CsvSyntax *sx,
                          LLVMValueRef p_slot, LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    const SReadOpts *ro = &pq->source->read;
    CsvShape sh = csv_shape(pq, rec);
    enum { TOK = 24, TOK_S = 8, TOK_N = 16, TOK_KIND = 20 }; /* SrtCsvTok on 64 bits */
    int cap = sh.n_fields ? sh.n_fields : 1;
    LLVMValueRef toks = cg_alloca(cg, LLVMArrayType(cg->t_i64, (unsigned)(3 * cap)), "csv.toks");
    /* SrtCsvRec on 64 bits: start, text_end, n_toks */
    LLVMValueRef rec_slot = cg_alloca(cg, LLVMArrayType(cg->t_i64, 3), "csv.rec");
    LLVMValueRef start_slot = rec_slot, text_slot = cg_gepc(cg, rec_slot, 8, "csv.rec.end");
    LLVMValueRef n_slot = cg_gepc(cg, rec_slot, 16, "csv.ntok");
    LLVMValueRef bad = cg_alloca(cg, cg->t_i1, "csv.bad");
    LLVMBasicBlockRef bb_start = cg_block(cg, "csv.start");
    LLVMBasicBlockRef bb_rec = cg_block(cg, "csv.record");
    LLVMBasicBlockRef bb_got = cg_block(cg, "csv.fields");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.done");
    LLVMBuildBr(cg->b, bb_start);
    cg_at(cg, bb_start);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, end, ""), bb_rec, bb_eof);
    cg_at(cg, bb_rec);
    uint32_t cn = ro->comment ? (uint32_t)strlen(ro->comment) : 0;
    int flags = (ro->trim_leading ? SRT_CSV_TRIM_LEADING : 0) |
                (ro->trim_trailing ? SRT_CSV_TRIM_TRAILING : 0);
    LLVMValueRef args[13] = {
        cg->q,
        p,
        end,
        sx->sep,
        sx->quote,
        sx->esc,
        cn ? cg_str_const(cg, ro->comment, cn, "csv.comment") : LLVMConstNull(cg->t_ptr),
        cg_i32(cg, (int)cn),
        cg_i32(cg, flags),
        toks,
        cg_i32(cg, cap),
        rec_slot,
        sh.pruned ? c_string(cg, csv_fields_read(cg, cg_csv_header_cols(cg, pq)))
                  : LLVMConstNull(cg->t_ptr)};
    cg_store(cg, cg_call(cg, "srt_csv_ml_record", args, 13, "p.next"), p_slot);
    LLVMValueRef n = cg_load(cg, cg->t_i32, n_slot, "ntok");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i32(cg, 0), ""), bb_eof, bb_got);

    cg_at(cg, bb_got);
    cg_record_clear(cg, pq, rec);
    LLVMValueRef count_bad =
        sh.pruned ? cg_i1(cg, 0)
                  : LLVMBuildICmp(cg->b, LLVMIntNE, n, cg_i32(cg, sh.n_fields), "count.bad");
    cg_store(cg, count_bad, bad);
    int pos = 0;
    for (int i = 0; i < pq->source->schema.n; i++) {
        if (i == sh.corrupt)
            continue;
        int k = pos++;
        const Type *t = csv_column(cg, pq, rec, i);
        if (!t)
            continue;
        LLVMBasicBlockRef bb_have = cg_block(cg, "csv.tok");
        LLVMBasicBlockRef bb_next = cg_block(cg, "csv.tok.done");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSLT, cg_i32(cg, k), n, ""), bb_have,
                        bb_next);
        cg_at(cg, bb_have);
        LLVMValueRef tok = cg_gepc(cg, toks, (uint64_t)k * TOK, "tok");
        LLVMValueRef raw = cg_load(cg, cg->t_ptr, tok, "tok.raw");
        cg_store(cg, cg_load(cg, cg->t_ptr, cg_gepc(cg, tok, TOK_S, ""), "tok.s"), sx->s);
        cg_store(cg, cg_load(cg, cg->t_i32, cg_gepc(cg, tok, TOK_N, ""), "tok.n"), sx->n);
        cg_store(cg, cg_load(cg, cg->t_i32, cg_gepc(cg, tok, TOK_KIND, ""), "tok.kind"), sx->kind);
        CsvSlots out = {rec->null_slots[i], rec->val_slots[i], rec->len_slots[i], bad};
        csv_convert(cg, t, sx, raw, end, &out);
        LLVMBuildBr(cg->b, bb_next);
        cg_at(cg, bb_next);
    }
    LLVMBasicBlockRef bb_bad = cg_block(cg, "csv.malformed");
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, bad, "bad"), bb_bad, bb_done);
    cg_at(cg, bb_bad);
    cg_record_malformed(cg, pq, rec, cg_load(cg, cg->t_ptr, start_slot, "rec"),
                        cg_load(cg, cg->t_ptr, text_slot, "rec.end"), false, bb_done, bb_start);
    cg_at(cg, bb_done);
}

/* With a lineSep the source swapped with '\n' (cg_line_swap), the STRING values read hold
   the record's '\n's again (univocity reads them as data). */
static void unswap_strings(CgCtx *cg, const PQuery *pq, const CgRecord *rec)
{
    int sep = cg_line_swap(pq);
    const SSchema *sc = &pq->source->schema;
    for (int i = 0; sep >= 0 && i < sc->n; i++)
        if (i != cg_corrupt_column(pq) && rec->len_slots[i] && sc->cols[i].type->kind == TY_STRING)
            cg_line_unswap(cg, sep, cg_load(cg, cg->t_ptr, rec->val_slots[i], "s"),
                           cg_load(cg, cg->t_i32, rec->len_slots[i], "n"));
}

void cg_csv_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                   LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    /* With a lineSep the source swaps (one byte), a '\r' before the record's end is data */
    int swap = cg_line_swap(pq);
    int esc_flags = swap >= 0 ? SRT_CSV_KEEP_CR | swap << 16 : 0;
    if (pq->source->read.trim_trailing && !pq->source->read.whole)
        esc_flags |= SRT_CSV_TRIM_TAIL; /* unescaped quoted values lose their trailing spaces */
    CsvSyntax sx = csv_syntax(cg, &pq->source->read, cg_i32(cg, option_char(pq, "sep", ',')),
                              cg_i32(cg, option_char(pq, "quote", '"')),
                              cg_i32(cg, option_char(pq, "escape", '\\') | esc_flags));
    if (pq->source->read.whole) {
        csv_ml_record(cg, pq, rec, &sx, p_slot, end, bb_eof);
        return;
    }
    LLVMValueRef cur = cg_alloca(cg, cg->t_ptr, "csv.cur");
    LLVMValueRef bad = cg_alloca(cg, cg->t_i1, "csv.bad");
    const SSchema *sc = &pq->source->schema;
    /* A record reading more than CG_WIDE_RECORD columns reads each field through the shared
       reader of its column's type, as a wide JSON record decodes its values (cg_reader.c);
       fields that are not read are skipped through a shared reader too when there are more
       than CG_WIDE_RECORD fields.  Inline or shared, a field is read by csv_field. */
    CsvShape sh = csv_shape(pq, rec);
    int corrupt = sh.corrupt;
    bool wide = sh.n_read > CG_WIDE_RECORD, many = sh.n_fields > CG_WIDE_RECORD;
    bool pruned = sh.pruned; /* csv_shape */

    LLVMBasicBlockRef bb_start = cg_block(cg, "csv.start");
    LLVMBasicBlockRef bb_char = cg_block(cg, "csv.char");
    LLVMBasicBlockRef bb_blank = cg_block(cg, "csv.blank");
    LLVMBasicBlockRef bb_begin = cg_block(cg, "csv.begin");
    LLVMBasicBlockRef bb_short = cg_block(cg, "csv.short");
    LLVMBasicBlockRef bb_fields = cg_block(cg, "csv.fields.done");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.done");
    LLVMBuildBr(cg->b, bb_start);

    /* csv.start: end of input, or a blank line (skipped: only bytes <= ' ', srt_csv_blank). */
    cg_at(cg, bb_start);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, end, ""), bb_char, bb_eof);
    cg_at(cg, bb_char);
    LLVMValueRef bargs[3] = {p, end, cg_i32(cg, swap)};
    LLVMValueRef blank_end = swap >= 0 && swap != '\n'
                                 ? cg_call(cg, "srt_csv_blank_swap", bargs, 3, "p.blank")
                                 : cg_call(cg, "srt_csv_blank", bargs, 2, "p.blank");
    const char *comment = pq->source->read.comment;
    if (comment) { /* CSVExprUtils.filterCommentAndEmpty: a comment line is no record either */
        LLVMBasicBlockRef bb_comment = cg_block(cg, "csv.comment");
        LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, blank_end, ""), bb_comment, bb_blank);
        cg_at(cg, bb_comment);
        uint32_t cn = (uint32_t)strlen(comment);
        LLVMValueRef cargs[4] = {p, end, cg_str_const(cg, comment, cn, "csv.comment"),
                                 cg_i32(cg, cn)};
        LLVMValueRef comment_end = cg_call(cg, "srt_csv_comment", cargs, 4, "p.comment");
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, comment_end, ""), bb_begin, bb_blank);
        cg_at(cg, bb_blank);
        blank_end = cg_phi2(cg, cg->t_ptr, blank_end, here, comment_end, bb_comment, "p.skip");
    } else {
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, blank_end, ""), bb_begin, bb_blank);
        cg_at(cg, bb_blank);
    }
    LLVMValueRef more_lines = LLVMBuildICmp(cg->b, LLVMIntULT, blank_end, end, "");
    cg_store(cg, cg_select(cg, more_lines, cg_gepc(cg, blank_end, 1, ""), blank_end), p_slot);
    LLVMBuildBr(cg->b, bb_start);

    /* csv.begin: the fields in schema order.  With the columns pruned, univocity skips the
       ones the query does not read but on a file's first line (srt_csv_line_skip). */
    cg_at(cg, bb_begin);
    const SReadOpts *ro = &pq->source->read;
    sx.skip = pruned ? cg_call(cg, "srt_csv_line_skip", &cg->q, 1, "skip") : NULL;
    if (ro->trim_trailing && !ro->trim_leading) { /* univocity 2.9.1's getString failure */
        const char *sel = cg_csv_header_cols(cg, pq), *fields = csv_fields_read(cg, sel);
        LLVMValueRef args[7] = {cg->q,
                                p,
                                end,
                                sx.sep,
                                sx.quote,
                                sx.skip ? LLVMBuildOr(cg->b, sx.esc, sx.skip, "") : sx.esc,
                                c_string(cg, fields)};
        cg_call(cg, "srt_csv_line_check", args, 7, "");
    }
    cg_record_clear(cg, pq, rec);
    cg_store(cg, p, cur);
    cg_store(cg, cg_i1(cg, 0), bad);
    /* Fields map to the columns in order, the corrupt-record column excepted (it is not
       part of the data, as in Spark's parsedSchema). */
    int pos = 0;
    for (int i = 0; i < sc->n; i++) {
        if (i == corrupt)
            continue;
        const Type *t = csv_column(cg, pq, rec, i);
        CsvSlots out = {t ? rec->null_slots[i] : NULL, t ? rec->val_slots[i] : NULL,
                        t ? rec->len_slots[i] : NULL, bad};
        read_next(cg, t, &sx, cur, end, pos++ == 0, wide || (!t && many), &out, bb_short);
    }
    /* More fields than columns make the record malformed too (unless pruned). */
    if (pruned)
        LLVMBuildBr(cg->b, bb_fields);
    else
        check_extra(cg, &sx, cur, end, bb_fields, bb_short);
    /* csv.short: the line ended before the last field: its missing fields stay NULL. */
    cg_at(cg, bb_short);
    if (!pruned)
        cg_store(cg, cg_i1(cg, 1), bad);
    LLVMBuildBr(cg->b, bb_fields);

    /* csv.fields.done: the next record starts after the line. */
    cg_at(cg, bb_fields);
    unswap_strings(cg, pq, rec);
    LLVMValueRef at = cg_load(cg, cg->t_ptr, cur, "at");
    LLVMValueRef largs[2] = {at, end};
    LLVMValueRef le = cg_call(cg, "srt_json_line_end", largs, 2, "p.eol");
    LLVMValueRef more = LLVMBuildICmp(cg->b, LLVMIntULT, le, end, "");
    cg_store(cg, cg_select(cg, more, cg_gepc(cg, le, 1, ""), le), p_slot);
    LLVMBasicBlockRef bb_bad = cg_block(cg, "csv.malformed");
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, bad, "bad"), bb_bad, bb_done);
    cg_at(cg, bb_bad);
    /* PERMISSIVE keeps the fields that converted, as Spark's partial results. */
    cg_record_malformed(cg, pq, rec, p, le, false, bb_done, bb_start);
    cg_at(cg, bb_done);
}

/* ==== from_csv ==== */

/* The body of the parser of from_csv(s, t) with the folded options style: (q, s, n, out).
   Fields are read as a record's (read_next; shared readers past CG_WIDE_RECORD fields), then
   stored into the struct's datums. */
static void gen_from_csv(CgCtx *cg, const Type *t, const void *arg, LLVMValueRef fn)
{
    int64_t style = *(const int64_t *)arg;
    int nf = t->n_fields, corrupt = (int)(style >> SCSV_CORRUPT_SHIFT) - 1;
    LLVMValueRef s = LLVMGetParam(fn, 1), n = LLVMGetParam(fn, 2), out = LLVMGetParam(fn, 3);
    LLVMValueRef end = cg_gep(cg, s, LLVMBuildZExt(cg->b, n, cg->t_i64, ""), "end");
    static const SReadOpts defaults; /* Spark's: the options from_csv reads are in style */
    CsvSyntax sx = csv_syntax(cg, &defaults, cg_i32(cg, style >> SCSV_SEP_SHIFT & 0xFF),
                              cg_i32(cg, style >> SCSV_QUOTE_SHIFT & 0xFF),
                              cg_i32(cg, style >> SCSV_ESC_SHIFT & 0xFF));
    LLVMValueRef cur = cg_alloca(cg, cg->t_ptr, "csv.cur"),
                 bad = cg_alloca(cg, cg->t_i1, "csv.bad");
    CsvSlots *slots = ARENA_NEW_N(cg->arena, CsvSlots, nf + 1);
    for (int i = 0; i < nf; i++) {
        const Type *ft = t->fields[i].type;
        if (i == corrupt)
            continue;
        slots[i].null = cg_alloca(cg, cg->t_i1, "f.null");
        slots[i].val = cg_alloca(cg, cg_type_of(cg, ft), t->fields[i].name);
        slots[i].len = ft->kind == TY_STRING ? cg_alloca(cg, cg->t_i32, "f.len") : NULL;
        slots[i].bad = bad;
        cg_store(cg, cg_i1(cg, 1), slots[i].null);
        cg_store(cg, cg_null_of(cg, ft).v, slots[i].val);
    }
    cg_store(cg, s, cur);
    cg_store(cg, cg_i1(cg, 0), bad);
    LLVMBasicBlockRef bb_read = cg_block(cg, "csv.fields"), bb_short = cg_block(cg, "csv.short");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.done");
    /* Empty text is no record (CsvParser.parseLine gives null: UnivocityParser.convert's
       BadRecordException, all fields NULL); so is a schema of the corrupt-record field alone
       (no token count equals 0). */
    LLVMValueRef none = LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i32(cg, 0), "empty");
    if (nf - (corrupt >= 0) == 0)
        none = cg_i1(cg, 1);
    LLVMBuildCondBr(cg->b, none, bb_short, bb_read);
    cg_at(cg, bb_read);
    int pos = 0;
    for (int i = 0; i < nf; i++)
        if (i != corrupt)
            read_next(cg, t->fields[i].type, &sx, cur, end, pos++ == 0, nf > CG_WIDE_RECORD,
                      &slots[i], bb_short);
    /* Another field, or too few: the record is malformed; PERMISSIVE keeps what converted. */
    check_extra(cg, &sx, cur, end, bb_done, bb_short);
    cg_at(cg, bb_short);
    cg_store(cg, cg_i1(cg, 1), bad);
    LLVMBuildBr(cg->b, bb_done);

    cg_at(cg, bb_done);
    uint64_t size = cg_datum_size(cg);
    LLVMValueRef aargs[2] = {cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)(nf ? nf : 1)))};
    LLVMValueRef fields = cg_call(cg, "srt_scratch_alloc", aargs, 2, "fields");
    LLVMValueRef is_bad = cg_load(cg, cg->t_i1, bad, "bad");
    for (int i = 0; i < nf; i++) {
        const Type *ft = t->fields[i].type;
        CgVal v = {0};
        if (i == corrupt) { /* FailureSafeParser.toResultRow: the record's text when it is bad */
            v.null = cg_not(cg, is_bad);
            v.v = s;
            v.len = n;
        } else {
            v.null = cg_load(cg, cg->t_i1, slots[i].null, "f.isnull");
            v.v = cg_load(cg, cg_type_of(cg, ft), slots[i].val, "f.v");
            if (slots[i].len)
                v.len = cg_load(cg, cg->t_i32, slots[i].len, "f.n");
        }
        cg_store_datum(cg, ft, v, cg_gepc(cg, fields, size * (uint64_t)i, t->fields[i].name),
                       false);
    }
    cg_store(cg, LLVMConstNull(cg->t_datum), out);
    cg_store(cg, fields, cg_datum_field(cg, out, SRT_FIELDNO_DATUM_P));
    cg_store(cg, cg_i32(cg, nf), cg_datum_field(cg, out, SRT_FIELDNO_DATUM_N));
    LLVMBuildRetVoid(cg->b);
}

CgVal cg_from_csv(CgCtx *cg, const Type *t, int64_t style, CgVal s)
{
    const char *name = arena_sprintf(cg->arena, "sl_from_csv.%s.%llx", type_name(cg->arena, t),
                                     (unsigned long long)style);
    return cg_text_parser_call(cg, name, t, gen_from_csv, &style, s);
}

void cg_text_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    LLVMBasicBlockRef bb_line = cg_block(cg, "text.line");
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, end, ""), bb_line, bb_eof);
    cg_at(cg, bb_line);
    LLVMValueRef largs[2] = {p, end};
    LLVMValueRef le = cg_call(cg, "srt_json_line_end", largs, 2, "p.eol");
    LLVMValueRef more = LLVMBuildICmp(cg->b, LLVMIntULT, le, end, "");
    cg_store(cg, cg_select(cg, more, cg_gepc(cg, le, 1, ""), le), p_slot);
    LLVMValueRef n = LLVMBuildPtrDiff2(cg->b, cg->t_i8, cg_line_text_end(cg, pq, p, le), p, "");
    for (int i = 0; i < pq->source->schema.n; i++) {
        if (!rec->null_slots[i])
            continue;
        if (pq->source->schema.cols[i].type->kind != TY_STRING) {
            cg_unsupported(cg, pq->source->schema.cols[i].span, "a text source column that is not STRING");
            continue;
        }
        cg_store(cg, cg_i1(cg, 0), rec->null_slots[i]);
        cg_store(cg, p, rec->val_slots[i]);
        cg_store(cg, LLVMBuildTrunc(cg->b, n, cg->t_i32, ""), rec->len_slots[i]);
    }
}

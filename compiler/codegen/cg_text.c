/* cg_text.c - record parsers for the line formats other than JSON: csv and text.
**
** Both follow the contract of cg_json_record (cg_int.h): they fill the column slots
** of a CgRecord from the record at *p_slot and leave the builder where the record
** has been read.
**
** csv: fields by position, separated by `sep`, quoted with `quote`, escaped with
** `escape` or by doubling the quote (srt_csv_field).  Empty lines are skipped, as
** Spark's reader does.  An unquoted empty field is NULL; a quoted one is ''.  Values
** convert as Spark's UnivocityParser: strict integers and booleans, Java doubles,
** timestamps in Spark's lenient forms.  A record is malformed when a value does not
** convert or the number of fields differs from the schema; by the read mode it then
** keeps what converted (PERMISSIVE, the raw line in the corrupt-record column), is
** dropped (DROPMALFORMED) or fails the query (FAILFAST).  The header line of each
** file (header = true) never reaches generated code: the files source skips it.
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

typedef struct CsvCtx {
    CgCtx *cg;
    const PQuery *pq;
    const CgRecord *rec;
    LLVMValueRef end;
    LLVMValueRef cur, bad;         /* allocas: position, record is malformed (i1) */
    LLVMValueRef s, n, kind;       /* allocas: the field just read */
    int sep, quote, esc;
} CsvCtx;

/* Convert the field (s, n, kind) into column i's slots; a failure sets bad. */
static void convert_field(CsvCtx *x, int i)
{
    CgCtx *cg = x->cg;
    const Type *t = x->pq->source->schema.cols[i].type;
    LLVMValueRef kind = cg_load(cg, cg->t_i32, x->kind, "kind");
    LLVMValueRef n = cg_load(cg, cg->t_i32, x->n, "n");
    LLVMValueRef empty = cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_PLAIN), ""),
                                LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i32(cg, 0), ""));
    LLVMBasicBlockRef bb_val = cg_block(cg, "csv.value");
    LLVMBasicBlockRef bb_dec = cg_block(cg, "csv.decode");
    LLVMBasicBlockRef bb_conv = cg_block(cg, "csv.convert");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.field.done");
    LLVMBuildCondBr(cg->b, empty, bb_done, bb_val); /* empty: stays NULL */
    cg_at(cg, bb_val);
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, kind, cg_i32(cg, SRT_CSV_ENCODED), ""), bb_dec, bb_conv);
    cg_at(cg, bb_dec);
    {
        LLVMValueRef args[7] = {cg->q, cg_load(cg, cg->t_ptr, x->s, "raw"), n, cg_i32(cg, x->quote),
                                cg_i32(cg, x->esc), x->s, x->n};
        cg_call(cg, "srt_csv_decode", args, 7, "");
        LLVMBuildBr(cg->b, bb_conv);
    }
    cg_at(cg, bb_conv);
    LLVMValueRef s = cg_load(cg, cg->t_ptr, x->s, "s");
    n = cg_load(cg, cg->t_i32, x->n, "n");
    LLVMValueRef ok, val;
    switch (t->kind) {
    case TY_STRING:
        cg_store(cg, cg_i1(cg, 0), x->rec->null_slots[i]);
        cg_store(cg, s, x->rec->val_slots[i]);
        cg_store(cg, n, x->rec->len_slots[i]);
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
        return;
    case TY_INT:
    case TY_BIGINT: {
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "csv.i");
        LLVMValueRef args[3] = {s, n, out};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_csv_i64", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = cg_load(cg, cg->t_i64, out, "v");
        if (t->kind == TY_INT) {
            LLVMValueRef lo = LLVMBuildICmp(cg->b, LLVMIntSGE, val, cg_i64(cg, INT32_MIN), "");
            LLVMValueRef hi = LLVMBuildICmp(cg->b, LLVMIntSLE, val, cg_i64(cg, INT32_MAX), "");
            ok = cg_and(cg, ok, cg_and(cg, lo, hi));
            val = LLVMBuildTrunc(cg->b, val, cg->t_i32, "");
        }
        break;
    }
    case TY_BOOLEAN: {
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "csv.b");
        LLVMValueRef args[3] = {s, n, out};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_csv_bool", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = LLVMBuildICmp(cg->b, LLVMIntNE, cg_load(cg, cg->t_i64, out, "v"), cg_i64(cg, 0), "");
        break;
    }
    case TY_DOUBLE: {
        LLVMValueRef out = cg_alloca(cg, cg->t_f64, "csv.d");
        LLVMValueRef args[3] = {s, n, out};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_cast_str_f64", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = cg_load(cg, cg->t_f64, out, "v");
        break;
    }
    case TY_TIMESTAMP:
    case TY_DATE: {
        LLVMValueRef out = cg_alloca(cg, cg->t_i64, "csv.ts");
        LLVMValueRef args[3] = {s, n, out};
        ok = LLVMBuildICmp(cg->b, LLVMIntEQ, cg_call(cg, "srt_cast_str_ts", args, 3, "rc"), cg_i32(cg, 0), "ok");
        val = cg_load(cg, cg->t_i64, out, "v");
        if (t->kind == TY_DATE) {
            CgVal tv = {cg_i1(cg, 0), val, NULL, NULL, 0};
            val = cg_cast(cg, tv, &type_timestamp, &type_date, x->pq->source->schema.cols[i].span).v;
        }
        break;
    }
    default:
        cg_unsupported(cg, x->pq->source->schema.cols[i].span, "reading this column type from CSV");
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
        return;
    }
    CgVal d = cg_null_of(cg, t);
    cg_store(cg, cg_not(cg, ok), x->rec->null_slots[i]);
    cg_store(cg, cg_select(cg, ok, val, d.v), x->rec->val_slots[i]);
    LLVMValueRef bad = cg_load(cg, cg->t_i1, x->bad, "bad");
    cg_store(cg, cg_or(cg, bad, cg_not(cg, ok)), x->bad);
    LLVMBuildBr(cg->b, bb_done);
    cg_at(cg, bb_done);
}

void cg_csv_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                   LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    CsvCtx x = {cg, pq, rec, end, NULL, NULL, NULL, NULL, NULL, 0, 0, 0};
    x.sep = option_char(pq, "sep", ',');
    x.quote = option_char(pq, "quote", '"');
    x.esc = option_char(pq, "escape", '\\');
    x.cur = cg_alloca(cg, cg->t_ptr, "csv.cur");
    x.bad = cg_alloca(cg, cg->t_i1, "csv.bad");
    x.s = cg_alloca(cg, cg->t_ptr, "csv.s");
    x.n = cg_alloca(cg, cg->t_i32, "csv.n");
    x.kind = cg_alloca(cg, cg->t_i32, "csv.kind");
    int corrupt = cg_corrupt_column(pq);
    const SSchema *sc = &pq->source->schema;

    LLVMBasicBlockRef bb_start = cg_block(cg, "csv.start");
    LLVMBasicBlockRef bb_char = cg_block(cg, "csv.char");
    LLVMBasicBlockRef bb_blank = cg_block(cg, "csv.blank");
    LLVMBasicBlockRef bb_begin = cg_block(cg, "csv.begin");
    LLVMBasicBlockRef bb_short = cg_block(cg, "csv.short");
    LLVMBasicBlockRef bb_fields = cg_block(cg, "csv.fields.done");
    LLVMBasicBlockRef bb_done = cg_block(cg, "csv.done");
    LLVMBuildBr(cg->b, bb_start);

    /* csv.start: end of input, or an empty line (skipped). */
    cg_at(cg, bb_start);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, end, ""), bb_char, bb_eof);
    cg_at(cg, bb_char);
    LLVMValueRef c = cg_load(cg, cg->t_i8, p, "c");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i8(cg, '\n'), ""), bb_blank, bb_begin);
    cg_at(cg, bb_blank);
    cg_store(cg, cg_gepc(cg, p, 1, ""), p_slot);
    LLVMBuildBr(cg->b, bb_start);

    /* csv.begin: the fields in schema order. */
    cg_at(cg, bb_begin);
    cg_record_clear(cg, pq, rec);
    cg_store(cg, p, x.cur);
    cg_store(cg, cg_i1(cg, 0), x.bad);
    /* Fields map to the columns in order, the corrupt-record column excepted (it is not
       part of the data, as in Spark's parsedSchema). */
    int pos = 0;
    for (int i = 0; i < sc->n; i++) {
        if (i == corrupt)
            continue;
        LLVMValueRef at = cg_load(cg, cg->t_ptr, x.cur, "at");
        if (pos++ > 0) {
            /* The previous field ended at a separator, or the line has too few fields. */
            LLVMBasicBlockRef bb_more = cg_block(cg, "csv.sep");
            LLVMBasicBlockRef bb_next = cg_block(cg, "csv.next");
            LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, at, end, ""), bb_more, bb_short);
            cg_at(cg, bb_more);
            LLVMValueRef ch = cg_load(cg, cg->t_i8, at, "c");
            LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ch, cg_i8(cg, x.sep), ""), bb_next, bb_short);
            cg_at(cg, bb_next);
            at = cg_gepc(cg, at, 1, "field");
        }
        LLVMValueRef args[8] = {at, end, cg_i32(cg, x.sep), cg_i32(cg, x.quote), cg_i32(cg, x.esc), x.s, x.n, x.kind};
        LLVMValueRef np = cg_call(cg, "srt_csv_field", args, 8, "p.field");
        cg_store(cg, np, x.cur);
        if (rec->null_slots[i])
            convert_field(&x, i);
    }
    /* More fields than columns make the record malformed too. */
    {
        LLVMValueRef at = cg_load(cg, cg->t_ptr, x.cur, "at");
        LLVMBasicBlockRef bb_more = cg_block(cg, "csv.extra");
        LLVMBasicBlockRef bb_extra = cg_block(cg, "csv.extra.sep");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, at, end, ""), bb_more, bb_fields);
        cg_at(cg, bb_more);
        LLVMValueRef ch = cg_load(cg, cg->t_i8, at, "c");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, ch, cg_i8(cg, x.sep), ""), bb_extra, bb_fields);
        cg_at(cg, bb_extra);
        LLVMBuildBr(cg->b, bb_short);
    }
    cg_at(cg, bb_short);
    cg_store(cg, cg_i1(cg, 1), x.bad);
    LLVMBuildBr(cg->b, bb_fields);

    /* csv.fields.done: the next record starts after the line. */
    cg_at(cg, bb_fields);
    LLVMValueRef at = cg_load(cg, cg->t_ptr, x.cur, "at");
    LLVMValueRef largs[2] = {at, end};
    LLVMValueRef le = cg_call(cg, "srt_json_line_end", largs, 2, "p.eol");
    LLVMValueRef more = LLVMBuildICmp(cg->b, LLVMIntULT, le, end, "");
    cg_store(cg, cg_select(cg, more, cg_gepc(cg, le, 1, ""), le), p_slot);
    LLVMBasicBlockRef bb_bad = cg_block(cg, "csv.malformed");
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, x.bad, "bad"), bb_bad, bb_done);
    cg_at(cg, bb_bad);
    /* PERMISSIVE keeps the fields that converted, as Spark's partial results. */
    cg_record_malformed(cg, pq, rec, p, le, false, bb_done, bb_start);
    cg_at(cg, bb_done);
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
    LLVMValueRef n = LLVMBuildPtrDiff2(cg->b, cg->t_i8, cg_line_trim_cr(cg, p, le), p, "");
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

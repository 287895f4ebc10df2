/* cg_json.c - a JSON Lines record parser specialised to one source schema.
**
** For each record the generated code walks the object once: keys are matched
** against the columns the query reads (by length, then a constant memcmp the
** optimiser turns into one or two loads); only those values are decoded with
** the typed srt_json_* helpers, everything else is skipped.  Text that is not
** JSON makes the record malformed with no fields (a row of NULLs in PERMISSIVE)
** and the parser resumes at the next line.  A valid value of the wrong type
** makes the record malformed too, but with partial results (Spark 3.4+,
** JacksonParser.convertObject with spark.sql.json.enablePartialResults, true by
** default): that field is NULL, the others keep their values.  Blank lines are
** not records.  As Spark's reader: a byte order mark at the start of a line is
** skipped, only the line's first value is read (text after it is ignored), and a
** top-level array of objects gives one record per element.
**
** Keys are compared as raw bytes: a key written with escapes (\u0074ime)
** does not match a column.
**
** Read modes (option `mode`): PERMISSIVE (default) keeps a malformed record as
** a row of NULLs and, if the schema has a STRING column named by
** `columnNameOfCorruptRecord`, puts the raw line there (that column is never
** read from the JSON itself); DROPMALFORMED drops the record; FAILFAST fails
** the query with Spark's message and the record's position.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "common/cm_files.h"
#include "srt_abi.h"

void cg_record_alloc(CgCtx *cg, const PQuery *pq, CgRecord *rec)
{
    int n = pq->source->schema.n;
    memset(rec, 0, sizeof *rec);
    rec->null_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, n + 1);
    rec->val_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, n + 1);
    rec->len_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, n + 1);
    for (int i = 0; i < n; i++) {
        if (!pq->needed[i])
            continue;
        const SColumn *c = &pq->source->schema.cols[i];
        rec->null_slots[i] = cg_alloca(cg, cg->t_i1, arena_sprintf(cg->arena, "%s.null", c->name));
        /* A nested value is read into a datum (srt_json_value) and decomposed on load. */
        LLVMTypeRef vt = type_is_nested(c->type) ? cg->t_datum : cg_type_of(cg, c->type);
        rec->val_slots[i] = cg_alloca(cg, vt, c->name);
        if (c->type->kind == TY_STRING)
            rec->len_slots[i] =
                cg_alloca(cg, cg->t_i32, arena_sprintf(cg->arena, "%s.len", c->name));
    }
}

/* Every column NULL with its default value (the state before a record, and PERMISSIVE). */
void cg_record_clear(CgCtx *cg, const PQuery *pq, const CgRecord *rec)
{
    for (int i = 0; i < pq->source->schema.n; i++) {
        if (!rec->null_slots[i])
            continue;
        const Type *t = pq->source->schema.cols[i].type;
        cg_store(cg, cg_i1(cg, 1), rec->null_slots[i]);
        if (type_is_nested(t)) {
            cg_store(cg, cg_i8(cg, 1),
                     cg_datum_field(cg, rec->val_slots[i], SRT_FIELDNO_DATUM_IS_NULL));
            continue;
        }
        CgVal d = cg_null_of(cg, t);
        cg_store(cg, d.v, rec->val_slots[i]);
        if (rec->len_slots[i])
            cg_store(cg, d.len, rec->len_slots[i]);
    }
}

void cg_record_load(CgCtx *cg, const PQuery *pq, const CgRecord *rec, CgVal *cols)
{
    for (int i = 0; i < pq->source->schema.n; i++) {
        const SColumn *c = &pq->source->schema.cols[i];
        if (!rec->null_slots[i]) {
            cols[i] = cg_null_of(cg, c->type);
            continue;
        }
        memset(&cols[i], 0, sizeof cols[i]);
        LLVMValueRef null = cg_load(cg, cg->t_i1, rec->null_slots[i],
                                    arena_sprintf(cg->arena, "%s.isnull", c->name));
        if (type_is_nested(c->type)) {
            cols[i] = cg_load_datum(cg, c->type, rec->val_slots[i]);
            cols[i].null = cg_or(cg, cols[i].null, null);
            continue;
        }
        cols[i].null = null;
        cols[i].v = cg_load(cg, cg_type_of(cg, c->type), rec->val_slots[i], c->name);
        if (rec->len_slots[i])
            cols[i].len = cg_load(cg, cg->t_i32, rec->len_slots[i],
                                  arena_sprintf(cg->arena, "%s.len", c->name));
    }
}

/* ==== Malformed records (shared by the JSON and CSV parsers) ==== */

int cg_corrupt_column(const PQuery *pq)
{
    return sema_corrupt_column(pq->source);
}

LLVMValueRef cg_line_trim_cr(CgCtx *cg, LLVMValueRef line, LLVMValueRef le)
{
    LLVMValueRef has = LLVMBuildICmp(cg->b, LLVMIntUGT, le, line, "");
    LLVMValueRef last = cg_select(cg, has, cg_gep(cg, le, cg_i64(cg, -1), ""), line);
    LLVMValueRef cr = cg_and(
        cg, has,
        LLVMBuildICmp(cg->b, LLVMIntEQ, cg_load(cg, cg->t_i8, last, ""), cg_i8(cg, '\r'), ""));
    return cg_select(cg, cr, last, le);
}

int cg_line_swap(const PQuery *pq)
{
    const SOption *o = soptions_find(&pq->source->options, "lineSep");
    const char *f = pq->source->format;
    if (!o || pq->source->read.whole)
        return -1;
    return cm_lines_swap(o->value, !f || strcmp(f, "json") == 0, f && strcmp(f, "text") == 0);
}

LLVMValueRef cg_line_text_end(CgCtx *cg, const PQuery *pq, LLVMValueRef line, LLVMValueRef le)
{
    int sep = cg_line_swap(pq);
    if (sep < 0)
        return cg_line_trim_cr(cg, line, le);
    cg_line_unswap(cg, sep, line, LLVMBuildPtrDiff2(cg->b, cg->t_i8, le, line, "rec.n"));
    return le;
}

void cg_line_unswap(CgCtx *cg, int sep, LLVMValueRef s, LLVMValueRef n)
{
    if (sep == '\n')
        return;
    LLVMValueRef args[3] = {s, LLVMBuildZExt(cg->b, n, cg->t_i64, ""), cg_i32(cg, sep)};
    cg_call(cg, "srt_line_unswap", args, 3, "");
}

/* FAILFAST: the query fails at pos as Spark 3.5's FailureSafeParser fails the task, naming
   the row PERMISSIVE keeps (the record's slots as they are): srt_query_fail_record with the
   columns read, in the source's order (Spark's requiredSchema), and detail with the value
   [v, v_end) when given.  Returns -1 from the process function. */
static void fail_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef pos,
                        const char *detail, LLVMValueRef v, LLVMValueRef v_end)
{
    const SSchema *sc = &pq->source->schema;
    CgVal *cols = ARENA_NEW_N(cg->arena, CgVal, sc->n ? sc->n : 1);
    cg_record_load(cg, pq, rec, cols);
    StrBuf type;
    sb_init(&type, cg->arena);
    sb_puts(&type, "struct<");
    uint64_t k = 0;
    for (int i = 0; i < sc->n; i++) {
        if (!rec->null_slots[i])
            continue;
        sb_printf(&type, "%sc%llu:%s", k ? "," : "", (unsigned long long)k,
                  type_name(cg->arena, sc->cols[i].type));
        k++;
    }
    sb_putc(&type, '>');
    LLVMValueRef row = LLVMConstNull(cg->t_ptr);
    if (k) {
        row = cg_alloca(cg, LLVMArrayType(cg->t_i8, (unsigned)(k * cg_datum_size(cg))),
                        "failfast.row");
        k = 0;
        for (int i = 0; i < sc->n; i++)
            if (rec->null_slots[i])
                cg_store_datum(cg, sc->cols[i].type, cols[i],
                               cg_gepc(cg, row, k++ * cg_datum_size(cg), ""), false);
    }
    LLVMValueRef none = LLVMConstNull(cg->t_ptr);
    LLVMValueRef args[7] = {
        cg->q,
        cg_str_const(cg, type.data, (uint32_t)type.len + 1, "failfast.type"),
        row,
        pos,
        detail ? cg_str_const(cg, detail, (uint32_t)strlen(detail) + 1, "failfast.detail") : none,
        v ? v : none,
        v_end ? v_end : none};
    cg_call(cg, "srt_query_fail_record", args, 7, "");
    LLVMBuildRet(cg->b, cg_i64(cg, -1));
}

/* A json source read by lines with the lineSep option. */
static bool json_line_sep(const PQuery *pq)
{
    const char *f = pq->source->format;
    return (!f || strcmp(f, "json") == 0) && !pq->source->read.whole &&
           soptions_find(&pq->source->options, "lineSep");
}

/* The corrupt-record column, when read, holds the line (without a trailing '\r', or as the
   file has it with a lineSep the source swaps, cg_line_text_end; json with a lineSep as the
   file has it, srt_json_sep_line); with
   JSONOptions' parser switches the line as read (runtime/src/formats/srt_json_norm.c); json
   with multiLine = true the file's text, read again as Spark's MultiLineJsonDataSource does
   (srt_json_file_text: the record's '\n's were made '\r's). */
static void keep_line(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef line,
                      LLVMValueRef le)
{
    int corrupt = cg_corrupt_column(pq);
    if (corrupt < 0 || !rec->null_slots[corrupt])
        return;
    cg_store(cg, cg_i1(cg, 0), rec->null_slots[corrupt]);
    if (pq->source->read.whole &&
        (!pq->source->format || strcmp(pq->source->format, "json") == 0)) {
        LLVMValueRef args[2] = {cg->q, rec->len_slots[corrupt]};
        cg_store(cg, cg_call(cg, "srt_json_file_text", args, 2, "corrupt.file"),
                 rec->val_slots[corrupt]);
        return;
    }
    if (json_line_sep(pq)) { /* the record as the file has it (srt_json_sep_line) */
        LLVMValueRef args[4] = {cg->q, line, le, rec->len_slots[corrupt]};
        cg_store(cg, cg_call(cg, "srt_json_sep_line", args, 4, "corrupt.line"),
                 rec->val_slots[corrupt]);
        return;
    }
    if (pq->source->read.json_flags) { /* the line as read, not its normal form */
        LLVMValueRef args[3] = {cg->q, line, rec->len_slots[corrupt]};
        cg_store(cg, cg_call(cg, "srt_json_orig_line", args, 3, "corrupt.line"),
                 rec->val_slots[corrupt]);
        return;
    }
    /* csv with multiLine = true: [line, le) is the record's text, stripLineEnd's already
       (cm_csv_ml.h), which keeps a '\r' ending it */
    LLVMValueRef te = pq->source->read.whole ? le : cg_line_text_end(cg, pq, line, le);
    LLVMValueRef n = LLVMBuildPtrDiff2(cg->b, cg->t_i8, te, line, "corrupt.n");
    cg_store(cg, line, rec->val_slots[corrupt]);
    cg_store(cg, LLVMBuildTrunc(cg->b, n, cg->t_i32, ""), rec->len_slots[corrupt]);
}

const char *cg_read_mode(const PQuery *pq)
{
    const SOption *o = soptions_find(&pq->source->options, "mode");
    return o ? o->value : "PERMISSIVE";
}

void cg_time_overflow(CgCtx *cg, const PQuery *pq, LLVMValueRef ts, const char *what,
                      LLVMBasicBlockRef bb_skip)
{
    if (strcmp(cg_read_mode(pq), "FAILFAST") != 0) {
        LLVMBuildBr(cg->b, bb_skip);
        return;
    }
    LLVMValueRef args[3] = {cg->q, cg_str_const(cg, what, (uint32_t)strlen(what) + 1, "what"), ts};
    cg_call(cg, "srt_query_fail_time", args, 3, "");
    /* a process function stops; a task's update log made on the query's thread (void) goes
       on, the query failed */
    LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInsertBlock(cg->b));
    if (LLVMGetReturnType(LLVMGlobalGetValueType(fn)) == cg->t_void)
        LLVMBuildBr(cg->b, bb_skip);
    else
        LLVMBuildRet(cg->b, cg_i64(cg, -1));
}

void cg_record_malformed(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef line,
                         LLVMValueRef le, bool clear, LLVMBasicBlockRef bb_kept,
                         LLVMBasicBlockRef bb_dropped)
{
    const char *mode = cg_read_mode(pq);
    if (strcmp(mode, "DROPMALFORMED") == 0) {
        LLVMBuildBr(cg->b, bb_dropped);
        return;
    }
    if (clear)
        cg_record_clear(cg, pq, rec);
    keep_line(cg, pq, rec, line, le);
    if (strcmp(mode, "FAILFAST") == 0) {
        fail_record(cg, pq, rec, line, NULL, NULL, NULL);
        return;
    }
    LLVMBuildBr(cg->b, bb_kept);
}

/* ==== Parser pieces ==== */

typedef struct JsonCtx {
    CgCtx *cg;
    const PQuery *pq;
    const CgRecord *rec;
    LLVMValueRef end;
    LLVMValueRef cur;        /* i8* alloca: position inside the record */
    LLVMValueRef line_start; /* i8* alloca */
    LLVMValueRef bad;        /* i1 alloca: a value of the wrong type was read */
    LLVMValueRef in_array;   /* i1 alloca: between the elements of a top-level array */
    LLVMValueRef arr_pass2;  /* i1 alloca: the array's second pass (the first only checks) */
    LLVMValueRef arr_bad;    /* i1 alloca: an element of the array has a value of the wrong type */
    LLVMValueRef arr_first;  /* i8* alloca: the array's first element */
    LLVMValueRef st;         /* i32 alloca: the status (SRT_JV_*) of the value just read */
    LLVMBasicBlockRef bb_malformed;
    LLVMBasicBlockRef bb_after_value;
    LLVMBasicBlockRef bb_close;
    LLVMBasicBlockRef *bb_value; /* per column: decode the value at cur (built once) */
    bool wide;                   /* more than WIDE_RECORD columns read: the compact shape */
    bool fast;                   /* the fast path (fast_record): bb_malformed is the fallback */
    bool keys_only; /* the key loop's function (cg_parser_keys): the fallback is the caller's */
} JsonCtx;

/* Up to this many columns read, each key's fast path and each value's decoding are inlined
   per column (the fastest code); past it their code would grow the per-record loop by a
   copy per column and make optimisation super-linear, so the fast keys share one tail and
   values go through shared readers (cg_reader.c). */
#define WIDE_RECORD CG_WIDE_RECORD

/* If p < end, continue with the byte at p; else go to bb_short. */
static LLVMValueRef char_at(JsonCtx *j, LLVMValueRef p, LLVMBasicBlockRef bb_short,
                            const char *name)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef ok = cg_block(cg, name);
    LLVMValueRef in = LLVMBuildICmp(cg->b, LLVMIntULT, p, j->end, "inbuf");
    LLVMBuildCondBr(cg->b, in, ok, bb_short);
    cg_at(cg, ok);
    return cg_load(cg, cg->t_i8, p, "c");
}

static LLVMValueRef is_char(CgCtx *cg, LLVMValueRef c, char ch)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i8(cg, ch), "");
}

/* Branch to bb_malformed when a helper returned NULL. */
static void check_ptr(JsonCtx *j, LLVMValueRef p, const char *name)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef ok = cg_block(cg, name);
    LLVMValueRef bad = LLVMBuildIsNull(cg->b, p, "bad");
    LLVMBuildCondBr(cg->b, bad, j->bb_malformed, ok);
    cg_at(cg, ok);
}

static LLVMValueRef ws(JsonCtx *j, LLVMValueRef p)
{
    LLVMValueRef args[2] = {p, j->end};
    return cg_call(j->cg, "srt_json_ws", args, 2, "p.ws");
}

/* Spaces on a path compact JSON never takes (a space before ':', the general key path,
   top-level arrays): a call, not another inlined copy of srt_json_ws. */
static LLVMValueRef ws_cold(JsonCtx *j, LLVMValueRef p)
{
    LLVMValueRef args[2] = {p, j->end};
    return cg_call(j->cg, "srt_json_ws_run", args, 2, "p.ws");
}

/* The expected shape's spaces: ' ' and '\t', not '\r' (shape_record: the shape takes no line
   holding one). */
static LLVMValueRef ws_line(JsonCtx *j, LLVMValueRef p)
{
    LLVMValueRef args[2] = {p, j->end};
    return cg_call(j->cg, "srt_json_ws_line", args, 2, "p.ws");
}

static LLVMValueRef inc(CgCtx *cg, LLVMValueRef p)
{
    return cg_gepc(cg, p, 1, "p.next");
}

/* A field's slots before its value is decoded.  JacksonParser.convertObject sets a field
   only when its converter returns: a value of the wrong type (BADTYPE, RANGE) leaves what an
   earlier key of the same name gave it ({"n": 1, "n": "x"} keeps 1 in the partial result,
   {"a": {"x": 1}, "a": "s"} keeps {1}).  A value the runtime reads (srt_json_value) sits in
   a datum (vt the datum's type), with no null slot when it is a struct's field. */
CgSlots cg_slots_save(CgCtx *cg, LLVMTypeRef vt, LLVMValueRef null_slot, LLVMValueRef val_slot,
                      LLVMValueRef len_slot)
{
    CgSlots s = {null_slot, val_slot, len_slot, NULL, NULL, NULL};
    if (null_slot)
        s.null = cg_load(cg, cg->t_i1, null_slot, "keep.null");
    s.val = cg_load(cg, vt, val_slot, "keep.val");
    if (len_slot)
        s.len = cg_load(cg, cg->t_i32, len_slot, "keep.len");
    return s;
}

/* Put the saved slots back when the reader's status is BADTYPE or RANGE. */
void cg_slots_keep_on_bad(CgCtx *cg, const CgSlots *s, LLVMValueRef status)
{
    LLVMValueRef bad =
        cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, status, cg_i32(cg, SRT_JV_BADTYPE), ""),
              LLVMBuildICmp(cg->b, LLVMIntEQ, status, cg_i32(cg, SRT_JV_RANGE), ""));
    LLVMBasicBlockRef bb_keep = cg_block(cg, "keep.earlier"), bb_on = cg_block(cg, "keep.done");
    LLVMBuildCondBr(cg->b, bad, bb_keep, bb_on);
    cg_at(cg, bb_keep);
    if (s->null_slot)
        cg_store(cg, s->null, s->null_slot);
    cg_store(cg, s->val, s->val_slot);
    if (s->len_slot)
        cg_store(cg, s->len, s->len_slot);
    LLVMBuildBr(cg->b, bb_on);
    cg_at(cg, bb_on);
}

/* Remember a value of the wrong type (status BADTYPE or PARTIAL): the record is malformed. */
static void note_bad(JsonCtx *j, LLVMValueRef status)
{
    CgCtx *cg = j->cg;
    LLVMValueRef b =
        LLVMBuildICmp(cg->b, LLVMIntUGE, status, cg_i32(cg, SRT_JV_BADTYPE), "badtype");
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, j->bad, "bad"), b), j->bad);
}

/* Decode the value at cur into column i, then go to bb_after_value.  A narrow record
   decodes inline, a wide one calls the shared reader of the column's type (cg_reader.c);
   either way the reader's status is judged here, once for both shapes. */
static void read_field(JsonCtx *j, int i)
{
    CgCtx *cg = j->cg;
    const Type *t = j->pq->source->schema.cols[i].type;
    LLVMValueRef p = cg_load(cg, cg->t_ptr, j->cur, "p");
    LLVMValueRef np;
    if (type_is_nested(t)) {
        CgSlots kept =
            cg_slots_save(cg, cg->t_datum, j->rec->null_slots[i], j->rec->val_slots[i], NULL);
        np =
            cg_json_value_call(cg, t, &j->pq->source->read, p, j->end, j->rec->val_slots[i], j->st);
        check_ptr(j, np, "field.ok");
        LLVMValueRef status = cg_load(cg, cg->t_i32, j->st, "status");
        LLVMValueRef has =
            cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, status, cg_i32(cg, SRT_JV_OK), ""),
                  LLVMBuildICmp(cg->b, LLVMIntEQ, status, cg_i32(cg, SRT_JV_PARTIAL), ""));
        cg_store(cg, LLVMBuildNot(cg->b, has, "isnull"), j->rec->null_slots[i]);
        cg_slots_keep_on_bad(cg, &kept, status);
        note_bad(j, status);
        cg_store(cg, np, j->cur);
        LLVMBuildBr(cg->b, j->bb_after_value);
        return;
    }
    bool range_fails =
        t->kind == TY_TIMESTAMP && !j->fast && strcmp(cg_read_mode(j->pq), "FAILFAST") == 0;
    LLVMValueRef status;
    if (!j->wide) {
        CgSlots kept = cg_slots_save(cg, cg_type_of(cg, t), j->rec->null_slots[i],
                                     j->rec->val_slots[i], j->rec->len_slots[i]);
        np = cg_json_decode(cg, t, &j->pq->source->read, p, j->end, j->rec->null_slots[i],
                            j->rec->val_slots[i], j->rec->len_slots[i], j->st, j->bb_malformed,
                            false);
        status = cg_load(cg, cg->t_i32, j->st, "status");
        cg_slots_keep_on_bad(cg, &kept, status);
    } else {
        /* The reader keeps the slots on a value of the wrong type, and a malformed value
           (NULL) is found after the value (end_value): a column's code is one block, not five
           joined to the record's shared blocks, whose edges grew the register allocator's
           time with the square of the columns. */
        np = cg_json_read_shared(cg, t, &j->pq->source->read, p, j->end, j->rec->null_slots[i],
                                 j->rec->val_slots[i], j->rec->len_slots[i], j->st);
        if (range_fails)
            check_ptr(j, np, "field.ok");
        status = cg_load(cg, cg->t_i32, j->st, "status");
    }
    if (range_fails) {
        /* FAILFAST names a number of seconds too large for a TIMESTAMP. */
        LLVMBasicBlockRef bb_range = cg_block(cg, "ts.range");
        LLVMBasicBlockRef bb_fits = cg_block(cg, "ts.fits");
        LLVMBuildCondBr(cg->b,
                        LLVMBuildICmp(cg->b, LLVMIntEQ, status, cg_i32(cg, SRT_JV_RANGE), ""),
                        bb_range, bb_fits);
        cg_at(cg, bb_range);
        /* the record as a malformed one names it: NULLs, the line in the corrupt column */
        LLVMValueRef line = cg_load(cg, cg->t_ptr, j->line_start, "line");
        LLVMValueRef largs[2] = {line, j->end};
        cg_record_clear(cg, j->pq, j->rec);
        keep_line(cg, j->pq, j->rec, line, cg_call(cg, "srt_json_line_end", largs, 2, "p.eol"));
        fail_record(cg, j->pq, j->rec, p,
                    "The number of seconds is out of the range of a TIMESTAMP "
                    "(-9223372036854 to 9223372036854)",
                    p, np);
        cg_at(cg, bb_fits);
    }
    note_bad(j, status);
    cg_store(cg, np, j->cur);
    LLVMBuildBr(cg->b, j->bb_after_value);
}

/* The block that decodes column i's value at cur: one per column, shared by the fast
   key path and the general one, so each reader is inlined once. */
static LLVMBasicBlockRef value_block(JsonCtx *j, int i)
{
    CgCtx *cg = j->cg;
    if (!j->bb_value[i]) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
        j->bb_value[i] =
            cg_block(cg, arena_sprintf(cg->arena, "value.%s", j->pq->source->schema.cols[i].name));
        cg_at(cg, j->bb_value[i]);
        read_field(j, i);
        cg_at(cg, here);
    }
    return j->bb_value[i];
}

/* Continue at the line after the one p is in (or at end); returns that line's end. */
static LLVMValueRef next_line(JsonCtx *j, LLVMValueRef p, LLVMValueRef p_slot)
{
    CgCtx *cg = j->cg;
    LLVMValueRef largs[2] = {p, j->end};
    LLVMValueRef le = cg_call(cg, "srt_json_line_end", largs, 2, "p.eol");
    LLVMValueRef more = LLVMBuildICmp(cg->b, LLVMIntULT, le, j->end, "");
    cg_store(cg, cg_select(cg, more, inc(cg, le), le), p_slot);
    return le;
}

/* Skip a value the query does not read. */
static void skip_value(JsonCtx *j)
{
    CgCtx *cg = j->cg;
    LLVMValueRef p = cg_load(cg, cg->t_ptr, j->cur, "p");
    LLVMValueRef args[2] = {p, j->end};
    LLVMValueRef np = cg_call(cg, "srt_json_skip", args, 2, "p.skip");
    check_ptr(j, np, "skip.ok");
    cg_store(cg, np, j->cur);
    LLVMBuildBr(cg->b, j->bb_after_value);
}

void cg_json_key_text(CgCtx *cg, LLVMValueRef *k, LLVMValueRef *kn, LLVMValueRef esc)
{
    LLVMBasicBlockRef bb_decode = cg_block(cg, "key.decode");
    LLVMBasicBlockRef bb_switch = cg_block(cg, "key.match");
    LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntNE, esc, cg_i32(cg, 0), ""), bb_decode,
                    bb_switch);
    /* A key with escapes is compared decoded, as Jackson's getCurrentName (rare: a call). */
    cg_at(cg, bb_decode);
    LLVMValueRef aargs[2] = {cg->q, LLVMBuildZExt(cg->b, *kn, cg->t_i64, "")};
    LLVMValueRef dk = cg_call(cg, "srt_scratch_alloc", aargs, 2, "key.text");
    LLVMValueRef uargs[3] = {*k, *kn, dk};
    LLVMValueRef dkn = cg_call(cg, "srt_json_unescape", uargs, 3, "key.len");
    LLVMBuildBr(cg->b, bb_switch);
    cg_at(cg, bb_switch);
    LLVMValueRef kphi = LLVMBuildPhi(cg->b, cg->t_ptr, "key");
    LLVMValueRef knphi = LLVMBuildPhi(cg->b, cg->t_i32, "keylen");
    LLVMValueRef kv[2] = {*k, dk}, knv[2] = {*kn, dkn};
    LLVMBasicBlockRef from[2] = {here, bb_decode};
    LLVMAddIncoming(kphi, kv, from, 2);
    LLVMAddIncoming(knphi, knv, from, 2);
    *k = kphi;
    *kn = knphi;
}

/* Dispatch on the key (k, kn) to the column it names or to the skipper. */
static void dispatch_key(JsonCtx *j, LLVMValueRef k, LLVMValueRef kn, LLVMValueRef esc)
{
    CgCtx *cg = j->cg;
    const SSchema *sc = &j->pq->source->schema;
    LLVMBasicBlockRef bb_skip = cg_block(cg, "key.unknown");
    cg_json_key_text(cg, &k, &kn, esc);
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, kn, bb_skip, (unsigned)sc->n);
    bool *done = ARENA_NEW_N(cg->arena, bool, sc->n + 1);
    int corrupt = cg_corrupt_column(j->pq);
    for (int i = 0; i < sc->n; i++) {
        if (!j->rec->null_slots[i] || done[i] || i == corrupt)
            continue;
        size_t len = strlen(sc->cols[i].name);
        LLVMBasicBlockRef bb_len = cg_block(cg, arena_sprintf(cg->arena, "key.len%zu", len));
        LLVMAddCase(sw, cg_i32(cg, (int64_t)len), bb_len);
        cg_at(cg, bb_len);
        /* Every needed column with a name of this length: a chain of comparisons. */
        for (int k2 = i; k2 < sc->n; k2++) {
            if (!j->rec->null_slots[k2] || done[k2] || k2 == corrupt ||
                strlen(sc->cols[k2].name) != len)
                continue;
            done[k2] = true;
            const char *name = sc->cols[k2].name;
            LLVMValueRef args[3] = {k, cg_str_const(cg, name, (uint32_t)len, "key"),
                                    cg_i64(cg, (int64_t)len)};
            LLVMValueRef c = cg_call(cg, "memcmp", args, 3, "keycmp");
            LLVMBasicBlockRef bb_field = cg_block(cg, arena_sprintf(cg->arena, "field.%s", name));
            LLVMBasicBlockRef bb_next = cg_block(cg, "key.next");
            LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), ""), bb_field,
                            bb_next);
            cg_at(cg, bb_field);
            LLVMBuildBr(cg->b, value_block(j, k2));
            cg_at(cg, bb_next);
        }
        LLVMBuildBr(cg->b, bb_skip);
    }
    cg_at(cg, bb_skip);
    skip_value(j);
}

/* After a matched "key" ending at q: ws ':' ws, the position stored in cur; the builder
   is left where the value's decoding must be chosen. */
static void key_colon(JsonCtx *j, LLVMValueRef q)
{
    CgCtx *cg = j->cg;
    /* a narrow record took `"name":` already: this is for `"name" :` */
    LLVMValueRef (*space)(JsonCtx *, LLVMValueRef) = j->wide ? ws : ws_cold;
    q = space(j, q);
    LLVMValueRef ch = char_at(j, q, j->bb_malformed, "fast.colon.char");
    LLVMBasicBlockRef bb_colon = cg_block(cg, "fast.colon");
    LLVMBuildCondBr(cg->b, is_char(cg, ch, ':'), bb_colon, j->bb_malformed);
    cg_at(cg, bb_colon);
    cg_store(cg, space(j, inc(cg, q)), j->cur);
}

/*
** The fast path for the keys the query reads: compare the bytes at p with `"name"`
** (quotes included, so "timestamp" never matches "time") and go straight to the
** field's value; a narrow record first tries `"name":` in one comparison (compact JSON:
** callgrind counts 2.7% fewer instructions on the events query, 5% more to build it).  A record
** written by one producer repeats its keys, so this usually hits on the first comparison;
** anything else falls through to the general path (the fast path's unknown key, cg_json_record).
** In a wide record the comparisons share one tail (the ':' and the spaces around it,
** then a switch to the column's value), so each column adds a few instructions, not
** two inlined whitespace loops.
*/
/* If the bytes at p are `"name":` for column i, go to its value (after spaces), else to
   bb_else. */
static void compact_key(JsonCtx *j, LLVMValueRef p, LLVMValueRef avail, int i,
                        LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    const char *name = j->pq->source->schema.cols[i].name;
    size_t len = strlen(name);
    LLVMBasicBlockRef bb_colon = cg_block(cg, arena_sprintf(cg->arena, "fast.%s.colon", name));
    LLVMBasicBlockRef bb_direct = cg_block(cg, arena_sprintf(cg->arena, "fast.%s.direct", name));
    LLVMValueRef room = LLVMBuildICmp(cg->b, LLVMIntSGE, avail, cg_i64(cg, (int64_t)len + 3), "");
    LLVMBuildCondBr(cg->b, room, bb_colon, bb_else);
    cg_at(cg, bb_colon);
    char *with_colon = arena_sprintf(cg->arena, "\"%s\":", name);
    LLVMValueRef args[3] = {p, cg_str_const(cg, with_colon, (uint32_t)len + 3, "qkeyc"),
                            cg_i64(cg, (int64_t)len + 3)};
    LLVMValueRef c = cg_call(cg, "memcmp", args, 3, "fastcmpc");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), ""), bb_direct,
                    bb_else);
    cg_at(cg, bb_direct);
    cg_store(cg, ws(j, cg_gepc(cg, p, len + 3, "")), j->cur);
    LLVMBuildBr(cg->b, value_block(j, i));
}

static void fast_keys(JsonCtx *j, LLVMValueRef p)
{
    CgCtx *cg = j->cg;
    const SSchema *sc = &j->pq->source->schema;
    int corrupt = cg_corrupt_column(j->pq);
    LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b), bb_shared = NULL;
    LLVMValueRef hit_len = NULL, hit_col = NULL, sw = NULL;
    if (j->wide) {
        bb_shared = cg_block(cg, "fast.hit");
        cg_at(cg, bb_shared);
        hit_len = LLVMBuildPhi(cg->b, cg->t_i64, "fast.len");
        hit_col = LLVMBuildPhi(cg->b, cg->t_i32, "fast.col");
        key_colon(j, cg_gep(cg, p, hit_len, ""));
        sw = LLVMBuildSwitch(cg->b, hit_col, j->bb_malformed, (unsigned)sc->n);
        cg_at(cg, here);
    }
    LLVMValueRef avail = LLVMBuildPtrDiff2(cg->b, cg->t_i8, j->end, p, "avail");
    for (int i = 0; i < sc->n; i++) {
        if (!j->rec->null_slots[i] || i == corrupt)
            continue;
        const char *name = sc->cols[i].name;
        size_t len = strlen(name);
        char *quoted = arena_sprintf(cg->arena, "\"%s\"", name);
        LLVMBasicBlockRef bb_miss = cg_block(cg, "fast.miss");
        if (j->fast) { /* `"name" :` is left to the unknown key's path (fast_record) */
            compact_key(j, p, avail, i, bb_miss);
            cg_at(cg, bb_miss);
            continue;
        }
        LLVMBasicBlockRef bb_cmp = cg_block(cg, arena_sprintf(cg->arena, "fast.%s", name));
        LLVMBasicBlockRef bb_hit =
            bb_shared ? bb_shared : cg_block(cg, arena_sprintf(cg->arena, "fast.%s.hit", name));
        LLVMValueRef room =
            LLVMBuildICmp(cg->b, LLVMIntSGE, avail, cg_i64(cg, (int64_t)len + 2), "");
        LLVMBuildCondBr(cg->b, room, bb_cmp, bb_miss);
        cg_at(cg, bb_cmp);
        if (!bb_shared) { /* compact JSON first, then `"name"` and the spaces before ':' */
            LLVMBasicBlockRef bb_plain =
                cg_block(cg, arena_sprintf(cg->arena, "fast.%s.key", name));
            compact_key(j, p, avail, i, bb_plain);
            cg_at(cg, bb_plain);
        }
        LLVMValueRef args[3] = {p, cg_str_const(cg, quoted, (uint32_t)len + 2, "qkey"),
                                cg_i64(cg, (int64_t)len + 2)};
        LLVMValueRef c = cg_call(cg, "memcmp", args, 3, "fastcmp");
        LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), ""), bb_hit,
                        bb_miss);
        if (bb_shared) {
            LLVMValueRef in_len = cg_i64(cg, (int64_t)len + 2), in_col = cg_i32(cg, i);
            LLVMAddIncoming(hit_len, &in_len, &bb_cmp, 1);
            LLVMAddIncoming(hit_col, &in_col, &bb_cmp, 1);
            LLVMAddCase(sw, in_col, value_block(j, i));
        } else {
            cg_at(cg, bb_hit);
            key_colon(j, cg_gepc(cg, p, len + 2, ""));
            LLVMBuildBr(cg->b, value_block(j, i));
        }
        cg_at(cg, bb_miss);
    }
}

/* The key string at p: its raw bytes, length and escape flag in the slots *k, *kn and *esc;
   returns the position after it (a malformed key goes to bb_malformed). */
static LLVMValueRef read_key(JsonCtx *j, LLVMValueRef p, LLVMValueRef *k, LLVMValueRef *kn,
                             LLVMValueRef *esc)
{
    CgCtx *cg = j->cg;
    *k = cg_alloca(cg, cg->t_ptr, "k");
    *kn = cg_alloca(cg, cg->t_i32, "kn");
    *esc = cg_alloca(cg, cg->t_i32, "kesc");
    LLVMValueRef args[5] = {p, j->end, *k, *kn, *esc};
    p = cg_call(cg, "srt_json_string_raw", args, 5, "p.key");
    check_ptr(j, p, "key.ok");
    return p;
}

/* rec.open: an empty object, or the first key. */
static void open_record(JsonCtx *j, LLVMBasicBlockRef bb_open, LLVMBasicBlockRef bb_key)
{
    CgCtx *cg = j->cg;
    cg_at(cg, bb_open);
    LLVMValueRef p = ws(j, cg_load(cg, cg->t_ptr, j->cur, "p"));
    cg_store(cg, p, j->cur);
    LLVMValueRef c = char_at(j, p, j->bb_malformed, "open.char");
    LLVMBasicBlockRef bb_empty = cg_block(cg, "rec.empty");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '}'), bb_empty, bb_key);
    cg_at(cg, bb_empty);
    cg_store(cg, inc(cg, p), j->cur);
    LLVMBuildBr(cg->b, j->bb_close);
}

/* rec.value.end: ',' another key, '}' the end. */
static void end_value(JsonCtx *j, LLVMBasicBlockRef bb_key)
{
    CgCtx *cg = j->cg;
    cg_at(cg, j->bb_after_value);
    if (j->wide) /* a wide record's value read by a shared reader may be malformed */
        check_ptr(j, cg_load(cg, cg->t_ptr, j->cur, "p"), "value.ok");
    LLVMValueRef p = ws(j, cg_load(cg, cg->t_ptr, j->cur, "p"));
    LLVMValueRef c = char_at(j, p, j->bb_malformed, "sep.char");
    LLVMBasicBlockRef bb_comma = cg_block(cg, "rec.comma");
    LLVMBasicBlockRef bb_notcomma = cg_block(cg, "rec.notcomma");
    LLVMBasicBlockRef bb_rbrace = cg_block(cg, "rec.rbrace");
    LLVMBuildCondBr(cg->b, is_char(cg, c, ','), bb_comma, bb_notcomma);
    cg_at(cg, bb_comma);
    cg_store(cg, ws(j, inc(cg, p)), j->cur);
    LLVMBuildBr(cg->b, bb_key);
    cg_at(cg, bb_notcomma);
    LLVMBuildCondBr(cg->b, is_char(cg, c, '}'), bb_rbrace, j->bb_malformed);
    cg_at(cg, bb_rbrace);
    cg_store(cg, inc(cg, p), j->cur);
    LLVMBuildBr(cg->b, j->bb_close);
}

/* A record on a line of its own ends at p: the next record starts on the next line (what
   follows the value on its line is ignored), then bb_parsed. */
static void close_line(JsonCtx *j, LLVMValueRef p, LLVMValueRef p_slot, LLVMBasicBlockRef bb_parsed)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef bb_eol = cg_block(cg, "rec.eol");
    LLVMBasicBlockRef bb_last = cg_block(cg, "rec.last");
    LLVMBasicBlockRef bb_rest = cg_block(cg, "rec.rest");
    LLVMValueRef c = char_at(j, p, bb_last, "eol.char");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '\n'), bb_eol, bb_rest);
    cg_at(cg, bb_rest);
    next_line(j, p, p_slot);
    LLVMBuildBr(cg->b, bb_parsed);
    cg_at(cg, bb_eol);
    cg_store(cg, inc(cg, p), p_slot);
    LLVMBuildBr(cg->b, bb_parsed);
    cg_at(cg, bb_last);
    cg_store(cg, p, p_slot);
    LLVMBuildBr(cg->b, bb_parsed);
}

/* The record the fallback (or the key loop's function) read into slow, into the query's slots. */
static void copy_record(JsonCtx *j, const CgRecord *slow)
{
    CgCtx *cg = j->cg;
    const SSchema *sc = &j->pq->source->schema;
    for (int i = 0; i < sc->n; i++) {
        if (!j->rec->null_slots[i])
            continue;
        const Type *t = sc->cols[i].type;
        LLVMTypeRef vt = type_is_nested(t) ? cg->t_datum : cg_type_of(cg, t);
        cg_store(cg, cg_load(cg, cg->t_i1, slow->null_slots[i], ""), j->rec->null_slots[i]);
        cg_store(cg, cg_load(cg, vt, slow->val_slots[i], ""), j->rec->val_slots[i]);
        if (j->rec->len_slots[i])
            cg_store(cg, cg_load(cg, cg->t_i32, slow->len_slots[i], ""), j->rec->len_slots[i]);
    }
}

/*
** The rest of the fast path, from the first key on.  A key none of the fast comparisons took
** is read as a string: without escapes and with ':' right after it, it is no column the query
** reads (`"name":` would have matched), and its value is skipped.  Everything else goes to the
** fallback: an escaped or single-quoted key, a space before ':', a top-level array, a
** malformed record, a value of the wrong type.  The fallback reads the line again from its
** start with the whole parser (cg_parser_fallback) and its record is copied into the slots;
** inside a top-level array the next records are the fallback's too (bb_slow).
*/
static void fast_record(JsonCtx *j, LLVMBasicBlockRef bb_key, LLVMValueRef fallback,
                        const CgRecord *slow, LLVMValueRef p_slot, LLVMBasicBlockRef bb_slow,
                        LLVMBasicBlockRef bb_done, LLVMBasicBlockRef bb_eof)
{
    CgCtx *cg = j->cg;
    cg_at(cg, bb_key);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, j->cur, "p");
    LLVMValueRef c = char_at(j, p, j->bb_malformed, "key.char");
    LLVMBasicBlockRef bb_kstr = cg_block(cg, "key.string");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '"'), bb_kstr, j->bb_malformed);
    cg_at(cg, bb_kstr);
    fast_keys(j, p);
    LLVMValueRef k, kn, esc;
    p = read_key(j, p, &k, &kn, &esc);
    LLVMBasicBlockRef bb_plain = cg_block(cg, "key.plain");
    LLVMValueRef plain =
        LLVMBuildICmp(cg->b, LLVMIntEQ, cg_load(cg, cg->t_i32, esc, "kesc"), cg_i32(cg, 0), "");
    LLVMBuildCondBr(cg->b, plain, bb_plain, j->bb_malformed);
    cg_at(cg, bb_plain);
    c = char_at(j, p, j->bb_malformed, "colon.char");
    LLVMBasicBlockRef bb_colon = cg_block(cg, "key.colon");
    LLVMBuildCondBr(cg->b, is_char(cg, c, ':'), bb_colon, j->bb_malformed);
    cg_at(cg, bb_colon);
    cg_store(cg, ws(j, inc(cg, p)), j->cur);
    skip_value(j);

    end_value(j, bb_key);
    cg_at(cg, j->bb_close);
    LLVMBasicBlockRef bb_parsed = cg_block(cg, "rec.parsed");
    /* no spaces skipped first: a record's line usually ends right after it, and whatever
       else follows it on the line is passed by all the same */
    close_line(j, cg_load(cg, cg->t_ptr, j->cur, "p"), p_slot, bb_parsed);
    cg_at(cg, bb_parsed);
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j->bad, "bad"), j->bb_malformed, bb_done);

    cg_at(cg, j->bb_malformed);
    cg_store(cg, cg_load(cg, cg->t_ptr, j->line_start, "line"), p_slot);
    LLVMBuildBr(cg->b, bb_slow);
    cg_at(cg, bb_slow);
    if (j->keys_only) { /* the caller calls the fallback */
        LLVMBuildRet(cg->b, cg_i64(cg, 2));
    } else {
        cg_parser_call(cg, fallback, slow, p_slot, j->end, bb_eof);
        copy_record(j, slow);
        LLVMBuildBr(cg->b, bb_done);
    }
    cg_at(cg, bb_done);
}

/*
** The lines the expected shape does not take, in a query's loop: the key loop's function
** (cg_parser_keys) reads them into the fallback's state, and returns 2 for the lines it leaves
** to the fallback; either way the record is then copied into the query's slots.  Inlined in
** the loop, the key loop was a second copy of every value's decoder beside the shape's and
** half of the machine code the loop's function compiled to (the flagship's build: 421 M
** instructions with it, 297 M without); called, it costs a call and a copy a record on the
** lines the shape misses.
*/
static void keys_or_fallback(JsonCtx *j, LLVMValueRef fallback, const CgRecord *slow,
                             LLVMValueRef p_slot, LLVMBasicBlockRef bb_keys,
                             LLVMBasicBlockRef bb_slow, LLVMBasicBlockRef bb_done,
                             LLVMBasicBlockRef bb_eof)
{
    CgCtx *cg = j->cg;
    cg_at(cg, bb_keys);
    LLVMValueRef keys = cg_parser_keys(cg, j->pq);
    LLVMValueRef args[4] = {cg->q, p_slot, j->end, slow->state};
    LLVMValueRef r = LLVMBuildCall2(cg->b, LLVMGlobalGetValueType(keys), keys, args, 4, "keyed");
    LLVMBasicBlockRef bb_copy = cg_block(cg, "rec.copy");
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, r, bb_slow, 2);
    LLVMAddCase(sw, cg_i64(cg, 1), bb_copy);
    LLVMAddCase(sw, cg_i64(cg, 0), bb_eof);
    cg_at(cg, bb_slow);
    cg_parser_call(cg, fallback, slow, p_slot, j->end, bb_eof);
    LLVMBuildBr(cg->b, bb_copy);
    cg_at(cg, bb_copy);
    copy_record(j, slow);
    LLVMBuildBr(cg->b, bb_done);
}

/* The longest column name in a shape: its key text, `,"name":`, has a length byte
   (srt_json_shape_skip, which also takes no empty name). */
#define SHAPE_NAME_MAX 250

/*
** The expected shape, tried first at each line of a narrow record's fast path: the source's
** columns in their declared order, `{"c1":v1,"c2":v2}` (spaces after ':' and ',' too), then
** the line's end.  A producer writes its keys in one order, so the keys cost one
** comparison each (`{"time":` is one 8-byte word) and no key dispatch, and each value is read
** by the column's decoder as on the other paths.  Anything else (another order, a missing,
** extra or duplicate key, a byte order mark, a space after '{', before ':', ',' or '}', a value
** of the wrong type, a malformed line) leaves the line untouched for the key loop (bb_general),
** which reads it from its start.  Columns the query does not read are skipped.  Not when a
** column is nested or its name holds bytes JSON escapes in a key (they never compare raw) or is
** longer than SHAPE_NAME_MAX bytes.
**
** A line the shape takes holds no '\r': its texts hold none, its fast values take no byte below
** 0x20, its readers none in a string, its spaces are ' ' and '\t' (srt_json_ws_line), and an
** object or array value (whose spaces a reader would pass) takes the key loop.  So the loop
** takes a mapped file's lines with their lone '\r's not made '\n' yet (SrtReadPos.lf_later:
** the runtime's pass over every byte, cm_lines_lf, left out; srt_prog_query_lines_raw): where a
** lone '\r' ends a line, or is a space or a string's byte, the shape does not take the line,
** and the key loop's and the fallback's functions settle each line before they read it
** (settle_line: its first lone '\r' made its end).  A line of settled bytes the shape takes
** held no '\r' either: one there is followed by the '\n' that ends the line, which the shape
** takes only after a '}'.
*/
static bool shape_usable(const JsonCtx *j)
{
    const SSchema *sc = &j->pq->source->schema;
    int corrupt = cg_corrupt_column(j->pq), n = 0;
    for (int i = 0; i < sc->n; i++) {
        if (i == corrupt)
            continue;
        if (type_is_nested(sc->cols[i].type))
            return false;
        size_t len = strlen(sc->cols[i].name);
        if (len == 0 || len > SHAPE_NAME_MAX)
            return false;
        for (const unsigned char *c = (const unsigned char *)sc->cols[i].name; *c; c++)
            if (*c == '"' || *c == '\\' || *c < 0x20)
                return false;
        n++;
    }
    return n > 0;
}

/* The order of the keys the shape expects: the source's columns but the corrupt-record column,
   in the order inference saw in the files (SSource.key_order: an inferred schema's columns are
   sorted by name, the files' keys seldom are), else as declared; *n is their number. */
static const int *shape_order(const JsonCtx *j, int *n)
{
    const SSource *src = j->pq->source;
    int corrupt = cg_corrupt_column(j->pq);
    *n = src->schema.n - (corrupt >= 0);
    if (src->key_order)
        return src->key_order;
    int *order = ARENA_NEW_N(j->cg->arena, int, src->schema.n + 1);
    for (int i = 0, k = 0; i < src->schema.n; i++)
        if (i != corrupt)
            order[k++] = i;
    return order;
}

/* Whether the buffer has n bytes at p (p <= end): p compared with end - n, which the loop
   computes once, rather than end - p, a subtraction for each test. */
static LLVMValueRef has_room(JsonCtx *j, LLVMValueRef p, int64_t n)
{
    CgCtx *cg = j->cg;
    LLVMValueRef last =
        LLVMBuildSub(cg->b, LLVMBuildPtrToInt(cg->b, j->end, cg->t_i64, ""), cg_i64(cg, n), "");
    return LLVMBuildICmp(cg->b, LLVMIntULE, LLVMBuildPtrToInt(cg->b, p, cg->t_i64, ""), last,
                         "room");
}

/* If the bytes at p are the constant text, the position after it; else go to bb_else. */
static LLVMValueRef expect_text(JsonCtx *j, LLVMValueRef p, const char *text,
                                LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    size_t n = strlen(text);
    LLVMBasicBlockRef bb_room = cg_block(cg, "shape.room");
    LLVMBasicBlockRef bb_same = cg_block(cg, "shape.same");
    cg_br_likely(cg, has_room(j, p, (int64_t)n), bb_room, bb_else);
    cg_at(cg, bb_room);
    LLVMValueRef args[3] = {p, cg_str_const(cg, text, (uint32_t)n, "shape.key"),
                            cg_i64(cg, (int64_t)n)};
    LLVMValueRef c = cg_call(cg, "memcmp", args, 3, "shapecmp");
    cg_br_likely(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), ""), bb_same, bb_else);
    cg_at(cg, bb_same);
    return cg_gepc(cg, p, n, "");
}

static LLVMValueRef shape_decode(JsonCtx *j, int i, LLVMValueRef p, bool word_tried,
                                 LLVMBasicBlockRef bb_else);

/* expect_text after optional spaces, compared first where they usually are not. */
static LLVMValueRef expect_text_ws(JsonCtx *j, LLVMValueRef p, const char *text,
                                   LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef bb_ws = cg_block(cg, "shape.ws");
    LLVMBasicBlockRef bb_join = cg_block(cg, "shape.text");
    LLVMValueRef np = expect_text(j, p, text, bb_ws);
    LLVMBasicBlockRef from_np = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, bb_join);
    cg_at(cg, bb_ws);
    LLVMValueRef np_ws = expect_text(j, ws_line(j, p), text, bb_else);
    LLVMBasicBlockRef from_ws = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, bb_join);
    cg_at(cg, bb_join);
    return cg_phi2(cg, cg->t_ptr, np, from_np, np_ws, from_ws, "p.key");
}

/* The bytes at p compared with the constant text, n of them, p having room for them: an i1
   (two bytes, `}\n`, in one load: only on a little-endian target, cg_json_fast_room). */
static LLVMValueRef same_text(CgCtx *cg, LLVMValueRef p, const char *text, size_t n)
{
    if (n == 2) {
        LLVMTypeRef t16 = LLVMInt16TypeInContext(cg->ctx);
        LLVMValueRef w = cg_load(cg, t16, p, "c2");
        LLVMSetAlignment(w, 1);
        unsigned v = (unsigned char)text[0] | (unsigned)(unsigned char)text[1] << 8;
        return LLVMBuildICmp(cg->b, LLVMIntEQ, w, LLVMConstInt(t16, v, 0), "");
    }
    LLVMValueRef same = cg_i1(cg, 1);
    for (size_t k = 0; k < n; k++) {
        LLVMValueRef c = cg_load(cg, cg->t_i8, cg_gepc(cg, p, k, ""), "c");
        same = cg_and(cg, same, is_char(cg, c, text[k]));
    }
    return same;
}

/*
** Column i's value at p (spaces not skipped yet), which the text tail (`,` or `}\n`) must
** follow; the position after the value, or after the tail too when eat.  A type with a fast
** value (cg_json_fast: ten digits of epoch seconds, a short string) tries it first, with the
** tail right after it, then once more after spaces (Python's `json.dumps` writes one after
** ':'); anything else (another value, another byte after it, the buffer's end too near) takes
** the column's exact reader (shape_decode, inlined: through the shared reader of its type, a
** string of 12 bytes cost 46 instructions a record more), then the tail.  bb_else: as
** shape_decode, or the tail not there.
*/
static LLVMValueRef shape_value(JsonCtx *j, int i, LLVMValueRef p, const char *tail, bool eat,
                                LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    LLVMBuilderRef b = cg->b;
    const Type *t = j->pq->source->schema.cols[i].type;
    size_t tn = strlen(tail); /* at least one byte: the fast value's token end */
    int room = cg_json_fast_room(cg, t, &j->pq->source->read);
    if (room == 0) {
        LLVMValueRef np = shape_decode(j, i, ws_line(j, p), false, bb_else);
        return eat ? expect_text(j, np, tail, bb_else) : np;
    }
    LLVMBasicBlockRef bb_from = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef bb_try = cg_block(cg, "fast.try");
    LLVMBasicBlockRef bb_room = cg_block(cg, "fast.room");
    LLVMBasicBlockRef bb_fast = cg_block(cg, "fast.value");
    LLVMBasicBlockRef bb_miss = cg_block(cg, "fast.miss");
    LLVMBasicBlockRef bb_other = cg_block(cg, "fast.other");
    LLVMBasicBlockRef bb_join = cg_block(cg, "fast.done");
    LLVMBuildBr(b, bb_try);
    cg_at(cg, bb_try);
    LLVMValueRef q = LLVMBuildPhi(b, cg->t_ptr, "p.try");
    cg_br_likely(cg, has_room(j, q, room + (int64_t)tn), bb_room, bb_miss);
    cg_at(cg, bb_room);
    CgFastVal v = cg_json_fast(cg, t, q);
    cg_br_likely(cg, cg_and(cg, v.ok, same_text(cg, v.end, tail, tn)), bb_fast, bb_miss);
    cg_at(cg, bb_fast);
    cg_store(cg, cg_i1(cg, 0), j->rec->null_slots[i]);
    cg_store(cg, v.val, j->rec->val_slots[i]);
    if (v.len)
        cg_store(cg, v.len, j->rec->len_slots[i]);
    LLVMValueRef np_fast = eat ? cg_gepc(cg, v.end, tn, "") : v.end;
    LLVMBuildBr(b, bb_join);
    cg_at(cg, bb_miss); /* spaces first: the fast value once more after them */
    LLVMValueRef q_ws = ws_line(j, q);
    LLVMBasicBlockRef from_miss = LLVMGetInsertBlock(b);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, q_ws, q, ""), bb_try, bb_other);
    LLVMValueRef in_q[2] = {p, q_ws};
    LLVMBasicBlockRef in_bb[2] = {bb_from, from_miss};
    LLVMAddIncoming(q, in_q, in_bb, 2);
    cg_at(cg, bb_other);
    LLVMValueRef np = shape_decode(j, i, q, true, bb_else);
    if (eat)
        np = expect_text(j, np, tail, bb_else);
    LLVMBasicBlockRef from_other = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, bb_join);
    cg_at(cg, bb_join);
    return cg_phi2(cg, cg->t_ptr, np_fast, bb_fast, np, from_other, "p.val");
}

/* Column i's value at p, spaces skipped, as the key loop would decode it (word_tried: after
   its fast value missed, cg_json_decode).  An object or array, which a STRING column takes
   as its text and a skip passes, goes to the key loop: its spaces may hold a '\r'
   (shape_record). */
static LLVMValueRef shape_decode(JsonCtx *j, int i, LLVMValueRef p, bool word_tried,
                                 LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    const Type *t = j->pq->source->schema.cols[i].type;
    if (!j->rec->null_slots[i] || t->kind == TY_STRING) {
        LLVMValueRef c = char_at(j, p, bb_else, "shape.first");
        LLVMBasicBlockRef bb_scalar = cg_block(cg, "shape.scalar");
        LLVMBuildCondBr(cg->b, cg_or(cg, is_char(cg, c, '{'), is_char(cg, c, '[')), bb_else,
                        bb_scalar);
        cg_at(cg, bb_scalar);
    }
    if (!j->rec->null_slots[i]) {
        LLVMValueRef args[2] = {p, j->end};
        LLVMValueRef np = cg_call(cg, "srt_json_skip", args, 2, "p.skip");
        LLVMBasicBlockRef ok = cg_block(cg, "shape.skipped");
        LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, np, ""), bb_else, ok);
        cg_at(cg, ok);
        return np;
    }
    LLVMValueRef np =
        cg_json_decode(cg, t, &j->pq->source->read, p, j->end, j->rec->null_slots[i],
                       j->rec->val_slots[i], j->rec->len_slots[i], j->st, bb_else, word_tried);
    LLVMValueRef status = cg_load(cg, cg->t_i32, j->st, "status");
    LLVMBasicBlockRef ok = cg_block(cg, "shape.value");
    LLVMBuildCondBr(cg->b,
                    LLVMBuildICmp(cg->b, LLVMIntUGE, status, cg_i32(cg, SRT_JV_BADTYPE), "badtype"),
                    bb_else, ok);
    cg_at(cg, ok);
    return np;
}

/* The keys the query does not read, from column order[k] on, while the query reads none of them:
   one call to srt_json_shape_skip with their texts (`{"name":` first in the record, else
   `,"name":`); the position after the last value, or bb_else.  *k is left past the run. */
static LLVMValueRef shape_skip_run(JsonCtx *j, const int *order, int n, int *k, LLVMValueRef p,
                                   LLVMBasicBlockRef bb_else)
{
    CgCtx *cg = j->cg;
    StrBuf keys;
    sb_init(&keys, cg->arena);
    for (; *k < n && !j->rec->null_slots[order[*k]]; (*k)++) {
        const char *name = j->pq->source->schema.cols[order[*k]].name;
        sb_putc(&keys, (char)(strlen(name) + 4)); /* SHAPE_NAME_MAX: it fits */
        sb_printf(&keys, "%s\"%s\":", *k ? "," : "{", name);
    }
    sb_putc(&keys, '\0');
    LLVMValueRef args[3] = {p, j->end,
                            cg_str_const(cg, keys.data, (uint32_t)keys.len, "shape.skipped")};
    LLVMValueRef np = cg_call(cg, "srt_json_shape_skip", args, 3, "p.shape");
    LLVMBasicBlockRef ok = cg_block(cg, "shape.skipped");
    LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, np, ""), bb_else, ok);
    cg_at(cg, ok);
    return np;
}

/* The shape at *p_slot: then bb_done with the record in the slots and *p_slot at the next
   line; else bb_general, nothing changed but the slots.  Each column the query reads is
   compared and decoded inline; a run of columns it does not read is one runtime call. */
static void shape_record(JsonCtx *j, LLVMValueRef p_slot, LLVMBasicBlockRef bb_general,
                         LLVMBasicBlockRef bb_done)
{
    CgCtx *cg = j->cg;
    const SSchema *sc = &j->pq->source->schema;
    int n = 0;
    const int *order = shape_order(j, &n);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, p_slot, "p");
    cg_record_clear(cg, j->pq, j->rec); /* the corrupt-record column stays NULL */
    /* the separator after the last value was read with it */
    bool eaten = false;
    for (int k = 0; k < n;) {
        int i = order[k];
        if (!j->rec->null_slots[i]) {
            p = shape_skip_run(j, order, n, &k, p, bb_general);
            eaten = false;
            continue;
        }
        if (k == 0) {
            p = expect_text(j, p, arena_sprintf(cg->arena, "{\"%s\":", sc->cols[i].name),
                            bb_general);
        } else {
            if (!eaten)
                p = expect_text(j, p, ",", bb_general);
            p = expect_text_ws(j, p, arena_sprintf(cg->arena, "\"%s\":", sc->cols[i].name),
                               bb_general);
        }
        /* a run of keys not read takes its `,` itself (shape_skip_run) */
        bool last = k + 1 == n;
        eaten = last || j->rec->null_slots[order[k + 1]];
        p = shape_value(j, i, p, last ? "}\n" : ",", eaten, bb_general);
        k++;
    }
    /* `}\n` (a last line without its newline, "\r\n" and the like take the key loop) */
    cg_store(cg, eaten ? p : expect_text(j, p, "}\n", bb_general), p_slot);
    LLVMBuildBr(cg->b, bb_done);
}

/* The line at p settled before it is read, if the runtime has left its lone '\r's
   (srt_query_lines_settle; shape_record). */
static void settle_line(CgCtx *cg, LLVMValueRef p, LLVMValueRef end)
{
    LLVMValueRef args[3] = {cg->q, p, end};
    cg_call(cg, "srt_query_lines_settle", args, 3, "");
}

/* The parser of cg_json_record; keys_only: the body of the key loop's function. */
static void json_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                        LLVMValueRef end, LLVMBasicBlockRef bb_eof, bool keys_only)
{
    JsonCtx j = {0};
    j.cg = cg;
    j.pq = pq;
    j.rec = rec;
    j.end = end;
    int n_read = 0;
    for (int i = 0; i < pq->source->schema.n; i++)
        n_read += rec->null_slots[i] != NULL;
    j.wide = n_read > WIDE_RECORD;
    /* Inlined into a query's loop, a narrow record's parser is the fast path. */
    j.fast = !j.wide && !rec->in_array;
    j.keys_only = keys_only;
    CgRecord slow = {0};
    LLVMValueRef fallback = j.fast && !keys_only ? cg_parser_fallback(cg, pq, &slow) : NULL;
    j.st = cg_alloca(cg, cg->t_i32, "st");
    j.bb_value = ARENA_NEW_N(cg->arena, LLVMBasicBlockRef, pq->source->schema.n + 1);
    j.cur = cg_alloca(cg, cg->t_ptr, "cur");
    j.bad = cg_alloca(cg, cg->t_i1, "badtype");
    if (rec->in_array) { /* a shared parser: the caller keeps the state between records */
        j.in_array = rec->in_array;
        j.arr_pass2 = rec->arr_pass2;
        j.arr_bad = rec->arr_bad;
        j.arr_first = rec->arr_first;
        j.line_start = rec->line_start;
    } else if (j.fast) { /* arrays are the fallback's: it keeps its state in slow */
        j.in_array = slow.in_array;
        j.line_start = cg_alloca(cg, cg->t_ptr, "line");
    } else {
        j.in_array = cg_alloca(cg, cg->t_i1, "in.array");
        /* false once per call (in the entry block): the record loop re-enters above us */
        LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
        LLVMValueRef next = LLVMGetNextInstruction(j.in_array);
        if (next)
            LLVMPositionBuilderBefore(cg->b, next);
        else
            LLVMPositionBuilderAtEnd(cg->b, cg->entry);
        cg_store(cg, cg_i1(cg, 0), j.in_array);
        LLVMPositionBuilderAtEnd(cg->b, here);
        j.arr_pass2 = cg_alloca(cg, cg->t_i1, "array.pass2");
        j.arr_bad = cg_alloca(cg, cg->t_i1, "array.bad");
        j.arr_first = cg_alloca(cg, cg->t_ptr, "array.first");
        j.line_start = cg_alloca(cg, cg->t_ptr, "line");
    }
    LLVMBasicBlockRef bb_start = cg_block(cg, "rec.start");
    LLVMBasicBlockRef bb_done = cg_block(cg, "rec.done");
    LLVMBuildBr(cg->b, bb_start);

    /* rec.start: the next element of a top-level array (the fallback's, on the fast path), or
       a line: its expected shape, else the key loop (a function of its own after a shape). */
    cg_at(cg, bb_start);
    LLVMBasicBlockRef bb_elem = cg_block(cg, j.fast ? "rec.slow" : "rec.elem");
    if (j.fast && !keys_only && shape_usable(&j)) {
        LLVMBasicBlockRef bb_shape = cg_block(cg, "rec.shape");
        LLVMBasicBlockRef bb_keys = cg_block(cg, "rec.keys");
        cg->lines_raw = true;
        cg_br_likely(cg, cg_not(cg, cg_load(cg, cg->t_i1, j.in_array, "in.array")), bb_shape,
                     bb_elem);
        cg_at(cg, bb_shape);
        shape_record(&j, p_slot, bb_keys, bb_done);
        keys_or_fallback(&j, fallback, &slow, p_slot, bb_keys, bb_elem, bb_done, bb_eof);
        cg_at(cg, bb_done);
        return;
    }
    LLVMBasicBlockRef bb_line = cg_block(cg, "rec.line");
    bool settles = keys_only || rec->in_array; /* a function a shape's loop may call */
    if (keys_only)
        LLVMBuildBr(cg->b, bb_line);
    else
        LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j.in_array, "in.array"), bb_elem, bb_line);
    LLVMBasicBlockRef bb_blank = cg_block(cg, "rec.blank");
    LLVMBasicBlockRef bb_begin = cg_block(cg, "rec.begin");
    LLVMBasicBlockRef bb_open = cg_block(cg, "rec.open");
    LLVMBasicBlockRef bb_key = cg_block(cg, "rec.key");
    j.bb_malformed = cg_block(cg, j.fast ? "rec.fallback" : "rec.malformed");
    j.bb_after_value = cg_block(cg, "rec.value.end");
    j.bb_close = cg_block(cg, "rec.close");
    cg_at(cg, bb_line);
    if (settles)
        settle_line(cg, cg_load(cg, cg->t_ptr, p_slot, "p"), end);
    LLVMValueRef bargs[2] = {cg_load(cg, cg->t_ptr, p_slot, "p"), end};
    cg_store(cg, bargs[0], j.line_start); /* the whole line is the corrupt record's text */
    LLVMValueRef p = ws(&j, cg_call(cg, "srt_json_bom", bargs, 2, "p.bom"));
    LLVMValueRef c = char_at(&j, p, bb_eof, "rec.char");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '\n'), bb_blank, bb_begin);
    cg_at(cg, bb_blank);
    cg_store(cg, inc(cg, p), p_slot);
    LLVMBuildBr(cg->b, bb_start);

    /* rec.begin: '{' opens the record, '[' an array of records. */
    cg_at(cg, bb_begin);
    cg_record_clear(cg, pq, rec);
    cg_store(cg, cg_i1(cg, 0), j.bad);
    cg_store(cg, inc(cg, p), j.cur);
    LLVMBasicBlockRef bb_notobj = cg_block(cg, "rec.notobject");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '{'), bb_open, bb_notobj);
    cg_at(cg, bb_notobj);
    if (j.fast) {
        LLVMBuildBr(cg->b, j.bb_malformed);
        open_record(&j, bb_open, bb_key);
        fast_record(&j, bb_key, fallback, &slow, p_slot, bb_elem, bb_done, bb_eof);
        return;
    }
    LLVMBasicBlockRef bb_array = cg_block(cg, "rec.array");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '['), bb_array, j.bb_malformed);

    /* rec.array: one row per element (Spark's allowArrayAsStructs).  Spark judges the line as
       a whole, so the array is checked first: well-formed and every element an object, else
       the line is malformed; then a first pass reads the elements without making rows, to
       learn whether any has a value of the wrong type (then every row of the line is
       malformed: PartialResultArrayException), and a second pass makes the rows.  An empty
       array has no rows. */
    cg_at(cg, bb_array);
    LLVMValueRef aargs[2] = {p, end};
    check_ptr(&j, cg_call(cg, "srt_json_rows_array", aargs, 2, "p.array"), "array.ok");
    p = ws_cold(&j, inc(cg, p));
    LLVMBasicBlockRef bb_first = cg_block(cg, "array.first");
    LLVMBasicBlockRef bb_none = cg_block(cg, "array.empty");
    LLVMBuildCondBr(cg->b, is_char(cg, cg_load(cg, cg->t_i8, p, "c"), ']'), bb_none, bb_first);
    cg_at(cg, bb_none);
    next_line(&j, inc(cg, p), p_slot);
    LLVMBuildBr(cg->b, bb_start);
    cg_at(cg, bb_first);
    cg_store(cg, cg_i1(cg, 1), j.in_array);
    cg_store(cg, cg_i1(cg, 0), j.arr_pass2);
    cg_store(cg, cg_i1(cg, 0), j.arr_bad);
    cg_store(cg, p, j.arr_first);
    cg_store(cg, inc(cg, p), j.cur);
    LLVMBuildBr(cg->b, bb_open);

    /* rec.elem: the next element (the array was checked: an object follows). */
    cg_at(cg, bb_elem);
    p = ws_cold(&j, cg_load(cg, cg->t_ptr, p_slot, "p"));
    cg_record_clear(cg, pq, rec);
    cg_store(cg, cg_i1(cg, 0), j.bad);
    cg_store(cg, inc(cg, p), j.cur);
    LLVMBuildBr(cg->b, bb_open);

    open_record(&j, bb_open, bb_key);

    /* rec.key: "key" ws ':' ws, then the value; a 'key' takes the general path. */
    cg_at(cg, bb_key);
    p = cg_load(cg, cg->t_ptr, j.cur, "p");
    c = char_at(&j, p, j.bb_malformed, "key.char");
    LLVMBasicBlockRef bb_kstr = cg_block(cg, "key.string");
    LLVMBasicBlockRef bb_kslow = cg_block(cg, "key.string.slow");
    LLVMBasicBlockRef bb_knot = cg_block(cg, "key.notdq");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '"'), bb_kstr, bb_knot);
    cg_at(cg, bb_knot);
    LLVMBuildCondBr(cg->b, is_char(cg, c, '\''), bb_kslow, j.bb_malformed);
    cg_at(cg, bb_kstr);
    fast_keys(&j, p);
    LLVMBuildBr(cg->b, bb_kslow);
    cg_at(cg, bb_kslow);
    LLVMValueRef k, kn, esc;
    p = read_key(&j, p, &k, &kn, &esc);
    p = ws_cold(&j, p);
    c = char_at(&j, p, j.bb_malformed, "colon.char");
    LLVMBasicBlockRef bb_colon = cg_block(cg, "key.colon");
    LLVMBuildCondBr(cg->b, is_char(cg, c, ':'), bb_colon, j.bb_malformed);
    cg_at(cg, bb_colon);
    cg_store(cg, ws_cold(&j, inc(cg, p)), j.cur);
    dispatch_key(&j, cg_load(cg, cg->t_ptr, k, "key"), cg_load(cg, cg->t_i32, kn, "keylen"),
                 cg_load(cg, cg->t_i32, esc, "keyesc"));

    end_value(&j, bb_key);

    /* rec.close: in an array, ',' another element or ']' its end; whatever follows the
       value on the line is ignored (Spark's JacksonParser.parse reads one value). */
    cg_at(cg, j.bb_close);
    p = ws(&j, cg_load(cg, cg->t_ptr, j.cur, "p"));
    LLVMBasicBlockRef bb_parsed = cg_block(cg, "rec.parsed");
    LLVMBasicBlockRef bb_partial = cg_block(cg, "rec.partial");
    LLVMBasicBlockRef bb_single = cg_block(cg, "rec.single");
    LLVMBasicBlockRef bb_inarr = cg_block(cg, "rec.inarray");
    LLVMBasicBlockRef bb_more = cg_block(cg, "array.more");
    LLVMBasicBlockRef bb_aend = cg_block(cg, "array.end");
    LLVMBasicBlockRef bb_pass1 = cg_block(cg, "array.pass1");
    LLVMBasicBlockRef bb_again = cg_block(cg, "array.again");
    LLVMBasicBlockRef bb_pass2 = cg_block(cg, "array.pass2");
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j.in_array, "in.array"), bb_inarr, bb_single);
    cg_at(cg, bb_inarr);
    LLVMValueRef comma = is_char(cg, cg_load(cg, cg->t_i8, p, "c"), ',');
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j.arr_pass2, "pass2"), bb_pass2, bb_pass1);
    cg_at(cg, bb_pass1); /* no row: note a bad element, go on, or read the array again */
    cg_store(
        cg,
        cg_or(cg, cg_load(cg, cg->t_i1, j.arr_bad, "arr.bad"), cg_load(cg, cg->t_i1, j.bad, "bad")),
        j.arr_bad);
    cg_store(cg, inc(cg, p), p_slot);
    LLVMBuildCondBr(cg->b, comma, bb_start, bb_again);
    cg_at(cg, bb_again);
    cg_store(cg, cg_i1(cg, 1), j.arr_pass2);
    cg_store(cg, cg_load(cg, cg->t_ptr, j.arr_first, "first"), p_slot);
    LLVMBuildBr(cg->b, bb_start);
    cg_at(cg, bb_pass2);
    cg_store(
        cg,
        cg_or(cg, cg_load(cg, cg->t_i1, j.arr_bad, "arr.bad"), cg_load(cg, cg->t_i1, j.bad, "bad")),
        j.bad);
    LLVMBuildCondBr(cg->b, comma, bb_more, bb_aend);
    cg_at(cg, bb_more);
    cg_store(cg, inc(cg, p), p_slot);
    LLVMBuildBr(cg->b, bb_parsed);
    cg_at(cg, bb_aend); /* ']' */
    cg_store(cg, cg_i1(cg, 0), j.in_array);
    next_line(&j, inc(cg, p), p_slot);
    LLVMBuildBr(cg->b, bb_parsed);
    cg_at(cg, bb_single);
    close_line(&j, p, p_slot, bb_parsed);

    /* rec.parsed: a value of the wrong type makes the record malformed with its partial
       results (FailureSafeParser: PERMISSIVE keeps them, with the line in the corrupt
       column). */
    cg_at(cg, bb_parsed);
    LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j.bad, "bad"), bb_partial, bb_done);
    cg_at(cg, bb_partial);
    {
        LLVMValueRef line = cg_load(cg, cg->t_ptr, j.line_start, "line");
        LLVMValueRef largs[2] = {line, end};
        LLVMValueRef le = cg_call(cg, "srt_json_line_end", largs, 2, "p.eol");
        cg_record_malformed(cg, pq, rec, line, le, false, bb_done, bb_start);
    }

    /* rec.malformed: by the read mode; parsing resumes after the line. */
    cg_at(cg, j.bb_malformed);
    LLVMValueRef line = cg_load(cg, cg->t_ptr, j.line_start, "line");
    LLVMValueRef le = next_line(&j, line, p_slot);
    cg_store(cg, cg_i1(cg, 0), j.in_array);
    /* PERMISSIVE keeps a row of NULLs (and the line in the corrupt-record column). */
    cg_record_malformed(cg, pq, rec, line, le, true, bb_done, bb_start);

    cg_at(cg, bb_done);
}

void cg_json_record(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                    LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    json_record(cg, pq, rec, p_slot, end, bb_eof, false);
}

void cg_json_keys(CgCtx *cg, const PQuery *pq, const CgRecord *rec, LLVMValueRef p_slot,
                  LLVMValueRef end, LLVMBasicBlockRef bb_eof)
{
    json_record(cg, pq, rec, p_slot, end, bb_eof, true);
}

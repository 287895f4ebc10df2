/* cg_reader.c - decoding one JSON value into a column's slots, inline or through a shared reader.
**
** cg_json_decode emits the srt_json_* helper call for the column's type and stores
** the NULL flag, the value (its safe default when NULL) and a string's length into
** the record's slots, and the helper's status (SRT_JV_*) into a status slot: what the
** status means for the record (a value of the wrong type, a TIMESTAMP out of range)
** is decided by the parser (cg_json.c), the same way for both shapes.  A narrow record does this
** inline in its parser (the fastest
** code).  A wide record calls one reader function per type instead, shared by every
** column and query (cg_json_reader): inlined once per column, the helpers made the
** per-record loop huge and every slot an SSA value at each key, a web of
** columns x keys phi operands, and optimisation and register allocation grew with the
** square of the columns (80 BIGINT columns: 44 s at -O2).  Through the readers the
** slots stay in memory and the work grows linearly, for one call per decoded value.
** cg_reader_begin/end generate such a shared reader once per module, for the CSV
** parser's readers (cg_text.c) too.
*/
#include <stdio.h>
#include <string.h>

#include "codegen/cg_emit.h"
#include "common/cm_json_opts.h"

/* A TIMESTAMP or DATE read with the timestampFormat or dateFormat pattern (fmt, never as in
   SReadOpts) into out: srt_json_ts_fmt, srt_json_date_fmt. */
static LLVMValueRef decode_time_fmt(CgCtx *cg, bool date, const char *fmt, bool never,
                                    LLVMValueRef p, LLVMValueRef end, LLVMValueRef out,
                                    LLVMValueRef st)
{
    uint32_t n = (uint32_t)strlen(fmt);
    LLVMValueRef f = never ? LLVMConstNull(cg->t_ptr) : cg_str_const(cg, fmt, n, "time.fmt");
    LLVMValueRef args[7] = {cg->q, p, end, f, cg_i32(cg, n), out, st};
    return cg_call(cg, date ? "srt_json_date_fmt" : "srt_json_ts_fmt", args, 7, "p.val");
}

/* JSONOptions' allowNonNumericNumbers = false (JacksonParser then refuses a quoted "NaN" for
   a DOUBLE or FLOAT too). */
static bool no_nonnum(const SReadOpts *ro)
{
    return ro && (ro->json_flags & CM_JSON_NO_NONNUM);
}

LLVMValueRef cg_json_decode(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                            LLVMValueRef end, LLVMValueRef null_slot, LLVMValueRef val_slot,
                            LLVMValueRef len_slot, LLVMValueRef st, LLVMBasicBlockRef bb_bad,
                            bool word_tried)
{
    LLVMValueRef np, out, out_n = NULL;
    LLVMTypeRef out_t = cg->t_i64;
    const char *fmt = !ro                       ? NULL
                      : t->kind == TY_TIMESTAMP ? ro->ts_fmt
                      : t->kind == TY_DATE      ? ro->date_fmt
                                                : NULL;
    if (fmt) {
        out = cg_alloca(cg, out_t, "v");
        np = decode_time_fmt(cg, t->kind == TY_DATE, fmt,
                             t->kind == TY_DATE ? ro->date_never : ro->ts_never, p, end, out, st);
    } else if (t->kind == TY_STRING) {
        out_t = cg->t_ptr;
        out = cg_alloca(cg, cg->t_ptr, "s");
        out_n = cg_alloca(cg, cg->t_i32, "n");
        LLVMValueRef args[6] = {p, end, cg->q, out, out_n, st};
        np = cg_call(cg, word_tried ? "srt_json_str_long" : "srt_json_str", args, 6, "p.val");
    } else if (t->kind == TY_TIMESTAMP_NTZ && ro && ro->ntz_fmt) { /* timestampNTZFormat */
        out = cg_alloca(cg, out_t, "ntz");
        uint32_t n = (uint32_t)strlen(ro->ntz_fmt);
        LLVMValueRef f =
            ro->ntz_never ? LLVMConstNull(cg->t_ptr) : cg_str_const(cg, ro->ntz_fmt, n, "time.fmt");
        LLVMValueRef args[7] = {cg->q, p, end, f, cg_i32(cg, n), out, st};
        np = cg_call(cg, "srt_json_ts_ntz_fmt", args, 7, "p.val");
    } else if (t->kind == TY_TIMESTAMP_NTZ) { /* parseWithoutTimeZone(s, false) of a string */
        out = cg_alloca(cg, out_t, "ntz");
        LLVMValueRef args[5] = {cg->q, p, end, out, st};
        np = cg_call(cg, "srt_json_ts_ntz", args, 5, "p.val");
    } else if (type_is_ansi_interval(t)) { /* JacksonParser: Cast of a string (srt_json_iv) */
        out = cg_alloca(cg, out_t, "iv");
        LLVMValueRef args[6] = {cg->q, p, end, cg_i32(cg, cg_interval_fields(t)), out, st};
        np = cg_call(cg, "srt_json_iv", args, 6, "p.val");
    } else if (t->kind == TY_DECIMAL) {
        out_t = cg_dec_type(cg);
        out = cg_alloca(cg, out_t, "dec");
        LLVMValueRef args[6] = {p, end, cg_i32(cg, t->precision), cg_i32(cg, t->scale), out, st};
        np = cg_call(cg, "srt_json_dec", args, 6, "p.val");
    } else {
        const char *helper;
        switch (t->kind) {
        case TY_BOOLEAN:
            helper = "srt_json_bool";
            break;
        case TY_INT:
            helper = "srt_json_i32";
            break;
        case TY_TINYINT:
        case TY_SMALLINT:
            helper = NULL; /* srt_json_integral below */
            break;
        case TY_DOUBLE: /* allowNonNumericNumbers = false: no "NaN" string either */
            helper = no_nonnum(ro) ? "srt_json_f64_strict" : "srt_json_f64";
            out_t = cg->t_f64;
            break;
        case TY_FLOAT:
            helper = no_nonnum(ro) ? "srt_json_f32_strict" : "srt_json_f32";
            out_t = cg->t_f32;
            break;
        case TY_TIMESTAMP:
            helper = "srt_json_ts";
            break;
        case TY_DATE:
            helper = "srt_json_date";
            break;
        default:
            helper = "srt_json_i64";
            break;
        }
        out = cg_alloca(cg, out_t, "v");
        if (helper) {
            LLVMValueRef args[4] = {p, end, out, st};
            np = cg_call(cg, helper, args, 4, "p.val");
        } else { /* JacksonParser: getByteValue reads -128..255 ((byte) wraps 128..255, as Jackson
                    allows them), getShortValue -32768..32767; beyond is a malformed field */
            int64_t hi = t->kind == TY_TINYINT ? 255 : INT16_MAX;
            LLVMValueRef args[6] = {
                p,   end, cg_i64(cg, t->kind == TY_TINYINT ? INT8_MIN : INT16_MIN), cg_i64(cg, hi),
                out, st};
            np = cg_call(cg, "srt_json_integral", args, 6, "p.val");
        }
    }
    LLVMBasicBlockRef ok = cg_block(cg, "field.ok");
    LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, np, "bad"), bb_bad, ok);
    cg_at(cg, ok);
    LLVMValueRef val = cg_load(cg, out_t, out, "v");
    LLVMValueRef len = out_n ? cg_load(cg, cg->t_i32, out_n, "str.len") : NULL;
    if (t->kind == TY_BOOLEAN)
        val = LLVMBuildICmp(cg->b, LLVMIntNE, val, cg_i64(cg, 0), "");
    else if (type_is_int32(t))
        val = cg_narrow(cg, t, LLVMBuildTrunc(cg->b, val, cg->t_i32, ""));
    else if (t->kind == TY_DATE) {
        CgVal tv = {cg_i1(cg, 0), val, NULL, NULL, 0};
        val = cg_cast(cg, tv, &type_timestamp, &type_date, (SrcSpan){0}).v;
    }
    LLVMValueRef status = cg_load(cg, cg->t_i32, st, "status");
    LLVMValueRef null = LLVMBuildICmp(cg->b, LLVMIntNE, status, cg_i32(cg, 0), "isnull");
    /* A NULL keeps the safe default value. */
    CgVal d = cg_null_of(cg, t);
    cg_store(cg, null, null_slot);
    cg_store(cg, cg_select(cg, null, d.v, val), val_slot);
    if (len)
        cg_store(cg, cg_select(cg, null, d.len, len), len_slot);
    return np;
}

LLVMValueRef cg_json_value_call(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                                LLVMValueRef end, LLVMValueRef datum, LLVMValueRef st)
{
    if (!ro || (!ro->ts_fmt && !ro->date_fmt && !ro->ntz_fmt && !no_nonnum(ro))) {
        LLVMValueRef args[6] = {cg->q, cg_type_text(cg, t), p, end, datum, st};
        return cg_call(cg, "srt_json_value", args, 6, "p.val");
    }
    const char *fmts[3] = {ro->ts_fmt, ro->date_fmt, ro->ntz_fmt};
    bool never[3] = {ro->ts_never, ro->date_never, ro->ntz_never};
    LLVMValueRef f[3], n[3];
    for (int k = 0; k < 3; k++) {
        uint32_t len = fmts[k] ? (uint32_t)strlen(fmts[k]) : 0;
        f[k] = fmts[k] && !never[k] ? cg_str_const(cg, fmts[k], len, "time.fmt")
                                    : LLVMConstNull(cg->t_ptr);
        n[k] = cg_i32(cg, len);
    }
    LLVMValueRef args[13] = {cg->q,
                             cg_type_text(cg, t),
                             f[0],
                             n[0],
                             f[1],
                             n[1],
                             f[2],
                             n[2],
                             cg_i32(cg, (ro->ts_fmt ? 1 : 0) | (ro->date_fmt ? 2 : 0) |
                                            (no_nonnum(ro) ? 4 : 0) | (ro->ntz_fmt ? 8 : 0)),
                             p,
                             end,
                             datum,
                             st};
    return cg_call(cg, "srt_json_value_fmt", args, 13, "p.val");
}

static const char *type_suffix(CgCtx *cg, const Type *t)
{
    if (!t)
        return "skip";
    if (t->kind == TY_DECIMAL)
        return arena_sprintf(cg->arena, "decimal_%d_%d", t->precision, t->scale);
    if (type_is_ansi_interval(t))
        return arena_sprintf(cg->arena, "interval_%d", cg_interval_fields(t));
    switch (t->kind) {
    case TY_BOOLEAN:
        return "boolean";
    case TY_TINYINT:
        return "tinyint";
    case TY_SMALLINT:
        return "smallint";
    case TY_INT:
        return "int";
    case TY_DOUBLE:
        return "double";
    case TY_FLOAT:
        return "float";
    case TY_TIMESTAMP:
        return "timestamp";
    case TY_TIMESTAMP_NTZ:
        return "timestamp_ntz";
    case TY_DATE:
        return "date";
    case TY_STRING:
        return "string";
    default:
        return "bigint";
    }
}

const char *cg_read_opts_key(CgCtx *cg, const SReadOpts *ro)
{
    if (!ro || (!ro->ts_fmt && !ro->date_fmt && !ro->ntz_fmt && !ro->csv_custom && !no_nonnum(ro)))
        return "";
    /* the options' text, hex-encoded: a name of plain characters, one per set of options */
    StrBuf text, key;
    sb_init(&text, cg->arena);
    sb_init(&key, cg->arena);
    const char *ts = ro->ts_fmt ? ro->ts_fmt : "", *date = ro->date_fmt ? ro->date_fmt : "";
    sb_printf(&text, "%d%d%zu:%s%zu:%s", ro->ts_never, ro->date_never, strlen(ts), ts, strlen(date),
              date);
    if (ro->ntz_fmt)
        sb_printf(&text, "T%d%zu:%s", ro->ntz_never, strlen(ro->ntz_fmt), ro->ntz_fmt);
    if (ro->csv_custom) {
        const char *v[5] = {ro->null_value, ro->empty_value, ro->nan_value, ro->pos_inf,
                            ro->neg_inf};
        for (int i = 0; i < 5; i++)
            sb_printf(&text, "%zu:%s", strlen(v[i]), v[i]);
        sb_printf(&text, "%d%d", ro->trim_leading, ro->trim_trailing); /* comment: not a reader's */
    }
    if (no_nonnum(ro)) /* json only: never with the csv text */
        sb_puts(&text, "N");
    sb_puts(&key, "o");
    for (size_t i = 0; i < text.len; i++)
        sb_printf(&key, "%02x", (unsigned char)text.data[i]);
    sb_puts(&key, "_");
    return key.data;
}

bool cg_reader_begin(CgCtx *cg, const char *prefix, const Type *t, LLVMTypeRef fn_type,
                     unsigned q_param, LLVMValueRef *fn, CgResume *r)
{
    const char *name = arena_sprintf(cg->arena, "%s%s", prefix, type_suffix(cg, t));
    *fn = LLVMGetNamedFunction(cg->mod, name);
    if (*fn)
        return false;
    /* Generate it now; cg_reader_end resumes the function being generated where it was. */
    r->fn = cg->fn;
    r->q = cg->q;
    r->entry = cg->entry;
    r->at = LLVMGetInsertBlock(cg->b);
    *fn = cg_begin_function(cg, name, fn_type);
    cg->q = LLVMGetParam(*fn, q_param);
    LLVMSetLinkage(*fn, LLVMInternalLinkage);
    cg_fn_attribute(cg, *fn, "noinline");
    return true;
}

void cg_reader_end(CgCtx *cg, const CgResume *r)
{
    cg->fn = r->fn;
    cg->q = r->q;
    cg->entry = r->entry;
    if (r->at) /* NULL: the unit was generating nothing */
        cg_at(cg, r->at);
}

LLVMValueRef cg_json_reader(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMTypeRef *fn_type)
{
    LLVMTypeRef params[7] = {cg->t_ptr, cg->t_ptr, cg->t_ptr, cg->t_ptr,
                             cg->t_ptr, cg->t_ptr, cg->t_ptr};
    *fn_type = LLVMFunctionType(cg->t_ptr, params, 7, 0);
    LLVMValueRef fn;
    CgResume r;
    const char *prefix = arena_sprintf(cg->arena, "sl_json_read_%s", cg_read_opts_key(cg, ro));
    if (!cg_reader_begin(cg, prefix, t, *fn_type, 2, &fn, &r))
        return fn;
    /* (p, end, q, null slot, value slot, length slot, status) -> position after the value,
       or NULL.  A value of the wrong type leaves the slots as they were (cg_slots_save): here,
       not at each column, whose code stays one block (cg_json.c read_field). */
    LLVMBasicBlockRef bad = cg_block(cg, "bad");
    LLVMValueRef len_slot = t->kind == TY_STRING ? LLVMGetParam(fn, 5) : NULL;
    CgSlots kept =
        cg_slots_save(cg, cg_type_of(cg, t), LLVMGetParam(fn, 3), LLVMGetParam(fn, 4), len_slot);
    LLVMValueRef np =
        cg_json_decode(cg, t, ro, LLVMGetParam(fn, 0), LLVMGetParam(fn, 1), LLVMGetParam(fn, 3),
                       LLVMGetParam(fn, 4), LLVMGetParam(fn, 5), LLVMGetParam(fn, 6), bad, false);
    cg_slots_keep_on_bad(cg, &kept, cg_load(cg, cg->t_i32, LLVMGetParam(fn, 6), "status"));
    LLVMBuildRet(cg->b, np);
    cg_at(cg, bad);
    LLVMBuildRet(cg->b, LLVMConstNull(cg->t_ptr));
    cg_reader_end(cg, &r);
    return fn;
}

LLVMValueRef cg_json_read_shared(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                                 LLVMValueRef end, LLVMValueRef null_slot, LLVMValueRef val_slot,
                                 LLVMValueRef len_slot, LLVMValueRef st)
{
    LLVMTypeRef rt;
    LLVMValueRef reader = cg_json_reader(cg, t, ro, &rt);
    LLVMValueRef args[7] = {
        p, end, cg->q, null_slot, val_slot, len_slot ? len_slot : LLVMConstNull(cg->t_ptr), st};
    for (int k = 3; k < 7; k++)
        args[k] = LLVMBuildPointerCast(cg->b, args[k], cg->t_ptr, "");
    return LLVMBuildCall2(cg->b, rt, reader, args, 7, "p.val");
}

/* cg_from_json.c - from_json(s, schema) as a JSON object parser specialised to its STRUCT schema
** (a MAP or ARRAY schema is read by the runtime's srt_json_value).
**
** Each distinct schema of a module gets one generated function
**     void sl_from_json.<schema>(SrtQuery *q, const char *s, uint32_t n, SrtDatum *out)
** that walks the text once, as the files source's record parser (cg_json.c) does: keys are
** matched against the schema's fields by length, then a constant memcmp; a scalar field is
** decoded by the same typed readers (cg_json_decode inline, or past CG_WIDE_RECORD fields the
** shared cg_json_reader functions, srt_json_* helpers), a nested or
** BINARY field by srt_json_value, as a nested column of the files source; other keys are
** skipped.  The fields live in the query's per-record scratch memory (strings may point
** into s).
**
** Semantics: JsonToStructs.nullSafeEval with FailureSafeParser in PERMISSIVE mode
** (sql/catalyst/.../expressions/jsonExpressions.scala, FailureSafeParser.scala, Spark 3.5):
** text without a JSON token gives no row (JacksonParser.parse: NULL); an object gives its
** struct, a field of another type NULL with the others kept (partial results,
** JacksonParser.convertObject with spark.sql.json.enablePartialResults); anything else
** (malformed text, an array, a scalar, null) is a bad record and PERMISSIVE gives the row of
** NULLs (toResultRow with no partial result).  Only the first value is read: text after
** the object is ignored.
**
** With JSONOptions' parser switches (allowComments, ...) the parsers read the text's normal
** form (common/cm_json_opts.h: the same values in strict JSON, or a text every reader finds
** malformed), as the files source reads its records; the corrupt-record field and FAILFAST's
** message keep the text as given.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

/* A field the runtime reads (srt_json_value): nested types and BINARY (base64 text). */
static bool runtime_field(const Type *t)
{
    return type_is_nested(t) || t->kind == TY_BINARY;
}

typedef struct FjCtx {
    CgCtx *cg;
    const Type *t;
    const SReadOpts *ro; /* the options' reading of values (NULL: Spark's defaults) */
    int corrupt;         /* the corrupt-record field, or -1 */
    bool failfast;
    LLVMValueRef end, cur, st, fields, bad;
    LLVMValueRef *null_slots, *val_slots, *len_slots;
    LLVMBasicBlockRef bb_malformed, bb_after_value;
} FjCtx;

static LLVMValueRef field_datum(FjCtx *j, int i)
{
    return cg_gepc(j->cg, j->fields, cg_datum_size(j->cg) * (uint64_t)i, j->t->fields[i].name);
}

static void check_ptr(FjCtx *j, LLVMValueRef p, const char *name)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef ok = cg_block(cg, name);
    LLVMBuildCondBr(cg->b, LLVMBuildIsNull(cg->b, p, "bad"), j->bb_malformed, ok);
    cg_at(cg, ok);
}

static LLVMValueRef ws(FjCtx *j, LLVMValueRef p)
{
    LLVMValueRef args[2] = {p, j->end};
    return cg_call(j->cg, "srt_json_ws", args, 2, "p.ws");
}

static LLVMValueRef char_at(FjCtx *j, LLVMValueRef p, const char *name)
{
    CgCtx *cg = j->cg;
    LLVMBasicBlockRef ok = cg_block(cg, name);
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, j->end, "inbuf"), ok, j->bb_malformed);
    cg_at(cg, ok);
    return cg_load(cg, cg->t_i8, p, "c");
}

static LLVMValueRef is_char(CgCtx *cg, LLVMValueRef c, char ch)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i8(cg, ch), "");
}

/* The value at cur into field i; a value of the wrong type makes the struct partial (the
   field NULL), which PERMISSIVE keeps. */
static void read_field(FjCtx *j, int i)
{
    CgCtx *cg = j->cg;
    const Type *ft = j->t->fields[i].type;
    LLVMValueRef p = cg_load(cg, cg->t_ptr, j->cur, "p");
    LLVMValueRef np;
    if (runtime_field(ft)) {
        CgSlots kept = cg_slots_save(cg, cg->t_datum, NULL, field_datum(j, i), NULL);
        np = cg_json_value_call(cg, ft, j->ro, p, j->end, field_datum(j, i), j->st);
        check_ptr(j, np, "field.ok");
        /* srt_json_value leaves the datum NULL unless the status is OK or PARTIAL. */
        cg_slots_keep_on_bad(cg, &kept, cg_load(cg, cg->t_i32, j->st, "status"));
    } else {
        if (j->t->n_fields <= CG_WIDE_RECORD) {
            CgSlots kept = cg_slots_save(cg, cg_type_of(cg, ft), j->null_slots[i], j->val_slots[i],
                                         j->len_slots[i]);
            np = cg_json_decode(cg, ft, j->ro, p, j->end, j->null_slots[i], j->val_slots[i],
                                j->len_slots[i], j->st, j->bb_malformed, false);
            cg_slots_keep_on_bad(cg, &kept, cg_load(cg, cg->t_i32, j->st, "status"));
        } else { /* a wide schema: the shared per-type readers (which keep the slots on a
                    value of the wrong type), as a wide record (cg_json.c) */
            np = cg_json_read_shared(cg, ft, j->ro, p, j->end, j->null_slots[i], j->val_slots[i],
                                     j->len_slots[i], j->st);
            check_ptr(j, np, "field.ok");
        }
    }
    /* a value of another type (BADTYPE, PARTIAL, RANGE): the struct is a partial result */
    LLVMValueRef status = cg_load(cg, cg->t_i32, j->st, "status");
    LLVMValueRef b = LLVMBuildICmp(cg->b, LLVMIntUGE, status, cg_i32(cg, SRT_JV_BADTYPE), "");
    cg_store(cg, cg_or(cg, cg_load(cg, cg->t_i1, j->bad, "bad"), b), j->bad);
    cg_store(cg, np, j->cur);
    LLVMBuildBr(cg->b, j->bb_after_value);
}

/* Dispatch on the key (k, kn), decoded if it has escapes (Jackson's getCurrentName), to its
   field or to the skipper; with duplicate keys the last value wins, as convertObject. */
static void dispatch_key(FjCtx *j, LLVMValueRef k, LLVMValueRef kn, LLVMValueRef esc)
{
    CgCtx *cg = j->cg;
    const Type *t = j->t;
    LLVMBasicBlockRef bb_skip = cg_block(cg, "key.unknown");
    cg_json_key_text(cg, &k, &kn, esc);
    LLVMValueRef sw = LLVMBuildSwitch(cg->b, kn, bb_skip, (unsigned)t->n_fields);
    bool *done = ARENA_NEW_N(cg->arena, bool, t->n_fields + 1);
    if (j->corrupt >= 0) /* not read from the JSON (JsonToStructs' actualSchema) */
        done[j->corrupt] = true;
    for (int i = 0; i < t->n_fields; i++) {
        if (done[i])
            continue;
        size_t len = strlen(t->fields[i].name);
        LLVMBasicBlockRef bb_len = cg_block(cg, "key.len");
        LLVMAddCase(sw, cg_i32(cg, (int64_t)len), bb_len);
        cg_at(cg, bb_len);
        for (int f = i; f < t->n_fields; f++) {
            const char *name = t->fields[f].name;
            if (done[f] || strlen(name) != len)
                continue;
            done[f] = true;
            LLVMValueRef args[3] = {k, cg_str_const(cg, name, (uint32_t)len, "key"), cg_i64(cg, (int64_t)len)};
            LLVMValueRef c = cg_call(cg, "memcmp", args, 3, "keycmp");
            LLVMBasicBlockRef bb_field = cg_block(cg, "field");
            LLVMBasicBlockRef bb_next = cg_block(cg, "key.next");
            LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i32(cg, 0), ""), bb_field, bb_next);
            cg_at(cg, bb_field);
            read_field(j, f);
            cg_at(cg, bb_next);
        }
        LLVMBuildBr(cg->b, bb_skip);
    }
    cg_at(cg, bb_skip);
    LLVMValueRef p = cg_load(cg, cg->t_ptr, j->cur, "p");
    LLVMValueRef sargs[2] = {p, j->end};
    LLVMValueRef np = cg_call(cg, "srt_json_skip", sargs, 2, "p.skip");
    check_ptr(j, np, "skip.ok");
    cg_store(cg, np, j->cur);
    LLVMBuildBr(cg->b, j->bb_after_value);
}

/* The corrupt-record field of struct type t for options o: a STRING field named
   columnNameOfCorruptRecord (sema refuses another type), or -1. */
static int corrupt_field(const Type *t, const SJsonFnOpts *o)
{
    for (int i = 0; o && o->corrupt && i < t->n_fields; i++)
        if (strcmp(t->fields[i].name, o->corrupt) == 0 && t->fields[i].type->kind == TY_STRING)
            return i;
    return -1;
}

/* A malformed text or a partial struct (FailureSafeParser): the corrupt-record field gets
   the text [s, s + n); FAILFAST fails the query naming the row PERMISSIVE keeps. */
static void bad_record(FjCtx *j, LLVMValueRef s, LLVMValueRef n)
{
    CgCtx *cg = j->cg;
    if (j->corrupt >= 0) {
        CgVal v = {.null = cg_i1(cg, 0), .v = s, .len = n};
        cg_store_datum(cg, &type_string, v, field_datum(j, j->corrupt), false);
    }
    if (j->failfast) {
        LLVMValueRef none = LLVMConstNull(cg->t_ptr);
        LLVMValueRef args[7] = {cg->q, cg_type_text(cg, j->t), j->fields, s, none, none, none};
        cg_call(cg, "srt_query_fail_record", args, 7, "");
    }
}

/* The text from_json reads of s: with JSONOptions' parser switches its normal form
   (srt_json_norm_text), else s. */
static CgVal read_text(CgCtx *cg, const SReadOpts *ro, CgVal s)
{
    if (!ro || !ro->json_flags)
        return s;
    LLVMValueRef n = cg_alloca(cg, cg->t_i32, "norm.n");
    LLVMValueRef args[5] = {cg->q, s.v, s.len, cg_i32(cg, (int64_t)ro->json_flags), n};
    CgVal r = s;
    r.v = cg_call(cg, "srt_json_norm_text", args, 5, "norm");
    r.len = cg_load(cg, cg->t_i32, n, "norm.len");
    return r;
}

/* The body of the parser of struct type t with options o: (q, s, n, out). */
static void gen_parser(CgCtx *cg, const Type *t, const SJsonFnOpts *o, LLVMValueRef fn)
{
    FjCtx j = {0};
    j.cg = cg;
    j.t = t;
    j.ro = o ? &o->read : NULL;
    j.corrupt = corrupt_field(t, o);
    j.failfast = o && o->failfast;
    int nf = t->n_fields;
    LLVMValueRef s = LLVMGetParam(fn, 1);
    LLVMValueRef out = LLVMGetParam(fn, 3);
    LLVMValueRef n = LLVMGetParam(fn, 2);
    CgVal text = read_text(cg, j.ro, (CgVal){.null = cg_i1(cg, 0), .v = s, .len = n});
    j.end = cg_gep(cg, text.v, LLVMBuildZExt(cg->b, text.len, cg->t_i64, ""), "end");
    j.cur = cg_alloca(cg, cg->t_ptr, "cur");
    j.st = cg_alloca(cg, cg->t_i32, "st");
    j.bad = cg_alloca(cg, cg->t_i1, "bad");
    cg_store(cg, cg_i1(cg, 0), j.bad);
    j.null_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, nf + 1);
    j.val_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, nf + 1);
    j.len_slots = ARENA_NEW_N(cg->arena, LLVMValueRef, nf + 1);
    for (int i = 0; i < nf; i++) {
        const Type *ft = t->fields[i].type;
        if (runtime_field(ft))
            continue;
        j.null_slots[i] = cg_alloca(cg, cg->t_i1, "f.null");
        j.val_slots[i] = cg_alloca(cg, cg_type_of(cg, ft), t->fields[i].name);
        if (ft->kind == TY_STRING)
            j.len_slots[i] = cg_alloca(cg, cg->t_i32, "f.len");
    }
    /* The output is NULL until the text has a token. */
    cg_store(cg, LLVMConstNull(cg->t_datum), out);
    cg_store(cg, cg_i8(cg, 1), cg_datum_field(cg, out, SRT_FIELDNO_DATUM_IS_NULL));
    LLVMBasicBlockRef bb_token = cg_block(cg, "token");
    LLVMBasicBlockRef bb_none = cg_block(cg, "notoken");
    LLVMBasicBlockRef bb_key = cg_block(cg, "key");
    LLVMBasicBlockRef bb_done = cg_block(cg, "done");
    j.bb_malformed = cg_block(cg, "malformed");
    j.bb_after_value = cg_block(cg, "value.end");

    /* Leading spaces (Jackson's whitespace: space, tab, CR, LF); no token is NULL. */
    LLVMValueRef p = ws(&j, text.v);
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULT, p, j.end, "has"), bb_token, bb_none);
    cg_at(cg, bb_none);
    LLVMBuildRetVoid(cg->b);

    /* A token: a struct, its fields NULL until read. */
    cg_at(cg, bb_token);
    uint64_t size = cg_datum_size(cg);
    LLVMValueRef aargs[2] = {cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)(nf ? nf : 1)))};
    j.fields = cg_call(cg, "srt_scratch_alloc", aargs, 2, "fields");
    for (int i = 0; i < nf; i++) {
        LLVMValueRef fd = field_datum(&j, i);
        cg_store(cg, LLVMConstNull(cg->t_datum), fd);
        cg_store(cg, cg_i8(cg, 1), cg_datum_field(cg, fd, SRT_FIELDNO_DATUM_IS_NULL));
        if (j.null_slots[i])
            cg_store(cg, cg_i1(cg, 1), j.null_slots[i]);
    }
    cg_store(cg, cg_i8(cg, 0), cg_datum_field(cg, out, SRT_FIELDNO_DATUM_IS_NULL));
    cg_store(cg, j.fields, cg_datum_field(cg, out, SRT_FIELDNO_DATUM_P));
    cg_store(cg, cg_i32(cg, nf), cg_datum_field(cg, out, SRT_FIELDNO_DATUM_N));
    LLVMBasicBlockRef bb_obj = cg_block(cg, "object");
    LLVMValueRef c0 = cg_load(cg, cg->t_i8, p, "c");
    if (j.failfast) { /* JacksonParser (allowArrayAsStructs = false): JsonArraysAsStructsException
                       */
        LLVMBasicBlockRef bb_arr = cg_block(cg, "array"), bb_other = cg_block(cg, "notarray");
        LLVMBuildCondBr(cg->b, is_char(cg, c0, '['), bb_arr, bb_other);
        cg_at(cg, bb_arr);
        LLVMValueRef args[3] = {cg->q, s, n};
        cg_call(cg, "srt_query_fail_json_array", args, 3, "");
        LLVMBuildRetVoid(cg->b);
        cg_at(cg, bb_other);
    }
    LLVMBuildCondBr(cg->b, is_char(cg, c0, '{'), bb_obj, j.bb_malformed);

    /* '{': empty, or the first key. */
    cg_at(cg, bb_obj);
    p = ws(&j, cg_gepc(cg, p, 1, ""));
    cg_store(cg, p, j.cur);
    LLVMValueRef c = char_at(&j, p, "open.char");
    LLVMBuildCondBr(cg->b, is_char(cg, c, '}'), bb_done, bb_key);

    /* "key" ws ':' ws, then the value. */
    cg_at(cg, bb_key);
    p = cg_load(cg, cg->t_ptr, j.cur, "p");
    LLVMValueRef k = cg_alloca(cg, cg->t_ptr, "k");
    LLVMValueRef kn = cg_alloca(cg, cg->t_i32, "kn");
    LLVMValueRef esc = cg_alloca(cg, cg->t_i32, "kesc");
    LLVMValueRef sargs[5] = {p, j.end, k, kn, esc};
    p = cg_call(cg, "srt_json_string_raw", sargs, 5, "p.key");
    check_ptr(&j, p, "key.ok");
    p = ws(&j, p);
    c = char_at(&j, p, "colon.char");
    LLVMBasicBlockRef bb_colon = cg_block(cg, "colon");
    LLVMBuildCondBr(cg->b, is_char(cg, c, ':'), bb_colon, j.bb_malformed);
    cg_at(cg, bb_colon);
    cg_store(cg, ws(&j, cg_gepc(cg, p, 1, "")), j.cur);
    dispatch_key(&j, cg_load(cg, cg->t_ptr, k, "key"), cg_load(cg, cg->t_i32, kn, "keylen"),
                 cg_load(cg, cg->t_i32, esc, "keyesc"));

    /* ',' another key, '}' the end. */
    cg_at(cg, j.bb_after_value);
    p = ws(&j, cg_load(cg, cg->t_ptr, j.cur, "p"));
    c = char_at(&j, p, "sep.char");
    LLVMBasicBlockRef bb_comma = cg_block(cg, "comma");
    LLVMBasicBlockRef bb_notcomma = cg_block(cg, "notcomma");
    LLVMBuildCondBr(cg->b, is_char(cg, c, ','), bb_comma, bb_notcomma);
    cg_at(cg, bb_comma);
    cg_store(cg, ws(&j, cg_gepc(cg, p, 1, "")), j.cur);
    LLVMBuildBr(cg->b, bb_key);
    cg_at(cg, bb_notcomma);
    LLVMBuildCondBr(cg->b, is_char(cg, c, '}'), bb_done, j.bb_malformed);

    /* The object is read: the scalar fields into their datums. */
    cg_at(cg, bb_done);
    for (int i = 0; i < nf; i++) {
        const Type *ft = t->fields[i].type;
        if (!j.null_slots[i])
            continue;
        CgVal v = {0};
        v.null = cg_load(cg, cg->t_i1, j.null_slots[i], "f.isnull");
        v.v = cg_load(cg, cg_type_of(cg, ft), j.val_slots[i], "f.v");
        if (j.len_slots[i])
            v.len = cg_load(cg, cg->t_i32, j.len_slots[i], "f.n");
        cg_store_datum(cg, ft, v, field_datum(&j, i), false);
    }
    if (j.corrupt >= 0 || j.failfast) { /* a partial struct is a bad record too */
        LLVMBasicBlockRef bb_partial = cg_block(cg, "partial"), bb_ret = cg_block(cg, "ret");
        LLVMBuildCondBr(cg->b, cg_load(cg, cg->t_i1, j.bad, "bad"), bb_partial, bb_ret);
        cg_at(cg, bb_partial);
        bad_record(&j, s, n);
        LLVMBuildBr(cg->b, bb_ret);
        cg_at(cg, bb_ret);
    }
    LLVMBuildRetVoid(cg->b);

    /* A bad record: the struct of NULLs. */
    cg_at(cg, j.bb_malformed);
    for (int i = 0; i < nf; i++) {
        LLVMValueRef fd = field_datum(&j, i);
        cg_store(cg, LLVMConstNull(cg->t_datum), fd);
        cg_store(cg, cg_i8(cg, 1), cg_datum_field(cg, fd, SRT_FIELDNO_DATUM_IS_NULL));
    }
    bad_record(&j, s, n);
    LLVMBuildRetVoid(cg->b);
}

/* One JSON value of type t at p (srt_json_value) stored into the datum d; true in *bad_slot
   when there is none (malformed text, null, a value of another type): PERMISSIVE's NULL. */
static void value_into(CgCtx *cg, const Type *t, const SReadOpts *ro, LLVMValueRef p,
                       LLVMValueRef end, LLVMValueRef d, LLVMValueRef bad_slot)
{
    LLVMValueRef st = cg_alloca(cg, cg->t_i32, "fj.st");
    LLVMValueRef r = cg_json_value_call(cg, t, ro, p, end, d, st);
    LLVMValueRef code = cg_load(cg, cg->t_i32, st, "fj.code");
    LLVMValueRef ok = cg_or(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, code, cg_i32(cg, SRT_JV_OK), ""),
                            LLVMBuildICmp(cg->b, LLVMIntEQ, code, cg_i32(cg, SRT_JV_PARTIAL), ""));
    cg_store(cg, cg_or(cg, LLVMBuildIsNull(cg->b, r, ""), LLVMBuildNot(cg->b, ok, "")), bad_slot);
}

/* FAILFAST of a MAP or ARRAY schema t when bad: the query fails naming the row of the one
   field `value` (JsonToStructs' parserSchema), the datum d. */
static void fail_nested(CgCtx *cg, const Type *t, LLVMValueRef bad, CgVal s, LLVMValueRef d)
{
    LLVMBasicBlockRef bb_fail = cg_block(cg, "fj.fail"), bb_ok = cg_block(cg, "fj.ok");
    LLVMBuildCondBr(cg->b, bad, bb_fail, bb_ok);
    cg_at(cg, bb_fail);
    TypeField *f = ARENA_NEW(cg->arena, TypeField);
    *f = (TypeField){"value", t};
    const Type *row = type_struct(cg->arena, 1, f);
    LLVMValueRef none = LLVMConstNull(cg->t_ptr);
    LLVMValueRef args[7] = {cg->q, cg_type_text(cg, row), d, s.v, none, none, none};
    cg_call(cg, "srt_query_fail_record", args, 7, "");
    LLVMBuildBr(cg->b, bb_ok);
    cg_at(cg, bb_ok);
}

/* from_json(s, 'map<string,T>') and from_json(s, 'array<T>'): JacksonParser's root converter
   of a MapType (convertMap) or an ArrayType, by srt_json_value: a JSON object or array whose
   values of another type are NULL with the others kept (partial results), and for an array
   of structs a JSON object too, read as the array of that one struct (SPARK-19595);
   anything else (malformed text, null, another value) NULL, PERMISSIVE's row of NULLs. */
static CgVal nested_from_json(CgCtx *cg, const Type *t, const SJsonFnOpts *o, CgVal s)
{
    const SReadOpts *ro = o ? &o->read : NULL;
    LLVMValueRef d = cg_alloca(cg, cg->t_datum, "fj.arr");
    LLVMValueRef bad = cg_alloca(cg, cg->t_i1, "fj.bad");
    CgVal text = read_text(cg, ro, s);
    LLVMValueRef end = cg_gep(cg, text.v, LLVMBuildZExt(cg->b, text.len, cg->t_i64, ""), "fj.end");
    LLVMValueRef ws_args[2] = {text.v, end};
    LLVMValueRef p = cg_call(cg, "srt_json_ws", ws_args, 2, "fj.p");
    if (t->kind != TY_ARRAY || t->elem->kind != TY_STRUCT) {
        value_into(cg, t, ro, p, end, d, bad);
    } else {
        LLVMBasicBlockRef bb_obj = cg_block(cg, "fj.obj"), bb_arr = cg_block(cg, "fj.arr");
        LLVMBasicBlockRef bb_done = cg_block(cg, "fj.done");
        LLVMValueRef in = LLVMBuildICmp(cg->b, LLVMIntULT, p, end, "fj.in");
        LLVMValueRef c = cg_load(cg, cg->t_i8, cg_select(cg, in, p, text.v), "fj.c");
        LLVMBuildCondBr(cg->b,
                        cg_and(cg, in, LLVMBuildICmp(cg->b, LLVMIntEQ, c, cg_i8(cg, '{'), "")),
                        bb_obj, bb_arr);
        cg_at(cg, bb_obj);
        LLVMValueRef one = cg_alloca(cg, cg->t_datum, "fj.one");
        value_into(cg, t->elem, ro, p, end, one, bad);
        CgVal elem = cg_load_datum(cg, t->elem, one);
        cg_store_datum(cg, t, cg_array_make(cg, t->elem, &elem, 1), d, false);
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_arr);
        value_into(cg, t, ro, p, end, d, bad);
        LLVMBuildBr(cg->b, bb_done);
        cg_at(cg, bb_done);
    }
    LLVMValueRef is_bad = cg_load(cg, cg->t_i1, bad, "fj.bad");
    if (o && o->failfast) /* the row struct<value: t> of the value as read (FailureSafeParser) */
        fail_nested(cg, t, cg_and(cg, is_bad, LLVMBuildNot(cg->b, s.null, "")), s, d);
    CgVal v = cg_load_datum(cg, t, d);
    v.null = cg_or(cg, v.null, cg_or(cg, s.null, is_bad));
    return v;
}

CgVal cg_text_parser_call(CgCtx *cg, const char *name, const Type *t, CgTextParserGen gen,
                          const void *arg, CgVal s)
{
    LLVMTypeRef params[4] = {cg->t_ptr, cg->t_ptr, cg->t_i32, cg->t_ptr};
    LLVMTypeRef fn_type = LLVMFunctionType(cg->t_void, params, 4, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    if (!fn) {
        LLVMValueRef caller = cg->fn, q = cg->q;
        LLVMBasicBlockRef entry = cg->entry, at = LLVMGetInsertBlock(cg->b);
        fn = cg_begin_function(cg, name, fn_type);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        cg->q = LLVMGetParam(fn, 0);
        gen(cg, t, arg, fn);
        cg->fn = caller;
        cg->q = q;
        cg->entry = entry;
        cg_at(cg, at);
    }
    LLVMValueRef d = cg_alloca(cg, cg->t_datum, "parsed");
    LLVMValueRef args[4] = {cg->q, s.v, s.len, LLVMBuildPointerCast(cg->b, d, cg->t_ptr, "")};
    LLVMBuildCall2(cg->b, fn_type, fn, args, 4, "");
    CgVal r = cg_load_datum(cg, t, d);
    r.null = cg_or(cg, r.null, s.null);
    return r;
}

static void gen_json_parser(CgCtx *cg, const Type *t, const void *arg, LLVMValueRef fn)
{
    gen_parser(cg, t, arg, fn);
}

CgVal cg_from_json(CgCtx *cg, const Type *t, const SJsonFnOpts *o, CgVal s)
{
    if (t->kind == TY_MAP || t->kind == TY_ARRAY)
        return nested_from_json(cg, t, o, s);
    /* one parser per schema and options (the mode and the corrupt field's name too) */
    int corrupt = corrupt_field(t, o);
    unsigned flags = o ? o->read.json_flags : 0;
    const char *name =
        arena_sprintf(cg->arena, "sl_from_json.%s%s%s%d.%s", o && o->failfast ? "ff." : "",
                      flags ? arena_sprintf(cg->arena, "j%x.", flags) : "",
                      cg_read_opts_key(cg, o ? &o->read : NULL), corrupt, type_name(cg->arena, t));
    return cg_text_parser_call(cg, name, t, gen_json_parser, o, s);
}

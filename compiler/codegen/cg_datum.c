/* cg_datum.c - moving values between CgVals and SrtDatums (srt_abi.h).
**
** Datums are how values cross into memory the runtime can read: output rows,
** value-row sources (rate, socket), and the insides of nested values (a STRUCT
** datum points at its field datums, an ARRAY datum at its elements).  Loading a
** STRUCT decomposes it into field CgVals at once; the optimiser drops the loads of
** fields nobody reads.  An ARRAY stays a pointer to its elements plus a count.
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

LLVMValueRef cg_datum_field(CgCtx *cg, LLVMValueRef d, int field)
{
    unsigned long long off = LLVMOffsetOfElement(cg->td, cg->t_datum, (unsigned)field);
    return cg_gepc(cg, d, off, "");
}

uint64_t cg_datum_size(CgCtx *cg)
{
    return LLVMABISizeOfType(cg->td, cg->t_datum);
}

LLVMValueRef cg_type_text(CgCtx *cg, const Type *t)
{
    const char *text = type_name(cg->arena, t);
    return cg_str_const(cg, text, (uint32_t)strlen(text) + 1, "type");
}

/* n zeroed datums: what the fields of a NULL struct are read from. */
static LLVMValueRef zero_datums(CgCtx *cg, int n)
{
    LLVMTypeRef at = LLVMArrayType(cg->t_datum, (unsigned)(n > 0 ? n : 1));
    LLVMValueRef g = LLVMAddGlobal(cg->mod, at, "zero.datums");
    LLVMSetInitializer(g, LLVMConstNull(at));
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
    return LLVMConstPointerCast(g, cg->t_ptr);
}

CgVal cg_load_datum(CgCtx *cg, const Type *t, LLVMValueRef d)
{
    CgVal r = {0};
    LLVMValueRef isnull = cg_load(cg, cg->t_i8, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_IS_NULL), "d.isnull");
    r.null = LLVMBuildICmp(cg->b, LLVMIntNE, isnull, cg_i8(cg, 0), "d.null");
    switch (t->kind) {
    case TY_NULL:
        r.v = cg_i1(cg, 0);
        r.null = cg_i1(cg, 1);
        break;
    case TY_BOOLEAN: {
        LLVMValueRef i = cg_load(cg, cg->t_i64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I), "d.i");
        r.v = LLVMBuildICmp(cg->b, LLVMIntNE, i, cg_i64(cg, 0), "d.bool");
        break;
    }
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT: {
        LLVMValueRef i = cg_load(cg, cg->t_i64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I), "d.i");
        r.v = LLVMBuildTrunc(cg->b, i, cg->t_i32, "d.int");
        break;
    }
    case TY_DOUBLE:
        r.v = cg_load(cg, cg->t_f64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_D), "d.d");
        break;
    case TY_FLOAT: /* held in d as a double, exactly */
        r.v = LLVMBuildFPTrunc(cg->b, cg_load(cg, cg->t_f64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_D), "d.d"),
                               cg->t_f32, "d.f");
        break;
    case TY_DECIMAL: { /* low 64 bits in i, high in hi */
        LLVMTypeRef t128 = cg_dec_type(cg);
        LLVMValueRef lo = cg_load(cg, cg->t_i64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I), "d.lo");
        LLVMValueRef hi = cg_load(cg, cg->t_i64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_HI), "d.hi");
        LLVMValueRef v = LLVMBuildOr(cg->b, LLVMBuildZExt(cg->b, lo, t128, ""),
                                     LLVMBuildShl(cg->b, LLVMBuildZExt(cg->b, hi, t128, ""), LLVMConstInt(t128, 64, 0), ""), "d.dec");
        r.v = cg_select(cg, r.null, cg_dec_const(cg, 0), v);
        break;
    }
    case TY_BINARY:
    case TY_STRING:
    case TY_ARRAY:
    case TY_MAP: {
        LLVMValueRef p = cg_load(cg, cg->t_ptr, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P), "d.p");
        LLVMValueRef n = cg_load(cg, cg->t_i32, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N), "d.n");
        /* A NULL keeps the safe default: "" of length 0, or no elements. */
        CgVal dflt = cg_null_of(cg, t);
        r.v = cg_select(cg, r.null, dflt.v, p);
        r.len = cg_select(cg, r.null, cg_i32(cg, 0), n);
        break;
    }
    case TY_STRUCT: {
        LLVMValueRef p = cg_load(cg, cg->t_ptr, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P), "d.p");
        /* A NULL struct (or a zeroed datum, whose p is NULL) reads zeroed fields. */
        r.null = cg_or(cg, r.null, LLVMBuildIsNull(cg->b, p, "d.nop"));
        LLVMValueRef fields = cg_select(cg, r.null, zero_datums(cg, t->n_fields), p);
        r.n_fields = t->n_fields;
        r.fields = ARENA_NEW_N(cg->arena, CgVal, t->n_fields + 1);
        for (int i = 0; i < t->n_fields; i++) {
            LLVMValueRef fd = cg_gepc(cg, fields, cg_datum_size(cg) * (uint64_t)i, t->fields[i].name);
            r.fields[i] = cg_load_datum(cg, t->fields[i].type, fd);
            r.fields[i].null = cg_or(cg, r.fields[i].null, r.null);
        }
        break;
    }
    default:
        r.v = cg_load(cg, cg->t_i64, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I), "d.i");
        break;
    }
    return r;
}

CgVal cg_array_elem(CgCtx *cg, const Type *elem, CgVal arr, LLVMValueRef idx)
{
    LLVMValueRef i64 = LLVMBuildSExt(cg->b, idx, cg->t_i64, "");
    LLVMValueRef n64 = LLVMBuildZExt(cg->b, arr.len, cg->t_i64, "");
    /* 0 <= idx < n as one unsigned comparison. */
    LLVMValueRef in = LLVMBuildICmp(cg->b, LLVMIntULT, i64, n64, "in.range");
    in = cg_and(cg, in, cg_not(cg, arr.null));
    LLVMValueRef off = LLVMBuildMul(cg->b, i64, cg_i64(cg, (int64_t)cg_datum_size(cg)), "");
    LLVMValueRef at = cg_gep(cg, arr.v, cg_select(cg, in, off, cg_i64(cg, 0)), "elem");
    LLVMValueRef d = cg_select(cg, in, at, zero_datums(cg, 1));
    CgVal r = cg_load_datum(cg, elem, d);
    r.null = cg_or(cg, r.null, cg_not(cg, in));
    return r;
}

/* Store v into the datum at d.  Strings, structs and arrays are copied into batch
   memory when to_batch (output rows must outlive the record). */
void cg_store_datum(CgCtx *cg, const Type *t, CgVal v, LLVMValueRef d, bool to_batch)
{
    cg_store(cg, LLVMBuildZExt(cg->b, v.null, cg->t_i8, ""), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_IS_NULL));
    switch (t->kind) {
    case TY_NULL:
        return;
    case TY_BOOLEAN:
        cg_store(cg, LLVMBuildZExt(cg->b, v.v, cg->t_i64, ""), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I));
        return;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
        cg_store(cg, LLVMBuildSExt(cg->b, v.v, cg->t_i64, ""), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I));
        return;
    case TY_DOUBLE:
        cg_store(cg, v.v, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_D));
        return;
    case TY_FLOAT:
        cg_store(cg, LLVMBuildFPExt(cg->b, v.v, cg->t_f64, ""), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_D));
        return;
    case TY_DECIMAL: {
        LLVMTypeRef t128 = cg_dec_type(cg);
        cg_store(cg, LLVMBuildTrunc(cg->b, v.v, cg->t_i64, ""), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I));
        LLVMValueRef hi = LLVMBuildTrunc(cg->b, LLVMBuildAShr(cg->b, v.v, LLVMConstInt(t128, 64, 0), ""), cg->t_i64, "");
        cg_store(cg, hi, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_HI));
        return;
    }
    case TY_BINARY:
    case TY_STRING: {
        LLVMValueRef p = v.v;
        if (to_batch) {
            LLVMValueRef args[3] = {cg->q, v.v, v.len};
            p = cg_call(cg, "srt_batch_strdup", args, 3, "out.str");
        }
        cg_store(cg, p, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P));
        cg_store(cg, v.len, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N));
        return;
    }
    case TY_STRUCT: {
        uint64_t size = cg_datum_size(cg);
        LLVMValueRef args[2] = {cg->q, cg_i64(cg, (int64_t)(size * (uint64_t)(t->n_fields ? t->n_fields : 1)))};
        LLVMValueRef fields = cg_call(cg, to_batch ? "srt_batch_alloc" : "srt_scratch_alloc", args, 2, "out.struct");
        for (int i = 0; i < t->n_fields; i++)
            cg_store_datum(cg, t->fields[i].type, v.fields[i], cg_gepc(cg, fields, size * (uint64_t)i, ""), to_batch);
        cg_store(cg, fields, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P));
        cg_store(cg, cg_i32(cg, t->n_fields), cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N));
        return;
    }
    case TY_ARRAY:
    case TY_MAP:
        cg_store(cg, v.v, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_P));
        cg_store(cg, v.len, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_N));
        if (to_batch) {
            LLVMValueRef args[3] = {cg->q, cg_type_text(cg, t), d};
            cg_call(cg, "srt_batch_copy_value", args, 3, "");
        }
        return;
    default:
        cg_store(cg, v.v, cg_datum_field(cg, d, SRT_FIELDNO_DATUM_I));
        return;
    }
}

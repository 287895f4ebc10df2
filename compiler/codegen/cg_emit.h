/* cg_emit.h - thin wrappers over LLVM-C builders that always take explicit types.
**
** Every load, store, GEP and call of the code generator goes through here, so
** typed-pointer (LLVM 14) and opaque-pointer (15+) IR both come out right:
** pointers travel as i8* and are cast to the element type at each access.
*/
#ifndef SL_CG_EMIT_H
#define SL_CG_EMIT_H

#include "codegen/cg_int.h"

static inline LLVMValueRef cg_ptr_to(CgCtx *cg, LLVMValueRef p, LLVMTypeRef elem)
{
    return LLVMBuildPointerCast(cg->b, p, LLVMPointerType(elem, 0), "");
}

static inline LLVMValueRef cg_load(CgCtx *cg, LLVMTypeRef t, LLVMValueRef p, const char *name)
{
    return LLVMBuildLoad2(cg->b, t, cg_ptr_to(cg, p, t), name);
}

static inline void cg_store(CgCtx *cg, LLVMValueRef v, LLVMValueRef p)
{
    LLVMBuildStore(cg->b, v, cg_ptr_to(cg, p, LLVMTypeOf(v)));
}

/* p + off bytes, as i8*. */
static inline LLVMValueRef cg_gep(CgCtx *cg, LLVMValueRef p, LLVMValueRef off, const char *name)
{
    LLVMValueRef base = LLVMBuildPointerCast(cg->b, p, cg->t_ptr, "");
    return LLVMBuildGEP2(cg->b, cg->t_i8, base, &off, 1, name);
}

static inline LLVMValueRef cg_gepc(CgCtx *cg, LLVMValueRef p, uint64_t off, const char *name)
{
    return cg_gep(cg, p, LLVMConstInt(cg->t_i64, off, 0), name);
}

static inline LLVMValueRef cg_i1(CgCtx *cg, int v) { return LLVMConstInt(cg->t_i1, (unsigned long long)(v != 0), 0); }
static inline LLVMValueRef cg_i8(CgCtx *cg, int v) { return LLVMConstInt(cg->t_i8, (unsigned long long)v, 0); }
static inline LLVMValueRef cg_i32(CgCtx *cg, int64_t v) { return LLVMConstInt(cg->t_i32, (unsigned long long)v, 1); }
static inline LLVMValueRef cg_i64(CgCtx *cg, int64_t v) { return LLVMConstInt(cg->t_i64, (unsigned long long)v, 1); }
static inline LLVMValueRef cg_f64(CgCtx *cg, double v) { return LLVMConstReal(cg->t_f64, v); }
static inline LLVMValueRef cg_f32(CgCtx *cg, double v) { return LLVMConstReal(cg->t_f32, v); }

static inline LLVMBasicBlockRef cg_block(CgCtx *cg, const char *name)
{
    return LLVMAppendBasicBlockInContext(cg->ctx, cg->fn, name);
}

static inline void cg_at(CgCtx *cg, LLVMBasicBlockRef bb) { LLVMPositionBuilderAtEnd(cg->b, bb); }

static inline LLVMValueRef cg_or(CgCtx *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildOr(cg->b, a, b, "");
}

static inline LLVMValueRef cg_and(CgCtx *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildAnd(cg->b, a, b, "");
}

static inline LLVMValueRef cg_not(CgCtx *cg, LLVMValueRef a) { return LLVMBuildNot(cg->b, a, ""); }

static inline LLVMValueRef cg_select(CgCtx *cg, LLVMValueRef c, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildSelect(cg->b, c, a, b, "");
}

/* A phi of type t at the builder: a when coming from block from_a, b from from_b. */
static inline LLVMValueRef cg_phi2(CgCtx *cg, LLVMTypeRef t, LLVMValueRef a,
                                   LLVMBasicBlockRef from_a, LLVMValueRef b,
                                   LLVMBasicBlockRef from_b, const char *name)
{
    LLVMValueRef phi = LLVMBuildPhi(cg->b, t, name);
    LLVMValueRef vals[2] = {a, b};
    LLVMBasicBlockRef from[2] = {from_a, from_b};
    LLVMAddIncoming(phi, vals, from, 2);
    return phi;
}

/* A conditional branch to likely when c, which it almost always is (!prof branch_weights):
   LLVM then lays the usual path out straight and places spills and constants off it. */
static inline LLVMValueRef cg_br_likely(CgCtx *cg, LLVMValueRef c, LLVMBasicBlockRef likely,
                                        LLVMBasicBlockRef unlikely)
{
    LLVMValueRef br = LLVMBuildCondBr(cg->b, c, likely, unlikely);
    LLVMMetadataRef md[3] = {LLVMMDStringInContext2(cg->ctx, "branch_weights", 14),
                             LLVMValueAsMetadata(LLVMConstInt(cg->t_i32, 2000, 0)),
                             LLVMValueAsMetadata(LLVMConstInt(cg->t_i32, 1, 0))};
    LLVMSetMetadata(br, LLVMGetMDKindIDInContext(cg->ctx, "prof", 4),
                    LLVMMetadataAsValue(cg->ctx, LLVMMDNodeInContext2(cg->ctx, md, 3)));
    return br;
}

#endif

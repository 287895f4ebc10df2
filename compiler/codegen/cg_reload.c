/* cg_reload.c - a wide record's column values loaded from their slots where they are used.
**
** The record parser leaves each column in slots of the process function's frame (CgRecord),
** and cg_record_load reads them all where the record has been read.  The query's code then
** uses them much later (a GROUP BY's key is built after its length is known, an output row
** after every value is computed): with a few hundred columns, a few hundred values live across
** all of it, each spilled and reloaded by LLVM's greedy register allocator, at a cost that grows
** faster than the number of columns.  Past CG_WIDE_RECORD columns read, cg_reload_at_uses gives
** each use its own load of the slot, right before it, so each value lives a few instructions:
** a load from a slot on the stack costs what a spill's reload costs (a GROUP BY of 200 JSON
** columns: 585 spills and 1552 reloads before, 96 and 668 after; building it takes 3% fewer
** instructions, 8% with the key's buffer a GEP (cg_build_key), a SELECT of them 5%, by
** callgrind).  The loads are volatile,
** so no pass merges them back into the long-lived values (EarlyCSE and GVN would, between
** calls); the slots' allocas escape to the shared readers anyway (no SROA, no mem2reg).
**
** Moving a load is sound: the slots are written only by the parser, before cg_record_load on
** every path within a record, and every use of a loaded value is dominated by the load, so no
** path from the load to a use crosses the loop's header back into the parser.
*/
#include "codegen/cg_emit.h"

/* An open-addressed set of the loads, mapping each to its index. */
typedef struct Reload {
    LLVMValueRef *keys;
    int *idx;
    unsigned mask;
} Reload;

static unsigned slot_of(const Reload *r, LLVMValueRef v)
{
    uintptr_t h = (uintptr_t)v;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    unsigned s = (unsigned)(h >> 32) & r->mask;
    while (r->keys[s] && r->keys[s] != v)
        s = (s + 1) & r->mask;
    return s;
}

static int find(const Reload *r, LLVMValueRef v)
{
    unsigned s = slot_of(r, v);
    return r->keys[s] ? r->idx[s] : -1;
}

/* A copy of load l right before instruction at. */
static LLVMValueRef reload(CgCtx *cg, LLVMValueRef l, LLVMValueRef at)
{
    LLVMPositionBuilderBefore(cg->b, at);
    size_t n;
    const char *name = LLVMGetValueName2(l, &n);
    LLVMValueRef c = LLVMBuildLoad2(cg->b, LLVMTypeOf(l), LLVMGetOperand(l, 0), name);
    LLVMSetAlignment(c, LLVMGetAlignment(l));
    LLVMSetVolatile(c, 1);
    return c;
}

void cg_reload_at_uses(CgCtx *cg, LLVMValueRef fn, const LLVMValueRef *loads, int n)
{
    if (n <= 0)
        return;
    LLVMBasicBlockRef here = LLVMGetInsertBlock(cg->b);
    Reload r;
    r.mask = 1;
    while (r.mask < 2u * (unsigned)n)
        r.mask <<= 1;
    r.keys = ARENA_NEW_N(cg->arena, LLVMValueRef, r.mask);
    r.idx = ARENA_NEW_N(cg->arena, int, r.mask);
    r.mask--;
    int tracked = 0;
    for (int i = 0; i < n; i++) {
        if (!loads[i] || !LLVMIsALoadInst(loads[i]))
            continue;
        unsigned s = slot_of(&r, loads[i]);
        if (!r.keys[s]) {
            r.keys[s] = loads[i];
            r.idx[s] = i;
            tracked++;
        }
    }
    if (!tracked)
        return;
    /* Every use but a phi's (rare: left to the load where it is) gets its own load. */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
        for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in)) {
            if (LLVMIsAPHINode(in))
                continue;
            int ops = LLVMGetNumOperands(in);
            for (int k = 0; k < ops; k++) {
                LLVMValueRef op = LLVMGetOperand(in, (unsigned)k);
                int i = LLVMIsAInstruction(op) ? find(&r, op) : -1;
                if (i >= 0)
                    LLVMSetOperand(in, (unsigned)k, reload(cg, loads[i], in));
            }
        }
    for (int i = 0; i < n; i++)
        if (loads[i] && LLVMIsALoadInst(loads[i]) && !LLVMGetFirstUse(loads[i]) &&
            find(&r, loads[i]) == i)
            LLVMInstructionEraseFromParent(loads[i]);
    if (here)
        LLVMPositionBuilderAtEnd(cg->b, here);
}

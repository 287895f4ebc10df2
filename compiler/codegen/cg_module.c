/* cg_module.c - the LLVM module of a unit of a program (cg_compile.c): target, runtime bitcode,
** optimisation, object file.
**
** Order of work: create a context and target machine for the host; open the runtime's
** inline helpers (srt_inline.bc) lazily: its module-level records give every runtime
** function's declaration, no body is read; generate the program, declaring each runtime
** function it calls from there; link the bitcode in, which reads the bodies of just the
** helpers the program reaches; verify; give every helper internal linkage (so they inline
** and vanish, and never clash with libsrt.a); optimise; write the object (PIC, for
** Debian's PIE cc).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "codegen/cg_emit.h"

/* ==== Runtime functions (srt_abi.h) ====
** Their declarations come with the runtime bitcode: runtime/src/inline/srt_abi_refs.c names
** every function generated code calls, so the bitcode declares each with the LLVM type of
** its srt_abi.h prototype. */

/* The array of srt_abi_refs.c: it makes the bitcode declare every runtime function, and is
   deleted before the bitcode is linked. */
#define ABI_REFS "srt_abi_refs"

/* Does the program have several queries of its own (a join's build side does not count: it
   runs once per version of its table)?  Then the key hash and the group table's hit path are
   shared, not inlined per query, and a query's loop is kept small (cg_agg.c). */
bool cg_many_queries(const CgCtx *cg)
{
    int n = 0;
    for (int i = 0; cg->plan && i < cg->plan->n_queries; i++)
        n += !cg->plan->queries[i]->query->build;
    return n > 1;
}

/* The helpers that sit on the per-record path: kept from the bitcode and always inlined.
   Every other helper is called in libsrt.a, so the optimiser never spends time on it.  Not
   here: the parsers of a DOUBLE, FLOAT, TIMESTAMP or DATE field (srt_json_f64 ...), each a
   few hundred lines that the optimiser and the code generator went through again for every
   such column of every query, for nothing: called, they run as fast (callgrind, 200,000
   events: 132.5 M instructions inlined, 131.7 M called; device means over x, y, z: 563 M
   and 557 M), and the build of examples/activity.sql went from about 1.3 s to 0.5 s.  Even
   srt_json_ts, which keeps just ten digits of epoch seconds and calls srt_json_ts_rest for
   everything else, is called: inlined, the events query ran 3.4% fewer instructions (88.6 M
   -> 85.6 M over 200,000 events) but its build 6.7% more (377 M -> 403 M, most of it in
   register allocation of the bigger loop).  The expected JSON shape converts the usual ten
   digits itself (cg_json_fast.c) and calls srt_json_ts for the rest. */
static const char *hot_helpers[] = {
#define HOT(name) #name,
#include "codegen/cg_hot.def"
#undef HOT
};

static int is_hot(const char *name)
{
    for (size_t i = 0; i < sizeof hot_helpers / sizeof hot_helpers[0]; i++)
        if (strcmp(name, hot_helpers[i]) == 0)
            return 1;
    return cg_func_inlined(name);
}

/* ==== Types and attributes of another context ====
** A unit opened without the declarations (CG_OPEN_NO_DECLS) takes a runtime function's from
** unit 0's bitcode, its type rebuilt in its own context: the same structure under the same
** names (a named struct's body with it), as reading the bitcode itself would give, for the
** 5 M instructions of reading it (the spare units' and the other queries' units'). */

static LLVMTypeRef copy_type(LLVMContextRef ctx, LLVMTypeRef t);

static LLVMTypeRef copy_struct(LLVMContextRef ctx, LLVMTypeRef t)
{
    const char *name = LLVMGetStructName(t);
    LLVMTypeRef to = name ? LLVMGetTypeByName2(ctx, name) : NULL;
    if (to)
        return to;
    if (name)
        to = LLVMStructCreateNamed(ctx, name); /* first: the body may point back to it */
    if (name && LLVMIsOpaqueStruct(t))
        return to;
    unsigned n = LLVMCountStructElementTypes(t);
    LLVMTypeRef *elems = calloc(n ? n : 1, sizeof *elems);
    LLVMGetStructElementTypes(t, elems);
    for (unsigned i = 0; i < n; i++)
        elems[i] = copy_type(ctx, elems[i]);
    if (name)
        LLVMStructSetBody(to, elems, n, LLVMIsPackedStruct(t));
    else
        to = LLVMStructTypeInContext(ctx, elems, n, LLVMIsPackedStruct(t));
    free(elems);
    return to;
}

static LLVMTypeRef copy_function_type(LLVMContextRef ctx, LLVMTypeRef t)
{
    unsigned n = LLVMCountParamTypes(t);
    LLVMTypeRef *params = calloc(n ? n : 1, sizeof *params);
    LLVMGetParamTypes(t, params);
    for (unsigned i = 0; i < n; i++)
        params[i] = copy_type(ctx, params[i]);
    LLVMTypeRef to =
        LLVMFunctionType(copy_type(ctx, LLVMGetReturnType(t)), params, n, LLVMIsFunctionVarArg(t));
    free(params);
    return to;
}

/* t, a type of another context, in ctx. */
static LLVMTypeRef copy_type(LLVMContextRef ctx, LLVMTypeRef t)
{
    switch (LLVMGetTypeKind(t)) {
    case LLVMVoidTypeKind:
        return LLVMVoidTypeInContext(ctx);
    case LLVMHalfTypeKind:
        return LLVMHalfTypeInContext(ctx);
    case LLVMBFloatTypeKind:
        return LLVMBFloatTypeInContext(ctx);
    case LLVMFloatTypeKind:
        return LLVMFloatTypeInContext(ctx);
    case LLVMDoubleTypeKind:
        return LLVMDoubleTypeInContext(ctx);
    case LLVMX86_FP80TypeKind:
        return LLVMX86FP80TypeInContext(ctx);
    case LLVMFP128TypeKind:
        return LLVMFP128TypeInContext(ctx);
    case LLVMIntegerTypeKind:
        return LLVMIntTypeInContext(ctx, LLVMGetIntTypeWidth(t));
    case LLVMFunctionTypeKind:
        return copy_function_type(ctx, t);
    case LLVMStructTypeKind:
        return copy_struct(ctx, t);
    case LLVMArrayTypeKind:
        return LLVMArrayType(copy_type(ctx, LLVMGetElementType(t)), LLVMGetArrayLength(t));
    case LLVMPointerTypeKind:
        return LLVMPointerType(copy_type(ctx, LLVMGetElementType(t)),
                               LLVMGetPointerAddressSpace(t));
    case LLVMVectorTypeKind:
        return LLVMVectorType(copy_type(ctx, LLVMGetElementType(t)), LLVMGetVectorSize(t));
    default: /* no runtime function's type has another kind (srt_abi.h is C) */
        SL_UNREACHABLE();
    }
}

/* a, an attribute of another context, in ctx. */
static LLVMAttributeRef copy_attribute(LLVMContextRef ctx, LLVMAttributeRef a)
{
    if (LLVMIsStringAttribute(a)) {
        unsigned kn, vn;
        const char *k = LLVMGetStringAttributeKind(a, &kn),
                   *v = LLVMGetStringAttributeValue(a, &vn);
        return LLVMCreateStringAttribute(ctx, k, kn, v, vn);
    }
    unsigned kind = LLVMGetEnumAttributeKind(a);
    if (LLVMIsTypeAttribute(a)) /* byval(T), sret(T), elementtype(T) */
        return LLVMCreateTypeAttribute(ctx, kind, copy_type(ctx, LLVMGetTypeAttributeValue(a)));
    return LLVMCreateEnumAttribute(ctx, kind, LLVMGetEnumAttributeValue(a));
}

/* Give fn the return, parameter and function attributes of from (zeroext on a bool
   parameter is part of the calling convention), from another context when ctx is not NULL. */
static void copy_attributes_into(LLVMContextRef ctx, LLVMValueRef fn, LLVMValueRef from)
{
    unsigned n = LLVMCountParams(from);
    for (unsigned i = 0; i <= n + 1; i++) {
        /* 0 the return value, 1..n the parameters, then the function itself */
        LLVMAttributeIndex idx = i == n + 1 ? (LLVMAttributeIndex)LLVMAttributeFunctionIndex : i;
        unsigned k = LLVMGetAttributeCountAtIndex(from, idx);
        LLVMAttributeRef attrs[32];
        if (k == 0 || k > 32)
            continue;
        LLVMGetAttributesAtIndex(from, idx, attrs);
        for (unsigned j = 0; j < k; j++)
            LLVMAddAttributeAtIndex(fn, idx, ctx ? copy_attribute(ctx, attrs[j]) : attrs[j]);
    }
}

static void copy_attributes(LLVMValueRef fn, LLVMValueRef from)
{
    copy_attributes_into(NULL, fn, from);
}

/* The module's function `name`, or a declaration of the runtime function `name` like the
   bitcode's (whose body, if it has one, comes in when the bitcode is linked), or NULL. */
static LLVMValueRef runtime_decl(CgCtx *cg, const char *name)
{
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, name);
    LLVMModuleRef rt = cg->rt ? cg->rt : cg->decls ? cg->decls->rt : NULL;
    if (fn || !rt)
        return fn;
    LLVMValueRef from = LLVMGetNamedFunction(rt, name);
    if (!from)
        return NULL;
    LLVMTypeRef type = LLVMGlobalGetValueType(from);
    bool other = rt != cg->rt;
    fn = LLVMAddFunction(cg->mod, name, other ? copy_type(cg->ctx, type) : type);
    copy_attributes_into(other ? cg->ctx : NULL, fn, from);
    return fn;
}

LLVMValueRef cg_runtime_fn(CgCtx *cg, const char *name, LLVMTypeRef *fn_type)
{
    LLVMValueRef fn = runtime_decl(cg, name);
    if (!fn) {
        fprintf(stderr,
                "sluice: internal error: the runtime bitcode does not declare '%s' (a function "
                "of srt_abi.h that runtime/src/inline/srt_abi_refs.c must name)\n",
                name);
        exit(70);
    }
    *fn_type = LLVMGlobalGetValueType(fn);
    return fn;
}

/* Call a runtime function, casting pointer arguments to the parameter types it was
   declared with (the bitcode's named struct pointers under LLVM 14). Pointer results
   come back as i8*. */
LLVMValueRef cg_call(CgCtx *cg, const char *name, LLVMValueRef *args, unsigned n, const char *vname)
{
    LLVMTypeRef ft;
    LLVMValueRef fn = cg_runtime_fn(cg, name, &ft);
    LLVMTypeRef params[16];
    unsigned np = LLVMCountParamTypes(ft);
    if (np != n || n > 16)
        SL_UNREACHABLE();
    LLVMGetParamTypes(ft, params);
    LLVMValueRef cast[16];
    for (unsigned i = 0; i < n; i++) {
        LLVMTypeRef at = LLVMTypeOf(args[i]);
        if (at != params[i] && LLVMGetTypeKind(params[i]) == LLVMPointerTypeKind)
            cast[i] = LLVMBuildPointerCast(cg->b, args[i], params[i], "");
        else
            cast[i] = args[i];
    }
    LLVMTypeRef rt = LLVMGetReturnType(ft);
    LLVMValueRef r = LLVMBuildCall2(cg->b, ft, fn, cast, n,
                                    LLVMGetTypeKind(rt) == LLVMVoidTypeKind ? "" : vname);
    if (LLVMGetTypeKind(rt) == LLVMPointerTypeKind && rt != cg->t_ptr)
        r = LLVMBuildPointerCast(cg->b, r, cg->t_ptr, "");
    return r;
}

LLVMBasicBlockRef cg_to_entry_start(CgCtx *cg)
{
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
    LLVMValueRef first = LLVMGetFirstInstruction(cg->entry);
    if (first)
        LLVMPositionBuilderBefore(cg->b, first);
    else
        LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    return cur;
}

/* An alloca in the entry block, so mem2reg/SROA promote it. */
LLVMValueRef cg_alloca(CgCtx *cg, LLVMTypeRef t, const char *name)
{
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef a = LLVMBuildAlloca(cg->b, t, name);
    /* LLVM 14's x86-64 data layout aligns i128 to 8 bytes, but clang's __int128 (the runtime's
       srt_i128, whose helpers are inlined here) is 16-aligned and may be stored with aligned
       vector moves: give 128-bit slots the C alignment. */
    if (LLVMGetTypeKind(t) == LLVMIntegerTypeKind && LLVMGetIntTypeWidth(t) == 128)
        LLVMSetAlignment(a, 16);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return a;
}

LLVMValueRef cg_str_const(CgCtx *cg, const char *s, uint32_t n, const char *name)
{
    return cg_const_global(cg, LLVMConstStringInContext(cg->ctx, s, n, 0), name);
}

LLVMValueRef cg_const_global(CgCtx *cg, LLVMValueRef init, const char *name)
{
    LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), name);
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
    return LLVMConstPointerCast(g, cg->t_ptr);
}

LLVMTypeRef cg_type_of(CgCtx *cg, const Type *t)
{
    switch (t->kind) {
    case TY_NULL:
    case TY_BOOLEAN:
        return cg->t_i1;
    case TY_TINYINT:
    case TY_SMALLINT:
    case TY_INT:
        return cg->t_i32;
    case TY_FLOAT:
        return cg->t_f32;
    case TY_DOUBLE:
        return cg->t_f64;
    case TY_DECIMAL:
        return cg_dec_type(cg);
    case TY_BINARY:
    case TY_STRING:
    case TY_ARRAY:
    case TY_MAP:
        return cg->t_ptr;
    default:
        return cg->t_i64;
    }
}

/* An internal-error assertion: sema refuses everything code generation cannot lower (so
   `sluice check` accepts exactly what `sluice build` builds; tests/tools/run_check_build.sh). */
void cg_unsupported(CgCtx *cg, SrcSpan span, const char *what)
{
    if (!cg->failed)
        diag_error(cg->diag, span,
                   "internal error: code generation met %s, which `sluice check` should have "
                   "refused",
                   what);
    cg->failed = 1;
}

void cg_fn_attribute(CgCtx *cg, LLVMValueRef fn, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(cg->ctx, kind, 0));
}

void cg_export(LLVMValueRef fn)
{
    LLVMSetLinkage(fn, LLVMExternalLinkage);
    LLVMSetVisibility(fn, LLVMHiddenVisibility);
}

LLVMValueRef cg_begin_function(CgCtx *cg, const char *name, LLVMTypeRef fn_type)
{
    LLVMValueRef fn = LLVMAddFunction(cg->mod, name, fn_type);
    cg->fn = fn;
    cg->entry = LLVMAppendBasicBlockInContext(cg->ctx, fn, "entry");
    LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    return fn;
}

/* ==== Module lifecycle ==== */

static int setup_target(CgCtx *cg, bool cpu_checked)
{
    cg_llvm_init();
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *err = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &err)) {
        diag_fatal(cg->diag, "no LLVM target for '%s': %s", triple, err);
        LLVMDisposeMessage(err);
        LLVMDisposeMessage(triple);
        return -1;
    }
    char *cpu, *features;
    if (!cg->opts->cpu || strcmp(cg->opts->cpu, "native") == 0) {
        cpu = LLVMGetHostCPUName();
        features = LLVMGetHostCPUFeatures();
    } else {
        if (!cpu_checked && cg_check_cpu(cg->diag, target, triple, cg->opts->cpu) != 0) {
            LLVMDisposeMessage(triple);
            return -1;
        }
        cpu = LLVMCreateMessage(cg->opts->cpu);
        features = LLVMCreateMessage("");
    }
    /* The cold unit's code is not optimised (optnone) and rarely runs: its machine code is
       LLVM's quickest to make (half the time of -O2's register allocator and scheduler; a line
       every record of which took the fallback ran 4% more instructions). */
    int opt = cg->calls_only ? 0 : cg->opts->opt_level;
    LLVMCodeGenOptLevel level = opt <= 0   ? LLVMCodeGenLevelNone
                                : opt == 1 ? LLVMCodeGenLevelLess
                                : opt == 2 ? LLVMCodeGenLevelDefault
                                           : LLVMCodeGenLevelAggressive;
    cg->tm = LLVMCreateTargetMachine(target, triple, cpu, features, level, LLVMRelocPIC,
                                     LLVMCodeModelDefault);
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(features);
    cg->td = LLVMCreateTargetDataLayout(cg->tm);
    LLVMSetTarget(cg->mod, triple);
    LLVMSetModuleDataLayout(cg->mod, cg->td);
    LLVMDisposeMessage(triple);
    return 0;
}

/* A runtime bitcode file, opened lazily: its module-level records (types, declarations) are
   read now, a function's body only when the module it is linked into calls it.  Reading
   every body took about 25 ms of every build. */
static LLVMModuleRef load_runtime_bitcode(CgCtx *cg, const char *path)
{
    LLVMMemoryBufferRef buf;
    char *err = NULL;
    if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buf, &err)) {
        diag_fatal(cg->diag, "cannot read the runtime bitcode '%s': %s", path, err);
        LLVMDisposeMessage(err);
        return NULL;
    }
    LLVMModuleRef m;
    /* The module owns buf from here on (it is freed on failure). */
    if (LLVMGetBitcodeModuleInContext2(cg->ctx, buf, &m)) {
        diag_fatal(cg->diag, "the runtime bitcode '%s' is not valid bitcode", path);
        return NULL;
    }
    LLVMSetTarget(m, LLVMGetTarget(cg->mod));
    LLVMSetModuleDataLayout(m, cg->td);
    return m;
}

/* The declarations generated code takes its runtime functions from (runtime_decl): those of
   srt_decls.bc, srt_abi_refs.c alone (no helper's body, no constant table: a fifth of the
   time to open srt_inline.bc, which every unit did, the cold one included). */
static int open_runtime_bitcode(CgCtx *cg)
{
    cg->rt =
        load_runtime_bitcode(cg, cg->opts->decls_bc ? cg->opts->decls_bc : cg->opts->inline_bc);
    return cg->rt ? 0 : -1;
}

static void outline_cold_helpers(CgCtx *cg);

/* Replace fn, a function of module m, by a declaration of the same type, name and attributes
   (the C API has no deleteBody).  In the lazily read bitcode its body is never read: the
   reader's table of values follows the replacement, so the bodies read later call the
   declaration. */
static void declare_only(LLVMModuleRef m, LLVMValueRef fn)
{
    size_t len;
    const char *name = LLVMGetValueName2(fn, &len);
    char *saved = strndup(name, len);
    LLVMValueRef decl = LLVMAddFunction(m, "", LLVMGlobalGetValueType(fn));
    copy_attributes(decl, fn);
    LLVMReplaceAllUsesWith(fn, decl);
    LLVMDeleteFunction(fn);
    LLVMSetValueName2(decl, saved, len);
    free(saved);
}

/*
** Link the helpers the generated code calls (and theirs) into the module, from a second
** lazy copy of the bitcode: its struct types, read into the same context, get new names
** (struct.SrtQuery.0), which the linker maps to the declarations' by structure.  Linking
** the copy the declarations were taken from would leave the linker two users of one type,
** and it would rebuild the definitions' types apart from the calls' (a call through a cast
** is never inlined).  Of the helpers the generated code calls, only the hot ones keep their
** bodies: the others become declarations before the link (libsrt.a has their code), so the
** linker never reads them (14 bodies read and dropped for the flagship, a third of the link).
*/
static int link_runtime_bitcode(CgCtx *cg)
{
    LLVMModuleRef rt = load_runtime_bitcode(cg, cg->opts->inline_bc);
    if (!rt)
        return -1;
    /* srt_abi_refs.c's array served to declare every function; linked, it would pull in
       every helper. */
    LLVMValueRef refs = LLVMGetNamedGlobal(rt, ABI_REFS);
    if (refs)
        LLVMDeleteGlobal(refs);
    for (LLVMValueRef fn = LLVMGetFirstFunction(cg->mod); fn; fn = LLVMGetNextFunction(fn)) {
        size_t len;
        const char *name = LLVMGetValueName2(fn, &len);
        LLVMValueRef from = LLVMIsDeclaration(fn) ? LLVMGetNamedFunction(rt, name) : NULL;
        if (from && !LLVMIsDeclaration(from) && !is_hot(name)) {
            copy_attributes(fn, from); /* what clang inferred from its body (nocapture ...) */
            declare_only(rt, from);
        }
    }
    /* linkonce_odr: the linker takes a helper only when something it links calls it. */
    for (LLVMValueRef fn = LLVMGetFirstFunction(rt); fn; fn = LLVMGetNextFunction(fn))
        if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) == LLVMExternalLinkage)
            LLVMSetLinkage(fn, LLVMLinkOnceODRLinkage);
    if (LLVMLinkModules2(cg->mod, rt)) {
        diag_fatal(cg->diag, "cannot link the runtime bitcode '%s'", cg->opts->inline_bc);
        return -1;
    }
    LLVMDisposeModule(cg->rt); /* its types stay: they belong to the context */
    cg->rt = NULL;
    outline_cold_helpers(cg);
    return 0;
}

/* Turn the cold helpers the hot ones call, linked in with them (linkonce_odr), back into
   declarations. */
static void outline_cold_helpers(CgCtx *cg)
{
    LLVMValueRef fn = LLVMGetFirstFunction(cg->mod);
    while (fn) {
        LLVMValueRef next = LLVMGetNextFunction(fn);
        size_t len;
        if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) == LLVMLinkOnceODRLinkage &&
            !is_hot(LLVMGetValueName2(fn, &len)))
            declare_only(cg->mod, fn);
        fn = next;
    }
}

static void init_types(CgCtx *cg)
{
    cg->t_void = LLVMVoidTypeInContext(cg->ctx);
    cg->t_i1 = LLVMInt1TypeInContext(cg->ctx);
    cg->t_i8 = LLVMInt8TypeInContext(cg->ctx);
    cg->t_i32 = LLVMInt32TypeInContext(cg->ctx);
    cg->t_i64 = LLVMInt64TypeInContext(cg->ctx);
    cg->t_f32 = LLVMFloatTypeInContext(cg->ctx);
    cg->t_f64 = LLVMDoubleTypeInContext(cg->ctx);
    cg->t_ptr = LLVMPointerType(cg->t_i8, 0);
    /* SrtDatum: { i64 i; double d; const void *p; uint32_t n; uint8_t is_null; i64 hi; } */
    LLVMTypeRef fields[6] = {cg->t_i64, cg->t_f64, cg->t_ptr, cg->t_i32, cg->t_i8, cg->t_i64};
    cg->t_datum = LLVMStructCreateNamed(cg->ctx, "SrtDatum");
    LLVMStructSetBody(cg->t_datum, fields, 6, 0);
}

/* Helpers from the bitcode become internal so they inline and disappear; the hot ones
   are forced inline.  Generated functions other than main are internal too.  In a file of
   several queries the key hash, its copy of a string (srt_key_copy) and srt_agg_upsert are
   shared functions instead: inlined, the
   hash was a third of each aggregating query's optimised code (200 windowed queries built in
   6.9 s of CPU with it inlined, 4.6 s with it shared).  In one query, srt_agg_upsert inlined
   lets its key compare unroll for the known key length: a quarter fewer instructions on the
   two-key windowed aggregation (rate_windowed, callgrind: 551.9 M -> 413.9 M) for about 12 ms
   more build. */
static void finish_linkage(CgCtx *cg)
{
    unsigned kind = LLVMGetEnumAttributeKindForName("alwaysinline", 12);
    unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
    unsigned ssp = LLVMGetEnumAttributeKindForName("sspstrong", 9);
    for (LLVMValueRef fn = LLVMGetFirstFunction(cg->mod); fn; fn = LLVMGetNextFunction(fn)) {
        if (LLVMIsDeclaration(fn))
            continue;
        /* Like -fstack-protector-strong (the runtime and its bitcode are built with it). */
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(cg->ctx, ssp, 0));
        size_t len;
        const char *name = LLVMGetValueName2(fn, &len);
        /* main, and what another unit calls (cg_export: a query's sl_register_<i> called from
           unit 0's sl_init, a function of a spare unit, cg_compile.c) */
        if (strcmp(name, "main") == 0 ||
            (strncmp(name, "sl_", 3) == 0 && LLVMGetVisibility(fn) == LLVMHiddenVisibility))
            continue;
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        if ((strcmp(name, "srt_hash") == 0 || strcmp(name, "srt_agg_upsert") == 0 ||
             strcmp(name, "srt_key_copy") == 0) &&
            cg_many_queries(cg)) {
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                    LLVMCreateEnumAttribute(cg->ctx, noinline, 0));
        } else if (is_hot(name)) {
            LLVMRemoveEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, noinline);
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                    LLVMCreateEnumAttribute(cg->ctx, kind, 0));
        }
    }
}

double cg_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* -O2, the default: LLVM 14's function simplification pipeline (buildFunctionSimplification-
   Pipeline at O2, minus the passes that find nothing here), run once after the always-inliner
   instead of inside default<O2>'s CGSCC inliner, which runs it again per call graph node and
   skips nothing: the bitcode's helpers come optimised already (srt_inline.bc is built -O2), the
   hot ones are alwaysinline, every other function is internal and small.  Measured on the
   flagship query (callgrind, 400 K events): optimise 120 -> 46 ms, and 283.2 M -> 283.9 M
   instructions executed; rate_windowed 551.9 M -> 554.9 M.  -O3 keeps default<O3>.
   Later cut further, pass by pass, against the instructions eight queries execute (callgrind:
   the events query over compact and spaced JSON and over CSV, rate_windowed, sessions, DROP
   DUPLICATES, a stream-static join, string and decimal functions): the second jump-threading
   and correlated-propagation, the instcombine and simplifycfg after the first loop passes,
   loop-instsimplify, loop-simplifycfg, mldst-motion, adce, memcpyopt and the last licm changed
   none by more than 0.4% (DROP DUPLICATES needs reassociate, sccp and bdce: 1.6% more without
   them); building the flagship went from 423 M to 390 M instructions. */
#define FUNCTION_PIPELINE                                                                          \
    "sroa,early-cse<memssa>,jump-threading,correlated-propagation,simplifycfg,instcombine,"        \
    "simplifycfg,reassociate,loop-mssa(licm,loop-rotate,simple-loop-unswitch),"                    \
    "loop(loop-idiom,indvars,loop-deletion,loop-unroll-full),sroa,gvn,sccp,bdce,instcombine,dse,"  \
    "simplifycfg,instcombine"

int cg_unit_prepare(CgCtx *cg)
{
    char *err = NULL;
    if (cg->calls_only) {
        LLVMDisposeModule(cg->rt); /* its declarations served; its types stay in the context */
        cg->rt = NULL;
    } else if (link_runtime_bitcode(cg) != 0) {
        return -1;
    }
    if (LLVMVerifyModule(cg->mod, LLVMReturnStatusAction, &err)) {
        fprintf(stderr, "sluice: internal error: generated IR does not verify:\n%s\n", err);
        LLVMDisposeMessage(err);
        if (cg->opts->ir_path)
            LLVMPrintModuleToFile(cg->mod, cg->opts->ir_path, NULL);
        exit(70);
    }
    LLVMDisposeMessage(err);
    finish_linkage(cg);
    return 0;
}

/* The error text of an LLVM call into err[cap]. */
static int unit_error(char *err, size_t cap, const char *what, const char *path, char *msg)
{
    snprintf(err, cap, "%s%s%s: %s", what, path ? " " : "", path ? path : "", msg ? msg : "");
    if (msg)
        LLVMDisposeMessage(msg);
    return -1;
}

int cg_unit_finish(CgCtx *cg, const char *obj_path, const char *ir_path, CgTimes *times, char *err,
                   size_t cap)
{
    double t0 = cg_now_ms();
    char pipeline[1024];
    /* globaldce first: the helpers no generated code reaches (and their constant tables)
       go before the optimiser spends any time on them. */
    if (cg->opts->opt_level == 2)
        snprintf(pipeline, sizeof pipeline, "globaldce,always-inline,function(%s),globaldce",
                 FUNCTION_PIPELINE);
    else
        snprintf(pipeline, sizeof pipeline, "globaldce,default<O%d>",
                 cg->opts->opt_level < 0   ? 0
                 : cg->opts->opt_level > 3 ? 3
                                           : cg->opts->opt_level);
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    /* No SLP vectorizer: it finds nothing in the generated code (the examples' optimised IR is
       identical without it) but its store-chain search grew super-linearly with the straight-
       line key encoding of a GROUP BY over many columns. */
    LLVMPassBuilderOptionsSetSLPVectorization(po, 0);
    LLVMErrorRef e = LLVMRunPasses(cg->mod, pipeline, cg->tm, po);
    LLVMDisposePassBuilderOptions(po);
    double t1 = cg_now_ms();
    times->optimise = t1 - t0;
    if (e)
        return unit_error(err, cap, "LLVM optimisation failed", NULL, LLVMGetErrorMessage(e));
    char *msg = NULL;
    if (ir_path && LLVMPrintModuleToFile(cg->mod, ir_path, &msg))
        return unit_error(err, cap, "cannot write", ir_path, msg);
    if (LLVMTargetMachineEmitToFile(cg->tm, cg->mod, (char *)obj_path, LLVMObjectFile, &msg))
        return unit_error(err, cap, "cannot write the object file", obj_path, msg);
    times->emit = cg_now_ms() - t1;
    return 0;
}

void cg_unit_close(CgCtx *cg)
{
    if (cg->b)
        LLVMDisposeBuilder(cg->b);
    if (cg->mod)
        LLVMDisposeModule(cg->mod);
    if (cg->rt)
        LLVMDisposeModule(cg->rt);
    if (cg->td)
        LLVMDisposeTargetData(cg->td);
    if (cg->tm)
        LLVMDisposeTargetMachine(cg->tm);
    if (cg->ctx)
        LLVMContextDispose(cg->ctx);
    memset(cg, 0, sizeof *cg);
}

void cg_datum_layout(unsigned long long offsets[6], unsigned long long *size)
{
    CgCtx cg = {0};
    Diag diag;
    diag_init(&diag, NULL, stderr);
    CgOptions opts = {0};
    opts.opt_level = 0;
    cg.diag = &diag;
    cg.opts = &opts;
    cg.ctx = LLVMContextCreate();
    cg.mod = LLVMModuleCreateWithNameInContext("layout", cg.ctx);
    init_types(&cg);
    if (setup_target(&cg, false) == 0) {
        for (unsigned i = 0; i < 6; i++)
            offsets[i] = LLVMOffsetOfElement(cg.td, cg.t_datum, i);
        *size = LLVMABISizeOfType(cg.td, cg.t_datum);
    }
    cg_unit_close(&cg);
}

/* The bitcode at path, read whole into ctx (tests), or NULL. */
static LLVMModuleRef read_bitcode(LLVMContextRef ctx, const char *path)
{
    LLVMMemoryBufferRef buf;
    char *err = NULL;
    if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buf, &err)) {
        LLVMDisposeMessage(err);
        return NULL;
    }
    LLVMModuleRef mod;
    int bad = LLVMParseBitcodeInContext2(ctx, buf, &mod);
    LLVMDisposeMemoryBuffer(buf);
    return bad ? NULL : mod;
}

int cg_runtime_declared(const char *inline_bc, const char *const *names, int n,
                        unsigned char *found)
{
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef mod = read_bitcode(ctx, inline_bc);
    for (int i = 0; mod && i < n; i++)
        found[i] = LLVMGetNamedFunction(mod, names[i]) != NULL;
    if (mod)
        LLVMDisposeModule(mod);
    LLVMContextDispose(ctx);
    return mod ? 0 : -1;
}

/* Cut m (the runtime's bitcode) in place: every external function for which keep() is false
   becomes a declaration with its attributes, every global variable for which keep_data is
   false a declaration; then what nothing left reaches goes (static functions, constant
   tables; with strip, unused declarations too); written to path, without srt_abi_refs's array
   (its declarations stay: they are the module's).  0, or -1. */
static int cut_bitcode(LLVMModuleRef m, int (*keep)(const char *), bool keep_data, bool strip,
                       const char *path)
{
    LLVMValueRef fn = LLVMGetFirstFunction(m);
    while (fn) {
        LLVMValueRef next = LLVMGetNextFunction(fn);
        size_t len;
        if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) == LLVMExternalLinkage &&
            !keep(LLVMGetValueName2(fn, &len)))
            declare_only(m, fn);
        fn = next;
    }
    for (LLVMValueRef g = LLVMGetFirstGlobal(m); g && !keep_data; g = LLVMGetNextGlobal(g))
        if (!LLVMIsDeclaration(g) && LLVMGetLinkage(g) == LLVMExternalLinkage &&
            strcmp(LLVMGetValueName2(g, &(size_t){0}), ABI_REFS) != 0)
            LLVMSetInitializer(g, NULL);
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    LLVMErrorRef e =
        LLVMRunPasses(m, strip ? "globaldce,strip-dead-prototypes" : "globaldce", NULL, po);
    LLVMDisposePassBuilderOptions(po);
    if (e) {
        LLVMConsumeError(e);
        return -1;
    }
    /* Read back, the array was a third of the declarations' cost to open (a constant
       expression per function). */
    LLVMValueRef refs = LLVMGetNamedGlobal(m, ABI_REFS);
    if (refs)
        LLVMDeleteGlobal(refs);
    return LLVMWriteBitcodeToFile(m, path) == 0 ? 0 : -1;
}

/* Drop the string attributes of m's functions ("target-cpu", "target-features", "frame-pointer"
   ...), which say how a body was compiled: srt_decls.bc only declares, and srt_hot.bc's
   helpers are inlined into code compiled for the --cpu target (or compiled in it: srt_hash,
   srt_agg_upsert, srt_key_copy in a program of several queries).  A body naming another CPU
   cost each unit a second subtarget of its target machine, 2.3 M instructions to ask whether it
   may be inlined; the others ("frame-pointer"="none", "stack-protector-buffer-size"="8",
   "no-trapping-math") say what their absence says, and reading them cost each unit 1 M. */
static void drop_string_attributes(LLVMModuleRef m)
{
    for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn; fn = LLVMGetNextFunction(fn)) {
        LLVMAttributeIndex idx = (LLVMAttributeIndex)LLVMAttributeFunctionIndex;
        unsigned k = LLVMGetAttributeCountAtIndex(fn, idx);
        LLVMAttributeRef attrs[64];
        if (k == 0 || k > 64)
            continue;
        LLVMGetAttributesAtIndex(fn, idx, attrs);
        for (unsigned j = 0; j < k; j++) {
            if (!LLVMIsStringAttribute(attrs[j]))
                continue;
            unsigned len;
            const char *kind = LLVMGetStringAttributeKind(attrs[j], &len);
            LLVMRemoveStringAttributeAtIndex(fn, idx, kind, len);
        }
    }
}

static int keep_none(const char *name)
{
    (void)name;
    return 0;
}

int cg_cut_runtime(const char *inline_bc, const char *decls_bc, const char *hot_bc)
{
    LLVMContextRef ctx = LLVMContextCreate();
    /* the declarations: srt_abi_refs's array keeps every one generated code calls, with the
       attributes clang inferred from its body (nocapture, readonly ...) */
    LLVMModuleRef m = read_bitcode(ctx, inline_bc);
    if (m)
        drop_string_attributes(m);
    int rc = m ? cut_bitcode(m, keep_none, false, false, decls_bc) : -1;
    if (m)
        LLVMDisposeModule(m);
    /* the hot helpers: the array would keep every helper */
    m = rc == 0 ? read_bitcode(ctx, inline_bc) : NULL;
    if (m) {
        LLVMDeleteGlobal(LLVMGetNamedGlobal(m, ABI_REFS));
        drop_string_attributes(m);
        rc = cut_bitcode(m, is_hot, true, true, hot_bc);
        LLVMDisposeModule(m);
    }
    LLVMContextDispose(ctx);
    return m ? rc : -1;
}

int cg_hot_complete(const char *inline_bc, const char *hot_bc, char *missing, size_t cap)
{
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef all = read_bitcode(ctx, inline_bc), hot = read_bitcode(ctx, hot_bc);
    int rc = all && hot ? 0 : -1;
    snprintf(missing, cap, "%s", rc ? "(unreadable bitcode)" : "");
    for (LLVMValueRef fn = all ? LLVMGetFirstFunction(all) : NULL; fn && rc == 0;
         fn = LLVMGetNextFunction(fn)) {
        size_t len;
        const char *name = LLVMGetValueName2(fn, &len);
        LLVMValueRef h = LLVMGetNamedFunction(hot, name);
        if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) == LLVMExternalLinkage && is_hot(name) &&
            (!h || LLVMIsDeclaration(h))) {
            snprintf(missing, cap, "%s", name);
            rc = -1;
        }
    }
    if (all)
        LLVMDisposeModule(all);
    if (hot)
        LLVMDisposeModule(hot);
    LLVMContextDispose(ctx);
    return rc;
}

int cg_unit_open(CgCtx *cg, Arena *arena, Diag *diag, const PProgram *plan, const CgOptions *opts,
                 unsigned flags)
{
    memset(cg, 0, sizeof *cg);
    cg->arena = arena;
    cg->diag = diag;
    cg->opts = opts;
    cg->plan = plan;
    cg->n_units = 1;
    cg->calls_only = flags & CG_OPEN_CALLS_ONLY;
    cg->ctx = LLVMContextCreate();
    /* Value names only matter in --emit-llvm output; every pass copies them otherwise. */
    LLVMContextSetDiscardValueNames(cg->ctx, opts->ir_path == NULL);
    cg->mod =
        LLVMModuleCreateWithNameInContext(opts->module_name ? opts->module_name : "query", cg->ctx);
    cg->b = LLVMCreateBuilderInContext(cg->ctx);
    init_types(cg);
    if (setup_target(cg, flags & CG_OPEN_CPU_CHECKED) != 0 ||
        (!(flags & CG_OPEN_NO_DECLS) && open_runtime_bitcode(cg) != 0))
        return -1;
    return 0;
}

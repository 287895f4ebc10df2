/* cg_json_fast.c - a column's usual JSON value tested and decoded by a few inline instructions.
**
** The expected shape (cg_json.c shape_value) tries these first: ten digits of epoch seconds for
** a TIMESTAMP, a short string without escapes for a STRING.  Each is a test of fixed bytes
** (no loop, no call, no status: never NULL) that takes exactly the values its runtime
** reader's own first test takes (srt_json_ts' j_ten_digits, srt_json_string_raw's one load),
** with the same result; whatever it does not take goes to that reader, which decides as
** always.  The caller checks the room (cg_json_fast_room bytes at p) and what must follow.
*/
#include "codegen/cg_emit.h"
#include "common/cm_swar.h"

/* Ten digits of epoch seconds (the caller tests the token's end after them). */
#define EPOCH_ROOM 10
/* A quote, up to 7 bytes, a quote, found in one 8-byte load after the first quote: 9. */
#define STRING_ROOM 9

int cg_json_fast_room(CgCtx *cg, const Type *t, const SReadOpts *ro)
{
    if (LLVMByteOrder(cg->td) != LLVMLittleEndian) /* the words' first byte is their lowest */
        return 0;
    if (t->kind == TY_TIMESTAMP && !(ro && ro->ts_fmt))
        return EPOCH_ROOM;
    if (t->kind == TY_STRING)
        return STRING_ROOM;
    return 0;
}

static LLVMValueRef k64(CgCtx *cg, uint64_t v)
{
    return LLVMConstInt(cg->t_i64, v, 0);
}

/* The 8 bytes at p + off as an i64, unaligned (the first byte the lowest). */
static LLVMValueRef word_at(CgCtx *cg, LLVMValueRef p, LLVMValueRef off)
{
    LLVMValueRef w = cg_load(cg, cg->t_i64, cg_gep(cg, p, off, ""), "w");
    LLVMSetAlignment(w, 1);
    return w;
}

/* The value of the eight digits of v, each byte a digit's value (cm_json_eight_digits: pairs,
   then quadruples, then the whole, in three multiply-and-add rounds). */
static LLVMValueRef eight_digits_value(CgCtx *cg, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    v = LLVMBuildAdd(b, LLVMBuildMul(b, v, k64(cg, 10), ""), LLVMBuildLShr(b, v, k64(cg, 8), ""),
                     "");
    LLVMValueRef lanes = k64(cg, 0x000000FF000000FFull);
    LLVMValueRef lo = LLVMBuildMul(b, cg_and(cg, v, lanes), k64(cg, 100 + (1000000ull << 32)), "");
    LLVMValueRef hi = LLVMBuildMul(b, cg_and(cg, LLVMBuildLShr(b, v, k64(cg, 16), ""), lanes),
                                   k64(cg, 1 + (10000ull << 32)), "");
    return LLVMBuildLShr(b, LLVMBuildAdd(b, lo, hi, ""), k64(cg, 32), "digits8.value");
}

/*
** Ten digits without a leading zero (2001-09-09 to 2286-11-20 in epoch seconds), as
** srt_json_ts' j_ten_digits; the caller checks what follows them (a token end there).  Two
** overlapping words, bytes 0-7 and 2-9, each less '0' in every byte ('1' in the first, so
** that a leading zero is no digit), hold only digits when no byte borrowed and none reaches
** 0x80 with 0x46 added: in the lowest byte that is no digit, nothing carries in from below,
** so a byte under '0' ('1') borrows to 0xCF or more, one from ':' to 0xB9 reaches 0x80 with
** 0x46, one above stays 0x89 or more after the subtraction.  One test of the four words' high
** bits; the value is then the first word's eight digits (the first one less 1) and the last
** two bytes of the second.
*/
static CgFastVal epoch_seconds(CgCtx *cg, LLVMValueRef p)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef w0 = word_at(cg, p, k64(cg, 0)), w2 = word_at(cg, p, k64(cg, 2));
    LLVMValueRef x0 = LLVMBuildSub(b, w0, k64(cg, CM_SWAR_ONES * '0' + 1), "");
    LLVMValueRef x2 = LLVMBuildSub(b, w2, k64(cg, CM_SWAR_ONES * '0'), "");
    LLVMValueRef over = k64(cg, CM_SWAR_ONES * 0x46);
    LLVMValueRef flags =
        cg_or(cg, cg_or(cg, x0, x2),
              cg_or(cg, LLVMBuildAdd(b, w0, over, ""), LLVMBuildAdd(b, w2, over, "")));
    LLVMValueRef ok = LLVMBuildICmp(b, LLVMIntEQ, cg_and(cg, flags, k64(cg, CM_SWAR_HIGHS)),
                                    k64(cg, 0), "digits10");
    LLVMValueRef last2 = LLVMBuildLShr(b, x2, k64(cg, 48), "");
    LLVMValueRef d8 = cg_and(cg, last2, k64(cg, 0xFF)),
                 d9 = LLVMBuildLShr(b, last2, k64(cg, 8), "");
    LLVMValueRef secs =
        LLVMBuildAdd(b, LLVMBuildMul(b, eight_digits_value(cg, x0), k64(cg, 100), ""),
                     LLVMBuildAdd(b, LLVMBuildMul(b, d8, k64(cg, 10), ""), d9, ""), "");
    secs = LLVMBuildAdd(b, secs, k64(cg, 1000000000), "secs"); /* the first digit's 1 */
    CgFastVal r = {ok, cg_gepc(cg, p, 10, "p.val"), NULL, NULL};
    r.val = LLVMBuildMul(b, secs, k64(cg, 1000000), "us"); /* below 10^10 s: no overflow */
    return r;
}

static LLVMValueRef cttz64(CgCtx *cg, LLVMValueRef v)
{
    LLVMTypeRef params[2] = {cg->t_i64, cg->t_i1};
    LLVMTypeRef ft = LLVMFunctionType(cg->t_i64, params, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(cg->mod, "llvm.cttz.i64");
    if (!fn)
        fn = LLVMAddFunction(cg->mod, "llvm.cttz.i64", ft);
    LLVMValueRef args[2] = {v, cg_i1(cg, 1)};
    return LLVMBuildCall2(cg->b, ft, fn, args, 2, "");
}

/* Sixteen bytes, each c. */
static LLVMValueRef splat16(CgCtx *cg, unsigned char c)
{
    LLVMValueRef e[16];
    for (int i = 0; i < 16; i++)
        e[i] = cg_i8(cg, c);
    return LLVMConstVector(e, 16);
}

/*
** A double-quoted string of up to 7 bytes without escapes or control bytes, as
** srt_json_string_raw's one load: the first '"', '\\' or byte below 0x20 after the opening
** quote must be the closing quote within the 8 bytes read.  The 8 bytes are the low half of a
** vector (the high half 0), each compared with the three at once (SSE2's pcmpeqb, pminub and
** pmovmskb: half the instructions of the same tests in a general register, and none of its
** 64-bit constants); the first flagged byte of the first 7, else the 8th, is the closing
** quote's place.
*/
static CgFastVal short_string(CgCtx *cg, LLVMValueRef p)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef open = cg_load(cg, cg->t_i8, p, "c");
    LLVMTypeRef v2 = LLVMVectorType(cg->t_i64, 2), v16 = LLVMVectorType(cg->t_i8, 16);
    LLVMValueRef v = LLVMBuildBitCast(
        b,
        LLVMBuildInsertElement(b, LLVMConstNull(v2), word_at(cg, p, k64(cg, 1)), cg_i32(cg, 0), ""),
        v16, "v");
    LLVMValueRef m = cg_or(cg,
                           cg_or(cg, LLVMBuildICmp(b, LLVMIntEQ, v, splat16(cg, '"'), ""),
                                 LLVMBuildICmp(b, LLVMIntEQ, v, splat16(cg, '\\'), "")),
                           LLVMBuildICmp(b, LLVMIntULE, v, splat16(cg, 0x1F), ""));
    LLVMValueRef bits = LLVMBuildZExt(
        b, LLVMBuildBitCast(b, m, LLVMInt16TypeInContext(cg->ctx), ""), cg->t_i64, "");
    LLVMValueRef n = cttz64(cg, cg_or(cg, bits, k64(cg, 0x80)));
    LLVMSetValueName2(n, "str.n", 5);
    LLVMValueRef s = cg_gepc(cg, p, 1, "str");
    LLVMValueRef close = cg_load(cg, cg->t_i8, cg_gep(cg, s, n, ""), "c");
    LLVMValueRef ok = cg_and(cg, LLVMBuildICmp(b, LLVMIntEQ, open, cg_i8(cg, '"'), ""),
                             LLVMBuildICmp(b, LLVMIntEQ, close, cg_i8(cg, '"'), ""));
    CgFastVal r = {ok, cg_gepc(cg, cg_gep(cg, s, n, ""), 1, "p.val"), s,
                   LLVMBuildTrunc(b, n, cg->t_i32, "")};
    return r;
}

CgFastVal cg_json_fast(CgCtx *cg, const Type *t, LLVMValueRef p)
{
    return t->kind == TY_TIMESTAMP ? epoch_seconds(cg, p) : short_string(cg, p);
}

/* cg_hash.c - Spark's hash functions of a value in generated code: xxHash64 (xxhash64(),
** approx_count_distinct's HLL++ sketch) and Murmur3 (hash()).
**
** InterpretedHashFunction.hash (hash.scala) with the inline helpers of srt_xxh64.c and
** srt_murmur3.c: BOOLEAN as the int 0/1, INT and DATE (days) as ints, BIGINT, TIMESTAMP (µs)
** and a day-time INTERVAL (µs) as longs, FLOAT as floatToIntBits and DOUBLE as
** doubleToLongBits with -0.0 as 0 and NaN canonical, a DECIMAL as the long of its unscaled
** value up to 18 digits and as its BigInteger's bytes beyond, STRING and BINARY as their
** bytes.  A struct chains its fields through the seed, a NULL field keeping it; an ARRAY (or
** a MAP) is hashed by the runtime, element by element with the same helpers (srt_hashval.c).
*/
#include "codegen/cg_emit.h"
#include "srt_abi.h"

LLVMValueRef cg_spark_hash(CgCtx *cg, bool xx, const Type *t, CgVal x, LLVMValueRef seed)
{
    const char *h_i32 = xx ? "srt_xxh64_i32" : "srt_m3_i32";
    const char *h_i64 = xx ? "srt_xxh64_i64" : "srt_m3_i64";
    LLVMValueRef args[3] = {x.v, seed, NULL};
    switch (t->kind) {
    case TY_BOOLEAN:
        args[0] = LLVMBuildZExt(cg->b, x.v, cg->t_i32, "");
        return cg_call(cg, h_i32, args, 2, "hash");
    case TY_TINYINT: /* HashExpression: ByteType, ShortType and IntegerType by hashInt */
    case TY_SMALLINT:
    case TY_INT:
        return cg_call(cg, h_i32, args, 2, "hash");
    case TY_DATE:        /* days, an int in Spark */
    case TY_YM_INTERVAL: /* YearMonthIntervalType: its months, an int */
        args[0] = LLVMBuildTrunc(cg->b, x.v, cg->t_i32, "");
        return cg_call(cg, h_i32, args, 2, "hash");
    case TY_BIGINT:
    case TY_TIMESTAMP:
    case TY_TIMESTAMP_NTZ: /* HashExpression: TimestampNTZType by hashLong */
    case TY_INTERVAL:      /* DayTimeIntervalType: its microseconds */
        return cg_call(cg, h_i64, args, 2, "hash");
    case TY_DOUBLE:
        return cg_call(cg, xx ? "srt_xxh64_f64" : "srt_m3_f64", args, 2, "hash");
    case TY_FLOAT: { /* hashInt(floatToIntBits(f)), -0.0f as 0 */
        LLVMValueRef zero = LLVMBuildFCmp(cg->b, LLVMRealOEQ, x.v, cg_f32(cg, 0.0), "");
        LLVMValueRef nan = LLVMBuildFCmp(cg->b, LLVMRealUNO, x.v, x.v, "");
        LLVMValueRef f = cg_select(cg, nan, cg_f32(cg, __builtin_nan("")),
                                   cg_select(cg, zero, cg_f32(cg, 0.0), x.v));
        args[0] = LLVMBuildBitCast(cg->b, f, cg->t_i32, "");
        return cg_call(cg, h_i32, args, 2, "hash");
    }
    case TY_DECIMAL:
        return cg_dec_hash(cg, xx, t->precision, x.v, seed);
    case TY_BINARY:
    case TY_STRING:
        args[1] = x.len;
        args[2] = seed;
        return cg_call(cg, xx ? "srt_xxh64_bytes" : "srt_m3_bytes", args, 3, "hash");
    case TY_STRUCT: {
        LLVMValueRef h = seed;
        for (int f = 0; f < t->n_fields; f++) {
            LLVMValueRef fh = cg_spark_hash(cg, xx, t->fields[f].type, x.fields[f], h);
            h = cg_select(cg, x.fields[f].null, h, fh);
        }
        return h;
    }
    case TY_ARRAY:
    case TY_MAP: {
        LLVMValueRef d = cg_alloca(cg, cg->t_datum, "hash.d");
        cg_store_datum(cg, t, x, d, false);
        LLVMValueRef s64 = xx ? seed : LLVMBuildSExt(cg->b, seed, cg->t_i64, "");
        LLVMValueRef nargs[5] = {cg->q, cg_type_text(cg, t), d, s64,
                                 cg_i32(cg, xx ? SRT_HASH_XXH64 : SRT_HASH_MURMUR3)};
        LLVMValueRef h = cg_call(cg, "srt_hash_nested", nargs, 5, "hash");
        return xx ? h : LLVMBuildTrunc(cg->b, h, cg->t_i32, "");
    }
    case TY_NULL:
        return seed;
    }
    SL_UNREACHABLE();
}

/* cg_group.c - the group of a row in generated aggregation code: a cache of recent groups
** keyed by the row's values in registers, or the last group, in front of the group table.
**
** The table (srt_agg_upsert) is looked up with the key's canonical bytes (cg_build_key) and
** their hash (srt_hash); both stay what they are, so the groups' order and the state a
** checkpoint keeps do not depend on what is here.  In front of it, most rows are answered
** by a small direct-mapped cache whose slots hold a group's key as cache words: the key's
** values packed at the width of their types, known at compile time (group_cached); the key
** bytes are built and hashed only on a miss.  Other keys compare their bytes with the last
** key's (group_last).
*/
#include <string.h>

#include "codegen/cg_emit.h"
#include "srt_abi.h"

/* An alloca in the entry block that starts out as init. */
static LLVMValueRef alloca_init(CgCtx *cg, LLVMTypeRef t, const char *name, LLVMValueRef init)
{
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef a = LLVMBuildAlloca(cg->b, t, name);
    LLVMBuildStore(cg->b, init, a);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return a;
}

/* From the miss path (the current block) to bb_join: the group's state, from either path. */
static LLVMValueRef group_found(CgCtx *cg, LLVMBasicBlockRef bb_join, LLVMValueRef st_hit,
                                LLVMBasicBlockRef bb_hit, LLVMValueRef st_miss)
{
    LLVMBasicBlockRef from_miss = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, bb_join);
    cg_at(cg, bb_join);
    return cg_phi2(cg, cg->t_ptr, st_hit, bb_hit, st_miss, from_miss, "state");
}

/*
** A cache miss's lookup in the table (cg_agg_upsert: the key's hash and srt_agg_upsert, both
** inlined in a program of one query).  For a key with strings, whose hash and compare are loops
** over its length, when the program has a side unit (cg_compile.c), the lookup is a call of
** srt_agg_upsert_key(table, key, len), the same code compiled once in libsrt.a: the loop's
** function, which the driver's thread optimises and compiles alone, is a third smaller (the
** flagship's: bench/README.md), and no unit compiles the lookup (it was a function of the side
** unit, sl_upsert_<n>, about a third of that unit's build); a miss costs about 13 instructions
** more (2.6% of a string key's rows when every row misses).  A fixed-size key's lookup is a
** few multiplies and an unrolled compare, cheap to compile, and stays inlined: called, it cost
** 13% more instructions when every row missed the cache (9% with the hash left here).
*/
static LLVMValueRef miss_upsert(CgCtx *cg, LLVMValueRef table, LLVMValueRef key, LLVMValueRef len)
{
    if (LLVMIsConstant(len) || !cg_side_unit(cg))
        return cg_agg_upsert(cg, table, key, len, "state");
    LLVMValueRef args[3] = {table, key, len};
    return cg_call(cg, "srt_agg_upsert_key", args, 3, "state");
}

/*
** ==== The cache of recent groups ====
**
** GROUP_CACHE_SLOTS slots, each a group's cache words and its state, indexed by a cheap mix
** of the words: kept in the query across the process function's calls (cache_kept: the loop
** is called once a 32 KB window of a mapped file), else on the stack of the call.  A hit
** costs the words, the mix, a compare with the slot's words (the row's stay in registers: no
** load of just-stored key bytes, whose store-forwarding stall made an earlier cache of key
** bytes slower than none) and a load; only a miss builds the key's bytes, hashes them and
** probes the table.  Consecutive records that alternate between a few groups (value % 100
** under one window, the two actions of an hour) hit, where a remembered last key would miss
** on every row.  A cached state stays
** valid while the table's generation (the runtime's srt_agg_gen) does: states move or go
** only in removals, clears and restores, and a group found in this batch was marked updated
** in it; the table changes none of that while a call runs, so a call's own cache holds for
** the call.  Not in a function that sees one row per call (cg->one_row: an emit function
** feeding the next level, a join's unmatched row), where emptying the cache would cost more
** than any lookup it saves, nor for a nested key (its bytes are made by the runtime).  A
** STRING key is cached when it has few bytes; not in a program of several queries, whose loops
** are kept small (cg_many_queries): there it takes group_last.
**
** Cache words (CacheKey): the key's values as the key bytes hold them (canonical: NULL as 0,
** -0.0 and NaN as Spark normalises them), each at the width of its type: a NULL flag one bit,
** a BOOLEAN one, an INT 32, a string's length CACHE_LEN_BITS, packed together; a BIGINT,
** TIMESTAMP, DOUBLE, a window's start a word each.  A value the same for every row (a window's
** NULL flag, a constant key) is left out, as is one that is another plus a constant (a
** window's end: its start plus the size).  Each string of at most 8 * str_words bytes adds
** str_words words of its bytes (string_words; 4, or 2 or 1 when the other words leave less
** room in GROUP_CACHE_WORDS), the length telling how they cover them: so
** equal cache words mean equal key bytes.  The compare takes the head (the packed values and
** each string's first word) and, only when a string is longer than 8 bytes, its other words;
** the mix takes the head and each string's last word.  The events query's key (a nullable
** action, a window) is three words (NULL flag and length; start; the action's bytes) where
** its key bytes were eight.
**
** A key with a longer string is compared with the last such key (group_last's idea, with
** memcmp: little code for the rarer rows).  When misses outnumber hits by GROUP_CACHE_CREDIT
** (keys seldom seen twice), the cache is passed by, a miss filling a spare slot past the last:
** for the rest of the call, or, for a cache kept in the query, until the runtime empties it
** (a new batch).  A kept cache holds its credit in a word after the spare slot, as the credit
** minus GROUP_CACHE_CREDIT + 1, so that the runtime's emptying (all 0xff: -1) restores the full
** credit; a call loads it on entry and writes it back at each miss (which looks the table up
** anyway), so the loop's hits count in a register and a call's hits after its last miss are
** forgotten.  Calls of a few rows (a rate source's 256) would otherwise never pass it by.
*/
#define GROUP_CACHE_BITS 8u
#define GROUP_CACHE_SLOTS (1u << GROUP_CACHE_BITS)
#define GROUP_CACHE_WORDS 8u   /* cache words of a key at most */
#define GROUP_CACHE_CREDIT 512 /* misses beyond hits before the cache is passed by */
#define CACHE_LEN_BITS 6u      /* a cached string's length: at most 32 */
#define CACHE_MIX_MUL 0x9e3779b97f4a7c15ull

/* A value of the key: its low bits bits matter (64: a word of its own). */
typedef struct CacheItem {
    LLVMValueRef v; /* i64 */
    uint32_t bits;
} CacheItem;

/* A row's key as cache words: w[0, n_head) the packed values then each string's first word,
   [n_head, n_mix) each string's last word, then the strings' middle words. */
typedef struct CacheKey {
    LLVMValueRef w[GROUP_CACHE_WORDS]; /* the middle words NULL until string_middle */
    uint32_t n_head, n_mix, n;
    LLVMValueRef fits; /* i1: every string fits its words */
    /* the strings: their bytes and lengths (i64), words each (1, 2 or 4) */
    LLVMValueRef str_p[GROUP_CACHE_WORDS], str_n[GROUP_CACHE_WORDS];
    uint32_t n_str, str_words, packed;
} CacheKey;

/* The bits of a key value of type t that its slot's word keeps. */
static uint32_t item_bits(const Type *t)
{
    int bits = t->kind == TY_BOOLEAN ? 1 : type_int_bits(t);
    return bits ? (uint32_t)bits : 64u;
}

/* Whether v is a kept item's value plus a constant (a window's end: its start + the size). */
static bool item_derived(const CacheItem *items, int n, LLVMValueRef v)
{
    if (!LLVMIsAInstruction(v) || LLVMGetInstructionOpcode(v) != LLVMAdd)
        return false;
    for (int k = 0; k < 2; k++) {
        LLVMValueRef x = LLVMGetOperand(v, (unsigned)k);
        if (!LLVMIsConstant(LLVMGetOperand(v, (unsigned)(1 - k))))
            continue;
        for (int i = 0; i < n; i++)
            if (items[i].v == x)
                return true;
    }
    return false;
}

/* Add v (i64) unless every row has the same one or another item determines it. */
static void add_item(CacheItem *items, int *n, LLVMValueRef v, uint32_t bits)
{
    if (LLVMIsConstant(v) || item_derived(items, *n, v))
        return;
    items[(*n)++] = (CacheItem){v, bits};
}

/* v, or zero (z) when null: the builder folds no select of a constant condition. */
static LLVMValueRef unless_null(CgCtx *cg, LLVMValueRef null, LLVMValueRef z, LLVMValueRef v)
{
    if (LLVMIsAConstantInt(null))
        return LLVMConstIntGetZExtValue(null) ? z : v;
    return cg_select(cg, null, z, v);
}

/* A fixed slot's value as its key word holds it (0 for NULL), to the width of its type. */
static void add_value(CgCtx *cg, const PKeyLayout *kl, const Type *t, LLVMValueRef v,
                      LLVMValueRef null, CacheItem *items, int *n)
{
    if (t->kind == TY_DECIMAL) {
        LLVMValueRef d = unless_null(cg, null, cg_dec_const(cg, 0), v);
        add_item(items, n, LLVMBuildTrunc(cg->b, d, cg->t_i64, ""), 64);
        if (t->precision > 18) /* else the high word is the low one's sign */
            add_item(items, n,
                     LLVMBuildTrunc(cg->b,
                                    LLVMBuildLShr(cg->b, d, LLVMConstInt(LLVMTypeOf(d), 64, 0), ""),
                                    cg->t_i64, ""),
                     64);
        return;
    }
    uint32_t bits = item_bits(t);
    LLVMValueRef x = cg_key_slot_bits(cg, kl, t, v);
    if (bits < 64 && bits > 1)
        x = LLVMBuildZExt(cg->b, LLVMBuildTrunc(cg->b, x, LLVMIntTypeInContext(cg->ctx, bits), ""),
                          cg->t_i64, "");
    add_item(items, n, unless_null(cg, null, cg_i64(cg, 0), x), bits);
}

/* Pack the items into words: each narrow one at the next free bits of the current word. */
static uint32_t pack_items(CgCtx *cg, const CacheItem *items, int n, LLVMValueRef *w, uint32_t max)
{
    uint32_t nw = 0, used = 64;
    for (int i = 0; i < n; i++) {
        if (items[i].bits == 64 || used + items[i].bits > 64) {
            if (nw == max)
                return max + 1;
            w[nw++] = items[i].v;
            used = items[i].bits;
            continue;
        }
        w[nw - 1] = cg_or(cg, w[nw - 1], LLVMBuildShl(cg->b, items[i].v, cg_i64(cg, used), ""));
        used += items[i].bits;
    }
    return nw;
}

/* The 8-byte word at p + off (i8*, i64 offset), unaligned. */
static LLVMValueRef load_word(CgCtx *cg, LLVMTypeRef t, LLVMValueRef p, LLVMValueRef off)
{
    LLVMValueRef v = cg_load(cg, t, cg_gep(cg, p, off, ""), "str.word");
    LLVMSetAlignment(v, 1);
    return LLVMBuildZExt(cg->b, v, cg->t_i64, "");
}

/* The edges into the join of string_words: from each block, its first two words. */
typedef struct StrEdges {
    LLVMBasicBlockRef from[4];
    LLVMValueRef w[4][2];
    int n;
} StrEdges;

/* From the current block to bb_join with the words w0 and w1. */
static void str_edge(CgCtx *cg, StrEdges *e, LLVMBasicBlockRef bb_join, LLVMValueRef w0,
                     LLVMValueRef w1)
{
    e->from[e->n] = LLVMGetInsertBlock(cg->b);
    e->w[e->n][0] = w0;
    e->w[e->n++][1] = w1;
    LLVMBuildBr(cg->b, bb_join);
}

/*
** The str_words (1, 2 or 4) cache words of the n (i64) bytes at p, when n <= 8 * str_words,
** every load inside the string (no word read past its end): n <= 3 the bytes 0, n / 2 and
** n - 1; n <= 8 the 4 bytes at 0 and at n - 4; n <= 16 the words at 0 and n - 8; n <= 32 also
** those at 8 and n - 16.  Given n, the words cover every byte at a place fixed by n.  Up to 8
** bytes the second word repeats the first (cache_alloc counts on it) and the others are 0.  A
** longer string gives words of some of its bytes (the key is then not looked up in the cache).
** Branches, not selects: the window loop would hoist their arithmetic for every row.  Here
** only the first two (NULL for the others): the words at 8 and n - 16 are string_middle's, made
** where they are used (a string longer than 8 bytes in the probe, the fill of a slot), since
** as phis of mostly 0 carried through the probe they were spilled on every row.
*/
static void string_words(CgCtx *cg, LLVMValueRef p, LLVMValueRef n, uint32_t str_words,
                         LLVMValueRef *out)
{
    LLVMBasicBlockRef bb_small = cg_block(cg, "str.small"), bb_w4 = cg_block(cg, "str.w4");
    LLVMBasicBlockRef bb_w1 = cg_block(cg, "str.w1"), bb_big = cg_block(cg, "str.big");
    LLVMBasicBlockRef bb_lt4 = cg_block(cg, "str.lt4"), bb_join = cg_block(cg, "str.words");
    LLVMValueRef zero = cg_i64(cg, 0);
    StrEdges e = {.n = 0};
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntULE, n, cg_i64(cg, 8), ""), bb_small,
                    bb_big);
    cg_at(cg, bb_small);
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGE, n, cg_i64(cg, 4), ""), bb_w4, bb_lt4);
    cg_at(cg, bb_lt4);
    e.from[e.n] = bb_lt4;
    e.w[e.n][0] = e.w[e.n][1] = zero;
    e.n++;
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, n, zero, ""), bb_join, bb_w1);

    cg_at(cg, bb_w4);
    LLVMValueRef lo = load_word(cg, cg->t_i32, p, zero);
    LLVMValueRef hi = load_word(cg, cg->t_i32, p, LLVMBuildSub(cg->b, n, cg_i64(cg, 4), ""));
    LLVMValueRef w4 = cg_or(cg, lo, LLVMBuildShl(cg->b, hi, cg_i64(cg, 32), ""));
    str_edge(cg, &e, bb_join, w4, w4);

    cg_at(cg, bb_w1);
    LLVMValueRef b0 = load_word(cg, cg->t_i8, p, zero);
    LLVMValueRef b1 = load_word(cg, cg->t_i8, p, LLVMBuildLShr(cg->b, n, cg_i64(cg, 1), ""));
    LLVMValueRef b2 = load_word(cg, cg->t_i8, p, LLVMBuildSub(cg->b, n, cg_i64(cg, 1), ""));
    LLVMValueRef w1 = cg_or(cg, cg_or(cg, b0, LLVMBuildShl(cg->b, b1, cg_i64(cg, 8), "")),
                            LLVMBuildShl(cg->b, b2, cg_i64(cg, 16), ""));
    str_edge(cg, &e, bb_join, w1, w1);

    cg_at(cg, bb_big);
    if (str_words == 1) {
        str_edge(cg, &e, bb_join, zero, zero);
    } else {
        LLVMValueRef first = load_word(cg, cg->t_i64, p, zero);
        LLVMValueRef last = load_word(cg, cg->t_i64, p, LLVMBuildSub(cg->b, n, cg_i64(cg, 8), ""));
        str_edge(cg, &e, bb_join, first, last);
    }

    cg_at(cg, bb_join);
    for (uint32_t k = 0; k < str_words; k++) {
        out[k] = NULL;
        if (k >= 2)
            continue;
        out[k] = LLVMBuildPhi(cg->b, cg->t_i64, "str.w");
        for (int i = 0; i < e.n; i++)
            LLVMAddIncoming(out[k], &e.w[i][k], &e.from[i], 1);
    }
}

/* The middle words of string_words (str_words 4) of the n bytes at p: those at 8 and n - 16
   when n > 16, else 0. */
static void string_middle(CgCtx *cg, LLVMValueRef p, LLVMValueRef n, LLVMValueRef *out)
{
    LLVMBasicBlockRef from = LLVMGetInsertBlock(cg->b);
    LLVMBasicBlockRef bb_big = cg_block(cg, "str.big32"), bb_join = cg_block(cg, "str.middle");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntUGT, n, cg_i64(cg, 16), ""), bb_big,
                    bb_join);
    cg_at(cg, bb_big);
    LLVMValueRef a = load_word(cg, cg->t_i64, p, cg_i64(cg, 8));
    LLVMValueRef b = load_word(cg, cg->t_i64, p, LLVMBuildSub(cg->b, n, cg_i64(cg, 16), ""));
    LLVMBuildBr(cg->b, bb_join);
    cg_at(cg, bb_join);
    out[0] = cg_phi2(cg, cg->t_i64, cg_i64(cg, 0), from, a, bb_big, "str.w");
    out[1] = cg_phi2(cg, cg->t_i64, cg_i64(cg, 0), from, b, bb_big, "str.w");
}

/* Fill in ck's middle words (string_middle) where they were left out. */
static void cache_key_middle(CgCtx *cg, CacheKey *ck)
{
    for (uint32_t j = 0; j < ck->n_str && ck->str_words == 4; j++) {
        if (ck->w[ck->packed + 2 * ck->n_str + j])
            continue;
        LLVMValueRef m[2];
        string_middle(cg, ck->str_p[j], ck->str_n[j], m);
        for (uint32_t k = 0; k < 2; k++)
            ck->w[ck->packed + (k + 2) * ck->n_str + j] = m[k];
    }
}

/* Whether a string of the key is longer than 8 bytes (its other words count then). */
static LLVMValueRef cache_key_long(CgCtx *cg, const CacheKey *ck)
{
    LLVMValueRef any = cg_i1(cg, 0);
    for (uint32_t j = 0; j < ck->n_str; j++)
        any = cg_or(cg, any, LLVMBuildICmp(cg->b, LLVMIntUGT, ck->str_n[j], cg_i64(cg, 8), ""));
    return any;
}

/* The cache words of the row's key but the strings' middle words (cache_key_middle); false
   when they would be more than GROUP_CACHE_WORDS. */
static bool cache_key(CgCtx *cg, const PKeyLayout *kl, const CgVal *keys, CacheKey *ck)
{
    CacheItem *items = ARENA_NEW_N(cg->arena, CacheItem, kl->null_bytes + kl->fixed_size / 8u + 1u);
    int n_items = 0, n_str = 0;
    int *strs = ARENA_NEW_N(cg->arena, int, (size_t)kl->n);
    LLVMValueRef *str_len = ARENA_NEW_N(cg->arena, LLVMValueRef, (size_t)kl->n);
    for (uint32_t i = 0; i < kl->null_bytes; i++)
        add_item(items, &n_items, LLVMBuildZExt(cg->b, cg_key_null(cg, kl, keys, i), cg->t_i64, ""),
                 1);
    for (int i = 0; i < kl->n; i++) {
        const PKeySlot *s = &kl->slots[i];
        const CgVal *k = &keys[i];
        if (plan_key_slot_var(s)) {
            str_len[n_str] = LLVMBuildZExt(cg->b, unless_null(cg, k->null, cg_i32(cg, 0), k->len),
                                           cg->t_i64, "");
            add_item(items, &n_items, str_len[n_str], CACHE_LEN_BITS);
            strs[n_str++] = i;
        } else if (s->type->kind == TY_STRUCT) {
            for (int f = 0; f < s->type->n_fields; f++)
                add_value(cg, kl, s->type->fields[f].type, k->fields[f].v,
                          cg_or(cg, k->null, k->fields[f].null), items, &n_items);
        } else {
            add_value(cg, kl, s->type, k->v, k->null, items, &n_items);
        }
    }
    uint32_t packed = pack_items(cg, items, n_items, ck->w, GROUP_CACHE_WORDS);
    uint32_t str_words = 4;
    while (str_words && packed + str_words * (uint32_t)n_str > GROUP_CACHE_WORDS)
        str_words /= 2;
    if (packed == 0 || packed > GROUP_CACHE_WORDS || (n_str && !str_words))
        return false;
    ck->n_head = packed + (uint32_t)n_str;
    ck->n_mix = ck->n_head + (str_words > 1 ? (uint32_t)n_str : 0u);
    ck->n = packed + str_words * (uint32_t)n_str;
    ck->fits = cg_i1(cg, 1);
    ck->n_str = (uint32_t)n_str;
    ck->str_words = str_words;
    ck->packed = packed;
    for (int j = 0; j < n_str; j++) {
        ck->str_p[j] = keys[strs[j]].v;
        ck->str_n[j] = str_len[j];
        ck->fits =
            cg_and(cg, ck->fits,
                   LLVMBuildICmp(cg->b, LLVMIntULE, str_len[j], cg_i64(cg, 8 * str_words), ""));
    }
    for (int j = 0; j < n_str; j++) {
        LLVMValueRef w[4];
        string_words(cg, keys[strs[j]].v, str_len[j], str_words, w);
        for (uint32_t k = 0; k < str_words; k++)
            ck->w[packed + k * (uint32_t)n_str + (uint32_t)j] = w[k];
    }
    return true;
}

/* The slot index of the words w[0, n_mix): a multiplicative (Fibonacci) hash of their sum,
   its high bits folded in first so that keys differing only there (window starts, multiples
   of 2^k) spread too.  cache_index_of computes the same at compile time. */
static LLVMValueRef cache_index(CgCtx *cg, const CacheKey *ck)
{
    LLVMValueRef mix = ck->w[0];
    for (uint32_t i = 1; i < ck->n_mix; i++)
        mix = LLVMBuildAdd(cg->b, mix, ck->w[i], "");
    mix = LLVMBuildXor(cg->b, mix, LLVMBuildLShr(cg->b, mix, cg_i64(cg, 29), ""), "");
    mix = LLVMBuildMul(cg->b, mix, cg_i64(cg, (int64_t)CACHE_MIX_MUL), "");
    return LLVMBuildLShr(cg->b, mix, cg_i64(cg, 64 - GROUP_CACHE_BITS), "cache.idx");
}

static uint32_t cache_index_of(const uint64_t *w, uint32_t n_mix)
{
    uint64_t mix = 0;
    for (uint32_t i = 0; i < n_mix; i++)
        mix += w[i];
    mix ^= mix >> 29;
    return (uint32_t)((mix * CACHE_MIX_MUL) >> (64 - GROUP_CACHE_BITS));
}

/*
** The cache's empty state: every slot's words all ones, which no row probing that slot has:
** all-ones words index one slot j (cache_index_of), and slot j holds words that index another
** (Z: 0 but for its first word, a packed one).  A row whose head words equal a slot's has its
** mixed words equal too: a string of up to 8 bytes repeats its first word, a head word, as
** its last (all ones, or 0 as Z's), and with a longer one every word is compared.  So it
** indexes where the slot's words do, not that slot.  Sets z[0, ck->n) to slot j's words and
** returns j.
*/
static uint32_t cache_empty_slot(const CacheKey *ck, uint64_t *z)
{
    uint64_t w[GROUP_CACHE_WORDS];
    for (uint32_t i = 0; i < ck->n_mix; i++)
        w[i] = ~(uint64_t)0;
    uint32_t j = cache_index_of(w, ck->n_mix);
    for (uint32_t i = 0; i < ck->n_mix; i++)
        w[i] = 0;
    while (cache_index_of(w, ck->n_mix) == j)
        w[0]++;
    for (uint32_t i = 0; i < ck->n; i++)
        z[i] = i < ck->n_mix ? w[i] : 0;
    return j;
}

/*
** The cache kept in the query across calls (srt_query_group_cache), fetched right after the
** table when that is fetched once a call (in the entry or setup block): emptied by the
** runtime at the first call and when the table's generation changed (a new batch, a group
** removed, restored or folded in, a clear: the states it holds may then be other groups',
** moved, freed or not marked updated).  Its
** definition (the runtime's srt_query_group_cache) is a writable global, so that no two
** loops' caches share an address: LLVM merges only constant globals (ConstantMerge), and the
** link folds none either: `sluice build` passes mold no --icf (its default is none), and mold's
** --icf=all takes executable read-only sections only (elf/icf.cc is_eligible), never data.
** NULL when the table is fetched elsewhere (then the cache is the call's own, cache_alloc).
*/
static LLVMValueRef cache_kept(CgCtx *cg, const CacheKey *ck, uint32_t stride, LLVMValueRef table,
                               LLVMValueRef credit_p, LLVMValueRef *credit_word)
{
    LLVMBasicBlockRef at = LLVMIsAInstruction(table) ? LLVMGetInstructionParent(table) : NULL;
    if (!at || (at != cg->entry && at != cg->setup))
        return NULL;
    uint64_t z[GROUP_CACHE_WORDS];
    uint32_t j = cache_empty_slot(ck, z);
    LLVMValueRef def[4 + GROUP_CACHE_WORDS];
    def[0] = cg_i64(cg, (int64_t)((GROUP_CACHE_SLOTS + 1) * stride + 16u));
    def[1] = def[0]; /* the slots, the spare and the credit word (-1: the full credit) */
    def[2] = cg_i64(cg, (int64_t)j * stride);
    def[3] = cg_i64(cg, ck->n);
    for (uint32_t i = 0; i < ck->n; i++)
        def[4 + i] = cg_i64(cg, (int64_t)z[i]);
    LLVMValueRef init = LLVMConstArray(cg->t_i64, def, 4 + ck->n);
    LLVMValueRef g = LLVMAddGlobal(cg->mod, LLVMTypeOf(init), "groupcache.def");
    LLVMSetInitializer(g, init);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(cg->b);
    LLVMValueRef next = LLVMGetNextInstruction(table);
    if (next)
        LLVMPositionBuilderBefore(cg->b, next);
    else
        LLVMPositionBuilderAtEnd(cg->b, cg->entry);
    LLVMValueRef args[3] = {cg->q, LLVMConstPointerCast(g, cg->t_ptr), table};
    LLVMValueRef cache_p = cg_call(cg, "srt_query_group_cache", args, 3, "groupcache");
    *credit_word = cg_gepc(cg, cache_p, (GROUP_CACHE_SLOTS + 1) * stride, "cache.credit.word");
    LLVMValueRef kept = cg_load(cg, cg->t_i64, *credit_word, "cache.credit.kept");
    cg_store(cg, LLVMBuildAdd(cg->b, kept, cg_i64(cg, GROUP_CACHE_CREDIT + 1), ""), credit_p);
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return cache_p;
}

/* The call's own cache, emptied in the entry block (cache_empty_slot), or the one kept in the
   query (cache_kept: *credit_word its credit word, whose credit is stored in credit_p; NULL for
   the call's own, whose credit_p starts full).  Returns the cache: GROUP_CACHE_SLOTS + 1 slots
   of stride bytes, the last the spare. */
static LLVMValueRef cache_alloc(CgCtx *cg, const CacheKey *ck, uint32_t stride, LLVMValueRef table,
                                LLVMValueRef credit_p, LLVMValueRef *credit_word)
{
    LLVMValueRef kept = cache_kept(cg, ck, stride, table, credit_p, credit_word);
    if (kept)
        return kept;
    *credit_word = NULL;
    LLVMTypeRef cache_t = LLVMArrayType(cg->t_i8, (GROUP_CACHE_SLOTS + 1) * stride);
    LLVMBasicBlockRef cur = cg_to_entry_start(cg);
    LLVMValueRef cache = LLVMBuildAlloca(cg->b, cache_t, "groupcache");
    LLVMSetAlignment(cache, 16);
    LLVMValueRef cache_p = LLVMBuildPointerCast(cg->b, cache, cg->t_ptr, "");
    LLVMBuildMemSet(cg->b, cache_p, LLVMConstInt(cg->t_i8, 0xff, 0),
                    cg_i64(cg, GROUP_CACHE_SLOTS * stride), 16);
    uint64_t z[GROUP_CACHE_WORDS];
    uint32_t j = cache_empty_slot(ck, z);
    for (uint32_t i = 0; i < ck->n; i++)
        cg_store(cg, cg_i64(cg, (int64_t)z[i]),
                 cg_gepc(cg, cache_p, (uint64_t)j * stride + 8u * i, ""));
    LLVMPositionBuilderAtEnd(cg->b, cur);
    return cache_p;
}

/* Whether the slot's words [from, to) equal the row's. */
static LLVMValueRef slot_same(CgCtx *cg, const CacheKey *ck, LLVMValueRef slot, uint32_t from,
                              uint32_t to)
{
    LLVMValueRef acc = cg_i64(cg, 0);
    for (uint32_t i = from; i < to; i++) {
        LLVMValueRef c = cg_load(cg, cg->t_i64, cg_gepc(cg, slot, 8u * i, ""), "");
        acc = cg_or(cg, acc, LLVMBuildXor(cg->b, c, ck->w[i], ""));
    }
    return LLVMBuildICmp(cg->b, LLVMIntEQ, acc, cg_i64(cg, 0), "samekey");
}

/* The remembered last key with a string too long for the cache: its bytes, length, state. */
typedef struct LastKey {
    LLVMValueRef bytes, len, state;
    uint32_t cap;
} LastKey;

/* From the current block: the state remembered when the key's bytes equal the last long
   key's (to bb_hit, setting *st), else on to bb_miss. */
static void last_long_same(CgCtx *cg, const LastKey *last, LLVMValueRef key, LLVMValueRef len,
                           LLVMBasicBlockRef bb_hit, LLVMBasicBlockRef bb_miss, LLVMValueRef *st)
{
    LLVMBasicBlockRef bb_cmp = cg_block(cg, "group.long.cmp");
    LLVMValueRef same_len =
        LLVMBuildICmp(cg->b, LLVMIntEQ, len, cg_load(cg, cg->t_i32, last->len, "last.len"), "");
    LLVMBuildCondBr(cg->b, same_len, bb_cmp, bb_miss);
    cg_at(cg, bb_cmp);
    LLVMValueRef margs[3] = {key, last->bytes, LLVMBuildZExt(cg->b, len, cg->t_i64, "")};
    LLVMValueRef diff = cg_call(cg, "memcmp", margs, 3, "samebytes");
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntEQ, diff, cg_i32(cg, 0), ""), bb_hit,
                    bb_miss);
    cg_at(cg, bb_hit);
    *st = cg_load(cg, cg->t_ptr, last->state, "last.state");
}

static LLVMValueRef group_cached(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys)
{
    const PKeyLayout *kl = &pq->key;
    CacheKey ck;
    if (!cache_key(cg, kl, keys, &ck))
        return NULL;
    uint32_t stride = (8u * ck.n + 8u + 15u) & ~15u;
    LLVMValueRef credit_p =
        alloca_init(cg, cg->t_i64, "cache.credit", cg_i64(cg, GROUP_CACHE_CREDIT));
    LLVMValueRef credit_word;
    LLVMValueRef cache_p = cache_alloc(cg, &ck, stride, table, credit_p, &credit_word);
    LLVMValueRef credit = cg_load(cg, cg->t_i64, credit_p, "cache.credit");
    LLVMValueRef spare = cg_gepc(cg, cache_p, GROUP_CACHE_SLOTS * stride, "cache.spare");
    LLVMBasicBlockRef bb_probe = cg_block(cg, "group.probe"), bb_hit = cg_block(cg, "group.cached");
    LLVMBasicBlockRef bb_build = cg_block(cg, "group.key"), bb_join = cg_block(cg, "group.found");
    LLVMBasicBlockRef bb_long = kl->has_strings ? cg_block(cg, "group.long") : NULL;
    /* the ways to the key build: no credit, a miss on the first words, a miss on the rest, a
       long key */
    LLVMValueRef fill_v[4], long_v[4];
    LLVMBasicBlockRef fill_from[4];
    int n_fill = 0;

    /* a key with a string too long for the cache goes to the last long key */
    if (bb_long) {
        LLVMBasicBlockRef bb_short = cg_block(cg, "group.short");
        cg_br_likely(cg, ck.fits, bb_short, bb_long);
        cg_at(cg, bb_short);
    }
    LLVMBuildCondBr(cg->b, LLVMBuildICmp(cg->b, LLVMIntSGT, credit, cg_i64(cg, 0), ""), bb_probe,
                    bb_build);
    fill_from[n_fill] = LLVMGetInsertBlock(cg->b);
    long_v[n_fill] = cg_i1(cg, 0);
    fill_v[n_fill++] = spare;

    cg_at(cg, bb_probe);
    LLVMValueRef idx = cache_index(cg, &ck);
    LLVMValueRef slot =
        cg_gep(cg, cache_p, LLVMBuildMul(cg->b, idx, cg_i64(cg, stride), ""), "cache.slot");
    LLVMValueRef same = slot_same(cg, &ck, slot, 0, ck.n_head);
    if (ck.n_str && ck.str_words > 1) {
        /* the strings' other words only when one is longer than 8 bytes (tested here, not
           carried from the words' branches: a flag kept across the probe was spilled) */
        LLVMBasicBlockRef bb_rest = cg_block(cg, "group.probe.rest"),
                          bb_more = cg_block(cg, "group.probe.more");
        cg_br_likely(cg, same, bb_more, bb_build);
        fill_from[n_fill] = LLVMGetInsertBlock(cg->b);
        long_v[n_fill] = cg_i1(cg, 0);
        fill_v[n_fill++] = slot;
        cg_at(cg, bb_more);
        cg_br_likely(cg, cg_not(cg, cache_key_long(cg, &ck)), bb_hit, bb_rest);
        cg_at(cg, bb_rest);
        CacheKey rest = ck;
        cache_key_middle(cg, &rest);
        same = slot_same(cg, &rest, slot, ck.n_head, ck.n);
    }
    cg_br_likely(cg, same, bb_hit, bb_build);
    fill_from[n_fill] = LLVMGetInsertBlock(cg->b);
    long_v[n_fill] = cg_i1(cg, 0);
    fill_v[n_fill++] = slot;

    cg_at(cg, bb_hit);
    cg_store(cg, LLVMBuildAdd(cg->b, credit, cg_i64(cg, 1), ""), credit_p);
    LLVMValueRef st_hit = cg_load(cg, cg->t_ptr, cg_gepc(cg, slot, 8u * ck.n, ""), "cache.state");
    LLVMBuildBr(cg->b, bb_join);

    /* a miss (or a long key): the key's bytes, then the last long key or the table */
    LLVMValueRef fill = NULL, is_long = NULL;
    if (bb_long) {
        cg_at(cg, bb_long);
        LLVMBuildBr(cg->b, bb_build);
        fill_from[n_fill] = bb_long;
        long_v[n_fill] = cg_i1(cg, 1);
        fill_v[n_fill++] = spare;
    }
    cg_at(cg, bb_build);
    fill = LLVMBuildPhi(cg->b, cg->t_ptr, "cache.fill");
    LLVMAddIncoming(fill, fill_v, fill_from, (unsigned)n_fill);
    is_long = LLVMBuildPhi(cg->b, cg->t_i1, "group.is_long");
    LLVMAddIncoming(is_long, long_v, fill_from, (unsigned)n_fill);
    uint32_t cap = kl->fixed_size + (kl->has_strings ? CG_KEY_STACK_BYTES : 0u);
    LLVMValueRef buf = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "keybuf");
    LLVMSetAlignment(buf, 16);
    LLVMValueRef len;
    LLVMValueRef key =
        cg_build_key(cg, kl, keys, LLVMBuildPointerCast(cg->b, buf, cg->t_ptr, ""), &len);
    LastKey last = {0};
    LLVMValueRef st_last = NULL;
    LLVMBasicBlockRef bb_last_hit = NULL, bb_lookup = cg_block(cg, "group.lookup");
    if (bb_long) {
        last.cap = cap;
        last.bytes = LLVMBuildPointerCast(
            cg->b, cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "lastkey"), cg->t_ptr, "");
        last.len = alloca_init(cg, cg->t_i32, "lastkey.len", cg_i32(cg, -1));
        last.state = alloca_init(cg, cg->t_ptr, "lastkey.state", LLVMConstNull(cg->t_ptr));
        LLVMBasicBlockRef bb_last = cg_block(cg, "group.long.last");
        bb_last_hit = cg_block(cg, "group.long.same");
        LLVMBuildCondBr(cg->b, is_long, bb_last, bb_lookup);
        cg_at(cg, bb_last);
        last_long_same(cg, &last, key, len, bb_last_hit, bb_lookup, &st_last);
        LLVMBuildBr(cg->b, bb_join);
    } else {
        LLVMBuildBr(cg->b, bb_lookup);
    }
    cg_at(cg, bb_lookup);
    /* a miss of a long key does not count against the cache */
    LLVMValueRef credit_left =
        cg_select(cg, is_long, credit, LLVMBuildSub(cg->b, credit, cg_i64(cg, 1), ""));
    cg_store(cg, credit_left, credit_p);
    if (credit_word) /* kept for the next call, as the credit minus GROUP_CACHE_CREDIT + 1 */
        cg_store(cg, LLVMBuildSub(cg->b, credit_left, cg_i64(cg, GROUP_CACHE_CREDIT + 1), ""),
                 credit_word);
    LLVMValueRef st_miss = miss_upsert(cg, table, key, len);
    CacheKey full = ck; /* the middle words made here */
    cache_key_middle(cg, &full);
    for (uint32_t i = 0; i < full.n; i++)
        cg_store(cg, full.w[i], cg_gepc(cg, fill, 8u * i, ""));
    cg_store(cg, st_miss, cg_gepc(cg, fill, 8u * ck.n, ""));
    if (!bb_long)
        return group_found(cg, bb_join, st_hit, bb_hit, st_miss);
    /* a long key that fits the last key's buffer is remembered */
    LLVMBasicBlockRef bb_keep = cg_block(cg, "group.long.keep");
    LLVMBasicBlockRef bb_miss_end = LLVMGetInsertBlock(cg->b);
    LLVMValueRef keep =
        cg_and(cg, is_long, LLVMBuildICmp(cg->b, LLVMIntULE, len, cg_i32(cg, cap), ""));
    LLVMBuildCondBr(cg->b, keep, bb_keep, bb_join);
    cg_at(cg, bb_keep);
    LLVMBuildMemCpy(cg->b, last.bytes, 1, key, 1, LLVMBuildZExt(cg->b, len, cg->t_i64, ""));
    cg_store(cg, len, last.len);
    cg_store(cg, st_miss, last.state);
    LLVMBuildBr(cg->b, bb_join);
    cg_at(cg, bb_join);
    LLVMValueRef state = LLVMBuildPhi(cg->b, cg->t_ptr, "state");
    LLVMValueRef vals[4] = {st_hit, st_last, st_miss, st_miss};
    LLVMBasicBlockRef vfrom[4] = {bb_hit, bb_last_hit, bb_miss_end, bb_keep};
    LLVMAddIncoming(state, vals, vfrom, 4);
    return state;
}

/*
** The group of a row with any other key.  The last key looked up and its state are
** remembered for the rest of the buffer: consecutive records often share a group (same
** key, same window), and then the hash and the table probe are skipped.  States never
** move and the group was already marked updated in this batch, so the remembered pointer
** stays valid.
*/
static LLVMValueRef group_last(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys)
{
    uint32_t cap = pq->key.fixed_size + CG_KEY_STACK_BYTES;
    LLVMValueRef stack = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "keybuf");
    LLVMSetAlignment(stack, 16);
    LLVMValueRef last = cg_alloca(cg, LLVMArrayType(cg->t_i8, cap), "lastkey");
    LLVMSetAlignment(last, 16);
    LLVMValueRef last_len = alloca_init(cg, cg->t_i32, "lastkey.len", cg_i32(cg, -1));
    LLVMValueRef last_state = alloca_init(cg, cg->t_ptr, "lastkey.state", LLVMConstNull(cg->t_ptr));
    LLVMValueRef lastp = LLVMBuildPointerCast(cg->b, last, cg->t_ptr, "");
    LLVMValueRef len;
    LLVMValueRef key =
        cg_build_key(cg, &pq->key, keys, LLVMBuildPointerCast(cg->b, stack, cg->t_ptr, ""), &len);

    LLVMBasicBlockRef bb_cmp = cg_block(cg, "group.cmp");
    LLVMBasicBlockRef bb_hit = cg_block(cg, "group.same");
    LLVMBasicBlockRef bb_miss = cg_block(cg, "group.lookup");
    LLVMBasicBlockRef bb_join = cg_block(cg, "group.found");
    LLVMValueRef same_len =
        LLVMBuildICmp(cg->b, LLVMIntEQ, len, cg_load(cg, cg->t_i32, last_len, "last.len"), "");
    LLVMBuildCondBr(cg->b, same_len, bb_cmp, bb_miss);
    cg_at(cg, bb_cmp);
    /* The fixed part word by word, each load the size of the store that wrote it (a memcmp
       expands to vector loads that stall on the key's just-stored words); then the string
       bytes, if any, with memcmp. */
    LLVMValueRef acc = cg_i64(cg, 0);
    for (uint32_t off = 0; off < pq->key.fixed_size; off += 8) {
        LLVMValueRef a = cg_load(cg, cg->t_i64, cg_gepc(cg, key, off, ""), "");
        LLVMValueRef b = cg_load(cg, cg->t_i64, cg_gepc(cg, lastp, off, ""), "");
        acc = cg_or(cg, acc, LLVMBuildXor(cg->b, a, b, ""));
    }
    LLVMValueRef same = LLVMBuildICmp(cg->b, LLVMIntEQ, acc, cg_i64(cg, 0), "samekey");
    if (pq->key.has_strings) {
        LLVMBasicBlockRef bb_bytes = cg_block(cg, "group.bytes");
        LLVMBuildCondBr(cg->b, same, bb_bytes, bb_miss);
        cg_at(cg, bb_bytes);
        uint32_t fixed = pq->key.fixed_size;
        LLVMValueRef n =
            LLVMBuildSub(cg->b, LLVMBuildZExt(cg->b, len, cg->t_i64, ""), cg_i64(cg, fixed), "");
        /* Up to 8 string bytes (an action, a country code): one word of each key, masked to
           the n bytes, instead of a libc call.  Both keys are then in buffers of cap bytes
           (a key of at most CG_KEY_STACK_BYTES is built on the stack; the last key is one that
           fitted), so the word read never leaves them; the bytes past n are not compared. */
        LLVMBasicBlockRef bb_word = cg_block(cg, "group.word");
        LLVMBasicBlockRef bb_call = cg_block(cg, "group.memcmp");
        LLVMValueRef small =
            cg_and(cg, LLVMBuildICmp(cg->b, LLVMIntULE, n, cg_i64(cg, 8), ""),
                   LLVMBuildICmp(cg->b, LLVMIntULE, len, cg_i32(cg, CG_KEY_STACK_BYTES), ""));
        LLVMBuildCondBr(cg->b, small, bb_word, bb_call);
        cg_at(cg, bb_word);
        LLVMValueRef a = cg_load(cg, cg->t_i64, cg_gepc(cg, key, fixed, ""), "");
        LLVMValueRef b = cg_load(cg, cg->t_i64, cg_gepc(cg, lastp, fixed, ""), "");
        LLVMSetAlignment(a, 1);
        LLVMSetAlignment(b, 1);
        /* The n bytes at the lowest addresses: the low bits on a little-endian target. */
        LLVMValueRef drop =
            LLVMBuildMul(cg->b, LLVMBuildSub(cg->b, cg_i64(cg, 8), n, ""), cg_i64(cg, 8), "");
        LLVMValueRef ones = cg_i64(cg, -1);
        LLVMValueRef mask = LLVMByteOrder(cg->td) == LLVMBigEndian
                                ? LLVMBuildShl(cg->b, ones, drop, "")
                                : LLVMBuildLShr(cg->b, ones, drop, "");
        mask = cg_select(cg, LLVMBuildICmp(cg->b, LLVMIntEQ, n, cg_i64(cg, 0), ""), cg_i64(cg, 0),
                         mask);
        LLVMValueRef same_word =
            LLVMBuildICmp(cg->b, LLVMIntEQ, cg_and(cg, LLVMBuildXor(cg->b, a, b, ""), mask),
                          cg_i64(cg, 0), "sameword");
        LLVMBuildCondBr(cg->b, same_word, bb_hit, bb_miss);
        cg_at(cg, bb_call);
        LLVMValueRef margs[3] = {cg_gepc(cg, key, fixed, ""), cg_gepc(cg, lastp, fixed, ""), n};
        LLVMValueRef diff = cg_call(cg, "memcmp", margs, 3, "samebytes");
        same = LLVMBuildICmp(cg->b, LLVMIntEQ, diff, cg_i32(cg, 0), "");
    }
    LLVMBuildCondBr(cg->b, same, bb_hit, bb_miss);

    cg_at(cg, bb_hit);
    LLVMValueRef st_hit = cg_load(cg, cg->t_ptr, last_state, "last.state");
    LLVMBuildBr(cg->b, bb_join);

    cg_at(cg, bb_miss);
    LLVMValueRef st_miss = cg_agg_upsert(cg, table, key, len, "state");
    /* Remember it (a key too long for the buffer is simply not remembered). */
    LLVMValueRef fits = LLVMBuildICmp(cg->b, LLVMIntULE, len, cg_i32(cg, cap), "");
    LLVMValueRef keep_len = cg_select(cg, fits, len, cg_i32(cg, -1));
    /* the fixed part in words of known size, the string bytes after it (srt_key_copy) */
    uint32_t fixed = pq->key.fixed_size;
    LLVMBuildMemCpy(cg->b, lastp, 16, key, 1, cg_i64(cg, fixed));
    LLVMValueRef copy_n =
        cg_select(cg, fits, LLVMBuildZExt(cg->b, len, cg->t_i64, ""), cg_i64(cg, fixed));
    LLVMValueRef cargs[3] = {cg_gepc(cg, lastp, fixed, ""), cg_gepc(cg, key, fixed, ""),
                             LLVMBuildSub(cg->b, copy_n, cg_i64(cg, fixed), "")};
    cg_call(cg, "srt_key_copy", cargs, 3, "");
    cg_store(cg, keep_len, last_len);
    cg_store(cg, st_miss, last_state);
    return group_found(cg, bb_join, st_hit, bb_hit, st_miss);
}

/* The state of the row's group (found or added): through the cache of recent groups when the
   key suits it, else through the last key. */
LLVMValueRef cg_group_state(CgCtx *cg, const PQuery *pq, LLVMValueRef table, const CgVal *keys)
{
    const PKeyLayout *kl = &pq->key;
    bool nested = false;
    for (int i = 0; i < kl->n; i++)
        nested |= kl->slots[i].nested;
    LLVMValueRef state = NULL;
    if (!cg->one_row && kl->n > 0 && !nested && !(kl->has_strings && cg_many_queries(cg)))
        state = group_cached(cg, pq, table, keys);
    return state ? state : group_last(cg, pq, table, keys);
}

"""spark_hash.py - Spark 3.5's XXH64 (sql/catalyst/.../expressions/XXH64.java: hashInt,
hashLong, hashUnsafeBytes) in python, for the models of the goldens that hash values
(tests/golden/fn_hash_xxhash64/model.py, tests/golden/batch_nested_acd_mode/model.py).
Results are Java longs (signed).  Also Murmur3_x86_32 (unsigned 32-bit results): Spark's
hashUnsafeBytes (UTF8String.hashCode with seed 42) and Guava's murmur3_32().hashInt (seed 0,
the home slot of OpenHashSet), for the models of Mode's map.
"""
M32 = 0xFFFFFFFF
M64 = 0xFFFFFFFFFFFFFFFF


def s64(x):
    x &= M64
    return x - (1 << 64) if x >> 63 else x


P1, P2, P3, P4, P5 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                      0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5)


def rotl64(x, r):
    x &= M64
    return ((x << r) | (x >> (64 - r))) & M64


def fmix64(h):
    h ^= h >> 33
    h = (h * P2) & M64
    h ^= h >> 29
    h = (h * P3) & M64
    h ^= h >> 32
    return s64(h)


def xx_int(v, seed):
    h = (seed + P5 + 4) & M64
    h ^= ((v & M32) * P1) & M64
    h = (rotl64(h, 23) * P2 + P3) & M64
    return fmix64(h)


def xx_long(v, seed):
    h = (seed + P5 + 8) & M64
    h ^= (rotl64((v * P2) & M64, 31) * P1) & M64
    h = (rotl64(h, 27) * P1 + P4) & M64
    return fmix64(h)


def xx_bytes(b, seed):
    seed &= M64
    n = len(b)
    off = 0

    def rd64(o):
        return int.from_bytes(b[o:o + 8], "little")

    def rnd(acc, lane):
        acc = (acc + lane * P2) & M64
        return (rotl64(acc, 31) * P1) & M64

    if n >= 32:
        v1, v2, v3, v4 = (seed + P1 + P2) & M64, (seed + P2) & M64, seed, (seed - P1) & M64
        while off <= n - 32:
            v1, v2 = rnd(v1, rd64(off)), rnd(v2, rd64(off + 8))
            v3, v4 = rnd(v3, rd64(off + 16)), rnd(v4, rd64(off + 24))
            off += 32
        h = (rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18)) & M64
        for v in (v1, v2, v3, v4):
            h ^= rnd(0, v)
            h = (h * P1 + P4) & M64
    else:
        h = (seed + P5) & M64
    h = (h + n) & M64
    while off + 8 <= n:
        h ^= rnd(0, rd64(off))
        h = (rotl64(h, 27) * P1 + P4) & M64
        off += 8
    if off + 4 <= n:
        h ^= (int.from_bytes(b[off:off + 4], "little") * P1) & M64
        h = (rotl64(h, 23) * P2 + P3) & M64
        off += 4
    while off < n:
        h ^= (b[off] * P5) & M64
        h = (rotl64(h, 11) * P1) & M64
        off += 1
    return fmix64(h)


# ==== Murmur3_x86_32 ====

def rotl32(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


def m3_mix_k1(k):
    return (rotl32((k * 0xCC9E2D51) & M32, 15) * 0x1B873593) & M32


def m3_mix_h1(h, k):
    return (rotl32(h ^ k, 13) * 5 + 0xE6546B64) & M32


def m3_fmix(h, n):
    h ^= n
    h = ((h ^ (h >> 16)) * 0x85EBCA6B) & M32
    h = ((h ^ (h >> 13)) * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


def murmur3_bytes(b, seed):
    """Murmur3_x86_32.hashUnsafeBytes: words little-endian, then each tail byte (signed)."""
    h, n4 = seed, len(b) - len(b) % 4
    for i in range(0, n4, 4):
        h = m3_mix_h1(h, m3_mix_k1(int.from_bytes(b[i:i + 4], "little")))
    for i in range(n4, len(b)):
        h = m3_mix_h1(h, m3_mix_k1((b[i] - 256 if b[i] > 127 else b[i]) & M32))
    return m3_fmix(h, len(b))


def murmur3_int(v, seed=0):
    """Murmur3_x86_32.hashInt (Guava's murmur3_32().hashInt with seed 0)."""
    return m3_fmix(m3_mix_h1(seed, m3_mix_k1(v & M32)), 4)


-- Spark 3.5 hash() (Murmur3Hash, seed 42, INT) and xxhash64() (XxHash64, seed 42, BIGINT) of
-- every type: hash.scala's InterpretedHashFunction.hash, Murmur3_x86_32 (the legacy
-- hashUnsafeBytes for strings: the 1-3 tail bytes each mixed alone, sign-extended) and XXH64.
-- Expected values computed by tests/golden/fn_hash_xxhash64/model.py, a python model of those
-- Java sources; hash('Spark', array(123), 2) = -1321691492 and xxhash64 of the same
-- = 5602566077635097486 are the examples of Spark's own documentation.  -0.0 hashes as 0.0, every
-- NaN as Java's canonical NaN; a NULL argument, field or element leaves the seed.
CREATE SOURCE s (b BOOLEAN, i INT, l BIGINT, f FLOAT, d DOUBLE, dc DECIMAL(10, 2), dw DECIMAL(30, 5),
                 s STRING, ts TIMESTAMP, dt DATE, a ARRAY<INT>, st STRUCT<x: INT, y: STRING>,
                 sa ARRAY<STRUCT<x: INT, y: STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o
SELECT hash(b) AS hb, hash(i) AS hi, hash(l) AS hl, hash(f) AS hf, hash(d) AS hd, hash(dc) AS hdc,
       hash(dw) AS hdw, hash(s) AS hs, hash(ts) AS hts, hash(dt) AS hdt, hash(a) AS ha,
       hash(st) AS hst, hash(sa) AS hsa, hash(s, i, a, st) AS hmulti, hash(null, s) AS hn,
       hash(binary(s)) AS hbin
FROM s;
INSERT INTO o
SELECT xxhash64(b) AS xb, xxhash64(i) AS xi, xxhash64(l) AS xl, xxhash64(f) AS xf,
       xxhash64(d) AS xd, xxhash64(dc) AS xdc, xxhash64(dw) AS xdw, xxhash64(s) AS xs
FROM s;
INSERT INTO o
SELECT xxhash64(ts) AS xts, xxhash64(dt) AS xdt, xxhash64(a) AS xa, xxhash64(st) AS xst,
       xxhash64(sa) AS xsa, xxhash64(s, i, a, st) AS xmulti, xxhash64(null, s) AS xn,
       xxhash64(binary(s)) AS xbin
FROM s;
INSERT INTO o
SELECT hash(CAST('NaN' AS DOUBLE)) AS h_nan, hash(-0.0D) AS h_negz, hash(0.0D) AS h_z,
       hash(CAST('-0.0' AS FLOAT)) AS h_fnegz, hash(CAST('NaN' AS FLOAT)) AS h_fnan,
       xxhash64(CAST('NaN' AS DOUBLE)) AS x_nan, xxhash64(-0.0D) AS x_negz,
       xxhash64(CAST('-0.0' AS FLOAT)) AS x_fnegz, hash('Spark', array(123), 2) AS h_doc,
       xxhash64('Spark', array(123), 2) AS x_doc
FROM s WHERE i = 0;

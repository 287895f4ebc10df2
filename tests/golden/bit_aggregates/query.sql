-- bit_and, bit_or, bit_xor (Spark's BitAndAgg, BitOrAgg, BitXorAgg) of INT and BIGINT columns with
-- NULLs, over four files (two batches of two files: the state merges across batches; the
-- ctest's golden_split run splits each batch across threads, whose partial states merge).
-- Expected output computed by model.py.
CREATE SOURCE s (k STRING, n INT, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 2);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, bit_and(n) AS an, bit_or(n) AS o_n, bit_xor(n) AS xn, bit_and(b) AS ab, bit_or(b) AS ob,
       bit_xor(b) AS xb, bit_xor(CASE WHEN n > 0 THEN n END) AS xpos
FROM s GROUP BY k ORDER BY k
WITH (outputMode = 'complete');

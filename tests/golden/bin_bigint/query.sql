-- bin (Bin: Long.toBinaryString over LongType) and width_bucket's bucket count (WidthBucket:
-- LongType): ImplicitTypeCasts casts a DOUBLE or STRING argument straight to BIGINT (3.7 is
-- 3, '-2' is -2) and a BIGINT keeps its 64 bits (4294967296 is 1 and 32 zeros, not 0; a
-- bucket count of 2^32 is no INT).
CREATE SOURCE e (id INT, b BIGINT, d DOUBLE, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, bin(b) AS bb, bin(d) AS bd, bin(s) AS bs, width_bucket(d, 0, 10, 4294967296) AS wb
FROM e;

-- A STRING beside a BINARY in a comparison is cast to BINARY, its UTF-8 bytes (Spark 3.5's
-- TypeCoercion.findCommonTypeForBinaryComparison: BinaryType is an AtomicType, so
-- canPromoteAsInBinaryComparison holds), and the two compare as bytes, unsigned, a prefix
-- first (TypeUtils.compareBinary).  Worked out by hand: s = 'a' is X'61'; 'é' is X'C3A9',
-- greater than X'62' (0xC3 > 0x62, unsigned); 'ab' is X'6162', greater than X'61' (longer,
-- same prefix) and less than X'62'; '' is X'', less than everything; NULL gives NULL, and
-- <=> gives false beside a non-NULL and true beside NULL.
CREATE SOURCE src (id INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, X'61' = s AS eq, s < X'62' AS lt, X'61' < s AS gt, s <=> CAST(NULL AS BINARY) AS ns,
       encode(s, 'utf-8') = s AS same, s >= unhex('C3') AS ge_c3
FROM src;

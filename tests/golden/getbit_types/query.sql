-- getbit/bit_get (Spark's BitwiseGet) give a TINYINT and take any integral type, whose size
-- bounds the position: a TINYINT has bits 0..7, a SMALLINT 0..15.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT typeof(getbit(k, 0)), getbit(k, 0), getbit(k, 1), bit_get(CAST(-1 AS TINYINT), 7),
       getbit(CAST(-128 AS TINYINT), 6), getbit(CAST(-32768 AS SMALLINT), 15), getbit(-1L, 63)
FROM s;

-- Spark 3.5's StructsToJson with default options (JacksonGenerator): keys in field order,
-- NULL fields left out (ignoreNullFields), NULL array elements as null, \" and \n escaped,
-- NaN as "NaN", 1e20 as 1.0E20, timestamps yyyy-MM-dd'T'HH:mm:ss.SSSXXX, dates yyyy-MM-dd,
-- decimals plain.  struct(*) is every input column.  Expected j per row:
--   {"a":1,"s":"x\"y","ts":"2024-01-02T03:04:05.678Z","d":1.5,"n":{"b":true,"l":["x","\"","y"]}}
--   {"s":"é\n","d":"NaN","n":{"l":["é","\n"]}}
--   {"a":-7,"s":"","ts":"1970-01-01T00:00:00.000Z","d":1.0E20,"n":{"b":false,"l":[""]}}
-- and struct(*) as the JSON files sink writes a row (dt, m included).
CREATE SOURCE e (a INT, s STRING, ts TIMESTAMP, d DOUBLE, b BOOLEAN, dt DATE, m DECIMAL(10,2))
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT to_json(named_struct('a', a, 's', s, 'ts', ts, 'd', d,
                            'n', named_struct('b', b, 'l', split(s, '')))) AS j,
       to_json(struct(a, b)), to_json(struct(*)) AS all_columns
FROM e;

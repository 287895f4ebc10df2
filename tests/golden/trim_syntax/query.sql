-- Spark 3.5's grammar: TRIM '(' (BOTH | LEADING | TRAILING)? trimStr? FROM srcStr ')' is
-- StringTrim / StringTrimLeft / StringTrimRight(srcStr, trimStr), also written trim(trimStr,
-- srcStr), ltrim(...), rtrim(...); any of trimStr's characters is dropped at the ends; without
-- trimStr, spaces.  Named TRIM(BOTH x FROM s) (String2TrimExpression.sql).  Expected rows
-- (s, c): both | leading | trailing | t4 | t5 | t6 | t7 | t8 | t9
--   xxhixx, x:   hi | hixx | xxhi | hi | xxhixx | xxhixx | hi | hixx | xxhi
--   '  hi  ', ' ': '  hi  ' x4 | hi | 'hi  ' | hi | '  hi  ' | '  hi'
--   yxhiyx, xy:  yxhiy | yxhiyx | yxhiy | yxhiy | yxhiyx | yxhiyx | hi | hiyx | yxhi
--   NULL, x:     NULL everywhere
--   éhié, é:     éhié x6 | hi | éhié | éhi
--   xhix, NULL:  hi | hix | xhi | hi | xhix | xhix | NULL | hix | NULL
CREATE SOURCE e (s STRING, c STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT s, TRIM(BOTH 'x' FROM s), trim(leading 'x' from s), TRIM(TRAILING 'x' FROM s),
       TRIM('x' FROM s) AS t4, TRIM(FROM s) AS t5, TRIM(LEADING FROM s) AS t6, trim(c, s) AS t7,
       ltrim('xy', s) AS t8, rtrim(c, s) AS t9
FROM e;

-- json_tuple(json, k1, ..., kn) (Spark's JsonTuple): a row of STRING columns c0, c1, ... per
-- input row, the values of the JSON object's top-level fields named k1, ..., kn.  A string
-- value without its quotes, anything else re-serialised as Jackson copies it (no spaces,
-- 2.50 as 2.5, -0 as 0, 1e400 as "Infinity"); a JSON null leaves the field as it was (a
-- later field of the same name overwrites an earlier one); a key asked for twice fills both
-- columns; text after the object is never read; anything that is not an object, and any
-- JSON error before the object ends (a leading zero, an unpaired surrogate, the end of the
-- text), makes every column NULL.
CREATE SOURCE lines (value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT json_tuple(value, 'a', 'b', 'c', 'a', 'e', 'f', substr(value, 1, 0)) AS (a, b, c, a2, e, f, g)
FROM lines;

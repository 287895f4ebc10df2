-- expect: 5:66: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "map(a, a) DESC NULLS LAST" due to data type mismatch: The `sortorder` does not support ordering on type "MAP<INT, INT>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a, count(*) AS c FROM e GROUP BY a ORDER BY map(a, a) DESC WITH (outputMode = 'complete');

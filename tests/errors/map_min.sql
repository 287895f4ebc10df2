-- expect: 5:22: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "min(m)" due to data type mismatch: The `min` does not support ordering on type "MAP<STRING, INT>".
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT min(m) AS x FROM e WITH (outputMode = 'complete');

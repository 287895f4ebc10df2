-- expect: 5:24: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "TRY_CAST(x AS INTERVAL DAY)" due to data type mismatch: cannot cast "DOUBLE" to "INTERVAL DAY".
CREATE SOURCE events (time TIMESTAMP, action STRING, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_cast(x AS INTERVAL DAY) AS y FROM events;

-- expect: 5:24: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(INTERVAL '1' DAY AS INTERVAL MONTH)" due to data type mismatch: cannot cast "INTERVAL DAY" to "INTERVAL MONTH".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(INTERVAL '1' DAY AS INTERVAL MONTH) AS x FROM events;

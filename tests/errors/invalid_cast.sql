-- expect: 5:24: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(window AS BIGINT)" due to data type mismatch: cannot cast "STRUCT<start: TIMESTAMP, end: TIMESTAMP>" to "BIGINT".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(window AS BIGINT) FROM (SELECT window(time, '1 hour') AS window, count(*) FROM events GROUP BY window(time, '1 hour')) WITH (outputMode = 'update');

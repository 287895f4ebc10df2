-- expect: 5:66: [DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve "count(1)" due to data type mismatch: Filter expression "count(1)" of type "BIGINT" is not a boolean.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events GROUP BY action HAVING count(*) WITH (outputMode = 'update');

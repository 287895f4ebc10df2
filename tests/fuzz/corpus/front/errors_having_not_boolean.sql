-- expect: 5:66: HAVING expects a boolean expression, but 'count(1)' is of type bigint
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events GROUP BY action HAVING count(*) WITH (outputMode = 'update');

-- expect: 5:24: try_cast between an interval and a number is not supported yet (CAST fails the query on an overflow, as Spark's CAST does)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_cast(n AS INTERVAL DAY) AS x FROM events;

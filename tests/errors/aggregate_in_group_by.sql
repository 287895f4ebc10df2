-- expect: 5:54: [GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found sum(events.n).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY sum(n) WITH (outputMode = 'update');

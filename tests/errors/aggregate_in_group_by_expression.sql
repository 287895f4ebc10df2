-- expect: 5:57: [GROUP_BY_AGGREGATE] Aggregate functions are not allowed in GROUP BY, but found (avg(ev.n) > 3000000000L).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events ev GROUP BY avg(n) > 3000000000 WITH (outputMode = 'update');

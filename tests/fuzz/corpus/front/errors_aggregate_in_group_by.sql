-- expect: 5:54: aggregate functions are not allowed in GROUP BY
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY sum(n) WITH (outputMode = 'update');

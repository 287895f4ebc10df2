-- expect: 7:53: LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported
-- expect: 8:43: unknown source 'nope' (sources and tables: events, dim)
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT * FROM dim) d LEFT JOIN events USING (k) JOIN dim d2 ON true;
INSERT INTO out SELECT * FROM events JOIN nope ON true;

-- expect: 7:40: Inner join of a stream with a static table is valid in Spark but not supported yet
-- expect: 8:37: RightOuter join of a stream with a static table is valid in Spark but not supported yet
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events e JOIN dim d ON e.k = d.k;
INSERT INTO out SELECT * FROM dim d RIGHT OUTER JOIN events e ON e.k = d.k;

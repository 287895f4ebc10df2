-- expect: 6:82: a join after an aggregation is not supported yet; join before it
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT k, count(*) AS n FROM events GROUP BY k) c JOIN dim d ON c.k = d.k WITH (outputMode = 'complete');

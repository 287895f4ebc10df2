-- expect: 5:32: column 'n' must appear in the GROUP BY clause or be used in an aggregate function
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, n, count(*) FROM events GROUP BY action WITH (outputMode = 'complete');

-- expect: 5:24: SELECT DISTINCT is not supported on streaming DataFrames/Datasets; use GROUP BY instead
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT DISTINCT action FROM events;

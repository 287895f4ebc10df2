-- expect: 5:67: invalid interval '1 hr' (expected e.g. '10 minutes' or '1 hour 30 minutes')
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hr') WITH (outputMode = 'complete');

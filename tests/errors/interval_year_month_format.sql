-- expect: 5:31: Error parsing interval year-month string: requirement failed: month 12 outside range [0, 11]
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time - INTERVAL '1-12' YEAR TO MONTH FROM events;

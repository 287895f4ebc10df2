-- expect: 5:31: Cannot mix year-month and day-time fields: INTERVAL 1 MONTH 2 DAYS
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time + INTERVAL 1 MONTH 2 DAYS FROM events;

-- expect: 5:31: year-month interval literals are not supported (INTERVAL '1-2' YEAR TO MONTH): sluice's intervals are day-time (days, hours, minutes, seconds)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time - INTERVAL '1-2' YEAR TO MONTH FROM events;

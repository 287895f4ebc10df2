-- expect: 7:49: window() is only supported as a GROUP BY key or in the SELECT list of a query without aggregation
-- expect: 8:28: window() is only supported as a GROUP BY key or in the SELECT list of a query without aggregation
-- expect: 9:48: Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WHERE window(time, '1 hour').start > time;
INSERT INTO out SELECT max(window(time, '1 hour')) FROM events WITH (outputMode = 'complete');
INSERT INTO out SELECT window(time, '1 hour'), window(time, '1 day') FROM events;

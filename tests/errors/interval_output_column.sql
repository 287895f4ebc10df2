-- expect: 5:24: an interval column ('d') cannot be written to a sink: INTERVAL values are not supported as query output (add the interval to a timestamp)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT INTERVAL '2' DAY AS d FROM events;

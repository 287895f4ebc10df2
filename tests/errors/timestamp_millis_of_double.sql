-- expect: 5:41: function 'timestamp_millis' expects an integer (INT or BIGINT) as argument 1, but 'x' is of type double
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT timestamp_millis(x) FROM events;

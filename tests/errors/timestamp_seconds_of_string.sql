-- expect: 5:42: function 'timestamp_seconds' expects a number as argument 1, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT timestamp_seconds(action) FROM events;

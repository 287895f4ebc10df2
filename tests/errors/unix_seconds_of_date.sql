-- expect: 5:37: function 'unix_seconds' expects a timestamp (TIMESTAMP) as argument 1, but 'd' is of type date
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT unix_seconds(d) FROM events;

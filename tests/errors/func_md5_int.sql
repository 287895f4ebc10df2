-- expect: 5:28: function 'md5' expects a binary or a string as argument 1, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT md5(n) FROM events;

-- expect: 5:24: operator '*' expects numeric operands, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time * 2 FROM events;

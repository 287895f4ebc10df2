-- expect: 5:33: operator '-' expects a numeric operand, but 'd' is of type date
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT negative(d) FROM events;

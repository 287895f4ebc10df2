-- expect: 5:31: operator '%' expects numeric operands, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT mod(n, time) FROM events;

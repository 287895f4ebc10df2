-- expect: 5:30: operator 'div' expects integral or decimal operands, but 'd' is of type double
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT n DIV d FROM events;

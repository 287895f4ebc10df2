-- expect: 5:49: The limit expression must be an integer literal in sluice (Spark: must evaluate to a constant value)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events LIMIT n;

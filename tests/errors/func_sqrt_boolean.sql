-- expect: 5:29: function 'sqrt' expects a numeric value as argument 1, but 'true' is of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sqrt(true) FROM events;

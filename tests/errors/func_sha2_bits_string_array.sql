-- expect: 5:37: function 'sha2' expects an integer as argument 2, but 'split(action, ,, -1)' is of type array<string>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sha2(action, split(action, ',')) FROM events;

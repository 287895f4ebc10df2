-- expect: 5:28: function 'chr' expects an integer as argument 1, but 'split(action, ,, -1)' is of type array<string>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT chr(split(action, ',')) FROM events;

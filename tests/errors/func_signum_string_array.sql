-- expect: 5:31: function 'signum' expects a numeric value as argument 1, but 'split(action,  , -1)' is of type array<string>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT signum(split(action, ' ')) FROM events;

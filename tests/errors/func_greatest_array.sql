-- expect: 5:24: function 'greatest' cannot order values of type array<string>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT greatest(split(action, ','), split(action, ',')) FROM events;

-- expect: 5:24: function 'smallint' is not supported: sluice has no SMALLINT type (cast to INT instead)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT smallint(n) FROM events;

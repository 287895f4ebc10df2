-- expect: 6:51: query name 'Q' is already used
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (name = 'q');
INSERT INTO out SELECT n FROM events WITH (name = 'Q');

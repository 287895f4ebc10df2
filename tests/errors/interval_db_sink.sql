-- expect: 5:31: Can't get JDBC type for interval day to second.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK db WITH (connector = 'sqlite', path = 'out.db', table = 't');
INSERT INTO db SELECT action, time - time AS d FROM events;

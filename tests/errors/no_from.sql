-- expect: 5:17: a query without FROM is not supported yet: it must read a source or a table
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT 1 AS one;

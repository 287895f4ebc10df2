-- expect: 5:49: [INVALID_WHERE_CONDITION] The WHERE condition "(count(1) > 1)" contains invalid expressions: count(1). Rewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WHERE count(*) > 1;

-- expect: 5:49: [INVALID_WHERE_CONDITION] The WHERE condition "((n > 0) AND (max_by(my col, x) > 1))" contains invalid expressions: max_by(e.`my col`, 'x'). Rewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause.
CREATE SOURCE events (time TIMESTAMP, `my col` INT, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT n FROM events AS e WHERE n > 0 AND max_by(`my col`, 'x') > 1;

-- expect: 5:32: [MISSING_AGGREGATION] The non-aggregating expression "n" is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(n)" if you do not care which of the values within a group is returned.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, n, count(*) FROM events GROUP BY action WITH (outputMode = 'complete');

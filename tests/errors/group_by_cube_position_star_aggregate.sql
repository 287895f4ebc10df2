-- expect: 5:65: [GROUP_BY_POS_AGGREGATE] GROUP BY 4 refers to an expression count(1) AS `count(1)` that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT *, count(*) FROM events GROUP BY CUBE(2, 4) WITH (outputMode = 'complete');

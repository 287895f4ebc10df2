-- expect: 5:80: [GROUP_BY_POS_AGGREGATE] GROUP BY 2 refers to an expression (sum(events.n) + count(1)) AS total that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, sum(n) + count(*) AS total FROM events GROUP BY 2 WITH (outputMode = 'update');

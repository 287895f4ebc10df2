-- expect: 5:78: [ORDER_BY_POS_OUT_OF_RANGE] ORDER BY position 3 is not in select list (valid range is [1, 2]).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, count(*) FROM events GROUP BY action ORDER BY 3 WITH (outputMode = 'complete');

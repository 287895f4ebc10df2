-- getbit(x, pos) with pos outside [0, 32) for an INT x (BitwiseGet.nullSafeEval:
-- BitwiseGetUtil.checkPosition throws IllegalArgumentException) fails the query; the second
-- row fails batch 0, so nothing is shown.
CREATE SOURCE s (id INT, x INT, p INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, getbit(x, p) AS b FROM s WITH (name = 'bits');

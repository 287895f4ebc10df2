-- The group cache of fixed-size keys (cg_group.c): seven keys whose values its cache words
-- pack at their types' widths (seven NULL flags, a BOOLEAN, a TINYINT, a SMALLINT and an INT
-- fill one word: 64 bits), then a BIGINT, a DOUBLE and a DECIMAL(30, 0) (its two words).
-- Every column at its extremes (-1, the smallest and largest values, a decimal above 2^64),
-- NULLs, -0.0 and 0.0 (one group, as Spark normalises them) and NaN; combinations that differ
-- in one column only; 1 to 3 rows a group in shuffled order.  Expected output: model.py.
CREATE SOURCE e (b BOOLEAN, y TINYINT, h SMALLINT, i INT, l BIGINT, d DOUBLE, m DECIMAL(30, 0))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10000, truncate = false);
INSERT INTO out SELECT b, y, h, i, l, d, m, count(*) AS c FROM e GROUP BY b, y, h, i, l, d, m
ORDER BY b, y, h, i, l, d, m WITH (outputMode = 'complete');

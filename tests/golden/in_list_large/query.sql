-- Each IN list has more than 10 constants (Spark's spark.sql.optimizer.inSetConversionThreshold),
-- so it becomes one table lookup; the answers follow IN's NULL rules: a match is true, otherwise
-- a NULL value or a NULL in the list gives NULL, else false.
CREATE SOURCE t (id INT, v BIGINT, n INT, s STRING)
  WITH (connector = 'files', path = 'data/in', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT id,
       v IN (70, 7, -9000000000, 9223372036854775807, 1, 2, 3, 4, 5, 6, 7, 70) AS v_in,
       v IN (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, NULL, 7) AS v_in_null,
       v NOT IN (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 7, 0) AS v_not_in,
       v NOT IN (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, NULL, 8) AS v_not_in_null,
       n IN (-2147483648, 2147483647, 11, 20, 21, 22, 23, 24, 25, 26, 27, 28) AS n_in,
       s IN ('apple', '', 'zz', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'été', 'apple') AS s_in,
       s IN ('app', 'applez', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', NULL) AS s_in_null,
       s NOT IN ('apple ', 'applf', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j') AS s_not_in,
       v IN (100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, n + 68) AS v_in_col
FROM t;

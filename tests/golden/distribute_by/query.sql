-- DISTRIBUTE BY moves rows between Spark's partitions only: sluice keeps them where they are
-- read, so the rows are those without it (a 1, b 2, a 3), and with an aggregation in complete
-- mode the groups a 4 and b 2 (ORDER BY would be refused with DISTRIBUTE BY, as Spark does).
CREATE SOURCE s (k STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT k, n FROM s WHERE n > 0 DISTRIBUTE BY k, n + 1;
INSERT INTO o SELECT k, sum(n) AS total FROM s GROUP BY k DISTRIBUTE BY total
WITH (outputMode = 'complete');

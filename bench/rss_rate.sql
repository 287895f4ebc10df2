-- The memory benchmark query (bench/rss_rate.sh): a long-running windowed aggregation
-- whose state must stay flat.  The rate source makes 200,000 rows a second against the
-- wall clock; each row is counted and summed into its (1-second window, value % 1000)
-- group, so every second opens 1000 new groups.  With the 5-second watermark a window
-- is final, printed once (append mode) and evicted from the group table about 6 seconds
-- after it opened: the table holds a handful of windows however long the query runs,
-- and so must the process's resident memory.  numRows = 1 keeps the console output to a
-- few lines a batch.
CREATE SOURCE r (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
WITH (connector = 'rate', rowsPerSecond = 200000);

CREATE SINK out WITH (connector = 'console', numRows = 1, truncate = false);

INSERT INTO out
SELECT window(timestamp, '1 second') AS window, value % 1000 AS k, count(*) AS n,
       sum(value) AS s
FROM r
GROUP BY window(timestamp, '1 second'), value % 1000
WITH (name = 'rss_rate', outputMode = 'append', trigger = '1 second');

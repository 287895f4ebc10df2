CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '',
                      subscribe = 'ev', startingOffsets = 'earliest');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 100000);
INSERT INTO console
SELECT window(t, '5 minutes') AS w, page, count(*) AS n, min(i) AS lo, max(i) AS hi
FROM (SELECT CAST(substring(line, 1, 19) AS TIMESTAMP) AS t,
             substring_index(substring(line, 21), ',', 1) AS page,
             CAST(substring_index(line, ',', -1) AS INT) AS i
      FROM (SELECT CAST(value AS STRING) AS line FROM k))
GROUP BY window(t, '5 minutes'), page
WITH (name = 'counts', outputMode = 'complete');

-- Page views per page and minute read from a Kafka topic.  Each record's value is a line
-- "2024-01-01 10:00:01,/home"; the event time is its first 19 characters.  Start a broker
-- on localhost:9092 and produce lines, for example with
--   printf '2024-01-01 10:00:01,/home\n' | kcat -P -b localhost:9092 -t page_views
-- The query reads at most 10000 offsets a batch, from the earliest one on its first start,
-- and resumes from its checkpoint afterwards; each batch prints the minutes it changed.
CREATE SOURCE views WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                          subscribe = 'page_views', startingOffsets = 'earliest',
                          maxOffsetsPerTrigger = 10000);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT window(time, '1 minute') AS minute, page, count(*) AS views
FROM (SELECT CAST(substring(line, 1, 19) AS TIMESTAMP) AS time, substring(line, 21) AS page
      FROM (SELECT CAST(value AS STRING) AS line FROM views))
GROUP BY window(time, '1 minute'), page
WITH (name = 'page_views_per_minute', outputMode = 'update', checkpointLocation = 'chk/page_views');

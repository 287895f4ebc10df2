-- Update mode emits the groups a batch changed in the order that batch met them (Spark's
-- StateStoreSaveExec, Update: the final HashAggregateExec's rows as its BytesToBytesMap
-- inserted them, each group at its first row in the batch's partitions), not in the order the
-- groups were first made in the state.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, window(time, '10 seconds') AS w, count(*) AS count, sum(v) AS sum_v
FROM events
GROUP BY k, window(time, '10 seconds')
WITH (name = 'q', outputMode = 'update', checkpointLocation = 'chk');

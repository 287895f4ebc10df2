-- expect: 7:77: Detected pattern of possible 'correctness' issue due to global watermark. The query contains stateful operation which can emit rows older than the current watermark plus allowed late record delay, which are "late rows" in downstream stateful operations and these rows can be discarded. Please refer the programming guide doc for more details. If you understand the possible risk of correctness issue and still need to run the query, you can disable this check by setting the config `spark.sql.streaming.statefulOperator.checkCorrectness.enabled` to false.
CREATE SOURCE events (time TIMESTAMP, id BIGINT, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM (
  SELECT action, time, count(*) AS n FROM events DROP DUPLICATES (id, time) GROUP BY action, time
) DROP DUPLICATES WITHIN WATERMARK (action)
WITH (outputMode = 'update');

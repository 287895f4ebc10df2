-- SELECT DISTINCT on a stream is Spark's Distinct, which ReplaceDistinctWithAggregate makes an
-- aggregation grouping by every item: in update mode each batch writes the distinct rows it
-- met (again if an earlier batch met them), in the order it met them; in complete mode the
-- whole distinct set.  Items with expressions and a WHERE; `e.*` over a subquery.
CREATE SOURCE events (action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out SELECT DISTINCT upper(action) AS act, n % 2 AS odd FROM events WHERE n < 9
WITH (name = 'updates', outputMode = 'update');

INSERT INTO out SELECT DISTINCT e.* FROM (SELECT action, n % 3 AS r FROM events) AS e
WITH (name = 'all', outputMode = 'complete');

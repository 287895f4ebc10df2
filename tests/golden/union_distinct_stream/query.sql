-- A plain UNION of two streams is Spark's Distinct over the Union, an aggregation grouping by
-- every column: in update mode each batch writes the distinct rows that arrived in it (a row
-- seen in an earlier batch is written again, as Spark's StateStoreSaveExec does), and complete
-- mode the whole distinct set (in the order the rows were first met: Spark's is its state
-- store's hash map order).  No ORDER BY: Spark checks the analyzed plan, where the UNION's
-- DISTINCT is a Distinct node, not an Aggregate a Sort may follow in complete mode
-- (tests/errors/distinct_order_by_complete.sql).
CREATE SOURCE a (k STRING, n INT) WITH (connector = 'files', path = 'data/a', format = 'json',
                                        maxFilesPerTrigger = 1);
CREATE SOURCE b (k STRING, n BIGINT) WITH (connector = 'files', path = 'data/b', format = 'json',
                                           maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');

INSERT INTO out SELECT k, n FROM a UNION SELECT k, n FROM b
WITH (name = 'updates', outputMode = 'update');

INSERT INTO out SELECT k, n FROM a UNION SELECT k, n FROM b
WITH (name = 'all', outputMode = 'complete');

-- expect: 6:20: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `cnnt` cannot be resolved. Did you mean one of the following? [`cnt`, `events`.`action`].
-- ORDER BY over an aggregation: Spark offers the Aggregate's output (a grouping column keeps its relation)
CREATE SOURCE events (time TIMESTAMP, action STRING) WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, count(*) AS cnt FROM events GROUP BY action
ORDER BY cnt DESC, cnnt WITH (outputMode = 'complete');

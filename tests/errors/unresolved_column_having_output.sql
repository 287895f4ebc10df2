-- expect: 5:77: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `acton` cannot be resolved. Did you mean one of the following? [`count(1)`, `events`.`action`].
CREATE SOURCE events (time TIMESTAMP, action STRING) WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, count(*) FROM events GROUP BY action HAVING count(*) > 1 AND acton = 'x'
WITH (outputMode = 'complete');

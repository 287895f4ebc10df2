-- expect: 7:12: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `window`.`start` cannot be resolved. Did you mean one of the following? [`events`.`time`, `events`.`action`].
-- expect: 7:54: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `window`.`end` cannot be resolved. Did you mean one of the following? [`events`.`time`, `events`.`action`].
-- expect: 9:24: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `window`.`start` cannot be resolved. Did you mean one of the following? [`events`.`time`, `events`.`action`].
CREATE SOURCE events (time TIMESTAMP, action STRING) WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT max(window.start), count(*) FROM events WHERE window.end > time GROUP BY window(time, '10 minutes')
WITH (outputMode = 'complete');
INSERT INTO out SELECT window.start, count(*) FROM events GROUP BY action WITH (outputMode = 'complete');

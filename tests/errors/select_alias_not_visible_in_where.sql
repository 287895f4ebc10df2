-- expect: 7:7: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `window`.`start` cannot be resolved. Did you mean one of the following? [`events`.`n`, `events`.`time`, `events`.`action`].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT window(time, '1 hour') AS window, count(*) AS c FROM events
WHERE window.start > '2016-07-26' GROUP BY window(time, '1 hour')
WITH (outputMode = 'update');

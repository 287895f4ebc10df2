-- expect: 5:24: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `e`.`actoin` cannot be resolved. Did you mean one of the following? [`e`.`action`, `e`.`n`, `e`.`time`].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT e.actoin FROM events AS e;

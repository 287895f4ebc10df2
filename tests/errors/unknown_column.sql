-- expect: 5:24: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `actoin` cannot be resolved. Did you mean one of the following? [`action`, `n`, `time`].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT actoin FROM events;

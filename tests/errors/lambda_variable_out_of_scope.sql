-- expect: 5:51: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `x` cannot be resolved. Did you mean one of the following? [`n`, `xs`, `time`].
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT transform(xs, x -> x + 1), x FROM events;

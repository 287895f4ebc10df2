-- expect: 3:17: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `ts` cannot be resolved. Did you mean one of the following? [`time`, `action`].
CREATE SOURCE events (time TIMESTAMP, action STRING,
  WATERMARK FOR ts AS ts - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events');

-- expect: 5:52: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `y` cannot be resolved. Did you mean one of the following? [`k`, `m`, `arr`].
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW explode(y) u LATERAL VIEW explode(arr) t AS y;

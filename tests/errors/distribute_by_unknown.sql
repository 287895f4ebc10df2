-- expect: 6:45: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nope` cannot be resolved. Did you mean one of the following? [`k`].
CREATE SOURCE s (k STRING, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE tb (k STRING, n INT) WITH (connector = 'files', path = 'data/tab', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s DISTRIBUTE BY nope;

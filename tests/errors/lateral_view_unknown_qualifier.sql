-- expect: 5:22: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `u`.`x` cannot be resolved. Did you mean one of the following? [`t`.`x`, `s`.`k`, `s`.`m`, `s`.`arr`].
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT u.x FROM s LATERAL VIEW explode(arr) t AS x;

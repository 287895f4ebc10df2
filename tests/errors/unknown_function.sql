-- expect: 5:24: [UNRESOLVED_ROUTINE] Cannot resolve function `lowercase` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT lowercase(action) FROM events;

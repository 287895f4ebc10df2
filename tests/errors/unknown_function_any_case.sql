-- expect: 5:31: [UNRESOLVED_ROUTINE] Cannot resolve function `Lower_Case` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].
CREATE SOURCE events (s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT s, 1 + Lower_Case(s) FROM events;

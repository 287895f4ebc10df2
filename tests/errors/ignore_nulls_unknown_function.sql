-- expect: 5:32: [UNRESOLVED_ROUTINE] Cannot resolve function `nosuchfn` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, nosuchfn(n) IGNORE NULLS FROM events GROUP BY action WITH (outputMode = 'update');

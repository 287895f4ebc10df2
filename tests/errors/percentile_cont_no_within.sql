-- expect: 5:24: [UNRESOLVED_ROUTINE] Cannot resolve function `percentile_cont` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT percentile_cont(n, 0.5) FROM events GROUP BY s WITH (outputMode = 'complete');

-- expect: 5:24: make_interval is not supported: Spark's MakeInterval returns a CalendarIntervalType (months, days and microseconds apart), which sluice has no values of; make_ym_interval and make_dt_interval make the ANSI intervals
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_interval(1, 2, 0, 3) FROM events;

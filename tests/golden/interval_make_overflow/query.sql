-- make_dt_interval(d, 0, 0, s): s's µs plus d days (Math.addExact).  Long.MinValue µs is
-- -106751991 days - 14454.775808 s (04:00:54.775808): f1's value is exactly the minimum,
-- printed -106751991 04:00:54.775808; f2's is 1 µs less, so batch 1 fails.
CREATE SOURCE ev (k STRING, d INT, s DECIMAL(18,6))
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT k, make_dt_interval(d, 0, 0, s) AS m FROM ev WITH (name = 'o');

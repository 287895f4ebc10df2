-- expect: 5:32: [DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve "window(ts, 5000000, 10000000, 0)" due to data type mismatch: The `slide_duration`(10000000L) must be <= the `window_duration`(5000000L).
-- Spark's TimeWindow.checkInputDataTypes refuses a slide longer than the window; the window is
-- analysed as a SELECT item and again for GROUP BY w, and the error is reported once.
CREATE TABLE t (ts TIMESTAMP, k STRING) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT window(ts, '5 seconds', '10 seconds') AS w, count(*) AS n FROM t GROUP BY w;

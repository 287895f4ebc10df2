-- assert_true (Spark 3.5's AssertTrue: If(cond, NULL, RaiseError(msg)), type VOID) and
-- raise_error (RaiseError: a VOID NULL that throws new RuntimeException(msg)) on rows that
-- pass: every assert_true is NULL; a raise_error in a CASE branch no row takes is never
-- evaluated; typeof does not evaluate its argument. The one-argument form is named with its
-- message, '<cond>' is not true! (InheritAnalysisRules' parameters).
CREATE SOURCE src (x INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT x, assert_true(x > -5), assert_true(x <> 2 OR s = 'b', s) AS two,
       CASE WHEN x < -100 THEN raise_error(concat('bad ', s)) ELSE s END AS v,
       typeof(raise_error('q')) AS t, typeof(assert_true(x > 0)) AS t2
FROM src;

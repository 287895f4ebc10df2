-- assert_true(cond) fails the query at the first row whose cond is not true (false or NULL:
-- If takes its else branch), with RaiseError's new RuntimeException("'<cond>' is not true!").
-- The second row (x NULL) fails batch 0, so nothing is shown.
CREATE SOURCE src (x INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT x, assert_true(x > 0) AS ok FROM src WITH (name = 'asserts');

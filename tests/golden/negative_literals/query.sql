-- Negative number literals: the minus belongs to the literal (see test.conf), which names the
-- column: ceil(-0.1) is CEIL(-0.1), -0.0 is 0.0 (a DECIMAL has no negative zero), -0.0D is
-- -0.0, -1e3 is -1000.0; -(0.5) and - -0.5 are UnaryMinus of a literal, (- 0.5) and (- -0.5).
CREATE SOURCE s (x INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT -0.1, -0.0, - .25, -(0.5), - -0.5, -99999999999999999999, -1.5BD, -2.5D, -0.0D, -1e3,
       ceil(-0.1), floor(-0.1), x - 0.5, abs(-2.50), round(-2.5, 0)
FROM s;

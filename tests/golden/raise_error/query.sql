-- raise_error(msg) with a NULL msg: Spark 3.5's RaiseError throws new RuntimeException()
-- (no message), printed as its class name alone. The first row already fails batch 0.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, raise_error(s) AS r FROM src WITH (name = 'raises');

-- Sequence.getSequenceLength: a step leading away from stop fails the query.
CREATE SOURCE e (x INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT sequence(x, 5, -1) AS s FROM e;

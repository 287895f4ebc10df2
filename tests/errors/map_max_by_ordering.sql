-- expect: 5:25: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "max_by(a, m)" due to data type mismatch: The `max_by` does not support ordering on type "MAP<STRING, INT>".
-- MaxMinBy: the value may be a MAP, the ordering may not (TypeUtils.checkForOrderingExpr).
CREATE SOURCE e (a INT, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a, max_by(a, m) FROM e GROUP BY a WITH (outputMode = 'complete');

-- expect: 6:47: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "(m = m)" due to data type mismatch: The `=` does not support ordering on type "MAP<STRING, INT>".
CREATE SOURCE e (s STRING, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE t (k STRING, tm MAP<STRING, INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT e.s FROM e JOIN t USING (m);

-- expect: 5:22: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "m" due to data type mismatch: cannot cast "MAP<STRING, INT>" to "MAP<INT, INT>".
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CAST(m AS MAP<INT, INT>) AS x FROM e;

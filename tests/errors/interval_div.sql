-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(INTERVAL '1' MONTH div INTERVAL '2' MONTH)" due to data type mismatch: the binary operator requires the input type ("BIGINT" or "DECIMAL"), not "INTERVAL MONTH".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT INTERVAL '1' MONTH div INTERVAL '2' MONTH AS x FROM events;

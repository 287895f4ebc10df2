-- expect: 5:37: [DATATYPE_MISMATCH.INVALID_ARG_VALUE] Cannot resolve "to_binary(s, HEXx)" due to data type mismatch: The fmt value must to be a case-insensitive "STRING" literal of 'hex', 'utf-8', 'utf8', or 'base64', but got 'hexx'.
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_binary(s, 'HEXx') FROM events;

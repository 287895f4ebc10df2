-- expect: 5:37: [DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE] Cannot resolve "mask(s, X, ab, n, NULL)" due to data type mismatch: Length of lowerChar should be 1.
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT mask(s, 'X', 'ab') FROM events;

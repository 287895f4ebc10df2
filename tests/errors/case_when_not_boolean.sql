-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "CASE WHEN n THEN yes END" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "n" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN n THEN 'yes' END FROM events;

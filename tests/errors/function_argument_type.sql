-- expect: 5:29: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "hour(true)" due to data type mismatch: Parameter 1 requires the "(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" type, however "true" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT hour(true) FROM events;

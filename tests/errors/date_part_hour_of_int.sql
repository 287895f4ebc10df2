-- expect: 6:42: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "hour(n)" due to data type mismatch: Parameter 1 requires the "(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" type, however "n" has the type "INT".
-- expect: 6:67: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "weekday(x)" due to data type mismatch: Parameter 1 requires the "DATE" type, however "x" has the type "DOUBLE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT extract(HOUR FROM n), date_part('dow_iso', x) FROM events;

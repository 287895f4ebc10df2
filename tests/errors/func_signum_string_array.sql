-- expect: 5:31: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "SIGNUM(split(action,  , -1))" due to data type mismatch: Parameter 1 requires the ("DOUBLE" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND") type, however "split(action,  , -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT signum(split(action, ' ')) FROM events;

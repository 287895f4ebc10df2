-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES] Cannot resolve "arrays_overlap(a, array(action))" due to data type mismatch: Input to function `arrays_overlap` should have been two "ARRAY" with same element type, but it's ["ARRAY<INT>", "ARRAY<STRING>"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT arrays_overlap(a, array(action)) FROM events;

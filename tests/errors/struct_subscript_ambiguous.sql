-- expect: 5:24: [AMBIGUOUS_REFERENCE_TO_FIELDS] Ambiguous reference to the field `a`. It appears 2 times in the schema.
CREATE SOURCE events (time TIMESTAMP, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT named_struct('a', n, 'A', 2)['a'] FROM events;

-- expect: 7:54: cannot compare 's' of type struct<a:array<int>> with 's' of type struct<a:array<int>>
-- Structs are compared field by field (=, <, least, ...; golden struct_ordering); sluice does not
-- compare arrays yet, nor structs holding one.
CREATE SOURCE events (s STRUCT<a: ARRAY<INT>>, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT n FROM events WHERE n > 0 AND s < s;

-- expect: 5:71: CASE branches must have a common type: 'named_struct(y, 2)' of type struct<y:bigint> does not match the type struct<x:int> of the others
CREATE SOURCE e (a ARRAY<INT>, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CASE WHEN s = 'a' THEN named_struct('x', 1) ELSE named_struct('y', 2L) END FROM e;

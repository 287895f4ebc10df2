-- expect: 22:37: function 'lpad' expects an integer as argument 2, but 'time' is of type timestamp
-- expect: 22:59: function 'repeat' expects an integer as argument 2, but 'true' is of type boolean
-- expect: 22:86: function 'locate' expects an integer as argument 3, but 'time' is of type timestamp
-- expect: 23:11: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "initcap(split(action, ,, -1))" due to data type mismatch: Parameter 1 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 23:42: function 'concat_ws' expects a string as argument 1, but 'split(action, ,, -1)' is of type array<string>
-- expect: 23:85: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "instr(action, split(action, ,, -1))" due to data type mismatch: Parameter 2 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 24:18: function 'date_add' expects an integer (INT) as argument 2, but 'b' is of type bigint
-- expect: 24:37: function 'date_add' expects an integer (INT) as argument 2, but 'd' is of type double
-- expect: 24:50: function 'date_add' expects a date as argument 1, but 'n' is of type int
-- expect: 24:72: the second argument of 'date_sub' function needs to be an integer
-- expect: 24:93: function 'date_add' expects an integer (INT) as argument 2, but 'action' is of type string
-- expect: 25:12: function 'datediff' expects a date as argument 1, but 'n' is of type int
-- expect: 25:38: function 'get_json_object' expects a string as argument 1, but 'n' is of type int
-- expect: 25:71: function 'get_json_object' expects a string as argument 2, but '1' is of type int
-- expect: 25:83: function 'to_date' expects a string, a date or a timestamp as argument 1, but 'n' is of type int
-- expect: 26:11: function 'to_date' expects a string, a date or a timestamp as argument 1, but 'true' is of type boolean
-- expect: 26:44: function 'date_trunc' expects a timestamp as argument 2, but 'n' is of type int
-- expect: 26:59: function 'date_trunc' expects a string as argument 1, but 'split(action, ,, -1)' is of type array<string>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, b BIGINT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT lpad(action, time), repeat(action, true), locate('a', action, time),
  initcap(split(action, ',')), concat_ws(split(action, ','), action), instr(action, split(action, ',')),
  date_add(time, b), date_add(time, d), date_add(n, 1), date_sub(time, 'x'), date_add(time, action),
  datediff(n, time), get_json_object(n, '$'), get_json_object(action, 1), to_date(n),
  to_date(true, 'yyyy'), date_trunc('day', n), date_trunc(split(action, ','), time)
FROM events;

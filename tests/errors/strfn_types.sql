-- expect: 22:37: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "lpad(action, time,  )" due to data type mismatch: Parameter 2 requires the "INT" type, however "time" has the type "TIMESTAMP".
-- expect: 22:59: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "repeat(action, true)" due to data type mismatch: Parameter 2 requires the "INT" type, however "true" has the type "BOOLEAN".
-- expect: 22:86: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "locate(a, action, time)" due to data type mismatch: Parameter 3 requires the "INT" type, however "time" has the type "TIMESTAMP".
-- expect: 23:11: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "initcap(split(action, ,, -1))" due to data type mismatch: Parameter 1 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 23:42: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "concat_ws(split(action, ,, -1), action)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 23:85: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "instr(action, split(action, ,, -1))" due to data type mismatch: Parameter 2 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 24:18: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_add(time, b)" due to data type mismatch: Parameter 2 requires the ("INT" or "SMALLINT" or "TINYINT") type, however "b" has the type "BIGINT".
-- expect: 24:37: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_add(time, d)" due to data type mismatch: Parameter 2 requires the ("INT" or "SMALLINT" or "TINYINT") type, however "d" has the type "DOUBLE".
-- expect: 24:50: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_add(n, 1)" due to data type mismatch: Parameter 1 requires the "DATE" type, however "n" has the type "INT".
-- expect: 24:72: [SECOND_FUNCTION_ARGUMENT_NOT_INTEGER] The second argument of `date_sub` function needs to be an integer.
-- expect: 24:93: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_add(time, action)" due to data type mismatch: Parameter 2 requires the ("INT" or "SMALLINT" or "TINYINT") type, however "action" has the type "STRING".
-- expect: 25:12: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "datediff(n, time)" due to data type mismatch: Parameter 1 requires the "DATE" type, however "n" has the type "INT".
-- expect: 25:38: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "get_json_object(n, $)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "INT".
-- expect: 25:71: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "get_json_object(action, 1)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "1" has the type "INT".
-- expect: 25:83: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "to_date(split(action, ,, -1))" due to data type mismatch: Parameter 1 requires the ("STRING" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ") type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 26:19: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "to_date(action, split(action, ,, -1))" due to data type mismatch: Parameter 2 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
-- expect: 26:58: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_trunc(day, n)" due to data type mismatch: Parameter 2 requires the "TIMESTAMP" type, however "n" has the type "INT".
-- expect: 26:73: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_trunc(split(action, ,, -1), time)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, b BIGINT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT lpad(action, time), repeat(action, true), locate('a', action, time),
  initcap(split(action, ',')), concat_ws(split(action, ','), action), instr(action, split(action, ',')),
  date_add(time, b), date_add(time, d), date_add(n, 1), date_sub(time, 'x'), date_add(time, action),
  datediff(n, time), get_json_object(n, '$'), get_json_object(action, 1), to_date(split(action, ',')),
  to_date(action, split(action, ',')), date_trunc('day', n), date_trunc(split(action, ','), time)
FROM events;

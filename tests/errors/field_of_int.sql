-- expect: 4:24: [INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from "n". Need a complex type [STRUCT, ARRAY, MAP] but got "INT".
CREATE SOURCE e (n INT, s STRUCT<a INT, b STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT n.x FROM e;

-- expect: 3:8: [UNSUPPORTED_FEATURE.SET_OPERATION_ON_MAP_TYPE] The feature is not supported: Cannot have MAP type columns in DataFrame which calls set operations (INTERSECT, EXCEPT, etc.), but the type of column `m` is "MAP<STRING, INT>".
CREATE TABLE t (a INT, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT DISTINCT a, m FROM t;

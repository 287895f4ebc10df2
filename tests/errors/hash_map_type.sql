-- expect: 4:25: [DATATYPE_MISMATCH.HASH_MAP_TYPE] Cannot resolve "hash(a, m)" due to data type mismatch: Input to the function `hash` cannot contain elements of the "MAP" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on "MAP" elements. To restore previous behavior set "spark.sql.legacy.allowHashOnMapType" to "true".
CREATE SOURCE s (a INT, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/s', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a, hash(a, m) AS h FROM s;

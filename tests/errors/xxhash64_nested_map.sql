-- expect: 4:22: [DATATYPE_MISMATCH.HASH_MAP_TYPE] Cannot resolve "xxhash64(a)" due to data type mismatch: Input to the function `xxhash64` cannot contain elements of the "MAP" type. In Spark, same maps may have different hashcode, thus hash expressions are prohibited on "MAP" elements. To restore previous behavior set "spark.sql.legacy.allowHashOnMapType" to "true".
CREATE SOURCE s (a ARRAY<STRUCT<x: MAP<STRING, INT>>>) WITH (connector = 'files', path = 'data/s', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT xxhash64(a) AS h FROM s;

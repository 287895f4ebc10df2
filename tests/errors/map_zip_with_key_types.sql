-- expect: 5:22: [DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES] Cannot resolve "map_zip_with(map(b, a), map(a, a), lambdafunction(x, k, x, y))" due to data type mismatch: Input to the `map_zip_with` should have been two maps with compatible key types, but it's ["BOOLEAN", "INT"].
-- MapZipWithCoercion finds no wider type of BOOLEAN and INT, so the keys stay apart.
CREATE SOURCE e (a INT, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_zip_with(map(b, a), map(a, a), (k, x, y) -> x) FROM e;

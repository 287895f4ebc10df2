-- Spark 3.5's MapFromEntries (collectionOperations.scala): ARRAY<STRUCT<k, v>> -> MAP<k, v>,
-- the first field of each struct its key and the second its value, put in order through
-- ArrayBasedMapBuilder; NULL when the array is NULL or holds a NULL struct (nullEntries: the
-- whole result, not the entry); an empty array gives an empty map; a NULL value is kept.
-- arrays_zip(ks, vs) pads the shorter array with NULL values (row 5: b -> NULL); for row 3
-- ks is NULL, so the zip and its map are NULL. map_entries then map_from_entries gives the
-- map back. Expected values worked out by hand from those rules.
CREATE SOURCE s (id INT, e ARRAY<STRUCT<k: STRING, v: INT>>, ks ARRAY<STRING>, vs ARRAY<DOUBLE>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, map_from_entries(e) AS m, map_from_entries(arrays_zip(ks, vs)) AS z,
       map_from_entries(map_entries(map('p', id))) AS back,
       map_from_entries(array(struct(1, 'x'), struct(2, CAST(NULL AS STRING)))) AS c,
       size(map_from_entries(e)) AS n
FROM s;

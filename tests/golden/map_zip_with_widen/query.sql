-- map_zip_with of maps whose key types differ: TypeCoercion.MapZipWithCoercion casts both
-- maps' keys to findWiderTypeForTwo of the key types (INT and BIGINT: BIGINT; INT and STRING:
-- STRING; VOID and INT: INT; INT and DECIMAL(12,2): DECIMAL(12,2), which holds every INT) when
-- neither cast can give NULL (Cast.forceNullable, canNullSafeCastToDecimal); the keys then match as values of
-- that type, m1's keys first, then m2's not in m1.
CREATE SOURCE e (id INT) WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, map_zip_with(mi, mb, (k, a, b) -> concat(coalesce(a, '-'), coalesce(CAST(b AS STRING), '-'))) AS ib,
       map_zip_with(mi, ms, (k, a, b) -> concat(coalesce(a, '-'), coalesce(b, '-'))) AS isx,
       typeof(map_zip_with(mi, mb, (k, a, b) -> a)) AS t1,
       typeof(map_zip_with(ms, mi, (k, a, b) -> a)) AS t2,
       map_zip_with(map(), mi, (k, a, b) -> b) AS e,
       map_zip_with(mi, map(CAST(id AS DECIMAL(12, 2)), 'd'), (k, a, b) -> concat(coalesce(a, '-'), coalesce(b, '-'))) AS dk
FROM (SELECT id,
             CASE WHEN id < 3 THEN map(id, 'a', id + 1, 'b') END AS mi,
             CASE WHEN id < 3 THEN map(CAST(id AS BIGINT) + 1, id * 10, CAST(id AS BIGINT) + 2, id * 20) END AS mb,
             CASE WHEN id < 3 THEN map(CAST(id AS STRING), 'x', concat('0', CAST(id AS STRING)), 'y') END AS ms
      FROM e);

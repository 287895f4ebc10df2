-- coalesce and CASE over STRUCT and ARRAY values: a bare NULL arm, NULL structs and arrays.
CREATE SOURCE events (user_id STRING, geo STRUCT<city: STRING, state: STRING>,
  ecommerce STRUCT<purchase_revenue_in_usd: DOUBLE, unique_items: BIGINT>,
  items ARRAY<STRUCT<item_id: STRING, price_in_usd: DOUBLE>>, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT user_id, coalesce(geo, geo) AS g, coalesce(NULL, ecommerce, ecommerce) AS e,
       coalesce(items[0], items[1]) AS it, coalesce(items[0], items[1]).item_id AS id,
       CASE WHEN user_id = 'u1' THEN geo WHEN user_id = 'u2' THEN NULL ELSE coalesce(NULL, geo) END AS cg,
       CASE WHEN user_id <> 'u3' THEN tags END AS t, coalesce(tags, tags) AS t2
FROM events;

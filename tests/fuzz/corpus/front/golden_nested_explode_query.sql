-- Nested values read from JSON: struct fields, array elements (0-based, NULL out of
-- range), whole structs and arrays printed as Spark's show() does, explode of an array of
-- structs (a NULL or empty array gives no row), and an aggregate over exploded rows.
CREATE SOURCE events (
    user_id STRING,
    device STRING,
    ecommerce STRUCT<purchase_revenue_in_usd: DOUBLE, total_item_quantity: BIGINT, unique_items: BIGINT>,
    geo STRUCT<city: STRING, state: STRING>,
    items ARRAY<STRUCT<coupon: STRING, item_id: STRING, item_name: STRING, price_in_usd: DOUBLE,
                       quantity: BIGINT>>,
    tags ARRAY<STRING>
) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT user_id, ecommerce.unique_items, ecommerce.purchase_revenue_in_usd AS revenue, geo.city,
       items[0].price_in_usd, items[1], items[5].item_id AS none, tags, geo,
       device IN ('iOS', 'Android') AS mobile
FROM events WITH (name = 'fields');
INSERT INTO console
SELECT user_id, explode(items) AS item FROM events WHERE user_id <> 'u4' WITH (name = 'exploded');
INSERT INTO console
SELECT item.item_id, count(*) AS lines, sum(item.quantity) AS quantity
FROM (SELECT explode(items) AS item FROM events)
GROUP BY item.item_id ORDER BY item_id
WITH (name = 'per_item', outputMode = 'complete');
INSERT INTO console
SELECT tag, upper(tag) AS up FROM (SELECT user_id, explode(tags) AS tag FROM events)
WITH (name = 'tags');

-- Events of an e-commerce site with a nested schema (seed 004): the events that came from
-- e-mail campaigns, with whether the device was a phone, written as JSON files.  Each
-- micro-batch becomes one file under examples/out/email_traffic, written under a hidden
-- name and renamed into place, so a reader never sees half a file.
CREATE SOURCE events (
    device STRING,
    ecommerce STRUCT<purchase_revenue_in_usd: DOUBLE, total_item_quantity: BIGINT,
                     unique_items: BIGINT>,
    event_name STRING,
    event_previous_timestamp BIGINT,
    event_timestamp BIGINT,
    geo STRUCT<city: STRING, state: STRING>,
    items ARRAY<STRUCT<coupon: STRING, item_id: STRING, item_name: STRING,
                       item_revenue_in_usd: DOUBLE, price_in_usd: DOUBLE, quantity: BIGINT>>,
    traffic_source STRING,
    user_first_touch_timestamp BIGINT,
    user_id STRING
) WITH (connector = 'files', path = 'examples/data/ecommerce', format = 'json',
        maxFilesPerTrigger = 1);

CREATE SINK email_traffic WITH (connector = 'files', path = 'examples/out/email_traffic',
                                format = 'json');

INSERT INTO email_traffic
SELECT user_id, event_timestamp, device IN ('iOS', 'Android') AS mobile
FROM events
WHERE traffic_source = 'email'
WITH (name = 'email_traffic', outputMode = 'append', trigger = '1 second',
      checkpointLocation = 'examples/out/email_traffic_checkpoint');

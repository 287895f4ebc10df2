-- The event-time statistics of a batch with extreme timestamps: the average of 1 row at the
-- epoch and 1100 at the largest second a TIMESTAMP holds is Spark's running mean in a double,
-- which never overflows (the sum of the times would exceed a 64-bit integer).  The WHERE reads the event time, so Spark keeps it above the
-- watermark and every row counts (a conjunct on id alone would be pushed below it).
CREATE SOURCE events (
    id BIGINT,
    t TIMESTAMP,
    WATERMARK FOR t AS t - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, t FROM events WHERE t < TIMESTAMP '1970-01-02 00:00:00'
WITH (name = 'extreme', checkpointLocation = 'chk');

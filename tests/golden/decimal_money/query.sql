CREATE SOURCE payments (time TIMESTAMP, acct STRING, amount DECIMAL(12,2), big DECIMAL(38,0),
                        rate DECIMAL(10,8))
  WITH (connector = 'files', path = 'data/payments', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT window(time, '10 seconds').start AS w, acct, sum(amount) AS total, avg(amount) AS mean,
       min(amount) AS lo, max(amount) AS hi, count(amount) AS n, sum(big) AS big_total
FROM payments GROUP BY window(time, '10 seconds'), acct ORDER BY w, acct
WITH (name = 'per_window', outputMode = 'complete');
INSERT INTO console
SELECT rate, count(*) AS n, sum(amount) AS total FROM payments GROUP BY rate ORDER BY rate
WITH (name = 'per_rate', outputMode = 'complete');
INSERT INTO files SELECT acct, amount, rate, CAST(rate AS STRING) AS rate_text FROM payments
WITH (name = 'to_json', checkpointLocation = 'ckpt');

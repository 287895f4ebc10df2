-- expect: 5:31: Interval string does not match day-time format of `[+|-]d h:m`, `INTERVAL [+|-]'[+|-]d h:m' DAY TO MINUTE` when cast to interval day to minute: 2 10, set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time + INTERVAL '2 10' DAY TO MINUTE FROM events;

-- expect: 5:1: checkpointLocation must be specified either through option("checkpointLocation", ...) or SparkSession.conf.set("spark.sql.streaming.checkpointLocation", ...)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT action AS value FROM events;

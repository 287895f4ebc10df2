-- expect: 4:39: For input string: "2.5"
-- (KafkaSourceProvider reads it with StringOps.toInt: Integer.parseInt's NumberFormatException)
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 't', 'kafka.bootstrap.servers' = 'localhost:9092',
                      minPartitions = '2.5');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;

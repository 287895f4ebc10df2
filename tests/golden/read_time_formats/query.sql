-- timestampFormat and dateFormat (CSVOptions/JSONOptions): with the option set, Spark's
-- UnivocityParser and JacksonParser parse a TIMESTAMP (DATE) string with that pattern only
-- (enableDateTimeParsingFallback is then false), a mismatch makes the record malformed.
-- JSON still reads an integer as epoch seconds for a TIMESTAMP; a number for a DATE and an
-- empty string are bad values.  Bad values here are ones Java's legacy parser rejects too
-- (else Spark raises SparkUpgradeException).  Source `never`: 'n' is a letter Spark's
-- formatter refuses (IllegalArgumentException, not accepted by SimpleDateFormat either), so
-- every non-empty timestamp is a bad value.
CREATE SOURCE c (id INT, at TIMESTAMP, d DATE, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/fmt/csv', format = 'csv', header = true,
        timestampFormat = 'dd/MM/yyyy HH:mm:ss.SSS', dateFormat = 'dd/MM/yyyy');
CREATE SOURCE j (id INT, at TIMESTAMP, d DATE, s STRUCT<t: TIMESTAMP, d: DATE>, a ARRAY<DATE>,
                 _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/fmt/json', TIMESTAMPFORMAT = 'yyyy-MM-dd HH:mm XXX',
        dateFormat = 'MMM dd, yyyy');
CREATE SOURCE never (id INT, at TIMESTAMP, d STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/fmt/csv', format = 'csv', header = true,
        timestampFormat = 'dd/MM/yyyy n');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM c WITH (name = 'csv');
INSERT INTO console SELECT * FROM j WITH (name = 'json');
INSERT INTO console SELECT id, at, _corrupt_record FROM never WITH (name = 'never');

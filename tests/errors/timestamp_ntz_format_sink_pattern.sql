-- expect: 5:44: Fail to recognize 'yyyy-MM-dd A' pattern in the DateTimeFormatter. You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- The files sink's timestampNTZFormat: TimestampFormatter(..., forTimestampNTZ = true) validates
-- without the legacy check (failToRecognizePatternError); the writer fails the query.
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv',
                      timestampNTZFormat = 'yyyy-MM-dd A');

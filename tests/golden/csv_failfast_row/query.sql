-- FAILFAST names the row PERMISSIVE would keep, as Spark 3.5's FailureSafeParser does
-- (MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION): the columns the query reads, with the
-- values that converted (UnivocityParser's partial results), as BaseGenericInternalRow.toString
-- prints them: a TIMESTAMP as its microseconds, a DATE as its days, a DOUBLE as
-- Double.toString, the line in the corrupt-record column.  Line 2's `maybe` is no BOOLEAN.
CREATE SOURCE src (id INT, name STRING, score DOUBLE, ok BOOLEAN, at TIMESTAMP, d DATE,
                   amount DECIMAL(10, 2), _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM src;

-- Dates in CSV schema inference (Spark 3.5's CSVInferSchema with CSVOptions.prefersDate, true
-- by default): a column of yyyy-MM-dd dates is a DATE; dates and timestamps in one column make
-- a STRING.  With dateFormat and timestampFormat those patterns decide, and a column that is a
-- TIMESTAMP by Spark's default parser becomes a STRING at a value only the default reads.
-- With prefersDate = false the dates are timestamps.
CREATE SOURCE plain WITH (connector = 'files', path = 'data/events', format = 'csv',
                          header = true, inferSchema = true);
CREATE SOURCE patterned WITH (connector = 'files', path = 'data/events', format = 'csv',
                              header = true, inferSchema = true, dateFormat = 'dd/MM/yyyy',
                              timestampFormat = 'dd/MM/yyyy HH:mm');
CREATE SOURCE no_dates WITH (connector = 'files', path = 'data/events', format = 'csv',
                             header = true, inferSchema = true, prefersDate = false);
CREATE SINK o1 WITH (connector = 'console', truncate = false);
CREATE SINK o2 WITH (connector = 'console', truncate = false);
CREATE SINK o3 WITH (connector = 'console', truncate = false);
INSERT INTO o1 SELECT id, day, ts, mixed, dmy, dmyhm FROM plain;
INSERT INTO o2 SELECT id, day, ts, mixed, dmy, dmyhm FROM patterned;
INSERT INTO o3 SELECT id, day, ts, mixed, dmy, dmyhm FROM no_dates;

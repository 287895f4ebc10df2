-- allowNonNumericNumbers = false (Spark 3.5's JSONOptions, Jackson's ALLOW_NON_NUMERIC_NUMBERS
-- off): the unquoted NaN of line 3 makes the line malformed, and JacksonParser's DoubleType and
-- FloatType converters refuse the strings "NaN", "Infinity", "+INF", ... too (each such value
-- makes the record malformed, partial results keep the others); a STRING column still reads
-- them. `lenient` reads the same lines with Spark's default (all allowed).
CREATE SOURCE lenient (d DOUBLE, f FLOAT, s STRING, a ARRAY<DOUBLE>, st STRUCT<x: FLOAT>,
                       _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SOURCE strict (d DOUBLE, f FLOAT, s STRING, a ARRAY<DOUBLE>, st STRUCT<x: FLOAT>,
                      _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json',
        allowNonNumericNumbers = 'False');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT * FROM lenient WITH (name = 'lenient');
INSERT INTO console SELECT * FROM strict WITH (name = 'strict');

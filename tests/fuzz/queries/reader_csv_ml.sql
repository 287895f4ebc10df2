-- reader_csv_ml.sql - the fuzz_csv_ml target's query: reader_csv.sql's columns read with
-- multiLine = true (each input a whole file, common/cm_csv_ml.h), PERMISSIVE.
CREATE SOURCE records (
    i INT,
    b BIGINT,
    d DOUBLE,
    f BOOLEAN,
    s STRING,
    t TIMESTAMP,
    dt DATE,
    _corrupt_record STRING
) WITH (connector = 'files', path = '.', format = 'csv', mode = 'PERMISSIVE', multiLine = true,
        emptyValue = 'E', nullValue = 'N');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 1000);
INSERT INTO out SELECT * FROM records;

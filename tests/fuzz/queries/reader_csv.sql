-- reader_csv.sql - the fuzz_csv target's query: every type CSV can hold, PERMISSIVE with a
-- corrupt-record column, every column read so the generated parser decodes them all.
CREATE SOURCE records (
    i INT,
    b BIGINT,
    d DOUBLE,
    f BOOLEAN,
    s STRING,
    t TIMESTAMP,
    dt DATE,
    _corrupt_record STRING
) WITH (connector = 'files', path = '.', format = 'csv', mode = 'PERMISSIVE');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 1000);
INSERT INTO out SELECT * FROM records;

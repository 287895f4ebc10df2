-- reader_json.sql - the fuzz_json target's query: every column type, PERMISSIVE with a
-- corrupt-record column, every column read so the generated parser decodes them all.
CREATE SOURCE records (
    i INT,
    b BIGINT,
    d DOUBLE,
    f BOOLEAN,
    s STRING,
    t TIMESTAMP,
    dt DATE,
    st STRUCT<a: INT, b: STRING, c: ARRAY<DOUBLE>, d: STRUCT<x: TIMESTAMP, y: BOOLEAN, z: DATE>>,
    ai ARRAY<BIGINT>,
    ast ARRAY<STRUCT<k: STRING, v: INT>>,
    aa ARRAY<ARRAY<STRING>>,
    m MAP<STRING, STRUCT<p: ARRAY<INT>, q: MAP<STRING, DOUBLE>>>,
    _corrupt_record STRING
) WITH (connector = 'files', path = '.', format = 'json', mode = 'PERMISSIVE');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 1000);
INSERT INTO out SELECT * FROM records;

-- A CSV column of timestamps with region zones: schema inference takes it for a TIMESTAMP
-- (CSVInferSchema's tryParseTimestamp uses stringToTimestamp, which reads the zone; the
-- compiler reads it from its tz database) and the reader converts each value with the runtime's
-- (srt_zone.c).  The values are those of tz_data's c column (tests/tools/check_tz_data.py).
CREATE SOURCE c WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
                      inferSchema = true);
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o SELECT id, t FROM c;

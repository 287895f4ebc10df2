-- The timestampNTZFormat option (Spark 3.5's JSONOptions and CSVOptions: timestampNTZFormatInRead,
-- none by default; timestampNTZFormatInWrite, yyyy-MM-dd'T'HH:mm:ss[.SSS] by default).  Expected
-- values by hand (model.py lays them out):
--   Reading (JacksonParser, UnivocityParser): TimestampFormatter(pattern, forTimestampNTZ =
--   true).parseWithoutTimeZone(s, false), the whole text read with the pattern, no fallback.
--   js 'dd/MM/yyyy HH:mm': a t 01/02/2024 10:15 -> 2024-02-01 10:15:00, n.u -> 2024-04-03 11:00,
--   l -> [2024-06-05 00:00, 1999-12-31 23:59], fj (from_json with the same option) x ->
--   2024-08-07 12:34; b: Spark's default form does not match the pattern: NULL everywhere (the
--   record malformed, PERMISSIVE keeps the rest); c: an empty string is no TIMESTAMP_NTZ
--   (failedConversion): NULL; d: a number is no string: NULL; n.u and l's element null stay
--   NULL; fj 29/02/2024 23:59 (a leap day) -> 2024-02-29 23:59.
--   tj = to_json with "yyyy-MM-dd'T'HH:mm[:ss][.SSS][XXX]": LocalDateTime.format prints the
--   optional sections whose fields it has (seconds, fraction), not the zone's.
--   cs (csv) the same pattern: a, d read; b NULL; c's empty field NULL (nullValue).
--   zs (csv) 'dd/MM/yyyy HH:mm XXX': a reads a zone, which parseWithoutTimeZone(s, false)
--   refuses (cannotParseStringAsDataTypeError): NULL; b lacks the zone: NULL.
--   Writing: the JSON sink with 'EEE, d MMM yyyy HH:mm:ss.SSSSSS' (JacksonGenerator's
--   timestampNTZFormatter for every TIMESTAMP_NTZ, nested ones too): 2024-02-01 is a Thursday.
CREATE SOURCE js (k STRING, t TIMESTAMP_NTZ, n STRUCT<u: TIMESTAMP_NTZ>, l ARRAY<TIMESTAMP_NTZ>,
                  s STRING)
  WITH (connector = 'files', path = 'data/j', format = 'json',
        timestampNTZFormat = 'dd/MM/yyyy HH:mm');
CREATE SOURCE cs (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/c', format = 'csv',
        timestampNTZFormat = 'dd/MM/yyyy HH:mm');
CREATE SOURCE zs (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/z', format = 'csv',
        timestampNTZFormat = 'dd/MM/yyyy HH:mm XXX');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK oj WITH (connector = 'files', path = 'outj', format = 'json',
                     timestampNTZFormat = 'EEE, d MMM yyyy HH:mm:ss.SSSSSS');
INSERT INTO out
SELECT k, t, n, l,
       from_json(s, 'x TIMESTAMP_NTZ', map('timestampNTZFormat', 'dd/MM/yyyy HH:mm')) AS fj,
       to_json(named_struct('t', t, 'n', n),
               map('timestampNTZFormat', "yyyy-MM-dd'T'HH:mm[:ss][.SSS][XXX]")) AS tj
FROM js WITH (name = 'json');
INSERT INTO out SELECT * FROM cs WITH (name = 'csv');
INSERT INTO out SELECT * FROM zs WITH (name = 'zoned');
INSERT INTO oj SELECT k, t, n, l FROM js WITH (name = 'sink', checkpointLocation = 'chk');

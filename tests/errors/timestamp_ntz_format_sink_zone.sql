-- expect: 4:44: timestampNTZFormat 'yyyy-MM-dd VV' writes a zone, which a TIMESTAMP_NTZ has not: Spark fails the query writing one (java.time: Unable to extract ZoneId from temporal)
-- A zone id letter outside an optional section: LocalDateTime has no zone to print.
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'json',
                      timestampNTZFormat = 'yyyy-MM-dd VV');

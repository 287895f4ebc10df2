-- The CSV sink with timestampNTZFormat (CSVOptions.timestampNTZFormatInWrite, UnivocityGenerator's
-- timestampNTZFormatter.format(LocalDateTime)): 'd MMM yyyy, h:mm:ss.SS a', so every value holds
-- the separator and is quoted.  The time column and the bounds of its 4-hour window (a
-- TIMESTAMP_NTZ window's start and end are TIMESTAMP_NTZ; the CSV sink takes no struct).
-- By hand: a 09:15 -> "1 Feb 2024, 9:15:00.00 AM", window [08:00, 12:00) -> 8:00 AM, 12:00 PM;
-- b 13:59:59.999999 -> "1 Feb 2024, 1:59:59.99 PM" (SS: the fraction's first two digits,
-- truncated), window [12:00, 16:00) -> 12:00 PM, 4:00 PM; c NULL: no window, no row (a
-- projection's window drops a NULL time); d 1999-12-31 00:00 -> "31 Dec 1999, 12:00:00.00 AM",
-- window [00:00, 04:00).
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK oc WITH (connector = 'files', path = 'outc', format = 'csv', header = true,
                     timestampNTZFormat = 'd MMM yyyy, h:mm:ss.SS a');
INSERT INTO oc
SELECT k, t, w.start AS ws, w.end AS we
FROM (SELECT k, t, window(t, '4 hours') AS w FROM ev)
WITH (name = 'csv', checkpointLocation = 'chk');

-- Zone names in to_timestamp: z (zz, zzz) reads the short names and zzzz the long ones that
-- Java 17's DateTimeFormatterBuilder.ZoneTextPrinterParser reads (Locale.US, in any case), each
-- the zone its PrefixTree maps it to: PST and PDT America/Los_Angeles, EST America/New_York,
-- CET Europe/Paris, JST Asia/Tokyo, AEST Australia/Sydney, IST Africa/Abidjan (the name shared by
-- several zones maps to the one Java 17's tree keeps), and zone ids in any case.  The local time is then read in that
-- zone (Iso8601TimestampFormatter.parse: ZonedDateTime.of), so PST in July is -07:00 and a time
-- in the spring gap moves later.  s holds short names, l long ones: a long name under z or a
-- short one under zzzz fails in Java but SimpleDateFormat reads it, so Spark 3.5 fails the query
-- (sluice gives NULL, see docs/language.md), and is left out.  Etc/GMT+5 (not
-- in Java 17's tree: it reads Etc/GMT and leaves +5) and unknown names are NULL.  date_format
-- prints v and vvvv as the session zone's generic names, UTC's.  Expected output by model.py.
CREATE SOURCE e (id INT, s STRING, l STRING) WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o
SELECT id, s, l, to_timestamp(s, 'yyyy-MM-dd HH:mm:ss z') AS z,
       to_timestamp(l, 'yyyy-MM-dd HH:mm:ss zzzz') AS zzzz,
       date_format(to_timestamp(s, 'yyyy-MM-dd HH:mm:ss z'), 'HH:mm v|vvvv') AS f
FROM e;

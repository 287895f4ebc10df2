-- Spark 3.5 reads a typed literal's special value when it parses the query, in the session
-- zone (UTC): extractSpecialValue matches (\p{Alpha}+)\p{Blank}*(.*) on the trimmed text, the
-- word in any case, then nothing or a zone getZoneId knows (only checked: 'today +05:00' is
-- the session zone's today), never a zone after 'now'.  By hand, in every batch:
--   e_date, e_ts, e_ntz, e_zone, e_off: 'epoch' is 1970-01-01 (00:00:00); an unaliased one is
--     named by Literal.sql of that value: DATE '1970-01-01'.
--   today_is_current: the query starts before its first batch, on the same day (a run across
--     midnight UTC aside): DATE 'today' = current_date() is true, as DATE 'now' = DATE 'today'
--     and DATE 'today  +05:00' = DATE 'today' (two spaces, a zone that is only checked).
--   now_le_batch: TIMESTAMP 'now' (µs) is read before the batch's timestamp (ms): true.
--   two_days: datediff(DATE 'tomorrow', DATE 'yesterday') = 2.
--   midnight: TIMESTAMP 'today' is CAST(DATE 'today' AS TIMESTAMP), TIMESTAMP_NTZ 'tomorrow'
--     CAST(DATE 'tomorrow' AS TIMESTAMP_NTZ): true, true.
--   ntz_now: TIMESTAMP_NTZ 'now' is LocalDateTime.now(UTC): its day is DATE 'today': true.
--   yesterday: date_add(DATE 'yesterday', 1) = DATE 'today': true.
CREATE SOURCE t (k INT) WITH (connector = 'files', path = 'data/t', format = 'json',
                             maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, DATE 'epoch', TIMESTAMP ' Epoch ' AS e_ts, TIMESTAMP_NTZ 'EPOCH' AS e_ntz,
       DATE 'epoch Europe/Paris' AS e_zone, TIMESTAMP 'epoch+1:00' AS e_off,
       DATE 'today' = current_date() AS today_is_current, DATE 'now' = DATE 'today' AS now_day,
       DATE 'today  +05:00' = DATE 'today' AS zone_checked,
       TIMESTAMP 'now' <= current_timestamp() AS now_le_batch,
       datediff(DATE 'tomorrow', DATE 'yesterday') AS two_days,
       TIMESTAMP 'today' = CAST(DATE 'today' AS TIMESTAMP) AS midnight,
       TIMESTAMP_NTZ 'tomorrow' = CAST(DATE 'tomorrow' AS TIMESTAMP_NTZ) AS ntz_midnight,
       CAST(TIMESTAMP_NTZ 'now' AS DATE) = DATE 'today' AS ntz_now,
       date_add(DATE 'yesterday', 1) = DATE 'today' AS yesterday
FROM t;

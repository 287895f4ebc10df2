-- Spark 3.5's SpecialDatetimeValues replaces Cast(e, DATE | TIMESTAMP | TIMESTAMP_NTZ) of a
-- foldable STRING e that names a special value (DateTimeUtils.extractSpecialValue) by its
-- value in the session zone (UTC), when the optimizer plans the batch; casts the analyzer
-- adds count too (date_add's, a comparison's).  Any other text is cast as usual.  By hand, in
-- every batch:
--   CAST(epoch AS DATE) (Cast.sql of the string: no quotes): 1970-01-01; c_ts, c_ntz (a tab
--     and a zone after the word): 1970-01-01 00:00:00.
--   today_is_current: CAST('today' AS DATE) = current_date(): true; CAST('now' AS TIMESTAMP)
--     >= current_timestamp() (planned after the batch's clock reading): true; CAST('Tomorrow'
--     AS TIMESTAMP_NTZ) = CAST(current_date() + 1 AS TIMESTAMP_NTZ): true.
--   added: date_add('yesterday', 1) = current_date() (the analyzer's cast to DATE): true.
--   cmp: d > 'epoch' compares d with CAST('epoch' AS DATE) = 1970-01-01: true.
--   now_zone: 'now UTC' is no special value and no timestamp: NULL.  not_word: 'epochs' NULL,
--     no_blank: 'epochUTC' NULL (the letters run on), region: 'today Mars/Base' NULL.
--   col: a column is no foldable string: CAST(s AS DATE) of 'epoch' and 'today' is NULL.
--   folded: CAST(concat('ep', 'och') AS DATE), a foldable string that is no literal:
--     1970-01-01; lowered: CAST(lower('TODAY') AS DATE) = current_date(): true.
--   to_date: to_date('epoch') is ParseToDate, replaced by CAST('epoch' AS DATE): 1970-01-01;
--     to_ts: to_timestamp('epoch') likewise: 1970-01-01 00:00:00.
CREATE SOURCE t (k INT, s STRING, d DATE) WITH (connector = 'files', path = 'data/t',
                                                format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, CAST('epoch' AS DATE), CAST(' EPOCH ' AS TIMESTAMP) AS c_ts,
       CAST('epoch	+01:00' AS TIMESTAMP_NTZ) AS c_ntz,
       CAST('today' AS DATE) = current_date() AS today_is_current,
       CAST('now' AS TIMESTAMP) >= current_timestamp() AS now_ge_batch,
       CAST('Tomorrow' AS TIMESTAMP_NTZ) = CAST(date_add(current_date(), 1) AS TIMESTAMP_NTZ)
         AS tomorrow,
       date_add('yesterday', 1) = current_date() AS added, d > 'epoch' AS cmp,
       CAST('now UTC' AS TIMESTAMP) AS now_zone, CAST('epochs' AS DATE) AS not_word,
       CAST('epochUTC' AS DATE) AS no_blank, CAST('today Mars/Base' AS DATE) AS region,
       CAST(s AS DATE) AS col, CAST(concat('ep', 'och') AS DATE) AS folded,
       CAST(lower('TODAY') AS DATE) = current_date() AS lowered, to_date('epoch') AS to_date,
       to_timestamp('epoch') AS to_ts
FROM t;

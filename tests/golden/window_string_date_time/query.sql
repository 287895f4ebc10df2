-- window() and session_window() over a STRING or a DATE column: TimeWindow's and
-- SessionWindow's time column type is TypeCollection(AnyTimestampType, two window structs) with
-- ImplicitCastInputTypes, and TypeCoercion.implicitCast casts a STRING or a DATE to
-- AnyTimestampType.defaultConcreteType, TIMESTAMP: the bounds are TIMESTAMPs, a string that is
-- no time is NULL (no window).  5-minute windows, so the session time zone does not matter.
-- By hand: s 10:00:00 and 10:03:00 -> [10:00, 10:05), 10:07:30 -> [10:05, 10:10); 'not a time'
-- and NULL no window.  d 2026-01-01 (twice) -> [2026-01-01 00:00, 00:05), 2026-01-02 (b, d)
-- -> [2026-01-02 00:00, 00:05).  Sessions of s, gap 5 minutes: a [10:00, 10:05) and
-- [10:03, 10:08) merge to [10:00, 10:08) (2 rows), b [10:07:30, 10:12:30).
-- A gap of 0 seconds, -5 minutes, NULL or 'abc' (Cast to an interval: NULL) makes no session:
-- SessionWindowing's filter session.end > session.start drops every row.
CREATE TABLE tb (k STRING, s STRING, d DATE)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT window.start, window.end, count(*) AS n FROM tb GROUP BY window(s, '5 minutes')
ORDER BY window.start WITH (truncate = false);

SELECT window.start, window.end, count(*) AS n FROM tb GROUP BY window(d, '5 minutes')
ORDER BY window.start WITH (truncate = false);

SELECT k, window(d, '5 minutes') AS w FROM tb ORDER BY k WITH (truncate = false);

SELECT k, session_window.start, session_window.end, count(*) AS n FROM tb
GROUP BY k, session_window(s, '5 minutes') ORDER BY k WITH (truncate = false);

SELECT k, count(*) AS n FROM tb GROUP BY k, session_window(d, '0 seconds');

SELECT k, count(*) AS n FROM tb GROUP BY k, session_window(s, '-5 minutes');

SELECT k, count(*) AS n FROM tb GROUP BY k, session_window(s, NULL);

SELECT k, session_window(s, 'abc') AS w FROM tb;

-- concat_ws, lpad/rpad, repeat, reverse, initcap, instr/locate, to_date, date_trunc,
-- date_add/date_sub/datediff, current_date and get_json_object: NULL rules, empty strings,
-- multi-byte text and calendar edges, with Spark's generated column names. Row 5's d starts
-- with a newline: the cast trims it; 'yyyy-MM-dd' gives NULL, and so does the legacy
-- SimpleDateFormat (it skips only spaces and tabs), so the query does not fail
-- (timeParserPolicy EXCEPTION).
CREATE SOURCE r (id INT, s STRING, n INT, p STRING, d STRING, t STRING, j STRING, path STRING)
  WITH (connector = 'files', path = 'data/r', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO out
SELECT id, concat_ws('|', s, p, NULL, 'z') AS ws, concat_ws(NULL, s) AS wsn,
       concat_ws('→', split(s, ' ')) AS wsa, concat_ws(',') AS ws0, concat_ws('-', id, n) AS wsi,
       lpad(s, n, p) AS lp, rpad(s, n, p) AS rp, lpad(s, 3), rpad(s, -2, 'x') AS rneg,
       lpad(s, 4, '') AS lempty
FROM r WITH (name = 'concat_pad');
INSERT INTO out
SELECT id, repeat(p, n) AS rep, repeat(s, -1) AS repneg, reverse(s) AS rev, initcap(s) AS ic,
       instr(s, 'l') AS ins, instr(s, '') AS ins0, locate('l', s), locate('l', s, 4) AS loc4,
       locate('l', s, CAST(NULL AS INT)) AS locn, locate('l', s, 0) AS loc0,
       locate(p, s, 2) AS locp, instr(s, '本') AS insu, reverse(split(s, ' ')) AS reva,
       reverse(n) AS revn
FROM r WITH (name = 'repeat_locate');
INSERT INTO out
SELECT id, to_date(d) AS td, to_date(t) AS tdt, to_date(d, 'yyyy-MM-dd') AS tdf,
       to_date(concat(substr(p, 1, 2), '/07/2016'), 'dd/MM/yyyy') AS tdc, date_trunc('YEAR', t) AS y,
       date_trunc('quarter', t) AS q, date_trunc('MON', t) AS mo, date_trunc('week', t) AS w,
       date_trunc('DD', t) AS dd, date_trunc('hour', t) AS h, date_trunc('MILLISECOND', t) AS ms,
       date_trunc('decade', t) AS bad, date_trunc(CASE WHEN id % 2 = 0 THEN 'Hour' ELSE 'bogus' END, t) AS dyn
FROM r WITH (name = 'to_date_trunc');
INSERT INTO out
SELECT id, date_add(to_date(d), n) AS da, date_sub(d, n) AS ds, date_add(d, 1) AS da1,
       datediff(to_date(t), d) AS diff, datediff('2016-03-01', '2016-02-28') AS leap,
       datediff('2015-03-01', '2015-02-28') AS noleap, datediff(d, '2017-01-01') AS neg,
       date_add('2016-02-28', 1), date_sub(DATE '2000-03-01', '1') AS sub_str,
       current_date() >= DATE '2020-01-01' AS today_ok, current_date = to_date(current_timestamp()) AS same_day,
       date_add(DATE '2016-01-01', 2147483647) AS wrap, date_sub(DATE '1970-01-01', 2147483647) AS low,
       CAST(date_add(d, 1) AS STRING) AS cs
FROM r WITH (name = 'date_arith');
INSERT INTO out
SELECT id, get_json_object(j, path) AS dyn, get_json_object(j, '$') AS whole,
       get_json_object(j, '$.a') AS a, get_json_object(j, '$.s'), get_json_object(j, '$.f') AS f,
       get_json_object(j, '$.a.b[*]') AS star, get_json_object(j, '$[0]') AS first,
       get_json_object(j, 'a') AS badpath, get_json_object(j, NULL) AS nullpath
FROM r WITH (name = 'json');

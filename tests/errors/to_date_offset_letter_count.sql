-- expect: 6:35: Pattern letter count must be 1 or 4: O
-- expect: 6:77: Too many pattern letters: X
-- DateTimeFormatterBuilder.parseField refuses OO and six X; SimpleDateFormat knows no O and at most three X, so the IllegalArgumentException itself fails the query.
CREATE SOURCE s (v STRING) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_date(v, 'dd MMM yyyy OO') AS a, unix_timestamp(v, 'yyyy XXXXXX') AS b FROM s;

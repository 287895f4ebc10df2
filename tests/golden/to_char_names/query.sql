-- Spark 3.5's ToCharacterBuilder (numberFormatExpressions.scala) builds DateFormatClass for a
-- DatetimeType and Base64, Hex or Decode for a BINARY by its format, so an unaliased column is
-- named after that expression: date_format(d, yyyy), base64(encode(s, utf-8)), hex(...),
-- decode(..., utf-8); a number stays to_char(n, 999), as to_varchar does.
CREATE SOURCE src (id INT, d DATE, t TIMESTAMP, s STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, to_char(d, 'yyyy'), to_varchar(t, 'HH:mm'), to_char(encode(s, 'utf-8'), 'base64'),
       upper(to_char(encode(s, 'utf-8'), ' Hex ')), to_varchar(encode(s, 'utf-8'), 'UTF-8'),
       to_char(n, '999')
FROM src;

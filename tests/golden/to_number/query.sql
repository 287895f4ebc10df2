-- Spark 3.5's ToNumber, TryToNumber and ToCharacter (numberFormatExpressions.scala) over
-- ToNumberParser (catalyst/util/ToNumberParser.scala): try_to_number gives NULL where the
-- input does not match the format; to_number's DECIMAL(precision, scale) is the format's;
-- to_char of an INT is of DECIMAL(10,0), of a DOUBLE of DECIMAL(30,15) (ImplicitTypeCasts'
-- DecimalType.forType), to_varchar is to_char (named to_char). Expected values: model.py.
CREATE SOURCE src (id INT, s STRING, x DECIMAL(12,3), i INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, to_number(id, '99') AS t,
       try_to_number(s, '999') AS n1, try_to_number(s, '99,999.9S') AS n2,
       try_to_number(s, '$99.99') AS n3, try_to_number(s, '999PR') AS n4,
       try_to_number(s, 'MI999') AS n5, try_to_number(s, '0009') AS n6,
       try_to_number(s, '9,999,999') AS n7, try_to_number(s, '99.99') AS n8,
       to_char(x, '99G999D9S') AS c1, to_char(x, '$000,000.0000PR') AS c2,
       to_varchar(x, '9999.99MI') AS c3, to_char(x, '.999') AS c4,
       to_char(i, '0000000000') AS c5, to_char(i, 's9g999') AS c6,
       to_char(d, '99999.99') AS c7
FROM src;

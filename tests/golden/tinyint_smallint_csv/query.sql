-- TINYINT and SMALLINT columns of a CSV source: UnivocityParser reads them with Scala's
-- String.toByte / toShort, i.e. Java's Byte.parseByte / Short.parseShort: an optional sign
-- and decimal digits, nothing else (no spaces, no fraction, no exponent, no hex), in
-- -128..127 / -32768..32767 (unlike JSON's getByteValue, 128..255 is out of range); anything
-- else is a malformed field (NULL, the record kept in PERMISSIVE with its _corrupt_record,
-- dropped in DROPMALFORMED); an empty field is nullValue's NULL.  The CSV files sink writes
-- them back as their decimal text.
CREATE SOURCE c (k STRING, t TINYINT, s SMALLINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true);
CREATE SOURCE d (k STRING, t BYTE, s SHORT)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true,
        mode = 'DROPMALFORMED');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'csv', header = true);
INSERT INTO out SELECT k, t, s, _corrupt_record FROM c WITH (name = 'permissive');
INSERT INTO files SELECT k, t, s, t + s AS ts FROM d
WITH (name = 'dropmalformed', checkpointLocation = 'chk');

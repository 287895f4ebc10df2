-- expect: 4:29: The field for corrupt records must be string type and nullable
-- ExprUtils.verifyColumnNameOfCorruptRecord: the column named by columnNameOfCorruptRecord
-- must be a nullable STRING.
CREATE SOURCE s (a INT, bad INT) WITH (connector = 'files', path = 'j', format = 'json', columnNameOfCorruptRecord = 'bad');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM s;

-- CSVOptions read options (UnivocityParser): comment lines (line.startsWith) are skipped, before
-- the header too; nullValue makes a value NULL, quoted or not; a quoted empty value is emptyValue;
-- nanValue, positiveInf and negativeInf are compared before Double/Float.parseDouble (which still
-- reads NaN and Infinity, not Inf); ignoreLeadingWhiteSpace / ignoreTrailingWhiteSpace trim
-- unquoted values only (their read defaults are false: source `raw` keeps the spaces, and
-- Integer.parseInt refuses them while Double.parseDouble trims).  delimiter is sep's alias.
CREATE SOURCE c (id INT, name STRING, score DOUBLE, f FLOAT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/opts/csv', format = 'csv', header = true, comment = '#',
        nullValue = 'NA', nanValue = 'nan', positiveInf = 'INF', negativeInf = '-INF',
        emptyValue = 'EMPTY', ignoreLeadingWhiteSpace = true, ignoreTrailingWhiteSpace = true);
CREATE SOURCE raw (id INT, name STRING, score DOUBLE, f FLOAT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/opts/csv', format = 'csv', header = true, comment = '#',
        nullValue = 'NA');
CREATE SOURCE semis (id INT, name STRING)
  WITH (connector = 'files', path = 'data/opts/semi', format = 'csv', header = true,
        delimiter = ';');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM c WITH (name = 'options');
INSERT INTO console SELECT id, concat('[', name, ']') AS name, score, f, _corrupt_record FROM raw
  WITH (name = 'defaults');
INSERT INTO console SELECT * FROM semis WITH (name = 'delimiter');

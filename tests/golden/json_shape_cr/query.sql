-- A "\r" in every place the JSON fast path's expected shape (cg_json.c shape_record) could meet
-- one: a lone "\r" and "\r\n" ending a line, a "\r" as a space before and after each kind of
-- value and key (read, not read, the fast ones), raw in short and long strings read and not
-- read, escaped in strings, in an object a STRING column reads and in an array not read, first
-- on a line, in a blank line, and a lone "\r" ending the file.  A lone "\r" ends a line
-- wherever it is (Hadoop's LineReader), so each line holding one is cut in two.  The shape
-- takes no line holding a "\r"; a mapped file's lone "\r"s reach it not made line ends yet
-- (line_ends_mapped repeats these lines in a file of more than a megabyte).
-- expected.out is model.py's (tests/tools/json_cr_lines.py: Spark's line ends and rows).
CREATE SOURCE events (time TIMESTAMP, action STRING, x BIGINT, n BIGINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO console SELECT time, replace(action, '\r', '<CR>') AS action, n, _corrupt_record
  FROM events;

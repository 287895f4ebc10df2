-- Joins on TINYINT and SMALLINT keys: stream-static (inner, left outer, left semi, left anti;
-- keys of one type, and widened: SMALLINT = TINYINT, TINYINT = INT) and stream-stream inner
-- joins, whose state keeps the rows of both sides.  NULL keys never match.
CREATE SOURCE ev (id INT, t TINYINT, s SMALLINT)
WITH (connector = 'files', path = 'data/ev', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE ot (oid INT, t BYTE, s SHORT)
WITH (connector = 'files', path = 'data/ot', format = 'json', maxFilesPerTrigger = 1);
CREATE TABLE dim (t TINYINT, s SMALLINT, i INT, name STRING)
WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out SELECT e.id, e.t, d.name FROM ev e JOIN dim d ON e.t = d.t
WITH (name = 'inner_t', checkpointLocation = 'chk/inner_t');
INSERT INTO out SELECT e.id, e.s, d.name FROM ev e LEFT OUTER JOIN dim d ON e.s = d.t
WITH (name = 'left_s_t', checkpointLocation = 'chk/left_s_t');
INSERT INTO out SELECT e.id, e.t FROM ev e LEFT SEMI JOIN dim d ON e.t = d.i
WITH (name = 'semi_t_i', checkpointLocation = 'chk/semi_t_i');
INSERT INTO out SELECT e.id, e.s FROM ev e LEFT ANTI JOIN dim d ON e.s = d.s
WITH (name = 'anti_s', checkpointLocation = 'chk/anti_s');
INSERT INTO out SELECT e.id, o.oid, e.t FROM ev e JOIN ot o ON e.t = o.t
WITH (name = 'stream_t', checkpointLocation = 'chk/stream_t');
INSERT INTO out SELECT e.id, o.oid, e.s, o.t FROM ev e JOIN ot o ON e.s = o.t
WITH (name = 'stream_s_t', checkpointLocation = 'chk/stream_s_t');

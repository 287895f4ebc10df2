-- expect: 3:25: DISTINCT of a value of type map<string,int> is not supported yet
CREATE TABLE t (k STRING, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, mode(DISTINCT m) FROM t GROUP BY k;

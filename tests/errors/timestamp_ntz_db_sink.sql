-- expect: 7:34: Can't get JDBC type for interval day to second.
-- A TIMESTAMP_NTZ column goes to a database sink (JdbcUtils.getCommonJDBCType: TIMESTAMP); the
-- difference of two is an ANSI interval, which has no JDBC type.
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK db WITH (connector = 'sqlite', path = 'out.db', table = 't');
INSERT INTO db SELECT k AS k, t, t - t AS d FROM ev;

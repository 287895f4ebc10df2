-- expect: 5:31: a TIMESTAMP_NTZ column in a database sink is not supported yet
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK db WITH (connector = 'sqlite', path = 'out.db', table = 't');
INSERT INTO db SELECT k AS k, t AS t FROM ev;

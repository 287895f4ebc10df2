-- expect: 5:22: cannot cast 'm' of type map<string,int> to map<int,int>
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CAST(m AS MAP<INT, INT>) AS x FROM e;

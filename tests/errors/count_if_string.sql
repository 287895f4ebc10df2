-- expect: 5:33: function 'count_if' expects a boolean argument, but 's' is of type string
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count_if(s) FROM s WITH (outputMode = 'complete');

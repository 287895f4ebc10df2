-- expect: 3:58: For input string: "yes"
CREATE SOURCE s (a INT)
  WITH (connector = 'files', path = '.', allowComments = 'yes');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT a FROM s;

-- expect: 2:15: Set a port to read from with option("port", ...).
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost');

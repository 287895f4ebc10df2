-- expect: 2:15: Set a host to read from with option("host", ...).
CREATE SOURCE lines WITH (connector = 'socket', port = 9999);

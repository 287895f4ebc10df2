-- expect: 2:15: The socket source does not support a user-specified schema.
CREATE SOURCE lines (value STRING) WITH (connector = 'socket', host = 'localhost', port = 9999);

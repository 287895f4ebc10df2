-- expect: 2:76: Invalid value '99999' for option 'port', must be a port number (1 to 65535)
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost', port = 99999);

-- expect: 2:101: Invalid value 'yes' for option 'includeTimestamp', must be 'true' or 'false'
CREATE SOURCE lines WITH (connector = 'socket', host = 'localhost', port = 9999, includeTimestamp = 'yes');

-- expect: 3:49: Invalid value 'lenient' for option 'mode', must be one of PERMISSIVE, DROPMALFORMED, FAILFAST
CREATE SOURCE events (time TIMESTAMP)
  WITH (connector = 'files', path = 'a', mode = 'lenient');

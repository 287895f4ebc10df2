-- expect: 2:56: Path does not exist: no/such/dir
CREATE SOURCE events WITH (connector = 'files', path = 'no/such/dir', inferSchema = true);

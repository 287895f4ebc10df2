-- expect: 2:78: inferSchema is not supported yet
CREATE SOURCE events WITH (connector = 'files', path = 'data', inferSchema = true);

-- expect: 2:74: unknown option 'delimiter' for connector 'files' (did you mean 'sep'?)
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv', delimiter = ';');

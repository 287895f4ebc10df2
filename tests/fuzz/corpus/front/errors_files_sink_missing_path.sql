-- expect: 2:13: option 'path' is required for connector 'files'
CREATE SINK out WITH (connector = 'files', format = 'csv');

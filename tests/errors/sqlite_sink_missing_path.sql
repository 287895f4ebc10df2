-- expect: 2:13: option 'path' is required for connector 'sqlite'
CREATE SINK out WITH (connector = 'sqlite', table = 'counts');

-- expect: 2:13: option 'table' is required for connector 'sqlite'
CREATE SINK out WITH (connector = 'sqlite', path = 'counts.db');

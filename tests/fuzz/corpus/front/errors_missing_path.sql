-- expect: 2:15: option 'path' is required for connector 'files'
CREATE SOURCE events (time TIMESTAMP, action STRING) WITH (connector = 'files');

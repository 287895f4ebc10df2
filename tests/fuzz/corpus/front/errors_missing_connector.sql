-- expect: 2:15: option 'connector' is required for source 'events'
CREATE SOURCE events (time TIMESTAMP) WITH (path = 'data/events');

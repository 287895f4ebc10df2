-- expect: 2:15: Schema must be specified when creating a streaming source DataFrame. If some files already exist in the directory, then depending on the file format you may be able to create a static DataFrame on that directory with 'spark.read.load(directory)' and infer schema from it.
CREATE SOURCE events WITH (connector = 'files', path = 'data/events', format = 'json');

-- expect: 3:42: lineSep '||' has more than one byte: the files source takes a single ASCII character as lineSep (longer separators are not supported yet)
CREATE SOURCE t WITH (connector = 'files', path = 'data', format = 'text',
                               lineSep = '||');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value FROM t;

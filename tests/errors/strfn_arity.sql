-- expect: 20:24: function 'concat_ws' takes at least 1 argument, but 0 were given
-- expect: 20:37: function 'lpad' takes 2 to 3 arguments, but 1 was given
-- expect: 20:51: function 'rpad' takes 2 to 3 arguments, but 4 were given
-- expect: 20:78: function 'repeat' takes 2 arguments, but 1 was given
-- expect: 21:3: function 'reverse' takes 1 argument, but 2 were given
-- expect: 21:28: function 'initcap' takes 1 argument, but 0 were given
-- expect: 21:39: function 'instr' takes 2 arguments, but 1 was given
-- expect: 21:54: function 'locate' takes 2 to 3 arguments, but 1 was given
-- expect: 21:67: function 'locate' takes 2 to 3 arguments, but 4 were given
-- expect: 22:3: function 'to_date' takes 1 to 2 arguments, but 0 were given
-- expect: 22:14: function 'to_date' takes 1 to 2 arguments, but 3 were given
-- expect: 22:41: function 'date_trunc' takes 2 arguments, but 1 was given
-- expect: 22:60: function 'date_add' takes 2 to 3 arguments, but 1 was given
-- expect: 22:76: function 'date_sub' takes 2 arguments, but 1 was given
-- expect: 23:3: function 'datediff' takes 2 to 3 arguments, but 1 was given
-- expect: 23:19: function 'get_json_object' takes 2 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT concat_ws(), lpad(action), rpad(action, 1, 'a', 'b'), repeat(action),
  reverse(action, action), initcap(), instr(action), locate('a'), locate('a', action, 1, 2),
  to_date(), to_date(action, 'y', 'z'), date_trunc('day'), date_add(time), date_sub(time),
  datediff(time), get_json_object(action)
FROM events;

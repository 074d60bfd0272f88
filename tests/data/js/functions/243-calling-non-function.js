var notFn = 5;
try { notFn(); } catch (e) { return [e.name, e instanceof TypeError]; }

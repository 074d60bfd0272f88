var x = 3;
try { new x(); } catch (e) { return e.name; }

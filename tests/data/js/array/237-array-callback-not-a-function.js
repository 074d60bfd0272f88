try { [1, 2].map(5); return "no error"; } catch (e) { return e.name; }

var out = [new Error("x").toString(), new TypeError("bad type").toString(), new RangeError().toString()];
try { null.x; } catch (e) { out.push(e.toString().indexOf("TypeError") === 0); }
return out;

var e = new TypeError("bad");
var out = [
  e instanceof TypeError, e instanceof Error, e instanceof RangeError,
  [] instanceof Array, [] instanceof Object, {} instanceof Array,
  new Date(0) instanceof Date, "s" instanceof String, 5 instanceof Number
];
try { null.x; } catch (err) { out.push(err instanceof TypeError); }
try { undefinedThing(); } catch (err) { out.push(err instanceof ReferenceError, err instanceof TypeError); }
return out;

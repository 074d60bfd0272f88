var a = Error("plain call");
var b = TypeError("type call");
var c = RangeError();
var out = [a.message, a instanceof Error, b.name, b instanceof TypeError, b instanceof Error, c.message === "", String(c)];
try {
  throw Error("thrown without new");
} catch (e) {
  out.push(e.message, e.name);
}
return out;

var e = "outer e";
var out = [];
try {
  try {
    throw new Error("first");
  } catch (e) {
    out.push("inner " + e.message);
    try {
      throw new TypeError("second");
    } catch (e2) {
      out.push(e.message + "+" + e2.message);
    }
    throw e;
  }
} catch (again) {
  out.push("outer got " + again.message);
}
out.push(e);
try { null.f(); } catch (err) { out.push(err instanceof TypeError); }
return out;

var e = new Error("payment failed");
e.code = "E_PAY";
e.status = 402;
var out = [e.code, e.status];
try {
  var v = new TypeError("bad field");
  v.field = "email";
  throw v;
} catch (err) {
  out.push(err.field + ": " + err.message);
}
out.push(JSON.stringify(e));
return out;

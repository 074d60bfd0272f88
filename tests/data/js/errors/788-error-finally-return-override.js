var log = [];
function a() { try { return "try"; } finally { log.push("a-finally"); } }
function b() { try { throw new Error("x"); } catch (e) { return "catch"; } finally { log.push("b-finally"); } }
function c() { try { return "try"; } finally { return "finally"; } }
function d() { try { throw new Error("lost"); } finally { return "swallowed"; } }
function e() { var n = 1; try { return n; } finally { n = 100; log.push("n=" + n); } }
function f() { try { try { throw new Error("inner"); } finally { log.push("f-inner"); } } catch (err) { return "outer caught " + err.message; } }
var out = [a(), b(), c(), d(), e(), f()];
out.push(log.join(","));
return out;

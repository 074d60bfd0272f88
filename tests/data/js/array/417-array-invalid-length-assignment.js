var a = [1, 2];
var out = [];
try { a.length = -1; out.push("no error"); } catch (e) { out.push(e.name); }
try { a.length = 1.5; out.push("no error"); } catch (e) { out.push(e.name); }
out.push(a.length);
return out;

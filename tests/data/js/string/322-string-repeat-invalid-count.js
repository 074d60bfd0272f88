var out = [];
try { "a".repeat(-1); out.push("no error"); } catch (e) { out.push(e.name); }
try { "a".repeat(Infinity); out.push("no error"); } catch (e) { out.push(e.name); }
out.push("a".repeat(NaN) === "");
return out;

var r = [];
r.push(String(JSON.parse("1e400")));
r.push(String(JSON.parse("-1e400")));
r.push(String(JSON.parse("[1e309]")[0]));
r.push(String(JSON.parse('{"big": 9e999}').big));
botContext.printDebugMessage(r.join(" "));
return r;

var rows = [[1, 2], { a: 1 }, "s"];
var json = rows.map(JSON.stringify);
var keyLists = [{ a: 1, b: 2 }, { c: 3 }].map(Object.keys);
var flags = [[], {}, [1]].map(Array.isArray);
var serialize = JSON.stringify;
return [json.join(";"), keyLists.join("|"), flags.join(","), serialize({ ok: true })];

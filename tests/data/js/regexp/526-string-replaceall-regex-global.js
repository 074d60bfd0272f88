var r = [];
r.push("a1b2c3".replaceAll(/\d/g, "#"));
r.push("Hello hello HELLO".replaceAll(/hello/gi, "hi"));
r.push("2020-01-02".replaceAll(/(\d+)-(\d+)-(\d+)/g, "$3/$2/$1"));
r.push("a b  c".replaceAll(/\s+/g, function (m) { return "[" + m.length + "]"; }));
r.push("aaa".replaceAll(/a*/g, "x"));
botContext.printDebugMessage(r.join(" | "));
return r;

var r = [];
r.push("$10 €20 $30".match(/(?<=\$)\d+/g));
r.push("$10 €20 $30".match(/(?<!\$)\b\d+/g));
r.push("price: 45".replace(/(?<=price: )\d+/, "XX"));
r.push(JSON.stringify("abcd".match(/(?<=(b))c/)));
r.push("aaa".match(/(?<=a)a/g).length);
botContext.printDebugMessage(JSON.stringify(r));
return r;

var r = [];
r.push(JSON.stringify(new Date(0)));
r.push(JSON.stringify({ when: new Date(86400000) }));
r.push(JSON.stringify([new Date(1700000000123)]));
r.push(JSON.stringify(Object.create(null)));
var d = JSON.parse(JSON.stringify({ at: new Date(951782400000) })).at;
r.push(typeof d, d, new Date(d).getTime());
botContext.printDebugMessage(r.join(" "));
return r;

var o = JSON.parse('{"b":1,"10":2,"a":3,"2":4,"-1":5,"1.5":6,"01":7}');
var keys = Object.keys(o);
var forIn = [];
for (var k in o) forIn.push(k);
botContext.printDebugMessage(keys.join(","));
return [keys, forIn.join(","), JSON.stringify(o)];

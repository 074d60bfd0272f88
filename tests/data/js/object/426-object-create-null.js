var dict = Object.create(null);
dict.apple = 3;
dict["toString"] = "shadow";
dict.hasOwnProperty = 1;
var keys = [];
for (var k in dict) keys.push(k);
var r = [keys, Object.keys(dict), "apple" in dict, "toString" in dict, typeof dict.valueOf];
r.push(Object.getPrototypeOf(dict) === null, JSON.stringify(dict));
return r;

var a = [];
a[3] = "d";
var r = [a.length, JSON.stringify(a)];
a[a.length] = "e";
r.push(a.length, a[4]);
a["6"] = "g";
r.push(a.length, a.join(","));
return r;

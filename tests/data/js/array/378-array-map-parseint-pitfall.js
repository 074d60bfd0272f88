var r = [];
r.push(["1", "2", "3"].map(parseInt).map(String));
r.push(["10", "10", "10"].map(parseInt).map(String));
r.push(["1", "2", "3"].map(function (s) { return parseInt(s, 10); }));
r.push(["1.5", "2x", "y"].map(parseFloat).map(String));
return r;

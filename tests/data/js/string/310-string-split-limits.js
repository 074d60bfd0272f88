var s = "a-b-c-d";
var r = [];
r.push(s.split("-", 0), s.split("-", 1), s.split("-", 2), s.split("-", 4), s.split("-", 10));
r.push(s.split("-", undefined), s.split("-", NaN), s.split("-", 2.7), s.split("-", "3"));
r.push(s.split("", 3), s.split(undefined, 1), "".split("", 5), "".split("-", 0));
return r;

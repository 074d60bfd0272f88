var raw = "   Hello, My Name Is SAM   ";
var r = [];
r.push(raw.trim().toLowerCase().split(" ").join("-"));
r.push(raw.trim().slice(-3).toLowerCase().concat("!"));
r.push(raw.toUpperCase().trim().split(",")[1].trim().substring(0, 2));
r.push(raw.trim().split("").reverse().join("").toLowerCase());
r.push(raw.trim().substr(7).trim().split(" ").map(function (w) { return w.charAt(0); }).join(""));
r.push("a-b-c".split("-").join("+").toUpperCase().indexOf("C"));
return r;

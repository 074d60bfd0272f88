var e = new Error("original");
e.name = "ValidationError";
e.message = "changed";
var out = [e.name, e.message, String(e)];
var blank = new Error("");
blank.name = "";
out.push(String(blank));
return out;

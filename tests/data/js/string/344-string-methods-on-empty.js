var e = "";
var r = [];
r.push(e.charAt(0), String(e.charCodeAt(0)), e.indexOf(""), e.lastIndexOf(""), e.indexOf("a"));
r.push(e.slice(0), e.substring(1, 2), e.substr(0, 5), e.split(","), e.split(""));
r.push(e.toUpperCase(), e.trim(), e.concat(e), e.includes(""), e.startsWith(""), e.endsWith(""));
r.push(e.repeat(3), e.padStart(2, "-"), e.padEnd(0, "x"), e.length);
return r;

var s = "50% off & more";
var once = encodeURIComponent(s);
var twice = encodeURIComponent(once);
var r = [once, twice, decodeURIComponent(twice), decodeURIComponent(decodeURIComponent(twice)) === s];
r.push(encodeURI(once), decodeURI(twice), decodeURI(encodeURI("a%b")));
botContext.printDebugMessage(r.join(" | "));
return r;

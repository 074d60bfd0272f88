var reserved = ";,/?:@&=+$#";
var unreserved = "-_.!~*'()";
var r = [];
r.push(encodeURIComponent(reserved), encodeURIComponent(unreserved));
r.push(encodeURIComponent("ABCxyz0189"), encodeURIComponent(" "), encodeURIComponent("%"), encodeURIComponent("\"<>\\^`{|}[]"));
r.push(encodeURIComponent("\t\n\r"), encodeURIComponent(""), encodeURIComponent(123), encodeURIComponent(null), encodeURIComponent(undefined), encodeURIComponent(true));
botContext.printDebugMessage(r.join(" | "));
return r;

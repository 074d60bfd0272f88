var url = "https://example.com/a path/ü?q=a b&x=1+2#frag ment";
var r = [];
r.push(encodeURI(url));
r.push(encodeURIComponent(url));
r.push(encodeURI(";,/?:@&=+$#-_.!~*'()"));
r.push(encodeURI("[]{}|\\^`\"<>% "));
r.push(encodeURI("%20"));
botContext.printDebugMessage(r.join("\n"));
return r;

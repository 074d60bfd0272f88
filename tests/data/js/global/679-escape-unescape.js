var r = [];
r.push(escape("hello world"), escape("a+b=c&d"), escape("@*_+-./"), escape("é€"), escape("\ud83d\ude00"));
r.push(unescape("hello%20world"), unescape("%u20AC%E9"), unescape("%zz%4"), unescape("%u00"), unescape(escape("ünï©ode €")));
botContext.printDebugMessage(r.join(" | "));
return r;

var r = [];
r.push(decodeURI("%3B%2C%2F%3F%3A%40%26%3D%2B%24%23"));
r.push(decodeURIComponent("%3B%2C%2F%3F%3A%40%26%3D%2B%24%23"));
r.push(decodeURI("a%20b%25c"), decodeURIComponent("a%20b%25c"));
r.push(decodeURI("%41%42%43"), decodeURIComponent("%7e%7E"));
r.push(decodeURIComponent("a+b"), decodeURIComponent("no escapes"), decodeURIComponent(""));
r.push(decodeURI("%23%2523"));
botContext.printDebugMessage(r.join(" | "));
return r;

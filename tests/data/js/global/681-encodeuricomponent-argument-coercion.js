var r = [];
r.push(encodeURIComponent([1, "a b"]), encodeURIComponent({}), encodeURIComponent(1.5e-7), encodeURIComponent(-0));
r.push(encodeURIComponent(NaN), encodeURIComponent(), decodeURIComponent(), decodeURIComponent(null), decodeURIComponent(42));
r.push(encodeURI(undefined), decodeURI(["%41", "%42"]));
botContext.printDebugMessage(r.join(" "));
return r;

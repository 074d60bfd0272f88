var r = [];
r.push(typeof parseInt, typeof parseFloat, typeof isNaN, typeof isFinite);
r.push(typeof encodeURIComponent, typeof decodeURIComponent, typeof encodeURI, typeof decodeURI);
r.push(typeof String, typeof Number, typeof Boolean, typeof JSON, typeof Math);
botContext.printDebugMessage(r.join(" "));
return r;

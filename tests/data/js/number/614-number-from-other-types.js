var u;
var out = [];
out.push(Number(), Number(u), Number(null), Number(true), Number(false));
out.push(Number([]), Number([5]), Number(["7"]), Number([1, 2]), Number({}));
out.push(Number(new Date(1000)), Number(function () {}));
out.push(Number("-0"));
var strs = out.map(String);
botContext.printDebugMessage(strs.join(","));
return [strs, 1 / Number("-0")];

var r = [];
r.push(typeof NaN, typeof Infinity, typeof undefined);
r.push(NaN === NaN, NaN !== NaN, Infinity === 1 / 0, -Infinity === -1 / 0);
r.push(String(undefined), String(void 0 === undefined), Infinity - Infinity);
r.push(isNaN(NaN), isFinite(-Infinity), Infinity > 1e308);
botContext.printDebugMessage(r.map(String).join(" "));
return r.map(String);

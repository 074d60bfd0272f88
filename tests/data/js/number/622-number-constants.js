var r = [];
r.push(String(Number.MAX_VALUE), String(Number.MIN_VALUE));
r.push(String(Number.NaN), String(Number.POSITIVE_INFINITY), String(Number.NEGATIVE_INFINITY));
r.push(String(Number.EPSILON), String(Number.MAX_SAFE_INTEGER), String(Number.MIN_SAFE_INTEGER));
r.push(Number.MAX_VALUE * 2 === Infinity, Number.MIN_VALUE / 2 === 0);
r.push(Number.EPSILON === Math.pow(2, -52), Number.MAX_SAFE_INTEGER === Math.pow(2, 53) - 1);
r.push(1 + Number.EPSILON > 1, 1 + Number.EPSILON / 2 > 1);
botContext.printDebugMessage(r.join(" "));
return r;

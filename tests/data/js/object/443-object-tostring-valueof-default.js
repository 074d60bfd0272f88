var o = {a: 1};
var r = [o.toString(), String(o), o + "", "" + {}, [o].join(), typeof o.valueOf(), o.valueOf() === o];
r.push(JSON.stringify({toString: 1}), ({}).toString === o.toString);
return r;

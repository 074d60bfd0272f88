var name = "Ann", n = 3, price = 9.5;
var r = [];
r.push(`Hello ${name}!`);
r.push(`${n} items cost ${n * price}`);
r.push(`nested ${`inner ${name.toUpperCase()}`}`);
r.push(`${null} ${undefined} ${[1, 2]} ${true}`);
r.push(`multi
line`);
r.push(`${name}`.length, `$notvar {x}`, `a\tb`);
return r;

function join3(a, b, c) { return [this.p, a, b, c].join("|"); }
var ctx = { p: "P" };
var one = join3.bind(ctx, 1);
var two = one.bind({ p: "ignored" }, 2);
var out = [one(2, 3), two(3), two(), two(3, 4, 5)];
var fmt = function (prefix, value) { return prefix + value; };
var money = fmt.bind(null, "$");
out.push(["1", "2.50"].map(function (v) { return money(v); }).join(" "));
var counter = { n: 0, add: function (k) { this.n += k; return this.n; } };
var add5 = counter.add.bind(counter, 5);
add5(); add5();
out.push(counter.n, add5.call({ n: 1000 }));
return out;

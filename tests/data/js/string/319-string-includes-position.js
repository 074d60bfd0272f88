var s = "Order shipped to Berlin";
var r = [];
r.push(s.includes("shipped"), s.includes("Shipped"), s.includes(""), s.includes("Berlin", 17));
r.push(s.includes("Berlin", 18), s.includes("Order", -5), s.includes("Order", 1), s.includes("in", 100));
r.push("".includes(""), "".includes("a"), "null".includes(null), "1".includes(1));
r.push(s.includes("d", NaN), s.includes("to", "10"));
return r;

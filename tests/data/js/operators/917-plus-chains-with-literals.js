// A step of a chain of `+` takes a string literal after its operand in the
// same operation (compile.rs `concat`): literals first, last, in a row and
// between operands that convert through script code, with numbers summed
// before the first string as JavaScript sums them.
var log = [];
function at(x) { log.push("eval " + x); return x; }
var o = {
  valueOf: function () { log.push("valueOf"); return 7; },
  toString: function () { log.push("toString"); return "T"; }
};
var n = 0;
var tick = { valueOf: function () { n = n + 1; log.push("tick " + n); return n; } };
var out = [];
var t = "tee", id = 42;
out.push("Add " + t + " to your cart");
out.push("https://shop" + "/products/" + t + "?variant=" + id);
out.push(t + " - " + id);
out.push(1 + 2 + "x");
out.push(1 + 2 + "x" + 3 + 4 + "y");
out.push("a" + "b" + "c" + t + "d" + "e");
out.push(t + "a" + "b" + id + "c");
out.push(1 + o + "-" + o + "=" + at(3));
out.push(tick + "|" + tick + "|" + n + "|" + tick);
out.push(null + "n" + undefined + "u" + true + "b" + [1, 2] + "a" + {} + "o");
out.push(-0 + "" + 0 + "z" + 1e21 + "e" + 0.1 + "f");
out.push("" + "" + "");
out.push(at("x") + at("y") + "lit" + at("z"));
var caught;
try {
  caught = "p" + t + "q" + (function () { throw new Error("stop"); })() + "r";
} catch (e) {
  caught = "caught " + e.message + "!";
}
out.push(caught);
var acc = "";
for (var i = 0; i < 3; i++) { acc = acc + "[" + i + "]" + "," + i * 2 + ";"; }
out.push(acc);
botContext.sendMessage(out.join(" | "));
botContext.sendMessage(log.join(","));

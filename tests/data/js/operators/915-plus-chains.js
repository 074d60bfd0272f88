// Chains of `+` (three operands or more) build one string (compile.rs
// `concat`): the result, and the order of conversions and evaluations, must
// be JavaScript's exactly.
var log = [];
function at(x) { log.push("eval " + x); return x; }
var o = {
  valueOf: function () { log.push("valueOf"); return 7; },
  toString: function () { log.push("toString"); return "T"; }
};
var s = { toString: function () { log.push("s.toString"); return "S"; } };
var out = [];
out.push(1 + 2 + "x" + 1 + 2);
out.push("x" + 1 + 2 + null + undefined + true + [1, [2, 3]] + {} + 1.5 + -0 + 1e21);
out.push(at(1) + o + at("-") + o + at(2));
out.push(o + o + o);
out.push(s + at("|") + s);
out.push(1 + 2 + 3 + 4 + 5);
out.push(0.1 + 0.2 + "=" + (0.1 + 0.2));
out.push("" + (1 + 2 + "a" + (3 + 4 + "b" + 5) + 6) + 7);
// An operand throws inside a chain: the chain stops there, the outer one
// goes on with what it had.
var caught = "p" + (function () {
  try { return "q" + at("r") + (function () { throw new Error("boom"); })() + "never"; }
  catch (e) { return "c:" + e.message + "!"; }
})() + "z" + 1;
out.push(caught);
// A chain inside a loop that keeps throwing.
var tries = 0;
for (var i = 0; i < 3; i++) {
  try { var lost = "a" + i + (function () { throw i; })() + "b"; } catch (e) { tries = tries + e + ","; }
}
out.push(tries);
// Chains inside the operands of chains, through calls.
function label(n) { return "<" + n + ":" + (n > 0 ? label(n - 1) : "") + ">"; }
out.push("L" + label(3) + "R" + label(1));
var acc = "";
for (var j = 0; j < 4; j++) { acc = acc + j + "," + j * j + ";"; }
out.push(acc);
var d = new Date(0);
out.push("t=" + d.getTime() + "/" + d.toISOString() + "/" + [d.getUTCFullYear()]);
botContext.sendMessage(out.join(" | "));
botContext.sendMessage(log.join(","));

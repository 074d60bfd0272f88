var args = [];
var out = "one two one".replace("one", function (m, off, str) {
  args.push([m, off, str, arguments.length]);
  return "1";
});
var dollar = "ab".replace("a", function () { return "$&$&"; });
var missing = "ab".replace("z", function () { args.push("never"); return "?"; });
var num = "5 of 5".replace("5", function (m) { return m * 3; });
botContext.printDebugMessage(out + " " + dollar + " " + missing + " " + num);
return { out: out, args: args, dollar: dollar, missing: missing, num: num };

var ctors = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
var out = [];
for (var i = 0; i < ctors.length; i++) {
  var e = new ctors[i]("m" + i);
  out.push([e.name, e.message, e instanceof Error, e instanceof ctors[i], e instanceof TypeError, typeof e].join(":"));
}
botContext.printDebugMessage(out.join("\n"));
return out;

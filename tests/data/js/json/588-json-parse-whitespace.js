var r = [];
r.push(JSON.parse(" \t\n\r 1 \t\n\r "));
r.push(JSON.parse("\n[\n 1 ,\n 2\n]\n").length);
r.push(JSON.parse('{ "a" : { "b" : [ ] } }').a.b.length);
var errs = [];
var odd = ["\u00a01", "\ufeff1", "\u20281", "\v1", "\f1"];
for (var i = 0; i < odd.length; i++) {
  try { JSON.parse(odd[i]); errs.push("ok"); } catch (e) { errs.push(e.name); }
}
r.push(errs.join(","));
botContext.printDebugMessage(JSON.stringify(r));
return r;

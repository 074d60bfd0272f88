var inputs = ['"str"', "true", "false", "null", "0", "[]", "{}", '[null]', '{"":""}'];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  var v = JSON.parse(inputs[i]);
  out.push(inputs[i] + ":" + (v === null ? "null" : Array.isArray(v) ? "array" : typeof v));
}
var emptyKey = JSON.parse('{"":"empty","a":{"":1}}');
out.push(emptyKey[""] + emptyKey.a[""]);
out.push(JSON.parse(123) + 1);
out.push(JSON.parse(true));
out.push(String(JSON.parse(null)));
try { JSON.parse(undefined); } catch (e) { out.push(e.name); }
try { JSON.parse({}); } catch (e) { out.push(e.name); }
out.push(JSON.parse(["[7]"])[0]);
botContext.printDebugMessage(out.join(" "));
return out;

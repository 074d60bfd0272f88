var out = [];
var a = { name: "a" };
a.self = a;
try {
  JSON.stringify(a);
  out.push("no error");
} catch (e) {
  out.push(e.name, e instanceof TypeError);
}
var arr = [1];
arr.push(arr);
try { JSON.stringify(arr); } catch (e) { out.push(e.name); }
var shared = { v: 1 };
out.push(JSON.stringify({ x: shared, y: shared, z: [shared, shared] }));
var b = { child: {} };
b.child.parent = b;
botContext.printDebugMessage(out.join(" "));
JSON.stringify({ wrap: b });
return out;

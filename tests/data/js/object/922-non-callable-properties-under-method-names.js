// ES5 §11.2.3: calling a property that is not a function is a TypeError,
// also when its name is a built-in method's (the property hides it).
var r = [];
var o = {};
o.toString = 5;
try { o.toString(); r.push("called"); } catch (e) { r.push(e.name); }
o.hasOwnProperty = "no";
try { o.hasOwnProperty("toString"); r.push("called"); } catch (e) { r.push(e.name); }
o.valueOf = undefined;
try { o.valueOf(); r.push("called"); } catch (e) { r.push(e.name); }
o.isPrototypeOf = null;
try { o.isPrototypeOf({}); r.push("called"); } catch (e) { r.push(e.name); }
// Inherited from a script prototype, the same.
var base = {toLocaleString: 1};
var child = Object.create(base);
try { child.toLocaleString(); r.push("called"); } catch (e) { r.push(e.name); }
// A function there is called; other objects keep the built-ins.
o.toString = function () { return "own"; };
r.push(o.toString(), String(o), ({}).toString(), ({a: 1}).hasOwnProperty("a"));
// Operators convert through the built-in when the property is not a
// function (ES5 §8.12.8 skips it).
var p = {toString: 5, valueOf: function () { return 7; }};
r.push(p + 1, p * 2);
return r;

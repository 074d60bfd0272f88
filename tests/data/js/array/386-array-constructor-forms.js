var r = [];
var a = new Array(3);
r.push(a.length, String(a[0]), JSON.stringify(a), a.join("-"));
r.push(new Array().length, new Array(1, 2).length, new Array("3").length, new Array("3")[0]);
r.push(Array(2).length, Array("a", "b"), Array(0).length, new Array(2, 3));
var err = "";
try { new Array(-1); } catch (e) { err = e.name; }
r.push(err);
try { new Array(1.5); } catch (e) { err = e.name + "2"; }
r.push(err);
return r;

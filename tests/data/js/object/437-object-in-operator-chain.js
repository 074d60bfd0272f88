var base = {inherited: 1};
var o = Object.create(base);
o.own = 0;
o.nul = null;
var r = ["own" in o, "inherited" in o, "nul" in o, "missing" in o, "toString" in o, "hasOwnProperty" in o];
delete o.own;
r.push("own" in o);
o.inherited = 2;
delete o.inherited;
r.push("inherited" in o, o.inherited);
var err = "";
try { "x" in "string"; } catch (e) { err = e.name; }
r.push(err);
try { "x" in null; } catch (e) { err = err + "/" + e.name; }
r.push(err);
return r;

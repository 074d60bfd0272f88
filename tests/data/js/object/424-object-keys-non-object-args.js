var r = [];
r.push(Object.keys(""), Object.keys("ab"));
var err = [];
try { Object.keys(null); err.push("no error"); } catch (e) { err.push(e.name); }
try { Object.keys(undefined); err.push("no error"); } catch (e) { err.push(e.name); }
r.push(err);
return r;

function Cat() {}
var c = new Cat();
var r = [typeof {}, typeof null, typeof [], typeof Cat, typeof c];
r.push(c instanceof Cat, {} instanceof Cat, [] instanceof Array, c instanceof Object, {} instanceof Object, [] instanceof Object);
r.push(Object.create(Cat.prototype) instanceof Cat);
var err = "";
try { c instanceof 5; } catch (e) { err = e.name; }
r.push(err);
return r;

function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
Animal.prototype.kind = "animal";
function Dog(name) { Animal.call(this, name); this.tricks = []; }
Dog.prototype = new Animal("proto");
Dog.prototype.speak = function () { return Animal.prototype.speak.call(this) + " (woof)"; };
Dog.prototype.learn = function (t) { this.tricks.push(t); return this; };
var d = new Dog("Rex");
d.learn("sit").learn("roll");
var a = new Animal("Cat");
var out = [d.speak(), a.speak(), d.kind, d.tricks.join(","), d instanceof Dog, d instanceof Animal, a instanceof Dog];
out.push(d.hasOwnProperty("name"), d.hasOwnProperty("speak"), "speak" in d, Dog.prototype.name);
Animal.prototype.kind = "beast";
out.push(d.kind, a.kind);
return out;

var base = {greet: function () { return "hi " + this.name; }};
var o = {name: "Ann"};
o.__proto__ = base;
return [o.greet === base.greet, Object.keys(o), Object.getPrototypeOf(o) === base, o.__proto__ === base];

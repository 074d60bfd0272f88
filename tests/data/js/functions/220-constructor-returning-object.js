function A() { this.x = 1; return { y: 2 }; }
function B() { this.x = 1; return 5; }
var a = new A();
var b = new B();
return [a.x, a.y, b.x, a instanceof A, b instanceof B];

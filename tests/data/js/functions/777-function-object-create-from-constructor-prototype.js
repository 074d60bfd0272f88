function A(n) { this.n = n; }
A.prototype.hello = function () { return "A" + this.n; };
function B(n) { A.call(this, n); }
B.prototype = Object.create(A.prototype);
B.prototype.constructor = B;
var b = new B(3);
return [b.hello(), b instanceof B, b instanceof A, b.constructor === B];

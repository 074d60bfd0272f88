function Plain() { this.a = 1; return {b: 2}; }
function Prim() { this.a = 1; return 5; }
function NoThis() { }
var p = new Plain();
var q = new Prim();
var n = new NoThis();
return [p.a, p.b, q.a, Object.keys(n).length, typeof n, p instanceof Plain, q instanceof Prim];

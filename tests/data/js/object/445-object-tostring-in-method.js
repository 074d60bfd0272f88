var point = {
  x: 3, y: 4,
  describe: function () { return "(" + this.x + ", " + this.y + ")"; },
  len: function () { return Math.sqrt(this.x * this.x + this.y * this.y); }
};
var r = [point.describe(), point.len()];
var other = {x: 6, y: 8};
r.push(point.describe.call(other), point.len.apply(other, []));
var f = point.describe;
var g = {x: 1, y: 2, d: f};
r.push(g.d());
return r;

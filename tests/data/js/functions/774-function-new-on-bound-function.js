function Point(x, y) { this.x = x; this.y = y; }
var AtOrigin = Point.bind(null, 0);
var p = new AtOrigin(5);
return [p.x, p.y, p instanceof Point];

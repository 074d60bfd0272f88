var r = [];
r.push(Math.PI, Math.E, typeof Math.PI, Math.PI * 2, Math.E * Math.E);
r.push(Math.round(Math.PI * 10000) / 10000, Math.PI.toFixed(5), Math.E.toFixed(3));
var circle = function (radius) { return { area: Math.PI * radius * radius, circumference: 2 * Math.PI * radius }; };
var c = circle(2.5);
r.push(c.area.toFixed(3), c.circumference.toFixed(3));
botContext.printDebugMessage(r.join(" "));
return r;

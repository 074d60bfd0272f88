var a = ["a", "b", "c", "a", "b", "c"];
var r = [];
r.push(a.indexOf("a"), a.indexOf("a", 1), a.indexOf("a", 3), a.indexOf("a", 4), a.indexOf("c", -1));
r.push(a.indexOf("a", -3), a.indexOf("a", -2), a.indexOf("a", -100), a.indexOf("a", 100), a.indexOf("b", "2"));
r.push(a.indexOf("a", NaN), a.indexOf("b", 1.5), [].indexOf(undefined), [undefined].indexOf());
r.push([{}].indexOf({}), [[1]].indexOf([1]), [0].indexOf(-0), ["1"].indexOf(1));
var o = {id: 1};
r.push([5, o].indexOf(o));
return r;

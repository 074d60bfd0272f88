function Proto() { this.own = 1; }
Proto.prototype.inherited = 2;
var p = new Proto();
var arr = ["a", "b"];
var obj = { zero: 0, nothing: null, undef: undefined };
var out = ["own" in p, "inherited" in p, "missing" in p, "toString" in p, "hasOwnProperty" in {}];
out.push(0 in arr, "1" in arr, 2 in arr, "length" in arr, -1 in arr);
out.push("zero" in obj, "nothing" in obj, "undef" in obj, obj.undef === undefined, "other" in obj);
var key = "zero";
delete obj[key];
out.push(key in obj);
return out;

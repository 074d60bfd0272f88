var same = {z: 1};
var q = Object({k: 1});
return [q.k, Object(same) === same, new Object(same) === same, Object([1, 2]).length];

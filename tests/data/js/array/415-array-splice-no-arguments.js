var a = [1, 2, 3];
var removed = a.splice();
return [removed, a];

// gap: objects made by Object.create(null) still inherit from Object.prototype (`in` finds toString; instanceof Object is true)
var dict = Object.create(null);
dict.apple = 1;
return ["apple" in dict, "valueOf" in dict, "toString" in dict, "hasOwnProperty" in dict, dict instanceof Object];

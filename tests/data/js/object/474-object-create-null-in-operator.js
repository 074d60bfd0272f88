var dict = Object.create(null);
dict.apple = 1;
return ["apple" in dict, "valueOf" in dict, "toString" in dict, "hasOwnProperty" in dict, dict instanceof Object];

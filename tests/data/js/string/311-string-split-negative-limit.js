var s = "a,b,c";
return [s.split(",", -1), s.split(",", -2), s.split("", -1)];

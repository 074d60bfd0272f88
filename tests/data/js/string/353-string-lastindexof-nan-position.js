var s = "canal banana";
return [s.lastIndexOf("a", NaN), s.lastIndexOf("an", NaN), s.lastIndexOf("a", "x"), s.lastIndexOf("c", {})];

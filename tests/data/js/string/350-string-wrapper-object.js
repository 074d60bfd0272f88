//! differs: new String/Number/Boolean (wrapper objects) are a TypeError
var s = new String("ab");
return [typeof s, s.length, s + "c", s.charAt(1)];

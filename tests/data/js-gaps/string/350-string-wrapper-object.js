// gap: new String(...) (a String wrapper object) throws TypeError
var s = new String("ab");
return [typeof s, s.length, s + "c", s.charAt(1)];

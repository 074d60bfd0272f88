var a = [1, 2];
return [delete a.length, a.length, delete "abc".length];

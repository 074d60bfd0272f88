var s = "a😀";
return [s.codePointAt(0), s.codePointAt(1), s.codePointAt(2), String(s.codePointAt(3))];

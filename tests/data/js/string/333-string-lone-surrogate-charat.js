//! differs: strings are UTF-8 inside cbot: half of a surrogate pair cannot be held and reads as U+FFFD
var s = "a😀b";
return [s.charAt(1).charCodeAt(0), s[2].charCodeAt(0), s.slice(0, 2).charCodeAt(1), s.charAt(1) === "\ud83d"];

//! differs: strings are UTF-8 inside cbot, so without the u flag an astral character is still one character to a regex (JavaScript sees two UTF-16 code units), and \u{…} is read as a code point escape even without u
var smile = "\ud83d\ude00";
var r = [];
r.push(/^.$/.test(smile));
r.push(/^.$/u.test(smile));
r.push(smile.match(/./g).length);
r.push(smile.match(/./gu).length);
r.push(/\u{1F600}/u.test(smile));
r.push(/\u{61}/.test("a"));
r.push(/^[\ud83d\ude00]$/u.test(smile));
r.push("é".match(/\w/u));
r.push(/\u00e9/.test("café"));
botContext.printDebugMessage(JSON.stringify(r));
return r;

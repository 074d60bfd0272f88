function props(re) {
  return [re.source, re.flags, re.global, re.ignoreCase, re.multiline, re.lastIndex];
}
var out = [];
out.push(props(/ab+c/));
out.push(props(/ab+c/gi));
out.push(props(/^x$/m));
out.push(props(new RegExp("a|b", "mgi")));
out.push(props(/y/y).concat([/y/y.sticky, /y/.sticky]));
out.push([/u/u.unicode, /u/.unicode, /s/s.dotAll, /s/.dotAll]);
out.push([/a/gimsuy.flags]);
for (var i = 0; i < out.length; i++) botContext.printDebugMessage(JSON.stringify(out[i]));
return out;

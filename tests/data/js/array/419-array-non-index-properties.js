var a = [1, 2];
a.name = "list";
a[1.5] = "frac";
a["-1"] = "neg";
return [a.name, a[1.5], a[-1], Object.keys(a), a.length];

var o = {visible: 1};
Object.defineProperty(o, "hidden", {value: 42, enumerable: false, writable: false});
o.hidden = 7;
Object.defineProperty(o, "shown", {value: "s", enumerable: true});
return [o.hidden, Object.keys(o), JSON.stringify(o), "hidden" in o];

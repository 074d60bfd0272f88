var r = [];
r.push(String([]), String([1]), String([1, 2, 3]), String([[1, 2], [3]]));
r.push(String([null, undefined, 1]), String([{}, []]));
r.push(String({}), String({ a: 1 }));
r.push([] + [], [] + {}, [1] + 1, ["a"] + ["b"]);
botContext.printDebugMessage(r.join(" ; "));
return r;

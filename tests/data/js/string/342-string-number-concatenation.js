var r = [];
r.push(1 + 2 + "3", "1" + 2 + 3, 1 + (2 + "3"), "5" - 2, "5" * "2", "10" / "4");
r.push("3" + -1, +"3" + 1, -"4", "x" - 1 + "", "" + 0.000001, "" + 1e-7);
r.push("a" + null, "a" + undefined, "a" + true, null + "", [1, 2] + "");
botContext.printDebugMessage(r.join("|"));
return r;

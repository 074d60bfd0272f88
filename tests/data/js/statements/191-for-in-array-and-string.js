var arr = ["a", "b", "c"];
var out = [];
for (var i in arr) { out.push(typeof i + ":" + i + "=" + arr[i]); }
var word = "hey";
for (var j in word) { out.push(j + word[j]); }
var total = 0;
for (var key in {x: 1, y: 2, z: 3}) { if (key == "y") { continue; } total += 1; }
out.push(total);
botContext.printDebugMessage(out.join(" "));
return out;

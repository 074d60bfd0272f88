var greeting = "Hello";
var names = ["Ann", "Bob"];
function greet(name) { return greeting + ", " + name; }
var out = [];
for (var i = 0; i < names.length; i++) {
  out.push(greet(names[i]));
}
greeting = "Hi";
out.push(greet("Cy"));
botContext.sendMessage(out.join(" / "));
return out;

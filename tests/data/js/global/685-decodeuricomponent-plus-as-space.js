var form = "name=Ann+Lee&city=S%C3%A3o+Paulo&note=1%2B1%3D2";
var fields = {};
form.split("&").forEach(function (pair) {
  var i = pair.indexOf("=");
  var key = pair.substring(0, i);
  var value = pair.substring(i + 1).split("+").join(" ");
  fields[key] = decodeURIComponent(value);
});
var rebuilt = Object.keys(fields).map(function (k) {
  return k + "=" + encodeURIComponent(fields[k]).split("%20").join("+");
}).join("&");
botContext.printDebugMessage(JSON.stringify(fields));
return [fields, rebuilt, rebuilt === form];

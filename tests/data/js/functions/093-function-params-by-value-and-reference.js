function change(n, s, o, a) {
  n = n + 1;
  s = s + "!";
  o.touched = true;
  a.push("added");
  return n;
}
var num = 1;
var str = "hi";
var obj = {touched: false};
var arr = [];
var ret = change(num, str, obj, arr);
botContext.printDebugMessage(num + " " + str + " " + JSON.stringify(obj) + " " + arr.join());
return ret;

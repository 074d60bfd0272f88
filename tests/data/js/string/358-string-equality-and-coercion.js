var r = [];
r.push("1" == 1, "1" === 1, "" == 0, " \t" == 0, "0" == false, "a" == "a", "abc" == "ABC".toLowerCase());
r.push(null == "", undefined == "undefined", "true" == true, "1,2" == [1, 2], "[object Object]" == {});
r.push("" ? "truthy" : "falsy", "0" ? "truthy" : "falsy", " " ? "truthy" : "falsy");
return r;

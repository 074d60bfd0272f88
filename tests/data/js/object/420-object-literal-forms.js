var x = 5;
var o = {
  plain: 1,
  "quoted key": 2,
  'single': 3,
  42: "num",
  1.5: "float",
  nested: {deep: {deeper: true}},
  list: [1, {a: 2}],
  fn: function () { return "called"; },
  expr: x * 2,
  trailing: "comma",
};
var r = [o.plain, o["quoted key"], o.single, o[42], o["1.5"], o.nested.deep.deeper, o.list[1].a, o.fn(), o.expr];
r.push(JSON.stringify(o));
return r;

var items = ["ok", "bad", "bad", "ok", "bad", "ok"];
for (var i = 0; i < items.length; i++) {
  if (items[i] === "bad") { items.splice(i, 1); i--; }
}
var nums = [1, 2, 3, 4, 5, 6, 7, 8];
for (var j = nums.length - 1; j >= 0; j--) {
  if (nums[j] % 3 === 0) nums.splice(j, 1);
}
var list = ["a", "c"];
list.splice(1, 0, "b");
list.splice(list.length, 0, "d", "e");
return [items, nums, list];

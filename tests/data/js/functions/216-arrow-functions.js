var sq = x => x * x;
var add = (a, b) => { return a + b; };
var none = () => "none";
return [sq(7), add(2, 3), none(), [1, 2, 3].map(x => x * 2)];

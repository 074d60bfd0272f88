var a = [2, 5, 9, 2, 5];
return [a.lastIndexOf(2, undefined), a.lastIndexOf(5, undefined), a.lastIndexOf(2, NaN)];

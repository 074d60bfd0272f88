var a = [1, "2", NaN, null, undefined];
return [a.includes(1), a.includes("1"), a.includes(NaN), a.includes(null), a.includes(undefined),
  a.includes(2), [1, 2, 3].includes(1, 1), [1, 2, 3].includes(3, -1), [].includes(undefined)];

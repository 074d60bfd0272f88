return [Object.getOwnPropertyNames({b: 1, a: 2}), Object.getOwnPropertyNames(["x"])];

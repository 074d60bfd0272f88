return [Object.keys(5), Object.keys(true), Object.keys(NaN)];

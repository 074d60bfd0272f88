// gap: Object.keys of a number or boolean throws TypeError instead of returning []
return [Object.keys(5), Object.keys(true), Object.keys(NaN)];

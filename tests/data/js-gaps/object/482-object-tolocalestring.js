// gap: toLocaleString on objects and arrays is missing (TypeError)
return [({a: 1}).toLocaleString(), [1, "b"].toLocaleString(), [].toLocaleString()];

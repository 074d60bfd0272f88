return [({a: 1}).toLocaleString(), [1, "b"].toLocaleString(), [].toLocaleString()];

return [[1].propertyIsEnumerable(0), [1].propertyIsEnumerable("length"), ["a"].propertyIsEnumerable("1")];

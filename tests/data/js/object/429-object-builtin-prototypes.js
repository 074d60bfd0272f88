return [typeof Object.prototype, typeof Array.prototype, Object.getPrototypeOf({}) === Object.prototype,
  Object.getPrototypeOf([]) === Array.prototype, Object.getPrototypeOf(Object.prototype)];

// Lookaround inside nested quantifiers has no linear form: a SyntaxError
// when the pattern is made.
new RegExp('^(?:(?=a)a+)+$').test('aaaa!');

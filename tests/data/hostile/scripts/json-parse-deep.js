// 100,000 levels of JSON: a SyntaxError at depth 512, not a host stack
// overflow.
JSON.parse(new Array(100001).join('[') + new Array(100001).join(']'));

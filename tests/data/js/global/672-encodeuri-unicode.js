var r = [];
r.push(encodeURIComponent("é"), encodeURIComponent("€"), encodeURIComponent("日本"), encodeURIComponent("\ud83d\ude00"));
r.push(encodeURIComponent("\u007f\u0080\u07ff\u0800\uffff"), encodeURI("ñ/ü"), encodeURIComponent("ß"));
r.push(decodeURIComponent("%C3%A9"), decodeURIComponent("%E2%82%AC"), decodeURIComponent("%F0%9F%98%80").length, decodeURIComponent("%e6%97%a5"));
botContext.printDebugMessage(r.join(" "));
return r;

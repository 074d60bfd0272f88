var base64 = /^(?:[A-Za-z\d+\/]{4})*?(?:[A-Za-z\d+\/]{2}(?:==)?|[A-Za-z\d+\/]{3}=?)?$/;
var samples = ["", "TWFu", "TWE=", "TWE", "TQ==", "TQ", "T", "TWFuTWE=", "TW=u", "aGVsbG8gd29ybGQ=", "not base64!", "ab/+"];
var out = [];
for (var i = 0; i < samples.length; i++) {
  out.push(JSON.stringify(samples[i]) + ":" + base64.test(samples[i]));
}
botContext.printDebugMessage(out.join(" "));
return out;

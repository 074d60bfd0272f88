var url = "https://shop.example.com/cart?item=book%20one&qty=2&coupon=&ref=bot#top";
var query = url.replace(/^[^?]*\?/, "").replace(/#.*$/, "");
var params = {};
query.replace(/([^&=]+)=?([^&]*)/g, function (m, k, v) {
  params[decodeURIComponent(k)] = decodeURIComponent(v);
  return "";
});
var host = url.match(/^https?:\/\/([^\/?#]+)/)[1];
var getParam = function (name) {
  var m = new RegExp("[?&]" + name + "=([^&#]*)").exec(url);
  return m ? decodeURIComponent(m[1]) : null;
};
botContext.printDebugMessage(JSON.stringify(params));
return { host: host, params: params, qty: getParam("qty"), none: getParam("nope") };

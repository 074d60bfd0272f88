function Account(owner, balance) {
  this.owner = owner;
  this.balance = balance || 0;
}
Account.prototype.deposit = function (n) { this.balance += n; return this; };
Account.prototype.toJSON_ = function () { return this.owner + ":" + this.balance; };
var a = new Account("Ann", 10);
var b = new Account("Bo");
a.deposit(5).deposit(5);
b.deposit(1);
var r = [a.balance, b.balance, a instanceof Account, a.deposit === b.deposit, a.toJSON_(), JSON.stringify(a)];
Account.prototype.currency = "EUR";
r.push(b.currency, Object.keys(b));
return r;

var account = {
  owner: "ann",
  balance: 10,
  deposit: function (n) { this.balance += n; return this; },
  describe: function () { return this.owner + ":" + this.balance; }
};
account.deposit(5).deposit(2);
var d = account.describe;
var other = { owner: "bob", balance: 1, describe: d };
return [account.describe(), other.describe()];

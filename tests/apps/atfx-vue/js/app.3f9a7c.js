(function () {
  var app = document.getElementById("app");
  var plans = [["Starter", "2.5% daily for 30 days", "$100"],
               ["Gold", "8% daily for 15 days", "$1,000"],
               ["VIP", "24% daily for 7 days", "$10,000"]];
  app.appendChild(h("header", {}, [h("h1", {}, ["ATFX Pro - Global Trading Platform"]),
    h("nav", {}, [h("a", {href: "/plans"}, ["Investment plans"]), " ",
                  h("a", {href: "/withdraw"}, ["Withdraw"]), " ",
                  h("a", {href: "/about"}, ["About us"])])]));
  app.appendChild(h("section", {}, [
    h("h2", {}, ["Earn up to 24% daily profit with our AI trading team"]),
    h("p", {}, ["Guaranteed returns, no risk. Thousands of successful investors withdraw every day."])]));
  var table = h("table", {}, []);
  plans.forEach(function (p) { table.appendChild(h("tr", {}, [h("td", {}, [p[0]]), h("td", {}, [p[1]]), h("td", {}, ["Minimum " + p[2]])])); });
  app.appendChild(table);
  app.appendChild(h("section", {}, [
    h("h3", {}, ["Withdrawals"]),
    h("p", {}, ["You can withdraw after upgrading VIP. A 15% tax must be paid before you can withdraw your profit."]),
    h("h3", {}, ["Referral program"]),
    h("p", {}, ["Referral commission: level 1 10%, level 2 5%, level 3 3%."]),
    h("p", {}, ["Contact your manager on Telegram @atfx_pro_support"])]));
})();

(function () {
  var views = {
    "/": ["Welcome to ATFX Markets", "Trade forex, gold and crypto with a trusted global broker. Open an account in minutes and start trading today with our award-winning platform."],
    "/pages/plans": ["Investment plans", "Silver plan: 3% daily for 20 days. Platinum plan: 12% daily for 10 days. Diamond: 300% after 10 days. Principal returned at the end of the term."],
    "/pages/withdraw": ["Withdraw", "Withdrawals are processed after you upgrade to VIP 3. To withdraw you must first pay the 20% personal income tax to unlock your account."],
    "/pages/about": ["About ATFX Markets", "ATFX Markets is licensed by the FCA and has served more than 2 million clients since 2015."]
  };
  function render() {
    var path = (location.hash || "#/").slice(1) || "/";
    var v = views[path] || ["Not found", "This page does not exist."];
    var root = document.getElementById("root");
    root.innerHTML = "";
    root.appendChild(h("nav", {}, [h("a", {href: "#/"}, ["Home"]), " ",
      h("a", {href: "#/pages/plans"}, ["Plans"]), " ",
      h("a", {href: "#/pages/withdraw"}, ["Withdraw"]), " ",
      h("a", {href: "#/pages/about"}, ["About"])]));
    root.appendChild(h("h1", {}, [v[0]]));
    root.appendChild(h("p", {}, [v[1]]));
  }
  window.addEventListener("hashchange", render);
  render();
})();

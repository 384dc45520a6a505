(function () {
  var app = document.getElementById("app");
  var lines = [
    "Sàn giao dịch ATFX Việt Nam - nền tảng đầu tư uy tín hàng đầu",
    "Lợi nhuận lên đến 24% mỗi ngày, cam kết không rủi ro, hoàn vốn 100%.",
    "Gói VIP1: lãi 3%/ngày. Gói VIP5: lãi 24%/ngày trong 7 ngày.",
    "Rút tiền sau khi nâng cấp VIP. Muốn rút tiền phải nộp phí 15% trước.",
    "Hoa hồng giới thiệu: cấp 1 10%, cấp 2 5%, cấp 3 2%.",
    "Hàng nghìn nhà đầu tư thành công đã rút tiền hôm nay. Nhanh tay, số lượng có hạn!",
    "Liên hệ Zalo: 0912 345 678 để được hỗ trợ."
  ];
  lines.forEach(function (t, i) { app.appendChild(h(i ? "p" : "h1", {}, [t])); });
  app.appendChild(h("a", {href: "#/pages/withdraw/index"}, ["Rút tiền"]));
})();

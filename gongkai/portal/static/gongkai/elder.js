// 适老化 mode (larger type, higher contrast): switched by the header button, remembered in
// this browser (localStorage), applied before the page paints.
(function () {
  var KEY = "gongkai-elder-mode";
  var root = document.documentElement;
  function stored() { try { return localStorage.getItem(KEY) === "on"; } catch (e) { return false; } }
  function apply(on) {
    root.classList.toggle("elder-mode", on);
    var button = document.getElementById("elder-toggle");
    if (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? "退出适老化" : "适老化模式";
    }
  }
  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    apply(stored());
    var button = document.getElementById("elder-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.classList.contains("elder-mode");
      try { localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode: this page only */ }
      apply(on);
    });
  });
})();

// Small behaviours declared in the markup, so that pages need no inline script
// (the Content-Security-Policy allows scripts from the platform's static files only).
//   <select data-submit-on-change>  submits its form when the choice changes
//   <button data-print>             prints the page
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-submit-on-change]") && event.target.form) {
    event.target.form.submit();
  }
});
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

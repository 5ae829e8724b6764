// Move keyboard and screen-reader focus to the error summary when a form comes back
// with errors, so the first thing announced is what to fix.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
});

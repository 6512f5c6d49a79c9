// Forms that create something (a session, a review, a retry) are sent once: a double click, or a
// second click while the first request is on its way, would create two. No inline code: the forms
// carry data-submit-once. A submit htmx took over is not counted (htmx prevents its default).
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-submit-once]") || event.defaultPrevented) { return; }
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
    form.setAttribute("aria-busy", "true");
  });

  // Back to the page from the browser's cache: its forms may be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submit-once][data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
      form.removeAttribute("aria-busy");
    });
  });
})();

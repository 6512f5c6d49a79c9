// Forms that say they work while a slow request runs (templates/content/_working.html) post with
// htmx, which swaps no error response by default: a refused upload (a body over the cap, an expired
// CSRF token) would leave the page as it was, with no word. Such forms show the error page instead,
// as the same form does without JavaScript. No inline code: the forms carry data-working-form.
(function () {
  "use strict";

  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.requestConfig && event.detail.requestConfig.elt;
    var form = elt && elt.closest("[data-working-form]");
    if (form && event.detail.isError) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();

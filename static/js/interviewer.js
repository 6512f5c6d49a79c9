// Interviewer pages: a "Copy link" button for the invite link. No inline code: configured by
// data-copy-target (a selector for the input to copy) and data-copied-text (the confirmation).
(function () {
  "use strict";

  function setUp(button) {
    var input = document.querySelector(button.getAttribute("data-copy-target"));
    if (!input || !navigator.clipboard) { return; }  // the input stays selectable by hand
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = button.getAttribute("data-copied-text") || label;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        input.select();
      });
    });
  }

  document.querySelectorAll("[data-copy-target]").forEach(setUp);
})();

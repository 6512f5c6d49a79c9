// Behaviour every page shares. No inline code anywhere: forms opt in with data- attributes.
(function () {
  "use strict";

  // Every htmx request carries the CSRF token of Django's cookie when it leaves. Logging in again
  // in another tab (as the logged-out message asks) renews the token, and the one the page was
  // served with (in <body hx-headers> and its forms) goes stale: every button would then fail
  // with a 403 and do nothing, until the page is reloaded.
  document.addEventListener("htmx:configRequest", function (event) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (!match) { return; }
    var fresh = decodeURIComponent(match[1]);
    event.detail.headers["X-CSRFToken"] = fresh;
    if (event.detail.parameters.csrfmiddlewaretoken !== undefined) {
      event.detail.parameters.csrfmiddlewaretoken = fresh;
    }
  });

  // Forms that create something (a session, a review, a retry) are sent once: a double click, or
  // a second click while the first request is on its way, would create two. The forms carry
  // data-submit-once. A submit htmx took over is not counted (htmx prevents its default).

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

  // interview.js keeps answer text the server has not acknowledged in localStorage, named
  // "draft:<user>:<session>:<question>". On a shared computer a draft must not outlive the person
  // who typed it: the Log out button drops every draft, and a page signed in as someone else drops
  // the ones that are not theirs. A signed-out page keeps them, so whoever was logged out while
  // typing gets the text back on logging in again. "interview-" keys are drafts from before they
  // named their user.
  function clearDrafts(keepPrefix) {
    try {
      var keys = [];
      for (var index = 0; index < window.localStorage.length; index += 1) {
        keys.push(window.localStorage.key(index));
      }
      keys.forEach(function (key) {
        var draft = key.indexOf("draft:") === 0 || key.indexOf("interview-") === 0;
        if (draft && !(keepPrefix && key.indexOf(keepPrefix) === 0)) {
          window.localStorage.removeItem(key);
        }
      });
    } catch (error) { /* storage turned off: nothing was kept either */ }
  }

  if (document.body.dataset.draftsOwner) { clearDrafts(document.body.dataset.draftsOwner); }
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("form[data-clears-drafts]")) { clearDrafts(null); }
  });

  // The server shows times in the zone of the "tz" cookie (config/time_zone.py), so tell it this
  // browser's zone, for the next page on. Written only when it changed: a laptop that travels
  // sends its new zone, and an unchanged one does not rewrite the cookie on every page.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var sent = document.cookie.match(/(?:^|;\s*)tz=([^;]*)/);
    // IANA names need no escaping in a cookie; anything else is not a zone the server knows.
    if (zone && /^[A-Za-z0-9_+\-\/]+$/.test(zone) && (!sent || sent[1] !== zone)) {
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax" +
        (window.location.protocol === "https:" ? "; Secure" : "");
    }
  } catch (error) { /* no Intl time zones: the server's default zone stays */ }

  // Back to the page from the browser's cache: its forms may be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submit-once][data-submitting]").forEach(function (form) {
      delete form.dataset.submitting;
      form.removeAttribute("aria-busy");
    });
  });
})();

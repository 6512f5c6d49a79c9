// The interview page: a countdown from the seconds the server sent, and autosave that never
// loses text. No inline code anywhere: configuration comes from data- attributes.
(function () {
  "use strict";

  var DEBOUNCE_MS = 2000;
  var MAX_BACKOFF_MS = 30000;

  function pad(number) { return String(number).padStart(2, "0"); }

  function clockText(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = pad(seconds % 60);
    return hours ? hours + ":" + pad(minutes) + ":" + rest : minutes + ":" + rest;
  }

  // The browser's own zone, named as the server names it (config/time_zone.py:zone_label). The
  // server shows it too once site.js has told it the zone; on the very first page it still shows
  // its default, and each line names the zone it is in.
  function zoneLabel() {
    try {
      return " " + Intl.DateTimeFormat().resolvedOptions().timeZone.replace(/_/g, " ");
    } catch (error) { return ""; }
  }

  function savedText(iso) {
    var when = iso ? new Date(iso) : new Date();
    return "Saved at " + pad(when.getHours()) + ":" + pad(when.getMinutes()) + ":" + pad(when.getSeconds()) + zoneLabel();
  }

  // The CSRF token is read from Django's cookie when a request leaves: logging in again in another
  // tab (as the logged-out message asks) renews it, and the token this page came with goes stale.
  function csrfToken(fallback) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : fallback;
  }

  function readLocal(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  function writeLocal(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (error) { /* private mode or full storage: the server copy still counts */ }
  }

  function bindAnswerForm(form) {
    var key = form.dataset.storageKey;
    var url = form.dataset.autosaveUrl;
    var textarea = form.querySelector("textarea");
    var revisionInput = form.querySelector("[data-revision]");
    var status = form.querySelector("[data-save-status]");
    var alertRegion = form.querySelector("[data-save-alert]");
    var limitNote = form.querySelector("[data-answer-limit]");
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    var acknowledged = parseInt(form.dataset.serverRevision, 10) || 0;
    var revision = acknowledged;
    var timer = null;
    var inFlight = false;
    var backoff = DEBOUNCE_MS;
    var closed = false;

    // Text typed here but never acknowledged (a crash, a lost connection) wins over the server's.
    var local = readLocal(key);
    if (local && local.revision > acknowledged && local.text !== textarea.value) {
      textarea.value = local.text;
      revision = local.revision;
      status.textContent = "Restored text not yet saved on the server; saving…";
    } else if (local) {
      writeLocal(key, null);
    }
    revisionInput.value = revision + 1;
    showLimit();
    if (status.dataset.savedAt && revision === acknowledged) {
      status.textContent = savedText(status.dataset.savedAt);  // the browser's local time
    } else if (!status.dataset.savedAt && revision === acknowledged) {
      status.textContent = "Not saved yet";  // the page without JavaScript says "saved when you submit"
    }

    function payload() {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrfToken(token));
      data.append("answer_text", textarea.value);
      data.append("revision", String(revision));
      return data;
    }

    // Problems are announced once to screen readers; routine "Saved at" updates are not.
    function showProblem(message) {
      status.textContent = message;
      status.classList.add("save-error");
      if (alertRegion.textContent !== message) { alertRegion.textContent = message; }
    }

    function schedule(delay) {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, delay);
    }

    function save() {
      if (closed || revision <= acknowledged) { return; }
      if (inFlight) { schedule(DEBOUNCE_MS); return; }
      inFlight = true;
      var sent = revision;
      fetch(url, { method: "POST", body: payload(), credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) {
          if (response.redirected) { throw new Error("logged out"); }
          // The database was locked or full for a moment (503): the same retry as a lost connection.
          if (response.status === 503) { throw new Error("busy"); }
          return response.json().then(function (body) { return { response: response, body: body }; });
        })
        .then(function (result) {
          inFlight = false;
          if (result.response.ok && result.body.ok) {
            if (!result.body.stored && result.body.revision >= sent) {
              // Another tab or browser saved newer text, or other text under the same number (each
              // tab counts from the page it loaded): this tab, where someone is typing, wins. A
              // repeat of this tab's own save (a beacon, a retry) is only saved once more.
              revision = Math.max(revision, result.body.revision) + 1;
              revisionInput.value = revision;
            }
            acknowledged = Math.max(acknowledged, result.body.revision, sent);
            backoff = DEBOUNCE_MS;
            if (acknowledged >= revision) { writeLocal(key, null); }
            status.textContent = savedText(result.body.saved_at);
            status.classList.remove("save-error");
            alertRegion.textContent = "";
            if (revision > acknowledged) { schedule(DEBOUNCE_MS); }
          } else if (result.response.status === 409 || result.response.status === 400) {
            // Refused for good (deadline passed, question closed): say so, keep the local copy.
            closed = result.response.status === 409;
            showProblem(result.body.message);
          } else {
            throw new Error("save failed");
          }
        })
        .catch(function (error) {
          inFlight = false;
          showProblem(error.message === "logged out"
            ? "Not saved: you are logged out. Log in again in another tab; your text is kept in this browser."
            : error.message === "busy"
              ? "Not saved: the server is busy, retrying. Your text is kept in this browser."
              : "Not saved: connection problem, retrying. Your text is kept in this browser.");
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          schedule(backoff);
        });
    }

    function beacon() {
      if (closed || revision <= acknowledged || !navigator.sendBeacon) { return; }
      navigator.sendBeacon(url, payload());
    }

    // At maxlength the browser drops the rest of a paste, and further typing, without a word.
    function showLimit() {
      if (!limitNote || !textarea.maxLength || textarea.maxLength < 0) { return; }
      var full = textarea.value.length >= textarea.maxLength;
      if (full === !limitNote.hidden) { return; }
      limitNote.hidden = !full;
      var described = (textarea.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== limitNote.id;
      });
      if (full) {
        described.push(limitNote.id);
        alertRegion.textContent = limitNote.textContent;
      } else if (alertRegion.textContent === limitNote.textContent) {
        alertRegion.textContent = "";
      }
      textarea.setAttribute("aria-describedby", described.join(" "));
    }

    textarea.addEventListener("input", function () {
      showLimit();
      revision += 1;
      revisionInput.value = revision;
      writeLocal(key, { text: textarea.value, revision: revision });
      schedule(DEBOUNCE_MS);
    });
    textarea.addEventListener("blur", function () { schedule(0); });
    window.addEventListener("pagehide", beacon);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { beacon(); }
    });
    form.addEventListener("submit", function () {
      closed = true;
      window.clearTimeout(timer);
      revisionInput.value = Math.max(revision, acknowledged + 1);
    });
    var submitRetries = 0;
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) { writeLocal(key, null); return; }
      closed = false;
      var xhr = event.detail.xhr;
      if (xhr && xhr.status === 400 && /^text\/plain/.test(xhr.getResponseHeader("Content-Type") || "")) {
        // Refused for what the text holds (a NUL character): the server says what to change, and
        // sending the same text again cannot help.
        showProblem(xhr.responseText);
        return;
      }
      showProblem(xhr && xhr.status === 503
        ? "Not submitted: the server is busy. Your text is kept in this browser; press Submit answer again."
        : "Not submitted: connection problem. Your text is kept in this browser; press Submit answer again.");
      // The timer's own submission retries by itself for a while; the server keeps the last save.
      if (form.querySelector("[data-reason]").value === "timer" && submitRetries < 5) {
        submitRetries += 1;
        window.setTimeout(function () { form.requestSubmit(); }, 2000);
      }
    });
    if (revision > acknowledged) { schedule(0); }
  }

  function bindTimer(timer) {
    var stage = timer.closest("#stage") || document;
    var clock = timer.querySelector("[data-timer-clock]");
    var warning = timer.querySelector("[data-timer-warning]");
    var announce = stage.querySelector("[data-timer-announce]");
    var form = stage.querySelector("[data-answer-form]");
    // Between questions the clock is the session's: at zero the Next question form goes, and the
    // server, past the deadline, ends the session instead of starting a question.
    var timeUpForm = form ? null : stage.querySelector("[data-time-up-form]");
    var warnAt = parseInt(timer.dataset.warnSeconds, 10) || 30;
    // With JavaScript the clock counts down and the answer autosaves: swap the no-JS sentence for it.
    timer.querySelectorAll("[data-timer-live]").forEach(function (element) { element.hidden = false; });
    timer.querySelector("[data-timer-ends]").hidden = true;
    // Monotonic time from the server's count: the browser's wall clock plays no part.
    var endsAt = performance.now() + (parseInt(timer.dataset.remainingSeconds, 10) || 0) * 1000;
    var warned = false;
    var interval = window.setInterval(tick, 250);
    var hiddenAt = null;
    var refreshUrl = stage.dataset ? stage.dataset.refreshUrl : null;

    // After the tab was hidden (or the computer slept), ask the server again how long is left.
    function resync() {
      if (document.visibilityState === "hidden") { hiddenAt = performance.now(); return; }
      if (hiddenAt === null || !refreshUrl || !document.body.contains(timer)) { return; }
      hiddenAt = null;
      fetch(refreshUrl, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-timer]");
          if (fresh) {
            endsAt = performance.now() + (parseInt(fresh.dataset.remainingSeconds, 10) || 0) * 1000;
          } else if (window.htmx) {
            window.htmx.ajax("GET", refreshUrl, { target: "#stage", swap: "outerHTML" });
          }
        })
        .catch(function () { /* offline: keep counting locally */ });
    }
    document.addEventListener("visibilitychange", resync);

    function tick() {
      if (!document.body.contains(timer)) {
        window.clearInterval(interval);
        document.removeEventListener("visibilitychange", resync);
        return;
      }
      var left = Math.max(0, Math.ceil((endsAt - performance.now()) / 1000));
      clock.textContent = clockText(left);
      if (!warned && left <= warnAt) {
        warned = true;
        timer.classList.add("timer-warn");
        warning.hidden = false;
        announce.textContent = left + (form
          ? " seconds left. Your answer is submitted automatically at zero."
          : " seconds left in this session.");
      }
      if (left === 0) {
        window.clearInterval(interval);
        announce.textContent = form ? "Time is up. Submitting your answer." : "The session's time is up.";
        if (form) {
          form.querySelector("[data-reason]").value = "timer";
          form.requestSubmit();
        } else if (timeUpForm) {
          timeUpForm.requestSubmit();
        }
      }
    }
    tick();
  }

  function scan(root) {
    root.querySelectorAll("[data-answer-form]:not([data-bound])").forEach(function (form) {
      form.setAttribute("data-bound", "");
      bindAnswerForm(form);
    });
    root.querySelectorAll("[data-timer]:not([data-bound])").forEach(function (timer) {
      timer.setAttribute("data-bound", "");
      bindTimer(timer);
    });
  }

  // Without JavaScript, End session submits the answer form; with it, its own form asks first and
  // includes whichever answer form is on screen then (the stage is swapped, the header is not).
  document.querySelectorAll("[data-end-button]").forEach(function (button) {
    button.removeAttribute("form");
    button.removeAttribute("formaction");
  });
  document.addEventListener("htmx:load", function (event) { scan(event.detail.elt.parentNode || document); });
  document.addEventListener("htmx:afterSwap", function () {
    var heading = document.querySelector("#stage [data-focus-after-swap]");
    if (heading) { heading.focus(); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { scan(document); });
  } else {
    scan(document);
  }
})();

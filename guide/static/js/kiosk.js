// A kiosk screen's behaviour, on top of pages that work without it (plain links and forms):
// - moving between screens never shows the browser's error page: the next page is fetched
//   first; when the server does not answer, the current page stays, a notice shows, and it
//   retries; each screen replaces the last in the history, so there is no history to inherit;
// - the on-screen keyboard types into the search box here and refreshes the results;
// - after a while without a touch, a countdown that any touch cancels, then the hall's start;
// - print buttons, and the wall board's refresh each minute.
(function () {
  "use strict";
  var body = document.body;
  var RETRY_MS = 5000;
  // A server that takes a connection and never answers counts as one that does not answer.
  var TIMEOUT_MS = 10000;
  var TYPING_MS = 200;
  if (!window.fetch || !window.DOMParser || !window.URL || !(history && history.replaceState)) { return; }

  // Fetching screens ------------------------------------------------------------------------
  var pending = null;

  function showOffline(on) {
    var notice = document.querySelector("[data-offline]");
    if (notice) { notice.hidden = !on; }
  }

  // Fetch `url` and hand the parsed page to `done`; a newer request supersedes this one.
  function fetchPage(url, done) {
    if (pending && pending.timer) { clearTimeout(pending.timer); }
    var job = { timer: null };
    pending = job;
    function attempt() {
      var abort = window.AbortController ? new AbortController() : null;
      var timeout = abort ? setTimeout(function () { abort.abort(); }, TIMEOUT_MS) : null;
      fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin", cache: "no-store",
                   signal: abort ? abort.signal : undefined })
        .then(function (response) {
          clearTimeout(timeout);
          // 5xx: the server (or the proxy before it) is not answering properly: keep this page.
          if (response.status >= 500) { throw new Error("HTTP " + response.status); }
          return response.text().then(function (html) { return { html: html, url: response.url || url }; });
        })
        .then(function (page) {
          if (pending !== job) { return; }
          pending = null;
          showOffline(false);
          done(new DOMParser().parseFromString(page.html, "text/html"), page.url);
        })
        .catch(function () {
          clearTimeout(timeout);
          if (pending !== job) { return; }
          showOffline(true);
          job.timer = setTimeout(attempt, RETRY_MS);
        });
    }
    attempt();
  }

  function stylesheets(doc) {
    return Array.prototype.map.call(doc.querySelectorAll("head link[rel=stylesheet]"), function (link) {
      return link.getAttribute("href") + " " + (link.getAttribute("media") || "all");
    });
  }

  function syncStylesheets(doc) {
    var wanted = stylesheets(doc);
    Array.prototype.forEach.call(document.querySelectorAll("head link[rel=stylesheet]"), function (link) {
      var key = link.getAttribute("href") + " " + (link.getAttribute("media") || "all");
      if (wanted.indexOf(key) < 0) { link.parentNode.removeChild(link); }
    });
    var have = stylesheets(document);
    Array.prototype.forEach.call(doc.querySelectorAll("head link[rel=stylesheet]"), function (link) {
      var key = link.getAttribute("href") + " " + (link.getAttribute("media") || "all");
      if (have.indexOf(key) < 0) { document.head.appendChild(document.importNode(link, true)); }
    });
  }

  // Show a fetched screen in place of this one.
  function show(doc, url) {
    if (!doc.body || !doc.body.classList.contains("kiosk")) { location.replace(url); return; }
    document.title = doc.title;
    document.documentElement.lang = doc.documentElement.lang;
    syncStylesheets(doc);
    Array.prototype.slice.call(body.attributes).forEach(function (a) { body.removeAttribute(a.name); });
    Array.prototype.forEach.call(doc.body.attributes, function (a) { body.setAttribute(a.name, a.value); });
    body.innerHTML = doc.body.innerHTML;
    history.replaceState(null, "", url);
    window.scrollTo(0, 0);
    var main = document.getElementById("main");
    if (main && main.hasAttribute("tabindex")) { main.focus({ preventScroll: true }); }
    setUp();
  }

  function go(url) { fetchPage(url, show); }

  function inKiosk(url) {
    return url.origin === location.origin && url.pathname.indexOf("/kiosk/") === 0;
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) { return; }
    event.preventDefault();
    var key = link.getAttribute("data-key");
    if (key !== null && searchBox()) { type(key); return; }
    var url = new URL(link.getAttribute("href"), location.href);
    if (inKiosk(url)) { go(url.href); }  // anything else: a kiosk leads nowhere else
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if ((form.getAttribute("method") || "get").toLowerCase() !== "get") { return; }
    event.preventDefault();
    var url = new URL(form.getAttribute("action") || location.href, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    go(url.href);
  });

  // The on-screen keyboard ------------------------------------------------------------------
  var typingTimer = null;

  function searchBox() { return document.querySelector("[data-kiosk-search] input[name=q]"); }

  function type(key) {
    var input = searchBox();
    var keyboard = document.querySelector("[data-keyboard]");
    var max = parseInt(keyboard && keyboard.getAttribute("data-max"), 10) || 40;
    var value = input.value;
    if (key === "backspace") { value = value.slice(0, -1); }
    else if (key === "clear") { value = ""; }
    else if (value.length < max) { value += key; }
    input.value = value;
    refreshResults(value);
  }

  // Results follow what is typed: the search screen for the text, of which only the results,
  // the keys' links and the language links are taken (the box keeps what is being typed).
  function refreshResults(value) {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      var form = document.querySelector("[data-kiosk-search]");
      if (!form) { return; }
      var url = new URL(form.getAttribute("action"), location.href);
      if (value.trim()) { url.searchParams.set("q", value); }
      fetchPage(url.href, function (doc, finalUrl) {
        ["[data-results]", "[data-keyboard]", "[data-lang-switch]"].forEach(function (selector) {
          var mine = document.querySelector(selector), theirs = doc.querySelector(selector);
          if (mine && theirs) { mine.innerHTML = theirs.innerHTML; }
        });
        history.replaceState(null, "", finalUrl);
      });
    }, TYPING_MS);
  }

  document.addEventListener("input", function (event) {
    if (event.target === searchBox()) { refreshResults(event.target.value); }
  });

  // Idle reset ------------------------------------------------------------------------------
  var lastTouch = Date.now();
  var counting = false;

  function dialog() { return document.querySelector("[data-idle-dialog]"); }

  function stopCountdown() {
    counting = false;
    var d = dialog();
    if (d) { d.hidden = true; }
  }

  ["pointerdown", "touchstart", "keydown", "wheel"].forEach(function (name) {
    document.addEventListener(name, function () {
      lastTouch = Date.now();
      if (counting) { stopCountdown(); }
    }, { capture: true, passive: true });
  });

  function atRest() {
    // The hall's start screen, as it opens: nothing of anybody's to clear.
    return location.pathname === body.getAttribute("data-kiosk-rest") && !location.search;
  }

  function tick() {
    var home = body.getAttribute("data-kiosk-home");
    if (!home) { return; }
    var idleMs = (parseFloat(body.getAttribute("data-idle-seconds")) || 90) * 1000;
    var countdownMs = (parseFloat(body.getAttribute("data-countdown-seconds")) || 10) * 1000;
    var idle = Date.now() - lastTouch;
    if (idle < idleMs || atRest()) { if (counting) { stopCountdown(); } return; }
    var left = Math.max(0, Math.ceil((idleMs + countdownMs - idle) / 1000));
    var d = dialog();
    if (!counting) {
      counting = true;
      if (d) {
        d.hidden = false;
        var button = d.querySelector("button");
        if (button) { button.focus(); }
      }
    }
    var shown = document.querySelector("[data-countdown]");
    if (shown) { shown.textContent = String(left); }
    if (left <= 0) {
      stopCountdown();
      lastTouch = Date.now();
      try { window.sessionStorage.clear(); } catch (e) { /* storage may be off: nothing kept there */ }
      var box = searchBox();
      if (box) { box.value = ""; }
      go(new URL(home, location.href).href);
    }
  }

  // Per screen --------------------------------------------------------------------------------
  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) { window.print(); }
    var keep = event.target.closest ? event.target.closest("[data-idle-continue]") : null;
    if (keep) { lastTouch = Date.now(); stopCountdown(); }
  });

  var board = parseFloat(body.getAttribute("data-board-refresh"));
  if (board > 0) {
    setInterval(function () { go(location.href); }, board * 1000);
  }

  setUp();
  setInterval(tick, 250);
}());

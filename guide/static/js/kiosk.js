// A kiosk screen's behaviour, on top of pages that work without it (plain links and forms):
// - moving between screens never shows the browser's error page: the next screen is fetched
//   first; when the server does not answer, the current one stays, a notice shows, and it
//   retries; each screen replaces the last in the history, so there is no history to inherit;
// - the on-screen keyboard types into the search box here and refreshes the results;
// - after a while without a touch, a countdown that any touch cancels, then the hall's start;
// - print buttons, and the wall board's refresh each minute.
(function () {
  "use strict";
  var body = document.body;
  var RETRY_MS = 5000;
  // A server that takes the request and never answers counts as one that does not answer.
  var TIMEOUT_MS = 10000;
  var TYPING_MS = 200;
  var canFetch = !!(window.fetch && window.DOMParser && window.URL && history.replaceState);

  function closest(node, selector) { return node && node.closest ? node.closest(selector) : null; }

  // Fetching screens ------------------------------------------------------------------------
  // One fetch at a time: a newer one supersedes it. A navigation is never superseded by the
  // results refresh of a key pressed before it.
  var pending = null;

  function showOffline(on) {
    var notice = document.querySelector("[data-offline]");
    if (notice) { notice.hidden = !on; }
  }

  function inKiosk(url) {
    return url.origin === location.origin && url.pathname.indexOf("/kiosk/") === 0;
  }

  // Fetch `url` and hand the parsed kiosk page to `done`, retrying until one arrives.
  function fetchPage(url, done, navigation) {
    if (pending && pending.timer) { clearTimeout(pending.timer); }
    var job = { timer: null, navigation: navigation };
    pending = job;
    function failed() {
      if (pending !== job) { return; }
      showOffline(true);
      job.timer = setTimeout(attempt, RETRY_MS);
    }
    function attempt() {
      var abort = window.AbortController ? new AbortController() : null;
      var timeout = abort ? setTimeout(function () { abort.abort(); }, TIMEOUT_MS) : null;
      fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin", cache: "no-store",
                   signal: abort ? abort.signal : undefined })
        .then(function (response) {
          // 5xx: the server (or a proxy before it) is not answering properly: keep this screen.
          if (response.status >= 500 || !inKiosk(new URL(response.url || url))) { throw new Error("not the kiosk"); }
          return response.text().then(function (html) { return { html: html, url: response.url || url }; });
        })
        .then(function (page) {
          clearTimeout(timeout);
          var doc = new DOMParser().parseFromString(page.html, "text/html");
          // Anything but a kiosk page (a proxy's or a captive portal's) is no answer either.
          if (!doc.body || !doc.body.classList.contains("kiosk")) { throw new Error("not a kiosk page"); }
          if (pending !== job) { return; }
          pending = null;
          showOffline(false);
          done(doc, page.url);
        })
        .catch(function () { clearTimeout(timeout); failed(); });
    }
    attempt();
  }

  function stylesheetKey(link) { return link.getAttribute("href") + " " + (link.getAttribute("media") || "all"); }

  function syncStylesheets(doc) {
    var wanted = Array.prototype.map.call(doc.querySelectorAll("head link[rel=stylesheet]"), stylesheetKey);
    var have = [];
    Array.prototype.forEach.call(document.querySelectorAll("head link[rel=stylesheet]"), function (link) {
      if (wanted.indexOf(stylesheetKey(link)) < 0) { link.parentNode.removeChild(link); } else { have.push(stylesheetKey(link)); }
    });
    Array.prototype.forEach.call(doc.querySelectorAll("head link[rel=stylesheet]"), function (link) {
      if (have.indexOf(stylesheetKey(link)) < 0) { document.head.appendChild(document.importNode(link, true)); }
    });
  }

  // Show a fetched screen in place of this one.
  function show(doc, url) {
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
    if (atRest()) { restScreen = doc; }
    setUp();
  }

  function go(url) {
    clearTimeout(typingTimer);
    if (!canFetch) { location.href = url; return; }
    fetchPage(url, show, true);
  }

  if (canFetch) {
    document.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
      var link = closest(event.target, "a[href]");
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
  }

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
    refreshResults();
  }

  // Results follow what is typed: the search screen for the text, of which only the results
  // and the language links are taken (the keys, one of them in the citizen's focus, stay).
  function refreshResults() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      var form = document.querySelector("[data-kiosk-search]");
      if (!form || (pending && pending.navigation)) { return; }
      var value = searchBox().value;
      var url = new URL(form.getAttribute("action"), location.href);
      if (value.trim()) { url.searchParams.set("q", value); }
      fetchPage(url.href, function (doc, finalUrl) {
        var box = searchBox();
        if (!box || box.value !== value) { return; }  // typed on since: a newer refresh follows
        ["[data-results]", "[data-lang-switch]"].forEach(function (selector) {
          var mine = document.querySelector(selector), theirs = doc.querySelector(selector);
          if (mine && theirs) { mine.innerHTML = theirs.innerHTML; }
        });
        // The count alone is announced, not the whole list again.
        var status = document.querySelector("[data-results-status]");
        var heading = doc.querySelector("[data-results] h2");
        if (status) { status.textContent = heading ? heading.textContent.trim() : ""; }
        history.replaceState(null, "", finalUrl);
      }, false);
    }, TYPING_MS);
  }

  if (canFetch) {
    document.addEventListener("input", function (event) {
      if (event.target === searchBox()) { refreshResults(); }
    });
  }

  // Idle reset ------------------------------------------------------------------------------
  var lastTouch = Date.now();
  var counting = false;
  var focusBefore = null;
  // The touch that ended a countdown must not also press what lies under the dialog.
  var swallowClick = false;
  // The hall's start screen as last shown: a reset shows it at once, even with the server away.
  var restScreen = null;

  function dialog() { return document.querySelector("[data-idle-dialog]"); }

  function stopCountdown() {
    counting = false;
    var d = dialog();
    if (d) { d.hidden = true; }
    if (focusBefore && document.contains(focusBefore)) { focusBefore.focus({ preventScroll: true }); }
    focusBefore = null;
  }

  ["pointerdown", "touchstart", "keydown", "wheel"].forEach(function (name) {
    document.addEventListener(name, function () {
      lastTouch = Date.now();
      if (counting) {
        swallowClick = name !== "keydown" && name !== "wheel";
        stopCountdown();
        if (swallowClick) { setTimeout(function () { swallowClick = false; }, 1000); }
      }
    }, { capture: true, passive: true });
  });

  document.addEventListener("click", function (event) {
    if (!swallowClick) { return; }
    swallowClick = false;
    event.preventDefault();
    event.stopPropagation();
  }, true);

  // A long press opens no menu to copy or share what the last citizen looked at.
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });

  function atRest() {
    // The hall's start screen, as it opens: nothing of anybody's to clear.
    return location.pathname === body.getAttribute("data-kiosk-rest") && !location.search;
  }

  function reset(home) {
    stopCountdown();
    lastTouch = Date.now();
    if (restScreen && canFetch) {
      show(restScreen, new URL(body.getAttribute("data-kiosk-rest"), location.href).href);
    } else {
      var main = document.getElementById("main");
      if (main) { main.innerHTML = ""; }  // nothing of the last citizen's stays while the start loads
    }
    go(new URL(home, location.href).href);
  }

  function tick() {
    var home = body.getAttribute("data-kiosk-home");
    if (!home) { return; }
    var idleMs = (parseFloat(body.getAttribute("data-idle-seconds")) || 90) * 1000;
    var countdownMs = (parseFloat(body.getAttribute("data-countdown-seconds")) || 10) * 1000;
    var idle = Date.now() - lastTouch;
    if (idle < idleMs || atRest()) {
      if (counting) { stopCountdown(); }
      if (idle >= idleMs && window.scrollY) { window.scrollTo(0, 0); }  // the start, as it opens
      return;
    }
    var left = Math.max(0, Math.ceil((idleMs + countdownMs - idle) / 1000));
    var d = dialog();
    if (!counting) {
      counting = true;
      focusBefore = document.activeElement;
    }
    // (Again each tick: a screen that arrived meanwhile brought its own, hidden, dialog.)
    if (d && d.hidden) {
      d.hidden = false;
      var button = d.querySelector("button");
      if (button) { button.focus(); }
    }
    var shown = document.querySelector("[data-countdown]");
    if (shown) { shown.textContent = String(left); }
    if (left <= 0) { reset(home); }
  }

  // Per screen --------------------------------------------------------------------------------
  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    if (closest(event.target, "[data-print]")) { window.print(); }
    if (closest(event.target, "[data-idle-continue]")) { lastTouch = Date.now(); stopCountdown(); }
  });

  var board = parseFloat(body.getAttribute("data-board-refresh"));
  if (board > 0 && canFetch) {
    setInterval(function () { fetchPage(location.href, show, true); }, board * 1000);
  }

  if (atRest() && canFetch) {
    restScreen = new DOMParser().parseFromString(document.documentElement.outerHTML, "text/html");
  }
  setUp();
  setInterval(tick, 250);
}());

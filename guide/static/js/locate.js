// "Use my location": asks the browser (which asks the reader) for the position, then reloads
// the guide with it so the nearest windows come first. Without JavaScript, the district list works.
// When the position cannot be had (permission refused, no fix, too slow) the reader is told so
// and pointed to the district list, rather than left with a button that does nothing.
(function () {
  "use strict";
  var button = document.querySelector("button[data-locate]");
  var failed = document.querySelector("[data-locate-error]");
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    if (failed) { failed.hidden = true; }
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = position.coords.latitude.toFixed(4);
      var lon = position.coords.longitude.toFixed(4);
      window.location.href = button.getAttribute("data-locate") + "?lat=" + lat + "&lon=" + lon + "#where";
    }, function () {
      button.disabled = false;
      if (failed) {
        failed.hidden = false;
        var select = document.getElementById("origin-district");
        if (select) { select.focus(); }
      }
    }, { maximumAge: 600000, timeout: 10000 });
  });
}());

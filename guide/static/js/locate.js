// "Use my location": asks the browser (which asks the reader) for the position, then reloads
// the guide with it so the nearest windows come first. Without JavaScript, the district list works.
(function () {
  "use strict";
  var button = document.querySelector("button[data-locate]");
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      var lat = position.coords.latitude.toFixed(4);
      var lon = position.coords.longitude.toFixed(4);
      window.location.href = button.getAttribute("data-locate") + "?lat=" + lat + "&lon=" + lon + "#where";
    }, function () {
      button.disabled = false;
    }, { maximumAge: 600000, timeout: 10000 });
  });
}());

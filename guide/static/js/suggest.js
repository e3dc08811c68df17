// Suggestions for the search box: fills its <datalist> as you type. The form works without it.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === last || q.length < 1) { return; }
      last = q;
      var url = input.getAttribute("data-suggest") + "?lang=" + encodeURIComponent(input.getAttribute("data-lang")) +
        "&q=" + encodeURIComponent(q);
      fetch(url, { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.suggestions.forEach(function (s) {
            var option = document.createElement("option");
            option.value = s.name;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a convenience: the search itself still works */ });
    }, 150);
  });
}());

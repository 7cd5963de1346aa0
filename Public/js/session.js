// Progressive enhancement for the idle sign-out warning (WCAG 2.2.1). Without JavaScript the page moves
// to /session/expiring when the warning is due; with it, the warning appears on this page so nothing
// typed is lost, and "Stay signed in" resets the timer without leaving the page.
(function () {
  "use strict";
  var warning = document.getElementById("session-warning");
  if (!warning || !window.fetch) { return; }
  var form = warning.querySelector("form");
  var button = form.querySelector("button");
  var timer = null;

  function schedule(seconds) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(show, Math.max(0, seconds) * 1000);
  }

  function show() {
    warning.hidden = false;
    button.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error("extend failed"); }
      return response.json();
    }).then(function (answer) {
      warning.hidden = true;
      schedule(answer.warnAfterSeconds);
    }).catch(function () {
      form.submit();
    });
  });

  schedule(parseInt(warning.getAttribute("data-warn-after"), 10) || 0);
})();

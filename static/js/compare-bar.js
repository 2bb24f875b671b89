// The role list's compare bar: says how many roles are ticked and what is still needed.
// Without this script the bar shows its own instruction and the form works the same.
(function () {
  "use strict";
  var form = document.getElementById("compare-roles");
  var status = document.getElementById("compare-status");
  if (!form || !status) {
    return;
  }
  var MAX = 4;

  function roles(n) {
    return n === 1 ? "1 role" : n + " roles";
  }

  function update() {
    var ticked = form.querySelectorAll('input[name="role"]:checked').length;
    if (ticked === 0) {
      status.textContent = "Tick 2 to " + MAX + " roles to compare.";
    } else if (ticked === 1) {
      status.textContent = "1 role ticked: tick one more.";
    } else if (ticked <= MAX) {
      status.textContent = roles(ticked) + " ticked.";
    } else {
      status.textContent = roles(ticked) + " ticked: compare takes at most " + MAX + ".";
    }
  }

  form.addEventListener("change", update);
  // Browsers restore ticks when the visitor comes back to the list.
  window.addEventListener("pageshow", update);
  update();
})();

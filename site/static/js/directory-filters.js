// On phones the directory's conditions fold behind "Filters (n)", so the first results are on
// the first screen; wider screens always show them (directory.css). Without JavaScript, or
// when a condition could not be used (the form must show it), they stay open.
(function () {
  "use strict";
  var PHONE = "(max-width: 767.98px)";
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("filter-panel");
    var toggle = document.querySelector(".filters-toggle");
    if (!panel || !toggle || !window.matchMedia) return;
    var wrap = toggle.closest(".filters-toggle-wrap");
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      panel.classList.toggle("is-collapsed", !open);
    }
    wrap.hidden = false;
    setOpen(panel.hasAttribute("data-keep-open") || !window.matchMedia(PHONE).matches);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        var first = panel.querySelector("select, input:not([type=hidden]), button");
        if (first) first.focus();
      }
    });
  });
})();

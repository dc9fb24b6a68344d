// Open now / closed at the moment the page is viewed. The page may come from the page cache
// (rendered minutes ago): the server lists the next opening intervals with both labels in
// data-opening, so the text follows the clock. Without JavaScript the rendered text stays.
(function () {
  "use strict";
  function update(el) {
    var intervals;
    try { intervals = JSON.parse(el.dataset.opening || "[]"); } catch (e) { return; }
    var now = Date.now();
    for (var i = 0; i < intervals.length; i++) {
      var interval = intervals[i];
      if (interval.to <= now) continue;
      var open = interval.from <= now;
      var text = el.querySelector(".open-now-text");
      if (text) text.textContent = open ? interval.open : interval.closed;
      el.dataset.state = open ? "open" : "closed";
      return;
    }
    // Past the last interval listed (a tab left open for days): say nothing rather than lie.
    el.hidden = true;
  }
  function updateAll() {
    document.querySelectorAll(".open-now[data-opening]").forEach(update);
  }
  document.addEventListener("DOMContentLoaded", function () {
    updateAll();
    window.setInterval(updateAll, 60000);
  });
})();

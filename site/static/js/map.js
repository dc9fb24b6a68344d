// Progressive enhancement: draw a Leaflet map from the JSON the page already lists.
// Without JavaScript, tiles or Leaflet, the page keeps its list and addresses.
(function () {
  "use strict";
  function init(el) {
    var dataEl = document.getElementById(el.dataset.markers);
    var tileUrl = el.dataset.tileUrl;
    if (!dataEl || !tileUrl || typeof L === "undefined") return;
    var markers = JSON.parse(dataEl.textContent);
    if (!markers.length) return;
    el.closest(".map-container").hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    var layer = L.tileLayer(tileUrl, { attribution: el.dataset.attribution, maxZoom: 18 });
    layer.on("tileerror", function () { el.classList.add("tiles-unavailable"); });
    layer.addTo(map);
    var bounds = [];
    markers.forEach(function (m) {
      var marker = L.marker([m.lat, m.lng], { title: m.title, alt: m.title }).addTo(map);
      var popup = document.createElement("div");
      if (m.url) {
        var a = document.createElement("a");
        a.href = m.url; a.textContent = m.title; popup.appendChild(a);
      } else {
        var strong = document.createElement("strong"); strong.textContent = m.title; popup.appendChild(strong);
      }
      if (m.address) { popup.appendChild(document.createElement("br")); popup.appendChild(document.createTextNode(m.address)); }
      marker.bindPopup(popup);
      bounds.push([m.lat, m.lng]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 12); else map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12 });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".map[data-markers]").forEach(init);
  });
})();

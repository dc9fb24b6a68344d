// Progressive enhancement: draw a Leaflet map from the JSON the page already lists.
// Without JavaScript, tiles or Leaflet, the page keeps its list and addresses.
//
// Markers are clustered (vendored Leaflet.markercluster): points at one spot (a city centre)
// or close together become one focusable cluster, so the map adds a few tab stops instead of
// one per point, and no two targets overlap. A collapsible map (the directory) waits behind
// its button on phones, so the results come first.
(function () {
  "use strict";
  var PHONE = "(max-width: 767.98px)";

  function clusterIcon(label) {
    return function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var inner = document.createElement("div");
      var number = document.createElement("span");
      number.textContent = String(count);
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + label.replace("%(count)s", String(count));
      number.setAttribute("aria-hidden", "true");
      inner.appendChild(number);
      inner.appendChild(hidden);
      return L.divIcon({
        html: inner.outerHTML,
        className: "marker-cluster marker-cluster-" + size,
        iconSize: L.point(40, 40)
      });
    };
  }

  function popupFor(m) {
    var popup = document.createElement("div");
    if (m.url) {
      var a = document.createElement("a");
      a.href = m.url; a.textContent = m.title; popup.appendChild(a);
    } else {
      var strong = document.createElement("strong"); strong.textContent = m.title; popup.appendChild(strong);
    }
    if (m.address) { popup.appendChild(document.createElement("br")); popup.appendChild(document.createTextNode(m.address)); }
    return popup;
  }

  // Leaflet.markercluster gives its clusters the icon's options, without Leaflet's `keyboard`:
  // they would be neither focusable nor buttons, so keyboard users could not open them.
  function keyboardClusters() {
    if (L.MarkerCluster && !L.MarkerCluster.prototype.options.keyboard) {
      L.MarkerCluster.prototype.options = L.extend({}, L.MarkerCluster.prototype.options, { keyboard: true });
    }
  }

  function build(el, markers) {
    keyboardClusters();
    var map = L.map(el, { scrollWheelZoom: false });
    var layer = L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution, maxZoom: 18 });
    layer.on("tileerror", function () { el.classList.add("tiles-unavailable"); });
    layer.addTo(map);
    var group = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({
          showCoverageOnHover: false,
          maxClusterRadius: 48,
          iconCreateFunction: clusterIcon(el.dataset.clusterLabel || "%(count)s")
        })
      : L.layerGroup();
    var bounds = [];
    markers.forEach(function (m) {
      var marker = L.marker([m.lat, m.lng], { title: m.title, alt: m.title });
      marker.bindPopup(popupFor(m));
      group.addLayer(marker);
      bounds.push([m.lat, m.lng]);
    });
    group.addTo(map);
    if (bounds.length === 1) map.setView(bounds[0], 12); else map.fitBounds(bounds, { padding: [20, 20], maxZoom: 12 });
    return map;
  }

  function init(el) {
    var dataEl = document.getElementById(el.dataset.markers);
    if (!dataEl || !el.dataset.tileUrl || typeof L === "undefined") return;
    var markers = JSON.parse(dataEl.textContent);
    if (!markers.length) return;
    var container = el.closest(".map-container");
    var toggle = container.id ? document.querySelector('.map-toggle[aria-controls="' + container.id + '"]') : null;
    var map = null;
    function show() {
      container.hidden = false;
      if (map) map.invalidateSize(); else map = build(el, markers);
    }
    if (!toggle || !window.matchMedia) { show(); return; }
    var showText = toggle.textContent;
    function setOpen(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      toggle.textContent = open ? toggle.dataset.hideText : showText;
      if (open) show(); else container.hidden = true;
    }
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    var phone = window.matchMedia(PHONE);
    function fit() {
      toggle.hidden = !phone.matches;
      if (!phone.matches) show();
      else setOpen(toggle.getAttribute("aria-expanded") === "true");
    }
    if (phone.addEventListener) phone.addEventListener("change", fit);
    fit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".map[data-markers]").forEach(init);
  });
})();

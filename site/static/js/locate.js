// "Use my location": asks the browser for the position (with the user's permission) and fills
// the hidden `near` parameter of the plain GET form (nobody types coordinates), then searches
// when the button says so (data-submit). Without JavaScript the button stays hidden.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("use-location");
    var field = document.getElementById("id_near");
    var status = document.getElementById("locate-status");
    if (!button || !field || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var label = button.textContent;
      button.disabled = true;
      if (status) status.textContent = button.dataset.locatingText;
      navigator.geolocation.getCurrentPosition(function (pos) {
        field.value = pos.coords.latitude.toFixed(5) + "," + pos.coords.longitude.toFixed(5);
        if (status) status.textContent = "";
        button.disabled = false;
        button.textContent = label;
        if (button.dataset.submit) field.form.submit();
      }, function () {
        if (status) status.textContent = button.dataset.errorText;
        button.disabled = false;
        button.textContent = label;
      }, { timeout: 10000, maximumAge: 600000 });
    });
  });
})();

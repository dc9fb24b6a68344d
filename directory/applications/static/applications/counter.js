// A live character count under each textarea that has data-counter="<limit>": the annex asks
// for "about 2,000 characters", and the form refuses more than the limit.
(function () {
  "use strict";
  var template = document.documentElement.lang === "en" ? "{count} / {limit} characters" : "{count} / {limit} 字";
  document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("data-counter"), 10);
    var output = document.createElement("p");
    output.className = "form-text text-end";
    output.setAttribute("aria-live", "polite");
    output.id = area.id + "_counter";
    area.insertAdjacentElement("afterend", output);
    area.setAttribute("aria-describedby", ((area.getAttribute("aria-describedby") || "") + " " + output.id).trim());
    function update() {
      output.textContent = template.replace("{count}", area.value.length).replace("{limit}", limit);
      output.classList.toggle("text-danger", area.value.length > limit);
    }
    area.addEventListener("input", update);
    update();
  });
})();

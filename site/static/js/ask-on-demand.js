// The question form of a point's profile, fetched when the profile is shown.
//
// The profile is served from the page cache to every visitor; the form carries a CSRF token
// and a one-submission token that must be each visitor's own, so it comes from its own URL
// (services.views.ask_point_form). Until it arrives, and if it never does, the panel keeps
// its link to the ask page, which holds the same form.
(function () {
    "use strict";

    function load(container) {
        var url = container.getAttribute("data-ask-form");
        var loading = container.querySelector("[data-ask-loading]");
        if (loading) {
            loading.classList.remove("d-none");
        }
        fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("form " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                container.innerHTML = html;
                container.setAttribute("data-ask-loaded", "");
            })
            .catch(function () {
                // The link to the ask page stays: the visitor can still ask.
                if (loading) {
                    loading.classList.add("d-none");
                }
            });
    }

    document.querySelectorAll("[data-ask-form]").forEach(load);
})();

/*
 * A failed form's error summary (templates/components/error_summary.html) takes focus when the
 * page loads, so screen readers read it first and keyboard users start from it. Its links move
 * focus to the field and show the field's label or legend too: following "#id" alone scrolls
 * the input to the very top of the window, hiding the question it answers.
 * No inline script: the site's CSP allows scripts from 'self' only (home/core/csp.py).
 */
(function () {
    "use strict";

    function labelFor(field) {
        var fieldset = field.closest("fieldset");
        if (fieldset && (field.type === "radio" || field.type === "checkbox") && fieldset.querySelector("legend")) {
            return fieldset.querySelector("legend");
        }
        if (field.labels && field.labels.length) {
            return field.labels[0];
        }
        return field;
    }

    function init() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }
        summary.focus();
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            if (!link) {
                return;
            }
            var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
            if (!field) {
                return;
            }
            event.preventDefault();
            labelFor(field).scrollIntoView();
            field.focus({preventScroll: true});
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

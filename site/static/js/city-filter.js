/*
 * A filter box above a long <select data-filter-label="…"> (the ~370 cities of the question
 * form): typing shortens the list to the cities whose name, province, pinyin or English name
 * contains what was typed (data-keywords: {value: "pinyin English short name"}). Without
 * JavaScript the select, grouped by province, works alone.
 *
 * Options are removed and put back rather than hidden: Safari ignores `hidden` on <option>.
 * The count of matches is announced politely (data-filter-status, "%(count)s" replaced).
 */
(function () {
    "use strict";

    var counter = 0;

    function normalise(text) {
        return (text || "").toLowerCase().replace(/\s+/g, "");
    }

    function enhance(select) {
        counter += 1;
        var id = "city-filter-" + counter;
        var keywords = {};
        try {
            keywords = JSON.parse(select.getAttribute("data-keywords") || "{}");
        } catch (error) {
            keywords = {};
        }
        var groups = Array.prototype.map.call(select.querySelectorAll("optgroup"), function (group) {
            return {
                element: group,
                options: Array.prototype.map.call(group.querySelectorAll("option"), function (option) {
                    return {
                        element: option,
                        text: normalise(group.label + " " + option.textContent + " " + (keywords[option.value] || ""))
                    };
                })
            };
        });

        var wrapper = document.createElement("div");
        wrapper.className = "city-filter mb-2";
        var label = document.createElement("label");
        label.className = "form-label small mb-1";
        label.htmlFor = id;
        label.textContent = select.getAttribute("data-filter-label");
        var input = document.createElement("input");
        input.type = "search";
        input.id = id;
        input.className = "form-control form-control-sm";
        input.autocomplete = "off";
        input.setAttribute("aria-controls", select.id);
        var status = document.createElement("p");
        status.className = "form-text city-filter-hint mb-0";
        status.id = id + "-status";
        status.setAttribute("aria-live", "polite");
        input.setAttribute("aria-describedby", status.id);
        wrapper.appendChild(label);
        wrapper.appendChild(input);
        wrapper.appendChild(status);
        select.parentNode.insertBefore(wrapper, select);

        function apply() {
            var query = normalise(input.value);
            var count = 0;
            var only = null;
            groups.forEach(function (group) {
                var shown = 0;
                group.options.forEach(function (option) {
                    var match = !query || option.text.indexOf(query) !== -1;
                    if (match) {
                        group.element.appendChild(option.element);
                        shown += 1;
                        only = option.element;
                    } else if (option.element.parentNode) {
                        // The chosen city stays chosen even when the filter hides it.
                        if (!option.element.selected) {
                            option.element.parentNode.removeChild(option.element);
                        } else {
                            shown += 1;
                        }
                    }
                });
                if (shown && !group.element.parentNode) {
                    select.appendChild(group.element);
                } else if (!shown && group.element.parentNode) {
                    select.removeChild(group.element);
                }
                count += shown;
            });
            // Keep the groups in their original order after removals and re-insertions.
            groups.forEach(function (group) {
                if (group.element.parentNode) {
                    select.appendChild(group.element);
                }
            });
            if (query && count === 1 && only) {
                only.selected = true;
            }
            status.textContent = query ? select.getAttribute("data-filter-status").replace("%(count)s", count) : "";
        }

        input.addEventListener("input", apply);
        // Enter in the filter box chooses, it does not send the whole form half-filled.
        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault();
                select.focus();
            }
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("select[data-filter-label]"), function (select) {
            if (!select.hasAttribute("data-filter-ready")) {
                select.setAttribute("data-filter-ready", "");
                enhance(select);
            }
        });
        // The profile fetches its question form after load (ask-on-demand.js).
        Array.prototype.forEach.call(document.querySelectorAll("[data-ask-form]"), function (container) {
            if (!container.hasAttribute("data-filter-watched") && window.MutationObserver) {
                container.setAttribute("data-filter-watched", "");
                new MutationObserver(init).observe(container, {childList: true});
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

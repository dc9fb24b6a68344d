/*
 * Suggestions while typing in a site search box (points and catalogue services).
 *
 * Progressive enhancement: any <input data-suggest-url="…"> becomes an ARIA 1.2 combobox with a
 * listbox of suggestions from that URL (?q=…, JSON {results: [{label, type, type_label, url}]}).
 * Without this script the box is a plain search form. Keys: Down/Up move through the options,
 * Enter opens the chosen one (or submits the form when none is chosen), Escape closes the list.
 * Rows are at least 44px high so a finger can hit them (site-search.css).
 */
(function () {
    "use strict";

    var DELAY = 200;
    var MIN_CHARS = 1;
    var counter = 0;

    function enhance(input) {
        var url = input.getAttribute("data-suggest-url");
        if (!url || input.getAttribute("role") === "combobox") {
            return;
        }
        counter += 1;
        var listId = "site-search-suggestions-" + counter;
        var wrapper = input.parentNode;
        wrapper.classList.add("site-search-suggest");

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "site-search-listbox";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.labels && input.labels.length ? input.labels[0].textContent.trim() : "");
        list.hidden = true;
        wrapper.appendChild(list);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var items = [];
        var active = -1;
        var timer = null;
        var request = null;

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            items = [];
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function setActive(index) {
            var options = list.querySelectorAll("[role=option]");
            if (!options.length) {
                return;
            }
            active = (index + options.length) % options.length;
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            input.setAttribute("aria-activedescendant", options[active].id);
            options[active].scrollIntoView({block: "nearest"});
        }

        function go(index) {
            if (items[index]) {
                window.location.assign(items[index].url);
            }
        }

        function render(results) {
            list.innerHTML = "";
            items = results;
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (!results.length) {
                close();
                return;
            }
            results.forEach(function (item, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "site-search-option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-type", item.type);
                var label = document.createElement("span");
                label.className = "site-search-option-label";
                label.textContent = item.label;
                var kind = document.createElement("span");
                kind.className = "badge text-bg-light site-search-option-type";
                kind.textContent = item.type_label || item.type;
                option.appendChild(label);
                option.appendChild(kind);
                // mousedown, not click: the input keeps focus until the page changes.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    go(i);
                });
                list.appendChild(option);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function fetchSuggestions() {
            var q = input.value.trim();
            if (q.length < MIN_CHARS) {
                close();
                return;
            }
            if (request) {
                request.abort();
            }
            request = new AbortController();
            var separator = url.indexOf("?") === -1 ? "?" : "&";
            fetch(url + separator + "q=" + encodeURIComponent(q), {
                headers: {Accept: "application/json"},
                signal: request.signal
            })
                .then(function (response) {
                    return response.ok ? response.json() : {results: []};
                })
                .then(function (data) {
                    if (input.value.trim() === q) {
                        render(data.results || []);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the form still works */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && items.length > 0;
            if (event.key === "ArrowDown") {
                if (open) {
                    event.preventDefault();
                    setActive(active + 1);
                }
            } else if (event.key === "ArrowUp") {
                if (open) {
                    event.preventDefault();
                    setActive(active - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });
    }

    function init() {
        document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();

/* Progressive enhancements; the pages work without them. Loaded as a file: the CSP allows no inline script. */
(function () {
    "use strict";

    function copyText(text, status) {
        function done(ok) {
            if (status) {
                status.textContent = ok ? status.dataset.copied : status.dataset.failed;
            }
        }
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { done(true); }, function () { fallback(); });
        } else {
            fallback();
        }
        function fallback() {
            var area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            var ok = false;
            try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
            document.body.removeChild(area);
            done(ok);
        }
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-copy-from]");
        if (!button) {
            return;
        }
        event.preventDefault();
        var source = document.getElementById(button.dataset.copyFrom);
        var status = button.dataset.copyStatus ? document.getElementById(button.dataset.copyStatus) : null;
        if (source) {
            copyText(source.innerText.trim(), status);
        }
    });

    /* "I have saved my recovery codes" unlocks Finish; the server checks the box again. */
    function bindAcknowledgement() {
        document.querySelectorAll("[data-unlocks]").forEach(function (box) {
            var target = document.getElementById(box.dataset.unlocks);
            if (!target) {
                return;
            }
            var sync = function () { target.disabled = !box.checked; };
            box.addEventListener("change", sync);
            sync();
        });
    }

    /*
     * The account button in the header opens its small menu (Security settings, Sign out): Enter or Space open it
     * (it is a real button), Tab walks through the items, Escape closes it and gives the focus back to the button,
     * and it closes when the focus or a click goes elsewhere.
     */
    function bindDisclosures() {
        document.querySelectorAll("[data-disclosure]").forEach(function (button) {
            var panel = document.getElementById(button.dataset.disclosure);
            var container = button.parentElement;
            if (!panel) {
                return;
            }
            function setOpen(open, focusButton) {
                button.setAttribute("aria-expanded", String(open));
                panel.hidden = !open;
                if (!open && focusButton) {
                    button.focus();
                }
            }
            container.classList.add("ws-enhanced");
            setOpen(false, false);
            button.addEventListener("click", function () {
                setOpen(button.getAttribute("aria-expanded") !== "true", false);
            });
            container.addEventListener("keydown", function (event) {
                if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                    event.preventDefault();
                    event.stopPropagation();
                    setOpen(false, true);
                }
            });
            container.addEventListener("focusout", function (event) {
                if (event.relatedTarget && !container.contains(event.relatedTarget)) {
                    setOpen(false, false);
                }
            });
            document.addEventListener("click", function (event) {
                if (!container.contains(event.target)) {
                    setOpen(false, false);
                }
            });
        });
    }

    /* Escape closes an open panel as its Cancel (or Close) button would. */
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || event.defaultPrevented) {
            return;
        }
        var cancel = document.querySelector("[data-cancels]");
        if (cancel) {
            event.preventDefault();
            cancel.click();
        }
    });

    /* A field the server marked invalid takes the focus, so its message is read out with it. */
    function focusFirstInvalidField() {
        var invalid = document.querySelector("[aria-invalid=true]");
        if (invalid) {
            invalid.focus();
        }
    }

    function start() {
        bindAcknowledgement();
        bindDisclosures();
        focusFirstInvalidField();
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

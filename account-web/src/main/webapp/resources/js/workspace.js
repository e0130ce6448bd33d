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
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", bindAcknowledgement);
    } else {
        bindAcknowledgement();
    }
})();

/* The copy button next to the authenticator key (templates/mfa/totp/activate_form.html).
   Progressive enhancement: without this script there is no button and the key is plain,
   selectable text. The key is copied without the spaces that group it; a status message (a
   live region) says whether it worked; where the clipboard is refused, the key is selected so
   that the person can copy it themselves. */
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-key]").forEach(function (button) {
        var key = document.getElementById(button.getAttribute("data-copy-key"));
        var status = button.parentNode.querySelector("[role=status]");
        if (!key || !status) { return; }
        var value = key.getAttribute("data-key").replace(/\s+/g, "");

        function selectKey() {
            var range = document.createRange();
            range.selectNodeContents(key);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }
        function say(message) { status.textContent = message; }

        button.hidden = false;
        button.addEventListener("click", function () {
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(value).then(
                    function () { say(status.getAttribute("data-copied")); },
                    function () { selectKey(); say(status.getAttribute("data-failed")); }
                );
            } else {
                selectKey();
                say(status.getAttribute("data-failed"));
            }
        });
    });
}());

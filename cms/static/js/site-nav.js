/* The main menu on a phone: collapsed behind a "Menu" disclosure button, so the header takes one
   line instead of three on every step. Progressive enhancement: without this script the whole
   menu shows, as before. Loaded right after the menu (not deferred), so a phone never paints the
   open menu first. The button says whether the menu is open (aria-expanded); Escape closes it
   and gives focus back to the button. From 48rem wide the menu always shows and the button is
   gone. */
(function () {
    "use strict";
    var nav = document.querySelector("[data-site-nav]");
    if (!nav) { return; }
    var button = nav.querySelector("[data-site-nav-toggle]");
    var narrow = window.matchMedia("(max-width: 47.99rem)");

    function setOpen(open) {
        nav.classList.toggle("site-nav--open", open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    function apply() {
        nav.classList.toggle("site-nav--collapsible", narrow.matches);
        button.hidden = !narrow.matches;
        setOpen(false);
    }
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && nav.classList.contains("site-nav--open")) {
            setOpen(false);
            button.focus();
        }
    });
    if (narrow.addEventListener) { narrow.addEventListener("change", apply); }
    apply();
}());

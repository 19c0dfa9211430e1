// Collapsible main menu on narrow screens. Without JavaScript the menu is simply always open.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var nav = document.getElementById(button ? button.getAttribute("aria-controls") : "");
  if (!button || !nav) return;
  var narrow = window.matchMedia("(max-width: 40rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("site-nav--closed", !open);
  }

  function apply() {
    if (narrow.matches) {
      button.hidden = false;
      setOpen(false);
    } else {
      button.hidden = true;
      setOpen(true);
    }
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches) {
      setOpen(false);
      button.focus();
    }
  });
  if (narrow.addEventListener) narrow.addEventListener("change", apply);
  apply();
})();

/* Ordering questions: drag an item by its grip (mouse, pen or touch, with pointer events), or
 * choose its position in the list next to it (keyboard). Without this script the position lists
 * alone answer the question; the server checks and scores the order either way. */
(function () {
  "use strict";

  function items(list) {
    return Array.prototype.slice.call(list.querySelectorAll(":scope > .ordering__item"));
  }

  function renumber(list) {
    items(list).forEach(function (item, index) {
      var select = item.querySelector("select");
      select.value = item.dataset.item + ":" + (index + 1);
    });
  }

  function announce(form, item) {
    var status = form.querySelector("[data-ordering-status]");
    var list = item.parentNode;
    var position = items(list).indexOf(item) + 1;
    var text = item.querySelector(".ordering__text").lastChild.textContent.trim();
    status.textContent = (form.dataset.moved || "")
      .replace("%(position)s", position)
      .replace("%(count)s", items(list).length)
      .replace("%(text)s", text);
  }

  function moveTo(list, item, position) {
    var others = items(list).filter(function (other) { return other !== item; });
    var before = others[position - 1] || null;
    list.insertBefore(item, before);
  }

  function enhance(form) {
    var list = form.querySelector(".ordering");
    if (!list) { return; }
    form.classList.add("ordering-form--enhanced");

    // Keyboard (and any other way of choosing): a new position moves the item there and
    // renumbers the others, so two items never share a position.
    items(list).forEach(function (item) {
      var select = item.querySelector("select");
      select.addEventListener("change", function () {
        var position = parseInt(select.value.split(":").pop(), 10);
        moveTo(list, item, position);
        renumber(list);
        select.focus();
        announce(form, item);
      });
    });

    var dragged = null;

    function onMove(event) {
      if (!dragged) { return; }
      event.preventDefault();
      var below = document.elementFromPoint(event.clientX, event.clientY);
      var target = below && below.closest(".ordering__item");
      if (!target || target === dragged || target.parentNode !== list) { return; }
      var box = target.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) {
        list.insertBefore(dragged, target);
      } else {
        list.insertBefore(dragged, target.nextSibling);
      }
    }

    function onEnd() {
      if (!dragged) { return; }
      var item = dragged;
      dragged = null;
      item.classList.remove("ordering__item--dragging");
      document.removeEventListener("pointermove", onMove);
      document.removeEventListener("pointerup", onEnd);
      document.removeEventListener("pointercancel", onEnd);
      renumber(list);
      announce(form, item);
    }

    items(list).forEach(function (item) {
      var handle = item.querySelector(".ordering__handle");
      handle.addEventListener("pointerdown", function (event) {
        if (event.button !== undefined && event.button !== 0) { return; }
        event.preventDefault();
        dragged = item;
        item.classList.add("ordering__item--dragging");
        // Listen on the document, not with pointer capture: moving the item in the list takes
        // the grip out of the document for a moment, which would end a capture.
        document.addEventListener("pointermove", onMove);
        document.addEventListener("pointerup", onEnd);
        document.addEventListener("pointercancel", onEnd);
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-ordering]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

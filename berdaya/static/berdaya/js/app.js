/*
 * Berdaya's own behaviour, driven by data- attributes (no inline scripts: the CSP forbids them).
 * Loaded in <head> without defer so the "js" class is on <html> before the first paint; the
 * listeners are delegated from document, so they also work for content htmx swaps in later.
 *
 *   data-menu-toggle          on a button with aria-controls="ID": opens/closes that menu (phones)
 *   data-confirm="Question?"  on a form, link or button: asks before submitting/following
 *   data-autosubmit           on a GET form: submits when a select, checkbox, radio or date changes;
 *                             empty fields are left out of the URL
 *   data-open-wide            on a <details>: opened on screens 640px and wider (folded on phones)
 *   (tables)                  every cell of a table in .table-wrap gets data-label = its column's header,
 *                             so on a phone the rows stack as cards and no column is cut off (berdaya.css);
 *                             data-no-stack on a table keeps it a scrolling grid (matrices)
 */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function openWide(root) {
    if (!window.matchMedia("(min-width: 640px)").matches) {
      return;
    }
    root.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }

  function labelCells(root) {
    root.querySelectorAll(".table-wrap > table.table:not([data-no-stack])").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.replace(/\s+/g, " ").trim();
      });
      if (!headers.length) {
        return;
      }
      table.classList.add("table-stack");
      table.querySelectorAll("tbody tr").forEach(function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.children, function (cell) {
          if (!cell.hasAttribute("data-label") && headers[column] && !cell.hasAttribute("colspan")) {
            cell.setAttribute("data-label", headers[column]);
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    openWide(document);
    labelCells(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    openWide(event.target);
    labelCells(event.target.ownerDocument || document);
  });

  function onMenuToggle(button) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) {
      return;
    }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    target.classList.toggle("is-open", open);
    if (open) {
      var first = target.querySelector("a, button");
      if (first) {
        first.focus();
      }
    }
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      onMenuToggle(toggle);
      return;
    }
    // Links and buttons that are not a form's own submit are confirmed here; forms on submit below.
    var confirmable = event.target.closest("a[data-confirm], button[data-confirm]");
    if (confirmable && !window.confirm(confirmable.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.querySelector("[data-menu-toggle][aria-expanded='true']");
    if (open) {
      onMenuToggle(open);
      open.focus();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (form.hasAttribute("data-autosubmit") && (form.method || "get").toLowerCase() === "get") {
      // Keep shared links short: leave empty filters out of the query string.
      Array.prototype.forEach.call(form.elements, function (element) {
        if (element.name && !element.disabled && element.value === "" && element.type !== "submit") {
          element.disabled = true;
          window.setTimeout(function () { element.disabled = false; }, 0);
        }
      });
    }
  }, true);

  var AUTOSUBMIT_TYPES = ["select-one", "select-multiple", "checkbox", "radio", "date", "month"];

  document.addEventListener("change", function (event) {
    var element = event.target;
    var form = element.form;
    if (!form || !form.hasAttribute("data-autosubmit")) {
      return;
    }
    // Free text is submitted with Enter or the button: reloading while someone types loses their place.
    if (AUTOSUBMIT_TYPES.indexOf(element.type) === -1) {
      return;
    }
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });
})();

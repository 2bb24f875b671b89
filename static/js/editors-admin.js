// The admin's autocomplete (Select2) gives the search box of a multiple choice no name; a
// screen reader would announce an unnamed text field. Name it after the field's label, again
// whenever Select2 redraws it.
(function () {
  "use strict";
  function nameSearchBoxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      if (!label || !container) {
        return;
      }
      var name = label.textContent.replace(/:\s*$/, "").trim();
      container.querySelectorAll(".select2-search__field").forEach(function (input) {
        if (!input.hasAttribute("aria-label")) {
          input.setAttribute("aria-label", name);
        }
      });
      // Its chosen items sit in a <ul> beside the search box, which is no list item.
      container.querySelectorAll("ul.select2-selection__rendered:not([role])").forEach(
        function (list) {
          list.setAttribute("role", "none");
        }
      );
    });
    // The spreadsheet export's "select all" box (django-import-export) has no label.
    document.querySelectorAll("input.select-toggle:not([aria-label])").forEach(function (box) {
      box.setAttribute("aria-label", "Select every column");
    });
  }
  window.addEventListener("load", function () {
    nameSearchBoxes();
    new MutationObserver(nameSearchBoxes).observe(document.body, { childList: true, subtree: true });
  });
})();

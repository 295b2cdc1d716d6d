// The customer page's notices block: a refused change of the contact preferences (422) comes back as the block with
// the error next to the field; draw it as for a success and put the cursor in the refused field.
"use strict";
(function () {
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target.id === "customer-notices" && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target.id === "customer-notices") {
      event.detail.target.querySelector("[aria-invalid=true]")?.focus();
    }
  });
})();

// Adds the page's CSRF token to every htmx request to this server (the server refuses state changes without it).
"use strict";
(function () {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) return;
  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers["X-CSRF-Token"] = meta.content;
  });
})();

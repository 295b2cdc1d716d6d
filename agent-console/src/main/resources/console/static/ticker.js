// Counts up every element with data-since (an ISO instant) as h:mm:ss: time in state, waiting time.
"use strict";
(function () {
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-since]").forEach((el) => {
      const seconds = Math.max(0, Math.floor((now - Date.parse(el.dataset.since)) / 1000));
      el.textContent = pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSwap", tick);
})();

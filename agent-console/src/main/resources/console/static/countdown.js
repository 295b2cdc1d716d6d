// Counts down every element with data-until (an ISO instant) as h:mm:ss left, or "overdue h:mm:ss" once past; a day or
// more as days and h:mm ("3 d 4:05"), which a supervisor reads at a glance where 76:05:12 needs sums.
"use strict";
(function () {
  const i18n = document.getElementById("i18n");
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function clock(seconds) {
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor(seconds / 3600) % 24;
    if (days > 0) return i18n.dataset.days.replace("{0}", days) + " " + hours + ":" + pad(Math.floor(seconds / 60) % 60);
    return hours + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
  }
  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-until]").forEach((el) => {
      const left = Math.floor((Date.parse(el.dataset.until) - now) / 1000);
      el.textContent = left >= 0 ? clock(left) : i18n.dataset.overdue.replace("{0}", clock(-left));
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSwap", tick);
})();

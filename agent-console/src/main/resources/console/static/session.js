// Warns ten minutes before the session ends (its end is remembered at log-in), so nobody loses a half-typed case.
"use strict";
(function () {
  const WARN_MS = 10 * 60 * 1000;
  const banner = document.getElementById("session-warning");
  const i18n = document.getElementById("i18n");
  function check() {
    const end = Date.parse(localStorage.getItem("hotline.sessionExpiresAt") || "");
    if (!end) return;
    const left = end - Date.now();
    if (left < WARN_MS) {
      banner.textContent = i18n.dataset.sessionExpiring.replace("{0}", Math.max(0, Math.ceil(left / 60000)));
      banner.hidden = false;
    }
  }
  setInterval(check, 30000);
  check();
})();

// The keyboard map (shown by "?"): F2 ready, F4 pause, F8 wrap-up, N new ticket, L leak repair and B bill complaint
// (from the card's billing), / search, G then T/C/F, digits pick a wrap-up code. Plain keys never fire while the focus is in a text field; function keys always do.
"use strict";
(function () {
  const help = document.getElementById("keys-help");
  let pendingG = 0;
  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true]") !== null;
  }
  function press(key) {
    const el = document.querySelector('[data-key="' + key + '"]:not([disabled])');
    if (el) { el.click(); return true; }
    return false;
  }
  function openPanel(id, code) {
    const panel = document.getElementById(id);
    if (!panel) return;
    panel.hidden = false;
    if (code) panel.querySelector('input[name=code][value="' + code + '"]')?.click();
    panel.querySelector("input, textarea, button")?.focus();
  }
  document.addEventListener("click", (event) => {
    const opener = event.target.closest("[data-open]");
    if (opener) openPanel(opener.dataset.open, opener.dataset.code);
  });
  document.addEventListener("keydown", (event) => {
    if (["F2", "F4", "F8"].includes(event.key)) {
      event.preventDefault();
      press(event.key);
      return;
    }
    if (event.ctrlKey && event.key === "Enter") {
      const form = event.target.closest("form");
      if (form) { event.preventDefault(); form.requestSubmit(); }
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    const wrapup = document.getElementById("wrapup");
    if (wrapup && !wrapup.hidden && /^[1-9]$/.test(event.key)) {
      wrapup.querySelectorAll("input[name=code]")[Number(event.key) - 1]?.click();
      return;
    }
    if (Date.now() - pendingG < 1500) {
      pendingG = 0;
      const target = { t: "/search?type=complaint", c: "/search", f: "/followups" }[event.key.toLowerCase()];
      if (target) location.assign(target);
      return;
    }
    switch (event.key) {
      case "?": event.preventDefault(); help.open ? help.close() : help.showModal(); break;
      case "/": event.preventDefault(); location.assign("/search"); break;
      case "g": case "G": pendingG = Date.now(); break;
      case "n": case "N": press("N"); break;
      case "l": case "L": press("L"); break;
      case "b": case "B": press("B"); break;
      default: break;
    }
  });
})();

// A desktop notification for a call that pops while this browser's tabs are in the background; one per call (tag).
"use strict";
(function () {
  document.addEventListener("click", () => {
    if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
  }, { once: true });
  document.addEventListener("hotline:notify", (event) => {
    if (!("Notification" in window) || Notification.permission !== "granted" || !document.hidden) return;
    const notice = new Notification(event.detail.title, { body: event.detail.body, tag: event.detail.tag });
    notice.onclick = () => { window.focus(); notice.close(); };
  });
})();

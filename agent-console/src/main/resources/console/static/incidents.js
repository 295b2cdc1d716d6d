// The supervisor's incident pages: the ETA field starts at now + its data-default-minutes (in the browser's time);
// a live notice that an incident changed shows unless this user made the change; and when an incident form is refused
// with 409 (someone else closed or merged it, or a report joined since), the incident is drawn again as it is now,
// with a banner saying so.
"use strict";
(function () {
  const me = document.querySelector('meta[name="user-id"]')?.content;

  function local(date) {
    const pad = (n) => String(n).padStart(2, "0");
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) + "T"
      + pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function defaults(root) {
    root.querySelectorAll("input[data-default-minutes]").forEach((input) => {
      if (!input.value) input.value = local(new Date(Date.now() + Number(input.dataset.defaultMinutes) * 60000));
    });
  }

  function notices(root) {
    root.querySelectorAll(".incident-changed[hidden]").forEach((notice) => {
      if (notice.dataset.actor !== me) notice.hidden = false;
    });
  }

  document.addEventListener("htmx:load", (event) => { // on the body at start, then on every element swapped in
    defaults(event.detail.elt);
    notices(event.detail.elt.parentElement || document);
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const panel = event.detail.elt.closest("#incident-panel");
    if (!panel || event.detail.xhr.status !== 409) return;
    htmx.ajax("GET", "/supervisor/incidents/" + panel.dataset.incident + "/panel", { target: panel, swap: "outerHTML" })
      .then(() => {
        const banner = document.getElementById("incident-conflict");
        banner.hidden = false;
        banner.focus();
      });
  });
})();

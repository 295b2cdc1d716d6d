// The return-call form on /followups: a digit 1-5 on a satisfaction question scores it and moves to the next
// question; the reasons show (and are sent) only while the customer is dissatisfied — the overall asked, else the
// mean of speed, attitude and result — and the written reason only with a reason that asks for it. Without this
// script every field shows and the server still checks the same rules.
"use strict";
(function () {
  const DISSATISFIED_UP_TO = 2;

  function score(form, name) {
    const checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? Number(checked.value) : null;
  }
  function overall(form) {
    const asked = score(form, "satisfaction");
    if (asked !== null) return asked;
    const parts = ["speed", "attitude", "result"].map((name) => score(form, name));
    return parts.includes(null) ? null : Math.round(parts.reduce((a, b) => a + b, 0) / 3);
  }
  function refresh(form) {
    const reasons = form.querySelector("[data-reasons]");
    if (!reasons) return;
    const value = overall(form);
    const show = value !== null && value <= DISSATISFIED_UP_TO;
    reasons.hidden = !show;
    reasons.disabled = !show; // a hidden reason is not sent
    const written = reasons.querySelector("input[data-text]:checked") !== null;
    reasons.querySelectorAll(".reason-text").forEach((el) => { el.hidden = !written; });
    reasons.querySelector("input.reason-text").disabled = !written;
  }
  document.addEventListener("change", (event) => {
    const form = event.target.closest("form.outcome");
    if (form) refresh(form);
  });
  document.addEventListener("keydown", (event) => {
    const group = event.target.closest("[data-score]");
    if (!group || !/^[1-5]$/.test(event.key) || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    const radio = group.querySelector('input[value="' + event.key + '"]');
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    const form = group.closest("form");
    const fields = Array.from(form.querySelectorAll("[data-score], [data-reasons]:not([hidden]), textarea"));
    const next = fields[fields.indexOf(group) + 1];
    if (next) (next.querySelector("input:checked") || next.querySelector("input") || next).focus();
  });
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form.outcome").forEach(refresh);
  });
})();

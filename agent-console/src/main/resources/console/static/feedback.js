// Tells the agent, in their language, how a request ended: a short note in the live region, or the error next to the
// field the server named (its [data-error-for] slot, else the form's), with the field's label.
// A form with data-then goes there once it succeeded ({id} is the id in the answer: the page of what was created).
"use strict";
(function () {
  const i18n = document.getElementById("i18n");
  const announce = document.getElementById("announce");
  function say(text) {
    if (announce) announce.textContent = text;
  }
  function refusal(xhr) {
    try { return JSON.parse(xhr.responseText) || {}; } catch (e) { return {}; }
  }
  /** The message, naming the refused field by its label when the form has one for it. */
  function errorText(xhr, form, field) {
    // data-error-409 is dataset["error-409"]: a dash before a digit stays in the name.
    const generic = i18n.dataset["error-" + xhr.status] || i18n.dataset["error-500"];
    if (!field) return generic;
    const input = form ? form.querySelector('[name="' + CSS.escape(field) + '"]') : null;
    const label = input && input.id ? form.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
    return generic + " (" + (label ? label.textContent.trim() : field) + ")";
  }
  /** Where the form shows an error of the field: its own slot, else the form's, else the first. */
  function slotFor(form, field) {
    if (!form) return null;
    return (field && form.querySelector('[data-error-for="' + CSS.escape(field) + '"]'))
      || form.querySelector('[data-error-for="form"]') || form.querySelector(".field-error");
  }
  document.addEventListener("htmx:afterRequest", (event) => {
    const xhr = event.detail.xhr;
    const form = event.detail.elt.closest("form");
    form?.querySelectorAll(".field-error").forEach((other) => { other.hidden = true; });
    form?.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
    if (event.detail.successful) {
      const done = event.detail.elt.dataset.done || (form && form.dataset.done);
      say(done || i18n.dataset.sent);
      if (form && form.dataset.then) {
        let answer = {};
        try { answer = JSON.parse(xhr.responseText || "{}"); } catch (e) { answer = {}; }
        location.assign(form.dataset.then.replace("{id}", encodeURIComponent(answer.id)));
        return;
      }
      if (form && form.dataset.done) form.closest("[hidden], .wrapup")?.setAttribute("hidden", "");
      return;
    }
    const field = refusal(xhr).field;
    const text = errorText(xhr, form, field);
    const slot = slotFor(form, field);
    if (slot) { slot.textContent = text; slot.hidden = false; }
    if (form && field) form.querySelector('[name="' + CSS.escape(field) + '"]')?.setAttribute("aria-invalid", "true");
    say(text);
  });
})();

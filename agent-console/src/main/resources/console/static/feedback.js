// Tells the agent, in their language, how a request ended: a short note in the live region, or the error next to the form.
// A form with data-then goes there once it succeeded ({id} is the id in the answer: the page of what was created).
"use strict";
(function () {
  const i18n = document.getElementById("i18n");
  const announce = document.getElementById("announce");
  function say(text) {
    if (announce) announce.textContent = text;
  }
  function errorText(xhr) {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
    // data-error-409 is dataset["error-409"]: a dash before a digit stays in the name.
    const generic = i18n.dataset["error-" + xhr.status] || i18n.dataset["error-500"];
    if (body && body.field) return generic + " (" + body.field + ")";
    return generic;
  }
  document.addEventListener("htmx:afterRequest", (event) => {
    const xhr = event.detail.xhr;
    const form = event.detail.elt.closest("form");
    const slot = form ? form.querySelector(".field-error") : null;
    if (event.detail.successful) {
      if (slot) slot.hidden = true;
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
    const text = errorText(xhr);
    if (slot) { slot.textContent = text; slot.hidden = false; }
    say(text);
  });
})();

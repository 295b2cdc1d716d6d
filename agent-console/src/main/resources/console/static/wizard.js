// A ticket's workflow actions: each form[data-transition] goes to POST /api/tickets/{id}/transitions as
// {action, version, fields} (a report of an incident is dispatched with its incident), then the ticket's work panel
// is drawn again from the server. 409 (someone changed the ticket) redraws it with what changed, the typed text kept
// by drafts.js; 4xx shows the message next to the field it names. Keys: Alt+digit picks an action, digits the type
// of a new ticket, R reloads a ticket someone changed, Esc closes the new-ticket form.
"use strict";
(function () {
  const i18n = document.getElementById("i18n");
  const sending = new WeakSet();

  function fields(form) {
    const out = {};
    form.querySelectorAll("[data-field]").forEach((el) => {
      const name = el.dataset.field;
      if (el.type === "radio") { if (el.checked) out[name] = el.value; return; }
      if (el.dataset.kind === "codes") { if (el.checked) out[name] = (out[name] || []).concat(el.value); return; }
      if (el.dataset.kind === "boolean") { out[name] = el.checked; return; }
      if (el.value === "") return;
      if (el.dataset.kind === "integer") out[name] = Number(el.value);
      else if (el.dataset.kind === "instant") out[name] = new Date(el.value).toISOString();
      else out[name] = el.value;
    });
    return out;
  }

  function say(text) { document.getElementById("announce").textContent = text; }

  function reload(id, since) {
    const target = document.getElementById("ticket-work-" + id);
    if (!target) { location.reload(); return Promise.resolve(); }
    const query = since ? "?since=" + encodeURIComponent(since) : "";
    return htmx.ajax("GET", "/tickets/" + id + "/work" + query, { target: target, swap: "outerHTML" });
  }

  /** Shows the error of a refused request next to the field it names ({error, field}), in the page's language. */
  function showError(form, status, body) {
    form.querySelectorAll(".field-error").forEach((slot) => { slot.hidden = true; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const generic = status === 0 ? i18n.dataset.connDown : (i18n.dataset["error-" + status] || i18n.dataset["error-500"]);
    const name = body && body.field ? body.field.replace(/^fields\./, "") : null;
    const input = name ? form.querySelector('[name="' + name + '"]') : null;
    let text = generic;
    if (input) {
      const label = input.closest("fieldset")?.querySelector("legend") || form.querySelector('label[for="' + input.id + '"]')
        || input.closest("label");
      text = generic + " — " + (label ? label.textContent.replace("*", "").trim() : name);
      input.setAttribute("aria-invalid", "true");
      input.focus();
    } else if (name) {
      text = generic + " — " + name;
    }
    const slot = (name && form.querySelector('[data-error-for="' + name + '"]')) || form.querySelector('[data-error-for="form"]');
    if (slot) { slot.textContent = text; slot.hidden = false; }
    say(text);
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-transition]");
    if (!form) return;
    event.preventDefault();
    if (sending.has(form)) return;
    sending.add(form);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    const id = form.dataset.ticket;
    const incident = form.dataset.incident;
    const url = incident ? "/api/incidents/" + incident + "/dispatch" : "/api/tickets/" + id + "/transitions";
    const body = incident ? fields(form)
      : { action: form.dataset.action, version: Number(form.dataset.version), fields: fields(form) };
    const answered = await hotlineApi.post(url, body);
    const status = answered.status;
    const answer = answered.body;
    sending.delete(form);
    button.disabled = false;
    if (status >= 200 && status < 300) {
      document.dispatchEvent(new CustomEvent("hotline:saved", { detail: { form: form } }));
      const saved = i18n.dataset.saved.replace("{0}", new Date().toLocaleTimeString());
      reload(id).then(() => {
        const mark = document.querySelector("#ticket-work-" + id + " [data-saved]");
        if (mark) mark.textContent = saved;
        say(saved);
      });
    } else if (status === 409 && !(answer && answer.incidentId)) {
      reload(id, form.dataset.updated).then(() => say(i18n.dataset["error-409"]));
    } else {
      showError(form, status, answer);
    }
  });

  // The new-ticket form (htmx) names the refused field the same way.
  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (event.detail.successful || !form.matches || !form.matches("form#new-ticket")) return;
    let body = null;
    try { body = JSON.parse(event.detail.xhr.responseText); } catch (e) { body = null; }
    showError(form, event.detail.xhr.status, body);
  });

  function showAction(button) {
    const panel = button.closest(".ticket-work");
    panel.querySelectorAll("[data-show]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    panel.querySelectorAll("form.action-form").forEach((f) => { f.hidden = f.id !== button.dataset.show; });
    document.getElementById(button.dataset.show)?.querySelector("input, textarea, select")?.focus();
  }

  document.addEventListener("click", (event) => {
    const show = event.target.closest("[data-show]");
    if (show) { showAction(show); return; }
    const again = event.target.closest("[data-reload]");
    if (again) reload(again.dataset.reload);
  });

  function typing(target) { return target.closest("input, textarea, select, [contenteditable=true]") !== null; }

  document.addEventListener("keydown", (event) => {
    if (event.altKey && /^[1-9]$/.test(event.key)) {
      const buttons = document.querySelectorAll(".ticket-work [data-show]");
      const button = buttons[Number(event.key) - 1];
      if (button) { event.preventDefault(); showAction(button); }
      return;
    }
    const area = document.getElementById("workarea");
    if (event.key === "Escape" && area && area.querySelector("#new-ticket") && !document.querySelector("dialog[open]")) {
      area.replaceChildren();
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || typing(event.target)) return;
    const form = document.getElementById("new-ticket");
    const wrapup = document.getElementById("wrapup");
    if (form && (!wrapup || wrapup.hidden) && /^[1-9]$/.test(event.key)) {
      form.querySelectorAll("input[name=type]")[Number(event.key) - 1]?.click();
    } else if (event.key === "r" || event.key === "R") {
      document.querySelector("[data-reload]")?.click();
    }
  });
})();

// The SLA board (/supervisor/sla): a filter change starts again at the first page and the pager turns pages (both
// through the filter form, which htmx sends to /supervisor/sla/rows); the address keeps the filters for a reload;
// countdowns follow the server's clock; a row whose countdown runs out is shown breached until the next refresh draws
// it; the reassign dialog sends reassign to POST /api/tickets/{id}/transitions and names the refused field.
"use strict";
(function () {
  const form = document.getElementById("sla-filters");
  if (!form) return;
  const page = document.getElementById("sla-page");
  const dialog = document.getElementById("reassign");
  const reassign = document.getElementById("reassign-form");
  const i18n = document.getElementById("i18n");

  function say(text) { document.getElementById("announce").textContent = text; }
  function refresh() { htmx.trigger(form, "change"); }

  // Capture phase: the page goes back to 0 before htmx, listening on the form, sends it.
  document.addEventListener("change", (event) => {
    if (event.target !== page && event.target.closest && event.target.closest("#sla-filters")) page.value = "0";
  }, true);

  document.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt !== form || !event.detail.successful) return;
    const query = new URLSearchParams();
    new FormData(form).forEach((value, name) => {
      if (value !== "" && !(name === "page" && value === "0")) query.append(name, value);
    });
    history.replaceState(null, "", "/supervisor/sla" + (query.size ? "?" + query : ""));
  });

  // The server's clock decides what is due: countdowns and due times of a fragment are moved by how far this
  // browser's clock is off (data-server-now is the server's time when it drew the fragment), before countdown.js runs.
  function alignClocks(root) {
    root.querySelectorAll("[data-server-now]").forEach((fragment) => {
      const skew = Date.parse(fragment.dataset.serverNow) - Date.now();
      fragment.removeAttribute("data-server-now");
      fragment.querySelectorAll("[data-until], [data-due]").forEach((el) => {
        for (const name of ["until", "due"]) {
          if (el.dataset[name]) el.dataset[name] = new Date(Date.parse(el.dataset[name]) - skew).toISOString();
        }
      });
    });
  }
  alignClocks(document);
  document.addEventListener("htmx:afterSwap", () => alignClocks(document), true); // before countdown.js ticks

  setInterval(() => {
    const now = Date.now();
    document.querySelectorAll("tr.sla-warning[data-due]").forEach((row) => {
      if (Date.parse(row.dataset.due) > now) return;
      row.classList.replace("sla-warning", "sla-breached");
      row.querySelector(".badge.state")?.remove(); // the countdown says "overdue" now
    });
  }, 1000);

  function clearErrors() {
    reassign.querySelectorAll(".field-error").forEach((slot) => { slot.hidden = true; });
    reassign.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  }

  function open(button) {
    reassign.reset();
    clearErrors();
    reassign.dataset.ticket = button.dataset.reassign;
    reassign.dataset.number = button.dataset.number;
    document.getElementById("reassign-title").textContent = dialog.dataset.title.replace("{0}", button.dataset.number);
    dialog.showModal();
    reassign.elements.to.focus();
  }

  document.addEventListener("click", (event) => {
    const turn = event.target.closest("[data-page]");
    if (turn) { page.value = turn.dataset.page; refresh(); return; }
    const row = event.target.closest("[data-reassign]");
    if (row) { open(row); return; }
    if (event.target.closest("#reassign [data-close]")) dialog.close();
  });

  /** The refusal {error, field} next to the field it names: the target for fields.assignee or fields.team. */
  function showError(status, body) {
    clearErrors();
    const field = body && body.field ? body.field.replace(/^fields\./, "") : null;
    const name = field === "assignee" || field === "team" ? "to" : field === "reason" ? "reason" : "form";
    const input = reassign.elements[name];
    // data-error-422 is dataset["error-422"]: a dash before a digit stays in the name.
    const generic = status === 0 ? i18n.dataset.connDown : (i18n.dataset["error-" + status] || i18n.dataset["error-500"]);
    const label = input ? reassign.querySelector('label[for="' + input.id + '"]').textContent : null;
    const text = label ? generic + " — " + label : generic;
    const slot = reassign.querySelector('[data-error-for="' + name + '"]');
    slot.textContent = text;
    slot.hidden = false;
    if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
    say(text);
  }

  reassign.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = reassign.querySelector("button[type=submit]");
    const chosen = reassign.elements.to.selectedOptions[0];
    const fields = { reason: reassign.elements.reason.value };
    if (chosen && chosen.value) fields[chosen.dataset.field] = chosen.value;
    button.disabled = true;
    const answered = await hotlineApi.post("/api/tickets/" + reassign.dataset.ticket + "/transitions",
      { action: "reassign", fields: fields });
    button.disabled = false;
    const status = answered.status;
    if (status >= 200 && status < 300) {
      dialog.close();
      say(dialog.dataset.done.replace("{0}", reassign.dataset.number));
      refresh();
    } else {
      showError(status, answered.body);
    }
  });
})();

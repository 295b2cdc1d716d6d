// Keeps what the agent types in a form[data-draft="<key>"] in localStorage (per call or ticket) until the form is
// saved, so a reload, a lost connection or a closed tab loses nothing: the same form drawn again gets it back.
// Hidden inputs are not kept (a version must come fresh from the server), except those marked data-draft-keep.
"use strict";
(function () {
  const PREFIX = "hotline.draft.";
  const MAX_AGE_MS = 3 * 24 * 3600 * 1000;

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(PREFIX + key)) || { values: {} };
    } catch (e) {
      return { values: {} };
    }
  }
  function write(key, draft) {
    draft.at = Date.now();
    localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  }
  function slot(form, el) { return (form.dataset.action || form.id) + "." + el.name; }
  function kept(el) {
    return el.name && el.name !== "_csrf" && (el.type !== "hidden" || el.hasAttribute("data-draft-keep"));
  }

  function save(form) {
    const draft = read(form.dataset.draft);
    for (const el of form.elements) {
      if (!kept(el)) continue;
      if (el.type === "radio") { if (el.checked) draft.values[slot(form, el)] = el.value; }
      else if (el.type === "checkbox") draft.values[slot(form, el)] = el.checked;
      else draft.values[slot(form, el)] = el.value;
    }
    write(form.dataset.draft, draft);
  }
  function restore(form) {
    if (localStorage.getItem(PREFIX + form.dataset.draft) === null) return;
    const values = read(form.dataset.draft).values;
    for (const el of form.elements) {
      const value = kept(el) ? values[slot(form, el)] : undefined;
      if (value === undefined) continue;
      if (el.type === "radio") el.checked = el.value === value;
      else if (el.type === "checkbox") el.checked = value === true;
      else el.value = value;
    }
  }
  function clear(form) {
    const draft = read(form.dataset.draft);
    const mine = (form.dataset.action || form.id) + ".";
    Object.keys(draft.values).filter((k) => k.startsWith(mine)).forEach((k) => delete draft.values[k]);
    if (Object.keys(draft.values).length === 0) localStorage.removeItem(PREFIX + form.dataset.draft);
    else write(form.dataset.draft, draft);
  }
  function prune() {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key && key.startsWith(PREFIX) && Date.now() - (read(key.slice(PREFIX.length)).at || 0) > MAX_AGE_MS) {
        localStorage.removeItem(key);
      }
    }
  }
  // A half-typed new ticket of this call reopens by itself after a reload.
  function resume(root) {
    root.querySelectorAll("[data-draft-resume]").forEach((el) => {
      const area = document.getElementById("workarea");
      if (area && !area.firstElementChild && localStorage.getItem(PREFIX + el.dataset.draftResume) !== null) el.click();
    });
  }

  document.addEventListener("input", (e) => { const f = e.target.closest("form[data-draft]"); if (f) save(f); });
  document.addEventListener("change", (e) => { const f = e.target.closest("form[data-draft]"); if (f) save(f); });
  document.addEventListener("htmx:load", (e) => {
    const root = e.detail.elt;
    if (root.matches && root.matches("form[data-draft]")) restore(root);
    if (root.querySelectorAll) {
      root.querySelectorAll("form[data-draft]").forEach(restore);
      resume(root);
    }
  });
  document.addEventListener("htmx:afterRequest", (e) => {
    const elt = e.detail.elt;
    if (e.detail.successful && elt.matches && elt.matches("form[data-draft]")) clear(elt);
  });
  document.addEventListener("hotline:saved", (e) => clear(e.detail.form));
  prune();
})();

// The admin pages (users, customer import, manual tiers, search index): a refused form (409, 422) is drawn with its
// errors next to the fields; a password shown once can be copied; a filter select submits itself; and the customer
// import sends the chosen file to POST /api/customers/import and draws the answer (counts and the bad rows, a page at a time).
"use strict";
(function () {
  const lang = document.documentElement.lang || "zh-CN";
  const number = new Intl.NumberFormat(lang);
  const fill = (text, ...values) => values.reduce((out, value, i) => out.replace("{" + i + "}", value), text);

  // The server answers a refused form with the form again and its errors (409/422): show it, as for a success.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    if (status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    event.detail.target.querySelector("[aria-invalid=true]")?.focus();
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy[data-copy]");
    if (!button) return;
    const secret = document.querySelector(button.dataset.copy);
    const done = () => { button.textContent = button.dataset.copied; };
    if (navigator.clipboard) {
      navigator.clipboard.writeText(secret.textContent).then(done, () => window.getSelection().selectAllChildren(secret));
    } else {
      window.getSelection().selectAllChildren(secret); // plain HTTP off localhost has no clipboard API: select it instead
    }
  });

  document.addEventListener("change", (event) => {
    if (event.target.matches("select.submit-on-change")) event.target.form.requestSubmit();
  });

  const form = document.getElementById("import-form");
  if (!form) return;
  const result = document.getElementById("import-result");
  const fileError = document.getElementById("import-file-error");
  const status = document.getElementById("import-status");
  const bar = document.getElementById("import-upload");
  const i18n = document.getElementById("i18n");
  const perPage = parseInt(form.dataset.perPage, 10);
  let report = null;
  let page = 0;

  function refuse(text) {
    fileError.textContent = text;
    fileError.hidden = false;
    form.file.setAttribute("aria-invalid", "true");
    form.file.setAttribute("aria-describedby", "import-file-hint import-file-error");
    form.file.focus();
  }

  function busy(on) {
    form.querySelector("button[type=submit]").disabled = on;
    bar.hidden = !on;
    if (!on) status.textContent = "";
  }

  function answerError(xhr) {
    let body = {};
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
    // data-error-413 is dataset["error-413"]: a dash before a digit stays in the name.
    const own = form.dataset["error-" + xhr.status];
    if (own) return own;
    if (xhr.status === 422 && body.error) return i18n.dataset["error-422"] + ": " + body.error;
    return form.dataset.errorOther;
  }

  function drawPage() {
    const errors = report.errors;
    const pages = Math.max(1, Math.ceil(errors.length / perPage));
    page = Math.min(Math.max(page, 0), pages - 1);
    const rows = document.getElementById("import-error-rows");
    rows.replaceChildren(...errors.slice(page * perPage, (page + 1) * perPage).map((error) => {
      const tr = document.createElement("tr");
      [number.format(error.row), error.field, error.message].forEach((text, i) => {
        const td = document.createElement("td");
        td.textContent = text;
        if (i < 2) td.className = "mono";
        tr.append(td);
      });
      return tr;
    }));
    const from = number.format(page * perPage + 1);
    const to = number.format(Math.min((page + 1) * perPage, errors.length));
    document.getElementById("import-page").textContent = report.errorCount > errors.length
      ? fill(result.dataset.shownFirst, from, to, number.format(errors.length), number.format(report.errorCount))
      : fill(result.dataset.shown, from, to, number.format(errors.length));
    document.getElementById("import-prev").disabled = page === 0;
    document.getElementById("import-next").disabled = page >= pages - 1;
  }

  function draw(answer) {
    report = answer;
    page = 0;
    document.getElementById("import-rows").textContent = number.format(answer.rows);
    document.getElementById("import-imported").textContent = number.format(answer.imported);
    document.getElementById("import-created").textContent = number.format(answer.created);
    document.getElementById("import-updated").textContent = number.format(answer.updated);
    document.getElementById("import-bad").textContent = number.format(answer.errorCount);
    const verdict = answer.rows === 0 ? "verdictNone" : answer.errorCount === 0 ? "verdictClean"
      : answer.mode === "all" ? "verdictAll" : "verdictPartial";
    const line = document.getElementById("import-verdict");
    line.textContent = result.dataset[verdict];
    line.className = "verdict " + (answer.errorCount > 0 ? "bad" : "ok");
    document.getElementById("import-errors").hidden = answer.errors.length === 0;
    if (answer.errors.length > 0) drawPage();
    result.hidden = false;
  }

  document.getElementById("import-prev").addEventListener("click", () => { page -= 1; drawPage(); });
  document.getElementById("import-next").addEventListener("click", () => { page += 1; drawPage(); });
  form.file.addEventListener("change", () => {
    fileError.hidden = true;
    form.file.removeAttribute("aria-invalid");
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = form.file.files[0];
    if (!file) return;
    fileError.hidden = true;
    form.file.removeAttribute("aria-invalid");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/customers/import?mode=" + encodeURIComponent(form.mode.value));
    xhr.setRequestHeader("Content-Type", "text/csv; charset=utf-8");
    xhr.upload.addEventListener("progress", (progress) => {
      if (!progress.lengthComputable) return;
      const percent = Math.floor(progress.loaded * 100 / progress.total);
      bar.value = percent;
      status.textContent = percent < 100 ? fill(form.dataset.uploading, percent) : form.dataset.checking;
    });
    xhr.addEventListener("load", () => {
      busy(false);
      if (xhr.status === 200) draw(JSON.parse(xhr.responseText));
      else refuse(answerError(xhr));
    });
    xhr.addEventListener("error", () => { busy(false); refuse(form.dataset.errorNetwork); });
    busy(true);
    status.textContent = fill(form.dataset.uploading, 0);
    xhr.send(file);
  });
})();

// htmx extension "json-enc": sends a form's fields as a JSON object (what /api expects), leaving out empty ones.
// A field marked data-json="number" goes as a number, data-json="list" as a list (split at commas and spaces),
// data-json="numbers" as a list of the numbers of every field of that name (ticked check boxes), data-json="texts"
// likewise as a list of their texts, data-json="instant" as an ISO instant (a datetime-local value, read in the
// browser's time zone; a value that is no date goes as typed, for the server to refuse by name).
// (htmx 2 hands extensions a FormData; the json-enc shipped in the htmx WebJar is the htmx 1 one.)
"use strict";
htmx.defineExtension("json-enc", {
  onEvent: function (name, event) {
    if (name === "htmx:configRequest") event.detail.headers["Content-Type"] = "application/json";
  },
  encodeParameters: function (xhr, parameters, elt) {
    xhr.overrideMimeType("text/json");
    const form = elt.closest("form") || elt;
    const body = {};
    parameters.forEach((value, key) => {
      if (value === "") return;
      const kind = form.querySelector('[name="' + CSS.escape(key) + '"]')?.dataset.json;
      if (kind === "number") body[key] = Number(value);
      else if (kind === "list") body[key] = value.split(/[\s,，;；]+/).filter(Boolean);
      else if (kind === "numbers") body[key] = (body[key] || []).concat(Number(value));
      else if (kind === "texts") body[key] = (body[key] || []).concat(value);
      else if (kind === "instant") body[key] = isNaN(Date.parse(value)) ? value : new Date(value).toISOString();
      else body[key] = value;
    });
    return JSON.stringify(body);
  }
});

// htmx extension "json-enc": sends a form's fields as a JSON object (what /api expects), leaving out empty ones.
// (htmx 2 hands extensions a FormData; the json-enc shipped in the htmx WebJar is the htmx 1 one.)
"use strict";
htmx.defineExtension("json-enc", {
  onEvent: function (name, event) {
    if (name === "htmx:configRequest") event.detail.headers["Content-Type"] = "application/json";
  },
  encodeParameters: function (xhr, parameters) {
    xhr.overrideMimeType("text/json");
    const body = {};
    parameters.forEach((value, key) => {
      if (value !== "") body[key] = value;
    });
    return JSON.stringify(body);
  }
});

// Lists the calls of the ticket on its page (GET /api/calls?ticketId=) with their recordings' names, as text.
"use strict";
(function () {
  const list = document.getElementById("ticket-calls");
  if (!list) return;
  function item(text, muted) {
    const li = document.createElement("li");
    li.textContent = text;
    if (muted) li.className = "muted";
    return li;
  }
  fetch("/api/calls?ticketId=" + encodeURIComponent(list.dataset.ticket) + "&limit=20", { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : { calls: [] }))
    .then((body) => {
      const calls = body.calls || [];
      list.replaceChildren(...(calls.length === 0 ? [item(list.dataset.none, true)] : calls.map((call) => item(
        new Date(call.startedAt).toLocaleString() + " · " + (call.callerNumber || "—")
        + (call.talkSeconds != null ? " · " + call.talkSeconds + " s" : "") + " · "
        + (call.recording ? list.dataset.recording + " " + call.recording : list.dataset.noRecording), false))));
    })
    .catch(() => list.replaceChildren(item(list.dataset.none, true)));
})();

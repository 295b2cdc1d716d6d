// One live stream per browser: the tab holding the lock opens /console/events and relays every event to the other
// tabs of this browser over a BroadcastChannel; each tab applies an event once (events carry ids). An event's data is
// {swaps: [{target, html}], announce, notify: {title, body, tag}}; html is rendered (and escaped) by the server.
// An "ended" event says the user's sessions were ended (deactivated, password reset): every tab goes to the log-in.
"use strict";
(function () {
  const userId = document.querySelector('meta[name="user-id"]')?.content;
  if (!userId) return;
  const i18n = document.getElementById("i18n");
  const channel = new BroadcastChannel("hotline-stream-" + userId);
  const seen = new Set();
  const HEARTBEAT_GRACE_MS = 40000;
  let everOpen = false;

  function connection(state) {
    const el = document.getElementById("conn");
    if (!el) return;
    el.dataset.state = state;
    el.querySelector(".conn-text").textContent = i18n.dataset["conn" + state[0].toUpperCase() + state.slice(1)];
  }

  function apply(id, data) {
    if (id && seen.has(id)) return;
    if (id) {
      seen.add(id);
      if (seen.size > 500) seen.delete(seen.values().next().value);
    }
    (data.swaps || []).forEach((swap) => {
      const target = document.getElementById(swap.target);
      if (target) htmx.swap(target, swap.html, { swapStyle: "outerHTML" });
    });
    if (data.announce) document.getElementById("announce").textContent = data.announce;
    const banner = document.getElementById("call-banner");
    if (data.notify && banner && !document.getElementById("card") && String(data.notify.tag).startsWith("call-")) {
      banner.firstElementChild.textContent = data.notify.title + " → " + i18n.dataset.toDesk;
      banner.hidden = false; // a call popped while this page is not the desk: say so, and lead there
    }
    if (data.notify) document.dispatchEvent(new CustomEvent("hotline:notify", { detail: data.notify }));
  }

  function ended() {
    location.assign("/login");
  }

  channel.onmessage = (message) => {
    if (message.data.kind === "ended") ended();
    else if (message.data.kind === "event") apply(message.data.id, message.data.data);
    else if (message.data.kind === "connection") connection(message.data.state);
  };

  function lead() {
    return new Promise(() => {
      let source = null;
      let watchdog = null;
      const relay = (kind, payload) => channel.postMessage(Object.assign({ kind: kind }, payload));
      const setState = (state) => { connection(state); relay("connection", { state: state }); };
      const open = () => {
        source = new EventSource("/console/events");
        const alive = () => {
          clearTimeout(watchdog);
          watchdog = setTimeout(() => { source.close(); setState("down"); open(); }, HEARTBEAT_GRACE_MS);
        };
        source.onopen = () => { setState(everOpen ? "back" : "up"); everOpen = true; alive(); };
        source.onerror = () => setState("down");
        source.addEventListener("ping", alive);
        source.addEventListener("ended", () => {
          clearTimeout(watchdog);
          source.close();
          relay("ended", {});
          ended();
        });
        source.addEventListener("live", (event) => {
          alive();
          const data = JSON.parse(event.data);
          relay("event", { id: event.lastEventId, data: data });
          apply(event.lastEventId, data);
        });
      };
      open();
    });
  }

  if (navigator.locks) {
    navigator.locks.request("hotline-stream-" + userId, lead);
  } else {
    lead(); // no Web Locks (plain HTTP off localhost): each tab keeps its own stream; ids still stop double notices
  }
})();

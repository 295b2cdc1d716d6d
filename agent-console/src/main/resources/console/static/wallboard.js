// The wallboard's own behaviour: the calls-per-hour chart (Chart.js) drawn from #wb-hourly and updated when a live
// swap replaces it, the "live / may be out of date" indicator that follows the stream's connection (#conn), the time
// of the last redraw, and the TV view's clock. The numbers themselves are server-rendered fragments (stream.js).
"use strict";
(function () {
  let chart = null;
  let downSince = null;

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function clock(date) {
    return date.toLocaleTimeString(document.documentElement.lang, { hour12: false });
  }

  function drawChart() {
    const data = document.getElementById("wb-hourly");
    const canvas = document.getElementById("wb-chart");
    if (!data || !canvas || !window.Chart) return;
    const today = JSON.parse(data.dataset.today || "[]");
    const usual = JSON.parse(data.dataset.usual || "null") || [];
    if (chart) {
      chart.data.datasets[0].data = today;
      chart.data.datasets[1].data = usual;
      chart.update("none");
      return;
    }
    const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"));
    const grid = { color: css("--line") };
    const ticks = { color: css("--muted") };
    chart = new window.Chart(canvas, {
      data: {
        labels: hours,
        datasets: [
          { type: "bar", label: canvas.dataset.todayLabel, data: today, backgroundColor: css("--accent") },
          { type: "line", label: canvas.dataset.usualLabel, data: usual, borderColor: css("--warn"),
            backgroundColor: css("--warn"), borderDash: [6, 4], pointRadius: 2, tension: 0.2 },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { labels: { color: css("--text") } } },
        scales: { x: { grid: grid, ticks: ticks }, y: { beginAtZero: true, grid: grid, ticks: ticks } },
      },
    });
  }

  function showLive() {
    const live = document.getElementById("wb-live");
    if (!live) return;
    const text = live.querySelector(".wb-live-text");
    if (downSince) {
      live.dataset.state = "stale";
      text.textContent = live.dataset.stale.replace("{0}", clock(downSince));
    } else {
      live.dataset.state = "live";
      const drawn = document.documentElement.dataset.wbDrawnAt;
      text.textContent = live.dataset.live + (drawn ? " · " + clock(new Date(Number(drawn))) : "");
    }
  }

  // A live swap redraws the agents list: what a supervisor was typing as a reason, and the focus, stay.
  const typed = new Map();
  document.addEventListener("input", (event) => {
    if (event.target.closest && event.target.closest("#agents-list") && event.target.id) typed.set(event.target.id, event.target.value);
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt.closest && event.detail.elt.closest("#agents-list form");
    if (form && event.detail.successful) form.querySelectorAll("input").forEach((input) => typed.delete(input.id));
  });
  function keepTyped(focused) {
    typed.forEach((value, id) => {
      const input = document.getElementById(id);
      if (input && input.value !== value) input.value = value;
    });
    const again = focused && document.getElementById(focused);
    if (again && document.activeElement !== again) again.focus();
  }

  function redrawn(focused) {
    keepTyped(focused);
    document.documentElement.dataset.wbDrawnAt = String(Date.now());
    drawChart();
    showLive();
  }

  function followConnection() {
    const conn = document.getElementById("conn");
    if (!conn) return;
    new MutationObserver(() => {
      if (conn.dataset.state === "down") downSince = downSince || new Date();
      else if (conn.dataset.state === "up" || conn.dataset.state === "back") downSince = null;
      showLive();
    }).observe(conn, { attributes: true, attributeFilter: ["data-state"] });
  }

  function followSwaps() {
    const main = document.getElementById("main");
    let focused = null;
    document.addEventListener("focusin", (event) => { focused = event.target.id || null; });
    new MutationObserver((changes) => {
      const boards = ["wb-board", "tv-board", "agents-list"];
      if (changes.some((c) => Array.from(c.addedNodes).some((n) => boards.includes(n.id)))) redrawn(focused);
    }).observe(main, { childList: true, subtree: true });
  }

  document.addEventListener("DOMContentLoaded", () => {
    redrawn();
    followConnection();
    followSwaps();
    const tvClock = document.getElementById("tv-clock");
    if (tvClock) {
      const tick = () => { tvClock.textContent = clock(new Date()); };
      tick();
      setInterval(tick, 1000);
    }
  });
})();

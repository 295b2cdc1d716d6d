// The wallboard's own behaviour: the calls-per-hour chart (Chart.js, its canvas kept across live swaps by hx-preserve)
// updated from #wb-hourly after each swap, the "live / may be out of date" indicator that follows the stream's
// connection (#conn), the time of the last redraw (data-wb-drawn-at), the TV view's clock (times in the hotline's
// zone), and a spent reason cleared on the agents page. The numbers are server-rendered fragments (stream.js).
"use strict";
(function () {
  let chart = null;
  let downSince = null;

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // The hotline's time zone, as the chart's hours are: a wall TV's browser may be set to another.
  const zone = document.getElementById("wb-live")?.dataset.zone;
  function clock(date) {
    return date.toLocaleTimeString(document.documentElement.lang, { hour12: false, timeZone: zone || undefined });
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
    // Read from across the room on the TV view.
    const font = { size: document.body.classList.contains("tv") ? 16 : 12 };
    const ticks = { color: css("--muted"), font: font };
    chart = new window.Chart(canvas, {
      data: {
        labels: hours,
        datasets: [
          { type: "bar", label: canvas.dataset.todayLabel, data: today, backgroundColor: css("--accent"),
            pointStyle: "rect" },
          { type: "line", label: canvas.dataset.usualLabel, data: usual, borderColor: css("--warn"),
            backgroundColor: css("--warn"), borderDash: [6, 4], pointRadius: 2, tension: 0.2, pointStyle: "line" },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { labels: { color: css("--text"), font: font, usePointStyle: true } } },
        scales: { x: { grid: grid, ticks: ticks }, y: { beginAtZero: true, grid: grid, ticks: Object.assign({ precision: 0 }, ticks) } },
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

  // A supervisor's action went through: the reason typed for it is spent (the input survives redraws: hx-preserve).
  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt.closest && event.detail.elt.closest("#agents-list form");
    if (form && event.detail.successful) form.querySelector("input[name=reason]").value = "";
  });

  function redrawn() {
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
    new MutationObserver((changes) => {
      const boards = ["wb-board", "tv-board", "agents-list"];
      if (changes.some((c) => Array.from(c.addedNodes).some((n) => boards.includes(n.id)))) redrawn();
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

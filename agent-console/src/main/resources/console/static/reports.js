// Reports page: draws the chart from the data the server put on the canvas (CSP: no inline script), and picks the
// first grouping of a newly chosen report before showing it (each report has its own groupings).
(function () {
  'use strict';

  function css(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // Distinct hues that read on the dark panel; colour is never the only key (the legend names each series).
  var PALETTE = ['#6cb6ff', '#5fcf8f', '#f0c05a', '#ff8a80', '#c9a6ff', '#4dd0e1', '#ffab70', '#a5d6a7', '#f48fb1',
    '#b0bec5'];

  function draw(canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    var line = data.kind === 'line';
    var text = css('--text') || '#e6ebf0';
    var grid = css('--line') || '#33404d';
    new window.Chart(canvas, {
      type: data.kind,
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, i) {
          var colour = PALETTE[i % PALETTE.length];
          return { label: set.label, data: set.data, backgroundColor: colour, borderColor: colour, spanGaps: true,
            borderWidth: line ? 2 : 0, pointRadius: line ? 2 : 0 };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          title: { display: true, text: data.title + (data.percent ? ' (%)' : ''), color: text },
          legend: { labels: { color: text, boxWidth: 12 } }
        },
        scales: {
          x: { stacked: !line, ticks: { color: text }, grid: { color: grid } },
          y: { stacked: !line, beginAtZero: true, ticks: { color: text }, grid: { color: grid },
            max: data.percent ? 100 : undefined }
        }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('report-chart');
    if (canvas && window.Chart) {
      draw(canvas);
    }
    var choice = document.getElementById('report-choice');
    var form = document.getElementById('report-form');
    if (choice && form) {
      choice.addEventListener('change', function () {
        document.getElementById('report-by').disabled = true; // the new report's default grouping
        form.submit();
      });
    }
  });
})();

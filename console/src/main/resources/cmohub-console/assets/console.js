// Progressive enhancement only: every page works without it. The scorecard chart reads its data from the
// canvas's data attributes (the CSP allows no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var canvas = document.getElementById("alerts-per-cmo");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }
  var labels = canvas.dataset.labels ? canvas.dataset.labels.split("|") : [];
  var values = canvas.dataset.values ? canvas.dataset.values.split("|").map(Number) : [];
  new Chart(canvas, {
    type: "bar",
    data: { labels: labels, datasets: [{ label: "alerts", data: values, backgroundColor: "#0b5cad" }] },
    options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
});

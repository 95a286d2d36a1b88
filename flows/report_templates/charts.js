// ruaz report: draw each chart with vega-embed (assets/vega.js) from the Vega-Lite spec next to it.
// The static SVG rendered when the report was written stays in place until the interactive chart
// is drawn, and stays for good if it cannot be (no JavaScript, or an error, which is logged).
(function () {
  "use strict";
  function draw(figure) {
    var spec = JSON.parse(figure.querySelector("script.chart-spec").textContent);
    var still = figure.querySelector(".chart-static");
    var live = document.createElement("div");
    live.className = "chart-live";
    figure.insertBefore(live, still);
    return window.vegaEmbed(live, spec, {renderer: "svg", actions: false, loader: {target: "_self"}})
      .then(function () {
        still.remove();
        figure.dataset.rendered = "interactive";
      })
      .catch(function (error) {
        live.remove();
        figure.dataset.rendered = "static";
        console.error("chart " + figure.dataset.chart + " could not be drawn: " + error);
      });
  }
  function drawAll() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    if (typeof window.vegaEmbed !== "function") {
      figures.forEach(function (figure) { figure.dataset.rendered = "static"; });
      document.body.dataset.charts = "done";
      return;
    }
    Promise.all(figures.map(draw)).then(function () { document.body.dataset.charts = "done"; });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();

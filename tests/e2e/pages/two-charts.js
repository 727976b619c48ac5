"use strict";
(function () {
  var english = JSON.stringify({
    title: "Life expectancy", locale: "en", source: "Gapminder",
    ranking: {
      title: "Countries by life expectancy", item: "country", items: "countries",
      metrics: [{ key: "life", label: "Life expectancy", unit: "years" }, { key: "gdp", label: "GDP per capita", unit: "USD" }],
      villages: [
        { name: "Japan", group: "Asia", values: { life: 82.6, gdp: 31656 } },
        { name: "Iceland", group: "Europe", values: { life: 81.8, gdp: 36181 } },
        { name: "Chad", group: "Africa", values: { life: 50.7, gdp: 1704 } },
        { name: "Peru", group: "Americas", values: { life: 71.4, gdp: 7409 } },
      ],
    },
  });
  var chinese = HELUO_SAMPLES[0].text;
  function mount(id, text, kind) {
    var box = document.getElementById(id);
    var dataset = Heluo.parseDataset(new TextEncoder().encode(text));
    var chart = Heluo.mount(box, dataset, kind, { onError: function (e) { window.__errors.push(String(e)); } });
    box.appendChild(chart.figure);
    chart.start();
    return chart;
  }
  window.__errors = [];
  window.__charts = { a: mount("a", chinese, "ranking"), b: mount("b", english, "ranking") };
  document.documentElement.setAttribute("data-heluo", "ready");
})();

// The three engines of the side-by-side benchmark, behind one interface.
// Runs in the page (tests/bench/page.html); tests/bench/page.mjs times it.
//
//   script                    the classic script that defines the library's global
//   version()                 the library's version
//   parse(bytes)              file bytes (Uint8Array) → parsed dataset (throws if refused);
//                             Heluo's is the bytes themselves: Heluo.render parses
//   render(parsed, kind, host, size)
//                             draws a new chart of `kind` ('trend' | 'ranking') in the
//                             empty element `host`, `size.width`×`size.height` CSS px at
//                             `size.dpr`; returns the chart (whatever the engine needs)
//   destroy(chart)
//   drop(parsed)              optional: releases a parsed dataset
//   canvases(chart)           the canvases the chart draws on (read back to check pixels)
//   box(chart)                the chart's size in CSS px, `{ width, height }`
//   plotArea(chart)           `{ left, top, right, bottom }` CSS px of the plot, where hovering hits
//   hover(chart, x, y)        the pointer moves to (x, y) CSS px from the chart's top left;
//                             returns whether a tooltip shows (or null when unknown)
//   switchMetric(chart, i)    ranking: rank by metric i
//   search(chart, q)          ranking: villages whose name contains q; returns how many
//   memory()                  bytes held outside the JS heap (wasm linear memory), or null
//
// EVERY call into Heluo is in the `heluo` object below, so that a change of
// Heluo's API is a change here and nowhere else.

const TOP = 15;
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554'];

// wasm-bindgen's classic-script glue keeps the instance private; page.html
// records every WebAssembly.Instance created, so the memory can be read.
function wasmMemoryBytes() {
  let total = 0;
  for (const instance of globalThis.__benchWasmInstances || []) {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) total += value.buffer.byteLength;
    }
  }
  return total;
}

function canvasIn(host, size) {
  const canvas = document.createElement('canvas');
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  canvas.width = size.width;
  canvas.height = size.height;
  host.appendChild(canvas);
  return canvas;
}

// ---------------------------------------------------------------- Heluo (adapter)

export const heluo = {
  name: 'Heluo',
  script: '/heluo.js', // served from pkg/heluo.js, or $HELUO_JS
  version: () => 'pkg/heluo.js',
  /* The public path: what <heluo-chart>, the page and every embedder call.
     Heluo.render takes the file's bytes and parses them itself, so parse()
     only refuses a file over the limit (as www/app.js does) and hands the
     bytes on; the clock runs from here to pixels through render(). Hover,
     metric and search go through the chart's own DOM (pointer events on the
     canvas, the metric menu, the search box), as a reader's do. */
  parse(bytes) {
    const H = globalThis.Heluo;
    if (H.maxFileBytes && bytes.length > H.maxFileBytes()) throw new Error(H.tooLargeMessage(bytes.length));
    return bytes;
  },
  /* Heluo's reader alone, bytes to a validated dataset (what Heluo.render
     calls first), timed in ms: the parse throughput line of BENCHMARKS.md. */
  parseOnly(bytes) {
    const t0 = performance.now();
    const dataset = globalThis.Heluo.parseDataset(bytes, 'zh');
    const ms = performance.now() - t0;
    dataset.free();
    return ms;
  },
  /** Heluo chooses the chart's height from the width (the page does the same). */
  render(bytes, kind, host, size) {
    host.style.width = `${size.width}px`;
    const handle = globalThis.Heluo.render(host, bytes, { chart: kind, theme: 'light' });
    const root = host.querySelector('heluo-render').shadowRoot;
    const base = root.querySelector('canvas.base');
    return {
      handle, kind, root, base,
      overlay: root.querySelector('canvas.overlay'),
      tip: root.querySelector('.tooltip'),
      width: size.width,
      height: base.getBoundingClientRect().height,
    };
  },
  destroy(chart) {
    chart.handle.destroy();
  },
  canvases: (chart) => [chart.base, chart.overlay],
  box: (chart) => ({ width: chart.width, height: chart.height }),
  // Heluo does not expose its plot rectangle: found by probing a grid of
  // pointer positions (untimed) for those that show a tooltip.
  plotArea(chart) {
    const { width, height } = chart;
    let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 60; j++) {
        const x = ((i + 0.5) * width) / 12;
        const y = ((j + 0.5) * height) / 60;
        if (heluo.hover(chart, x, y)) {
          left = Math.min(left, x); right = Math.max(right, x);
          top = Math.min(top, y); bottom = Math.max(bottom, y);
        }
      }
    }
    chart.base.dispatchEvent(new PointerEvent('pointerleave', { bubbles: true, pointerId: 1, pointerType: 'mouse' }));
    return left <= right ? { left, right, top, bottom } : { left: 0, right: width, top: 0, bottom: height };
  },
  // A pointer move on the canvas, as the browser sends it: the chart updates
  // its overlay and its tooltip element.
  hover(chart, x, y) {
    const r = chart.base.getBoundingClientRect();
    chart.base.dispatchEvent(new PointerEvent('pointermove', {
      bubbles: true, clientX: r.left + x, clientY: r.top + y, pointerId: 1, pointerType: 'mouse',
    }));
    return !chart.tip.hidden;
  },
  // The metric menu, as a reader picks from it (the page is run with reduced
  // motion, so the re-ranking is drawn at once, as the peers' are).
  switchMetric(chart, metric) {
    const select = chart.root.querySelector('select.metric-select');
    select.selectedIndex = metric;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  },
  // Typing in the search box: the chart counts the matches into its status.
  search(chart, query) {
    const input = chart.root.querySelector('.village-search input');
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  },
  memory: wasmMemoryBytes,
};

// ---------------------------------------------------------------- the peers

function decodeJson(bytes) {
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Top 15 by a plain filter and sort, the way a page using a generic chart library would. */
function topVillages(ranking, key) {
  return ranking.villages
    .filter((v) => typeof v.values[key] === 'number')
    .sort((a, b) => b.values[key] - a.values[key])
    .slice(0, TOP);
}

function groupColors(villages) {
  const groups = new Map();
  return villages.map((v) => {
    const g = v.group ?? '';
    if (!groups.has(g)) groups.set(g, PALETTE[groups.size % PALETTE.length]);
    return groups.get(g);
  });
}

function searchNames(ranking, query) {
  let n = 0;
  for (const v of ranking.villages) if (v.name.includes(query)) n++;
  return n;
}

// Chart.js 4, with the settings of its performance guide
// (https://www.chartjs.org/docs/latest/general/performance.html): no animation,
// data already in its internal format (parsing: false) and sorted (normalized),
// decimation on for lines (it only acts above 4× the chart's width in points),
// no point markers, spanGaps (the generated trends have no gaps).
export const chartjs = {
  name: 'Chart.js',
  script: '/node_modules/chart.js/dist/chart.umd.min.js',
  version: () => globalThis.Chart.version,
  parse: decodeJson,
  render(data, kind, host, size) {
    const canvas = canvasIn(host, size);
    const options = {
      animation: false,
      responsive: false,
      devicePixelRatio: size.dpr,
      parsing: false,
      normalized: true,
      plugins: { title: { display: true, text: data.title } },
    };
    let config;
    if (kind === 'trend') {
      const datasets = data.trend.series.map((s, i) => ({
        label: s.name,
        data: s.points.map((p) => ({ x: p.year, y: p.value })),
        borderColor: PALETTE[i % PALETTE.length],
        borderWidth: 1.5,
        pointRadius: 0,
        spanGaps: true,
      }));
      Object.assign(options, {
        interaction: { mode: 'index', intersect: false },
        scales: { x: { type: 'linear', ticks: { stepSize: 1 } }, y: { beginAtZero: true } },
      });
      options.plugins.decimation = { enabled: true, algorithm: 'lttb' };
      config = { type: 'line', data: { datasets }, options };
    } else {
      Object.assign(options, {
        indexAxis: 'y',
        interaction: { mode: 'nearest', axis: 'y', intersect: false },
        scales: { y: { type: 'category' } },
      });
      options.plugins.legend = { display: false };
      config = { type: 'bar', data: { labels: [], datasets: [{ label: '', data: [] }] }, options };
      chartjs._rankingData(config.data, data.ranking, 0);
    }
    const chart = new globalThis.Chart(canvas, config);
    return { chart, data, canvas, width: size.width, height: size.height };
  },
  _rankingData(target, ranking, metric) {
    const metricDef = ranking.metrics[metric];
    const top = topVillages(ranking, metricDef.key);
    target.labels = top.map((v) => v.name);
    const ds = target.datasets[0];
    ds.label = metricDef.label ?? metricDef.key;
    ds.data = top.map((v, i) => ({ x: v.values[metricDef.key], y: i }));
    ds.backgroundColor = groupColors(top);
  },
  destroy(c) {
    c.chart.destroy();
  },
  canvases: (c) => [c.canvas],
  box: (c) => ({ width: c.width, height: c.height }),
  // Chart.js delivers DOM events through a requestAnimationFrame throttle; the
  // work per delivered event is this handler (what the throttle calls), which
  // hit-tests, updates the tooltip and redraws synchronously (no animation).
  hover(c, x, y) {
    const native = new MouseEvent('mousemove', { clientX: x, clientY: y });
    c.chart._eventHandler({ type: 'mousemove', native, x, y });
    return c.chart.tooltip.getActiveElements().length > 0;
  },
  plotArea: (c) => c.chart.chartArea,
  switchMetric(c, metric) {
    chartjs._rankingData(c.chart.data, c.data.ranking, metric);
    c.chart.update('none');
  },
  search: (c, query) => searchNames(c.data.ranking, query),
  memory: () => null,
};

// ECharts 5, canvas renderer, with the settings of its performance advice:
// no animation, no symbols on lines, `sampling: 'lttb'` for lines, `large` and
// `progressive` for bars (they act above their thresholds), tooltip without
// transition (else its position updates are throttled to 50 ms).
// setOption draws synchronously into zrender; zrender paints on the next
// animation frame unless flushed, so every step ends with `getZr().flush()`.
export const echarts = {
  name: 'ECharts',
  script: '/node_modules/echarts/dist/echarts.min.js',
  version: () => globalThis.echarts.version,
  parse: decodeJson,
  render(data, kind, host, size) {
    const div = document.createElement('div');
    div.style.width = `${size.width}px`;
    div.style.height = `${size.height}px`;
    host.appendChild(div);
    const chart = globalThis.echarts.init(div, null, {
      renderer: 'canvas', devicePixelRatio: size.dpr, width: size.width, height: size.height,
    });
    let option;
    if (kind === 'trend') {
      const years = data.trend.series.flatMap((s) => [s.points[0].year, s.points[s.points.length - 1].year]);
      option = {
        animation: false,
        title: { text: data.title },
        legend: { type: 'scroll', top: 28 },
        grid: { top: 70 },
        tooltip: { trigger: 'axis', transitionDuration: 0 },
        xAxis: { type: 'value', min: Math.min(...years), max: Math.max(...years), minInterval: 1 },
        yAxis: { type: 'value' },
        series: data.trend.series.map((s) => ({
          type: 'line',
          name: s.name,
          data: s.points.map((p) => [p.year, p.value]),
          showSymbol: false,
          sampling: 'lttb',
          animation: false,
        })),
      };
    } else {
      option = {
        animation: false,
        title: { text: data.title },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, transitionDuration: 0 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: [] },
        series: [{ type: 'bar', large: true, progressive: 5000, data: [] }],
      };
      echarts._rankingOption(option, data.ranking, 0);
    }
    chart.setOption(option);
    chart.getZr().flush();
    return { chart, data, div, width: size.width, height: size.height };
  },
  _rankingOption(option, ranking, metric) {
    const key = ranking.metrics[metric].key;
    const top = topVillages(ranking, key);
    const colors = groupColors(top);
    option.yAxis.data = top.map((v) => v.name);
    option.series[0].name = ranking.metrics[metric].label ?? key;
    option.series[0].data = top.map((v, i) => ({ value: v.values[key], itemStyle: { color: colors[i] } }));
    return option;
  },
  destroy(c) {
    c.chart.dispose();
  },
  canvases: (c) => [...c.div.querySelectorAll('canvas')],
  box: (c) => ({ width: c.width, height: c.height }),
  // A real mousemove on zrender's root element (its handlers run synchronously), then paint.
  hover(c, x, y) {
    const root = c.chart.getZr().painter.getViewportRoot();
    const r = root.getBoundingClientRect();
    root.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + x, clientY: r.top + y, bubbles: true }));
    c.chart.getZr().flush();
    return null;
  },
  plotArea(c) {
    const grid = c.chart.getModel().getComponent('grid').coordinateSystem.getRect();
    return { left: grid.x, top: grid.y, right: grid.x + grid.width, bottom: grid.y + grid.height };
  },
  switchMetric(c, metric) {
    const option = { yAxis: { data: [] }, series: [{ data: [] }] };
    echarts._rankingOption(option, c.data.ranking, metric);
    c.chart.setOption(option);
    c.chart.getZr().flush();
  },
  search: (c, query) => searchNames(c.data.ranking, query),
  memory: () => null,
};

export const engines = { chartjs, echarts, heluo };

// The chart of the rehearsal page: one alert's series (the left side of its comparison, as
// Prometheus evaluates it) over the last minutes of fleet time, with its threshold as a line,
// drawn by uPlot (inlined into the page, no network).

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"];
let plot;

/** Draws (or redraws) the chart of `data` ({ alert, query, threshold, x, series }) in `container`. */
// biome-ignore lint/correctness/noUnusedVariables: app.js calls it; the page inlines both into one script
function drawChart(container, data) {
  const title = document.getElementById("chart-query");
  title.textContent = `${data.query}${data.threshold === null ? "" : `  ${data.op} ${data.threshold}`}`;
  const columns = [data.x, ...data.series.map((s) => s.values)];
  const series = [
    { label: "fleet t" },
    ...data.series.map((s, i) => ({
      label: s.label,
      stroke: PALETTE[i % PALETTE.length],
      width: 1.5,
      spanGaps: false,
    })),
  ];
  if (data.threshold !== null) {
    columns.push(data.x.map(() => data.threshold));
    series.push({
      label: `threshold ${data.op} ${data.threshold}`,
      stroke: "#000",
      dash: [6, 4],
      width: 1,
    });
  }
  const width = Math.max(320, container.clientWidth - 8);
  const key = series.map((s) => s.label).join("|");
  if (plot && plot.key === key) {
    plot.setData(columns);
    return;
  }
  plot?.destroy();
  plot = new uPlot(
    {
      width,
      height: 260,
      scales: { x: { time: false } },
      axes: [{ label: "fleet seconds since t=0" }, {}],
      series,
    },
    columns,
    container,
  );
  plot.key = key;
}

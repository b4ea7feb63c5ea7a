// The HTML report's own script, inlined into index.html (and tune.html) after uPlot: draws each
// alert's series (and its threshold lines) with uPlot from the data embedded in the page, with
// the scenario's fault windows shaded; on tune.html, each value's latencies and noise. Plain browser JavaScript: the page must open from disk, offline.
(() => {
  const data = JSON.parse(document.getElementById("firedrill-data").textContent);
  const COLORS = ["#1f77b4", "#9467bd", "#2ca02c", "#8c564b", "#17becf", "#7f7f7f"];

  // Fleet seconds as the terminal writes them: 452 → "7m32s".
  const fmt = (seconds) => {
    const total = Math.round(seconds);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${h ? `${h}h` : ""}${m ? `${m}m` : ""}${s ? `${s}s` : ""}` || "0s";
  };

  // The labels that tell a plot's series apart (all of them when there is one series).
  const labelsOf = (series) => {
    const keys = new Set(series.flatMap((s) => Object.keys(s.labels)));
    const differ = [...keys].filter(
      (k) => k !== "__name__" && new Set(series.map((s) => s.labels[k])).size > 1,
    );
    // instance (an address) only where nothing else tells the series apart.
    const named = differ.filter((k) => k !== "instance");
    const varying = named.length > 0 ? named : differ;
    return series.map((s) => {
      const shown =
        varying.length > 0 ? varying : Object.keys(s.labels).filter((k) => k !== "__name__");
      const text = shown.map((k) => `${k}="${s.labels[k] ?? ""}"`).join(",");
      return text ? `{${text}}` : "value";
    });
  };

  // Shades the scenario's fault windows behind the lines.
  const shadeFaults = (faults) => (u) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.fillStyle = "rgba(255, 140, 0, 0.14)";
    for (const f of faults) {
      if (f.injectedAt === null) continue;
      const from = u.valToPos(f.injectedAt, "x", true);
      const to = u.valToPos(f.healedAt ?? u.scales.x.max, "x", true);
      ctx.fillRect(from, bbox.top, Math.max(1, to - from), bbox.height);
    }
    ctx.restore();
  };

  for (const el of document.querySelectorAll("[data-plot]")) {
    const [si, pi] = el.dataset.plot.split(":").map(Number);
    const scenario = data.scenarios[si];
    const plot = scenario.series[pi];
    if (plot.series.length === 0) {
      el.dataset.points = "0";
      continue;
    }
    const names = labelsOf(plot.series);
    const lines = plot.thresholds.map((t) =>
      typeof t.value === "number" ? plot.times.map(() => t.value) : t.value,
    );
    const opts = {
      width: Math.max(320, el.clientWidth || 900),
      height: 200,
      legend: { live: true },
      scales: { x: { time: false, range: [0, scenario.durationFleetSeconds] } },
      axes: [
        {
          values: (_u, ticks) => ticks.map(fmt),
          incrs: [15, 30, 60, 120, 300, 600, 900, 1800, 3600],
        },
        { size: 60 },
      ],
      series: [
        { label: "t", value: (_u, v) => (v === null ? "—" : `t=${fmt(v)}`) },
        ...names.map((label, i) => ({
          label,
          stroke: COLORS[i % COLORS.length],
          width: 1.5,
          points: { show: false },
        })),
        ...plot.thresholds.map((t) => ({
          label: `threshold ${t.op} ${typeof t.value === "number" ? t.value : "expr"}`,
          stroke: "#d62728",
          dash: [6, 4],
          width: 1.5,
          points: { show: false },
        })),
      ],
      hooks: { drawClear: [shadeFaults(scenario.faults)] },
    };
    const columns = [plot.times, ...plot.series.map((s) => s.values), ...lines];
    new uPlot(opts, columns, el);
    el.dataset.points = String(
      plot.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0),
    );
  }
  // firedrill tune's page: one point per value tried, the values along x.
  const tune = data.tune;
  for (const el of tune ? document.querySelectorAll("[data-tune-plot]") : []) {
    const latency = el.dataset.tunePlot === "latency";
    const xs = tune.values.map((_v, i) => i);
    const lines = latency
      ? [
          ...tune.faultDrills.map((d) => ({ label: d.name, values: d.seconds })),
          { label: "budget", values: tune.budget, dash: [6, 4], stroke: "#d62728" },
        ]
      : [
          { label: "firings in noise drills", values: tune.noiseFirings, stroke: "#ff7f0e" },
          { label: "pages in noise drills", values: tune.noisePages, stroke: "#d62728" },
        ];
    const opts = {
      width: Math.max(320, el.clientWidth || 900),
      height: 200,
      legend: { live: true },
      scales: {
        x: { time: false, range: [-0.5, Math.max(0.5, xs.length - 0.5)] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => tune.values[t] ?? ""),
          incrs: [1],
        },
        { size: 60, values: (_u, ticks) => ticks.map((t) => (latency ? fmt(t) : String(t))) },
      ],
      series: [
        { label: "value", value: (_u, v) => (v === null ? "—" : (tune.values[v] ?? "")) },
        ...lines.map((l, i) => ({
          label: l.label,
          stroke: l.stroke ?? COLORS[i % COLORS.length],
          dash: l.dash,
          width: 1.5,
          points: { show: true, size: 7 },
          value: (_u, v) => (v === null ? "—" : latency ? fmt(v) : String(v)),
        })),
      ],
    };
    new uPlot(opts, [xs, ...lines.map((l) => l.values)], el);
    el.dataset.points = String(
      lines.reduce((n, l) => n + l.values.filter((v) => v !== null).length, 0),
    );
  }
  document.body.dataset.ready = "true";
})();

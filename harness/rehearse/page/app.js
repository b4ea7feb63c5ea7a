// The rehearsal page's own logic: polls /api/state twice a second and renders the fleet, the
// faults injected (with Heal), the alerts through their states, each receiver's notifications
// and the chart; Save and Stop call the API. Uses el(), renderFaultForms() and drawChart().

const $ = (id) => document.getElementById(id);

/** Fleet seconds as m:ss. */
function t(seconds) {
  if (seconds === null || seconds === undefined) return "";
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Labels without alertname, as name="value" pairs. */
function labelText(labels) {
  return Object.entries(labels)
    .filter(([k]) => k !== "alertname")
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ");
}

/** Calls the API; resolves to [body] or [undefined, error message]. */
async function call(method, url, body) {
  try {
    const response = await fetch(url, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json();
    return response.ok ? [answer] : [undefined, answer.error ?? response.statusText];
  } catch (error) {
    return [undefined, `Failed to reach the rehearsal: ${error.message}. Is it still running?`];
  }
}

/** Fills a table body with rows of cells; each row gets the data attributes given. */
function fillRows(tbody, rows) {
  tbody.replaceChildren(
    ...rows.map(({ cells, attrs }) => {
      const tr = el("tr", attrs ?? {});
      for (const cell of cells)
        tr.append(cell instanceof Node ? el("td", {}, cell) : el("td", { text: cell }));
      return tr;
    }),
  );
}

function renderState(state) {
  $("now").textContent = `fleet t=${t(state.recording.now)} at ${state.speed}x`;
  fillRows(
    $("nodes"),
    state.nodes.map((n) => ({
      cells: [n.id, n.role ?? n.system, n.state],
      attrs: { "data-node": n.id, "data-state": n.state },
    })),
  );
  fillRows(
    $("faults-done"),
    state.recording.faults.map((f) => {
      const heal = el("button", { type: "button", text: "Heal", "data-heal": f.id });
      heal.addEventListener("click", async () => {
        heal.disabled = true;
        const [, error] = await call("DELETE", `/api/faults/${encodeURIComponent(f.id)}`);
        $("message").textContent = error ?? `healed ${f.id}`;
      });
      return {
        cells: [
          f.id,
          `${f.fault.name}${f.fault.target ? ` on ${f.fault.target}` : ""}`,
          JSON.stringify(f.fault.params ?? {}),
          t(f.injectedAt),
          f.healedAt === null ? heal : t(f.healedAt),
        ],
        attrs: { "data-fault-id": f.id, "data-active": f.healedAt === null },
      };
    }),
  );
  fillRows(
    $("alerts"),
    [...state.recording.alerts].reverse().map((a) => ({
      cells: [
        a.alertname,
        labelText(a.labels),
        a.state,
        t(a.pendingAt),
        t(a.firingAt),
        t(a.endedAt),
      ],
      attrs: {
        "data-alert": a.alertname,
        "data-node": a.labels.node,
        "data-state": a.state,
        class: a.state,
      },
    })),
  );
  const receivers = [...new Set(state.recording.deliveries.map((d) => d.receiver))].sort();
  $("receivers").replaceChildren(
    ...receivers.map((r) =>
      el(
        "section",
        { class: "receiver", "data-receiver": r },
        el("h3", { text: r }),
        el(
          "ul",
          {},
          ...state.recording.deliveries
            .filter((d) => d.receiver === r)
            .map((d) =>
              el("li", {
                "data-delivery": `${d.labels.alertname}:${d.status}`,
                text: `${t(d.receivedAt)} ${d.status} ${d.labels.alertname} {${labelText(d.labels)}}`,
              }),
            ),
        ),
      ),
    ),
  );
  if (receivers.length === 0) $("receivers").append(el("p", { text: "no notifications yet" }));
}

async function refresh() {
  const [state, error] = await call("GET", "/api/state");
  if (error) {
    $("status").textContent = error;
    return;
  }
  renderState(state);
  const alert = $("chart-alert").value;
  if (alert) {
    const [data] = await call(
      "GET",
      `/api/series?alert=${encodeURIComponent(alert)}&minutes=${$("chart-minutes").value}`,
    );
    if (data) drawChart($("chart"), data);
  }
}

async function init() {
  let timer;
  const [catalogue, error] = await call("GET", "/api/catalogue");
  if (error) {
    $("status").textContent = error;
    return;
  }
  $("links").replaceChildren(
    ...catalogue.links.map((l) =>
      el("a", { href: l.url, target: "_blank", rel: "noreferrer", text: l.label }),
    ),
  );
  renderFaultForms($("fault-forms"), catalogue, async (spec) => {
    const [record, message] = await call("POST", "/api/faults", spec);
    if (record)
      $("message").textContent = `injected ${record.id} at fleet t=${t(record.injectedAt)}`;
    await refresh();
    return message ?? null;
  });
  const systemSelect = $("chart-system");
  for (const s of catalogue.systems) systemSelect.append(el("option", { value: s, text: s }));
  const fillAlerts = () => {
    const list = catalogue.series.filter((s) => s.system === systemSelect.value);
    $("chart-alert").replaceChildren(
      ...list.map((s) => el("option", { value: s.alert, text: s.alert })),
    );
  };
  systemSelect.addEventListener("change", fillAlerts);
  fillAlerts();
  $("save").addEventListener("submit", async (event) => {
    event.preventDefault();
    const [saved, message] = await call("POST", "/api/save", { name: $("save-name").value.trim() });
    $("saved").textContent = saved ? `saved ${saved.file} (scenario "${saved.name}")` : message;
  });
  $("stop").addEventListener("click", async () => {
    $("stop").disabled = true;
    await call("POST", "/api/stop");
    $("status").textContent = "stopping: the stack and the fleet are shutting down";
    clearInterval(timer);
  });
  await refresh();
  timer = setInterval(refresh, 500);
}

void init();

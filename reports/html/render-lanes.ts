import {
  type AlertRecord,
  type DeliveryRecord,
  describeAlert,
  formatSeconds,
  type ScenarioResult,
} from "../../harness/result/index.ts";
import { escapeHtml } from "./escape-html.ts";

// Labels that tell alert instances apart; job, instance and system add nothing on a lane.
function shownLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const { alertname: _a, instance: _i, job: _j, system: _s, ...rest } = labels;
  return rest;
}

// An alert instance: its name and every label, as Prometheus and Alertmanager both carry them.
const keyOf = (labels: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

/** A horizontal stretch of a lane, as percentages of the drill. */
function segment(cls: string, from: number, to: number, span: number, title: string): string {
  const left = (100 * Math.max(0, from)) / span;
  const width = Math.max(0.3, (100 * (Math.min(span, to) - Math.max(0, from))) / span);
  return `<div class="segment ${cls}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%" title="${escapeHtml(title)}"></div>`;
}

/** The lane of one alert instance: pending, firing and resolved stretches, and deliveries. */
function lane(
  episodes: readonly AlertRecord[],
  deliveries: readonly DeliveryRecord[],
  end: number,
): string {
  const first = episodes[0]!;
  const name = describeAlert(first.labels.alertname ?? first.alertname, shownLabels(first.labels));
  const t = (s: number) => `t=${formatSeconds(s)}`;
  const parts: string[] = [];
  episodes.forEach((e, i) => {
    const stop = e.endedAt ?? end;
    if (e.firingAt === null) {
      parts.push(
        segment("pending", e.pendingAt, stop, end, `pending ${t(e.pendingAt)}–${t(stop)}`),
      );
    } else {
      parts.push(
        segment("pending", e.pendingAt, e.firingAt, end, `pending from ${t(e.pendingAt)}`),
      );
      parts.push(segment("firing", e.firingAt, stop, end, `firing ${t(e.firingAt)}–${t(stop)}`));
      if (e.endedAt !== null) {
        const next = episodes[i + 1]?.pendingAt ?? end;
        parts.push(segment("resolved", e.endedAt, next, end, `resolved at ${t(e.endedAt)}`));
      }
    }
  });
  for (const d of deliveries) {
    const left = ((100 * Math.min(end, Math.max(0, d.receivedAt))) / end).toFixed(2);
    const title = `${d.status} notification to ${d.receiver} at ${t(d.receivedAt)}`;
    parts.push(
      `<div class="delivery ${d.status}" style="left:${left}%" title="${escapeHtml(title)}" data-receiver="${escapeHtml(d.receiver)}"><span>${escapeHtml(d.receiver)}</span></div>`,
    );
  }
  return `<div class="lane" data-alert="${escapeHtml(first.alertname)}"><div class="lane-name" title="${escapeHtml(name)}">${escapeHtml(name)}</div><div class="track">${parts.join("")}</div></div>`;
}

/** Ticks under the lanes, about eight of them, on round fleet times. */
function axis(end: number): string {
  const steps = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
  const step = steps.find((s) => end / s <= 8) ?? 7200;
  const ticks: string[] = [];
  for (let s = 0; s <= end; s += step) {
    ticks.push(`<span style="left:${((100 * s) / end).toFixed(2)}%">${formatSeconds(s)}</span>`);
  }
  return `<div class="lane axis"><div class="lane-name">fleet time</div><div class="track">${ticks.join("")}</div></div>`;
}

/**
 * A scenario's timeline: the fault windows shaded across every lane, one lane per alert
 * instance (inactive, pending, firing, resolved) with each notification marked by receiver.
 */
export function renderLanes(result: ScenarioResult): string {
  const end = Math.max(1, result.durationFleetSeconds);
  const windows = result.faults
    .filter((f) => f.injectedAt !== null)
    .map((f) => {
      const from = f.injectedAt!;
      const to = f.healedAt ?? end;
      const title = `${f.id}: ${f.name}${f.target ? ` on ${f.target}` : ""}, t=${formatSeconds(from)}–${f.healedAt === null ? "end" : `t=${formatSeconds(to)}`}`;
      return `<div class="fault-window" style="left:${((100 * from) / end).toFixed(2)}%;width:${((100 * (Math.min(end, to) - from)) / end).toFixed(2)}%" title="${escapeHtml(title)}"><span>${escapeHtml(f.id)}</span></div>`;
    });
  const byInstance = new Map<string, AlertRecord[]>();
  for (const a of result.alerts) {
    const key = keyOf(a.labels);
    byInstance.set(key, [...(byInstance.get(key) ?? []), a]);
  }
  const lanes = [...byInstance].map(([key, episodes]) =>
    lane(
      [...episodes].sort((a, b) => a.pendingAt - b.pendingAt),
      result.deliveries.filter((d) => keyOf(d.labels) === key),
      end,
    ),
  );
  const body =
    lanes.length > 0
      ? lanes.join("")
      : `<div class="lane empty"><div class="lane-name">no alert went pending</div><div class="track"></div></div>`;
  return `<div class="timeline"><div class="windows">${windows.join("")}</div>${body}${axis(end)}</div>`;
}

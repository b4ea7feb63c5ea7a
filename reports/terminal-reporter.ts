import { describeAlert, formatSeconds, type Reporter } from "../harness/result/index.ts";
import type { ReporterOptions } from "./reporter-options.ts";

/** Live progress on the terminal: one line per step, fault and alert change, then verdicts. */
export function terminalReporter(options: ReporterOptions = {}): Reporter {
  const out = options.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = new Map<string, number>();
  const t = (seconds: number) => `t=${formatSeconds(Math.max(0, seconds))}`.padEnd(9);
  // Several scenarios at once: every line says which one it is about.
  const lineOf = (scenario: string) => (line: string) =>
    out(options.parallel && line.length > 0 ? `[${scenario}] ${line.trimStart()}` : line);
  const write = out;
  return {
    onSuiteStart(info) {
      write(
        `firedrill run ${info.runId}: ${info.scenarios.length} scenario(s), driver ${info.driver}, speed ${info.speed}x`,
      );
      write(`report: ${info.reportDir}`);
    },
    onScenarioStart({ scenario }) {
      started.set(scenario.name, Date.now());
      if (!options.parallel) write("");
      lineOf(scenario.name)(`▶ ${scenario.name} (${scenario.duration} of fleet time)`);
    },
    onPhase(scenario, phase) {
      lineOf(scenario)(`  · ${phase}`);
    },
    onTick(scenario, seconds, duration) {
      if (options.parallel) return;
      lineOf(scenario)(
        `  ${t(seconds)} … ${Math.min(100, Math.round((100 * seconds) / duration))}% of the drill`,
      );
    },
    onFault(scenario, step, action, seconds) {
      const target = step.fault.target ? ` on ${step.fault.target}` : "";
      lineOf(scenario)(
        `  ${t(seconds)} ${action === "inject" ? "inject" : "heal  "} ${step.id}: ${step.fault.name}${target}`,
      );
    },
    onAlertChange(scenario, alert, labels, to, seconds) {
      // The labels that tell instances apart; job, instance and system are noise on a terminal.
      const { alertname: _a, instance: _i, job: _j, system: _s, ...rest } = labels;
      lineOf(scenario)(
        `  ${t(seconds)} ${describeAlert(alert, rest)} → ${to === "inactive" ? "resolved" : to}`,
      );
    },
    onDelivery(scenario, delivery) {
      const { alertname, instance: _i, job: _j, system: _s, ...rest } = delivery.labels;
      lineOf(scenario)(
        `  ${t(delivery.receivedAt)} ${delivery.receiver} ← ${describeAlert(alertname ?? "?", rest)} (${delivery.status})`,
      );
    },
    onScenarioEnd(result) {
      const write = lineOf(result.name);
      for (const e of result.expectations) {
        write(`  ${e.state === "passed" ? "✓" : "✗"} ${e.title}`);
        if (e.latency) {
          const l = e.latency;
          const f = (v: number | null) => (v === null ? "—" : formatSeconds(v));
          write(
            `      fault→pending ${f(l.faultToPending)}, →firing ${f(l.faultToFiring)}, →delivered ${f(l.faultToDelivered)} (budget ${formatSeconds(l.budget.seconds)}); heal→resolved ${f(l.healToResolved)}`,
          );
        }
        if (e.state === "failed") write(`      ${e.message}`);
      }
      const wall = (Date.now() - (started.get(result.name) ?? Date.now())) / 1000;
      if (result.state === "skipped") {
        write(`○ skipped: ${result.name}: ${result.skipReason ?? ""}`);
        return;
      }
      const seeds =
        result.failingSeeds && result.failingSeeds.length > 0
          ? ` (failing seeds: ${result.failingSeeds.join(", ")}; replay with --seed ${result.failingSeeds[0]})`
          : result.seeds && result.seeds.length > 1
            ? ` (${result.seeds.length} seeds)`
            : "";
      write(
        `${result.state === "passed" ? "✓ passed" : "✗ failed"}: ${result.name} in ${wall.toFixed(1)}s wall${seeds}`,
      );
    },
    onSuiteEnd(result, reason) {
      // An interrupted or broken suite ends with the harness's own message instead.
      if (reason !== "finished") return;
      const passed = result.scenarios.filter((s) => s.state === "passed").length;
      const skipped = result.scenarios.filter((s) => s.state === "skipped").length;
      const failed = result.scenarios.length - passed - skipped;
      write("");
      write(
        `versions: prometheus ${result.versions.prometheus}, alertmanager ${result.versions.alertmanager}, collector ${result.versions.collector}`,
      );
      if (result.assumptions.length > 0) {
        write(
          `assumed metrics (not in the documents): ${result.assumptions.map((a) => a.metric).join(", ")}`,
        );
      }
      write(
        `scenarios: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""} (${result.wallSeconds.toFixed(1)}s)`,
      );
    },
  };
}

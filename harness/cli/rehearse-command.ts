import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { topologyRegistry } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import { readAlertSeries } from "../rehearse/alert-series.ts";
import { Rehearsal } from "../rehearse/rehearsal.ts";
import { rehearsalApi } from "../rehearse/rehearsal-api.ts";
import { RehearsalServer } from "../rehearse/rehearsal-server.ts";
import { RehearsalStack } from "../rehearse/rehearsal-stack.ts";
import { renderPage } from "../rehearse/render-page.ts";
import { RunAborted } from "../runner/run-aborted.ts";
import { defaultFixtures, removeLeftovers } from "../runner/run-suite.ts";
import { ensureTools, printSetupProgress } from "../setup/index.ts";
import { checkPortFree, chooseDriver } from "../stack/index.ts";
import { repoRoot } from "../tools/tools.ts";
import { parseSpeed } from "./flags.ts";
import { withInterrupts } from "./interrupts.ts";

const COMMAND = "firedrill rehearse";

/** Fails with an InputError naming the flag when a file it names cannot be read. */
async function mustExist(file: string, flag: string): Promise<void> {
  await access(file).catch((cause: unknown) => {
    throw new InputError(
      `${COMMAND}: ${flag} ${file}: the file cannot be read (${(cause as NodeJS.ErrnoException).code}). Name an existing file.`,
      { cause, file },
    );
  });
}

/**
 * `firedrill rehearse [--systems a,b] [--speed N] [--rules FILE]... [--alertmanager-config FILE]
 * [--driver D] [--port N] [--save-dir DIR]`: starts the stack and the fleet, serves the
 * rehearsal page on 127.0.0.1 until Ctrl-C or the page's Stop button, then stops everything.
 */
export async function rehearseCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      systems: { type: "string", default: "cosmictron" },
      speed: { type: "string", default: "1" },
      rules: { type: "string", multiple: true },
      "alertmanager-config": { type: "string" },
      driver: { type: "string" },
      port: { type: "string", default: "0" },
      "save-dir": { type: "string" },
      seed: { type: "string", default: "42" },
    },
  });
  const known = [...topologyRegistry.keys()];
  const systems = values.systems.split(",").map((s) => s.trim());
  const unknown = systems.filter((s) => !known.includes(s));
  if (unknown.length > 0 || systems.length === 0) {
    throw new InputError(
      `${COMMAND}: --systems: unknown system(s) ${unknown.join(", ")}. Known: ${known.join(", ")}.`,
    );
  }
  const speed = parseSpeed(COMMAND, values.speed);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InputError(`${COMMAND}: --port must be a port number (got "${values.port}").`);
  }
  if (port !== 0) await checkPortFree(port, "the rehearsal page");
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    throw new InputError(`${COMMAND}: --seed must be a whole number (got "${values.seed}").`);
  }
  const fixtures = await defaultFixtures();
  const ruleFiles = values.rules?.map((f) => path.resolve(f)) ?? fixtures.ruleFiles;
  for (const file of ruleFiles) await mustExist(file, "--rules");
  const alertmanagerConfig = path.resolve(
    values["alertmanager-config"] ?? fixtures.alertmanagerConfig,
  );
  await mustExist(alertmanagerConfig, "--alertmanager-config");
  const saveDir = path.resolve(values["save-dir"] ?? path.join(repoRoot, "scenarios/rehearsed"));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.join(repoRoot, "reports/runs", `${stamp}-rehearse`);
  const log = (line: string) => process.stderr.write(`${line}\n`);

  return withInterrupts(async (signal) => {
    const started = Date.now();
    await removeLeftovers(log);
    const tools = await ensureTools({ onProgress: printSetupProgress() });
    const driver = await chooseDriver(values.driver);
    const runId = `fd${started.toString(36)}`;
    await using stack = await RehearsalStack.start({
      runId,
      dir,
      systems,
      speed,
      ruleFiles,
      alertmanagerConfig,
      driver,
      tools,
      seed,
      signal,
      log,
    });
    if (signal.aborted) throw new RunAborted("The rehearsal was interrupted.");
    const rehearsal = new Rehearsal(stack);
    rehearsal.follow(Math.max(50, 7_500 / speed));
    const series = await readAlertSeries(
      stack.loadedRuleFiles.map((loaded, i) => ({ loaded, original: ruleFiles[i]! })),
    );
    let stopFromPage: () => void = () => undefined;
    const stopped = new Promise<"page" | "signal">((resolve) => {
      signal.addEventListener("abort", () => resolve("signal"), { once: true });
      stopFromPage = () => resolve("page");
    });
    const api = rehearsalApi(rehearsal, { series, saveDir, seed, onStop: () => stopFromPage() });
    await using server = await RehearsalServer.start(
      await renderPage(`firedrill rehearse: ${systems.join(", ")}`),
      api,
      port,
    );
    log(
      `rehearsal up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stack.fleets.size} sim host(s) at ${speed}x, Prometheus ${stack.stack.prometheusUrl}, Alertmanager ${stack.stack.alertmanagerUrl}\n` +
        `logs and configs in ${dir}; saved scenarios go to ${saveDir}\n` +
        "Ctrl-C or the page's Stop button stops everything.",
    );
    // The address on stdout alone, so that a script can read it.
    process.stdout.write(`${server.url}\n`);
    const how = await stopped;
    log(how === "page" ? "Stop pressed on the page: stopping…" : "stopping…");
    await writeFile(
      path.join(dir, "rehearsal.json"),
      `${JSON.stringify(rehearsal.recording(), null, 2)}\n`,
    );
    await rehearsal.stop();
    log(`rehearsal stopped; what it recorded is in ${path.join(dir, "rehearsal.json")}`);
    return 0;
  });
}

import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ScaledClock, topologyRegistry } from "../../sim/index.ts";
import { InputError } from "../errors.ts";
import { toFileSd } from "../runner/file-sd.ts";
import { planFleet } from "../runner/plan-fleet.ts";
import { SimFleet } from "../runner/sim-fleet.ts";
import type { FleetShape } from "../scenario/types.ts";
import { firedrillEnv, freePorts } from "../stack/index.ts";

/** Parses `--shape system.field=N` overrides and `--nodes N` into a fleet shape. */
function fleetShape(
  systems: readonly string[],
  nodes: number | undefined,
  overrides: readonly string[],
): FleetShape {
  const shape: Record<string, Record<string, number>> = {};
  for (const system of systems) {
    const topology = topologyRegistry.get(system)!;
    shape[system] = Object.fromEntries(
      topology.shape.map((field, i) => [
        field.name,
        i === 0 && nodes !== undefined ? nodes : field.default,
      ]),
    );
  }
  for (const override of overrides) {
    const match = /^([a-z]+)\.([a-z]+)=(\d+)$/.exec(override);
    const system = match?.[1] ?? "";
    const field = topologyRegistry.get(system)?.shape.find((f) => f.name === match?.[2]);
    if (!match || !shape[system] || !field) {
      throw new InputError(
        `firedrill fleet: --shape "${override}" is not system.field=N for a chosen system. Fields: ${systems
          .flatMap((s) => topologyRegistry.get(s)!.shape.map((f) => `${s}.${f.name}`))
          .join(", ")}.`,
      );
    }
    const value = Number(match[3]);
    if (value < field.min) {
      throw new InputError(
        `firedrill fleet: --shape ${override}: ${system}.${field.name} must be at least ${field.min}.`,
      );
    }
    shape[system]![field.name] = value;
  }
  return shape as FleetShape;
}

/**
 * `firedrill fleet`: starts the simulated fleet alone, without the stack, prints its scrape
 * targets as Prometheus file_sd JSON (on stdout, or into --file-sd), and runs until Ctrl-C.
 */
export async function fleetCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      systems: { type: "string" },
      nodes: { type: "string" },
      shape: { type: "string", multiple: true },
      seed: { type: "string", default: "42" },
      speed: { type: "string", default: "1" },
      "otlp-endpoint": { type: "string" },
      "file-sd": { type: "string" },
    },
  });
  const known = [...topologyRegistry.keys()];
  const systems = values.systems ? values.systems.split(",").map((s) => s.trim()) : known;
  const unknown = systems.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new InputError(
      `firedrill fleet: unknown system(s) ${unknown.join(", ")}. Known: ${known.join(", ")}.`,
    );
  }
  const nodes = values.nodes === undefined ? undefined : Number(values.nodes);
  if (nodes !== undefined && !(Number.isInteger(nodes) && nodes >= 1)) {
    throw new InputError(
      `firedrill fleet: --nodes must be a whole number of at least 1 (got "${values.nodes}").`,
    );
  }
  const speed = Number(values.speed);
  if (!(speed >= 1 && speed <= 120)) {
    throw new InputError(
      `firedrill fleet: --speed must be a number from 1 to 120 (got "${values.speed}").`,
    );
  }
  const shape = fleetShape(systems, nodes, values.shape ?? []);
  const count = planFleet(shape, () => 0).reduce((n, p) => n + p.nodes.length + 1, 0);
  const ports = await freePorts(count);
  const plan = planFleet(shape, () => ports.shift()!);
  const runDir = await mkdtemp(path.join(os.tmpdir(), "firedrill-fleet-"));
  const runId = `fleet${Date.now().toString(36)}`;
  const clock = ScaledClock.startingNow(speed);
  const fleets: SimFleet[] = [];
  const stopAll = async () => {
    await Promise.all(fleets.map((f) => f.stop()));
  };
  try {
    for (const planned of plan) {
      fleets.push(
        await SimFleet.start(
          {
            system: planned.system,
            seed: Number(values.seed),
            time: clock.mapping,
            nodes: planned.nodes,
            controlPort: ports.shift()!,
            ...(values["otlp-endpoint"] ? { otlpEndpoint: values["otlp-endpoint"] } : {}),
            logFile: path.join(runDir, `sim-${planned.system}.log`),
          },
          { runDir, env: { ...process.env, ...firedrillEnv(runId) } as Record<string, string> },
        ),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const sd = `${JSON.stringify(toFileSd(plan.flatMap((p) => p.scrapeJobs)), null, 2)}\n`;
  if (values["file-sd"]) {
    await writeFile(values["file-sd"], sd);
    process.stderr.write(`file_sd targets written to ${values["file-sd"]}\n`);
  } else {
    process.stdout.write(sd);
  }
  const total = plan.reduce((n, p) => n + p.nodes.length, 0);
  process.stderr.write(
    `fleet up: ${total} nodes (${plan.map((p) => `${p.nodes.length} ${p.system}`).join(", ")}), speed ${speed}x, logs in ${runDir}\n` +
      `control APIs: ${fleets.map((f) => f.control).join(" ")}\n` +
      "Ctrl-C stops it.\n",
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stderr.write("stopping the fleet…\n");
  await stopAll();
  process.stderr.write("fleet stopped.\n");
  return 0;
}

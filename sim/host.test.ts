import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { ScaledClock } from "./core/clock.ts";

const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "firedrill-sim-host-"));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts `node --import tsx sim/host.ts <config>` as a real child process. */
function spawnHost(config: unknown, name: string) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ["--import", "tsx", "sim/host.ts", file], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, COSMICTRON_LOG: "" },
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, file, exited, stderr: () => stderr };
}

/** The first stdout line starting with FIREDRILL_SIM_READY, parsed. */
async function readyLine(child: ChildProcess) {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith("FIREDRILL_SIM_READY ")) {
      return JSON.parse(line.slice("FIREDRILL_SIM_READY ".length)) as {
        control: string;
        nodes: { id: string; url: string }[];
      };
    }
  }
  throw new Error("Failed to read the ready line: stdout closed first. See the host's stderr.");
}

describe("sim/host.ts as a process", () => {
  it("prints the ready line, serves metrics and logs to its log file, and exits 0 on SIGTERM", async () => {
    const logFile = join(dir, "sim.log");
    const host = spawnHost(
      {
        system: "cosmictron",
        seed: 7,
        time: ScaledClock.startingNow(30).mapping,
        nodes: [{ id: "cosmictron-0", port: 0 }],
        controlPort: 0,
        logFile,
      },
      "ok",
    );
    const ready = await readyLine(host.child);
    expect(ready.nodes.map((n) => n.id)).toEqual(["cosmictron-0"]);
    const metrics = await fetch(`${ready.nodes[0]?.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain(
      "# TYPE cosmictron_wal_fsync_duration_seconds histogram",
    );
    expect((await fetch(`${ready.control}/nodes`)).status).toBe(200);
    host.child.kill("SIGTERM");
    expect(await host.exited).toBe(0);
    const first = JSON.parse(readFileSync(logFile, "utf8").split("\n")[0] ?? "{}");
    expect(first).toMatchObject({ level: "INFO", target: "cosmictron_core", node: "cosmictron-0" });
  });

  it("exits 2 naming the file and field of a bad config", async () => {
    const host = spawnHost({ system: "cosmictron", seed: 1, nodes: [], controlPort: 0 }, "bad");
    expect(await host.exited).toBe(2);
    expect(host.stderr()).toBe(
      `Failed to load sim host config ${host.file}: nodes must be a non-empty array, got []. Fix nodes in the file and start the host again.\n`,
    );
  });

  it("exits 2 naming a port already in use", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const port = (blocker.address() as { port: number }).port;
    try {
      const host = spawnHost(
        { system: "cosmictron", seed: 1, nodes: [{ id: "cosmictron-0", port }], controlPort: 0 },
        "busy",
      );
      expect(await host.exited).toBe(2);
      expect(host.stderr()).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });
});

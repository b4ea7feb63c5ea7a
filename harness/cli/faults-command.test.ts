import { describe, expect, it } from "vitest";
import { faultCatalogue, type SystemFault } from "../../sim/index.ts";
import { faultsCommand } from "./faults-command.ts";

/** Runs the command, returning what it printed. */
async function faults(...args: string[]): Promise<string> {
  let out = "";
  expect(await faultsCommand(args, (text) => (out += text))).toBe(0);
  return out;
}

describe("firedrill faults", () => {
  it("lists every system's faults, from the sim's own definitions", async () => {
    const text = await faults();
    expect(text.split("\n").filter((l) => /^\S/.test(l))).toEqual([
      "cognitora: 6 faults",
      "cosmictron: 7 faults",
      "dsfb: 4 faults",
      "lattice: 17 faults",
      "reactor: 6 faults",
      "harness: 9 faults",
    ]);
    expect(text).toContain(`
  cosmictron.wal.fsync-stall
    The WAL device adds about latencySeconds (±15%) to every fsync, so the fsync p99 rises above it;
    commits queue behind each fsync (group commit) and their reducer calls wait; /v1/health/detailed
    reports wal.status "degraded".
    latencySeconds  number  default 1.5      [0.001, 60]
                    Latency the stalled device adds to every fsync, in seconds.
`);
  });

  it("prints one system's faults as JSON with --system and --json", async () => {
    const list = JSON.parse(await faults("--system", "cosmictron", "--json")) as SystemFault[];
    expect(new Set(list.map((f) => f.system))).toEqual(new Set(["cosmictron"]));
    // Every entry as the sim's catalogue has it (sim/host/fault-catalogue.test.ts pins its text).
    expect(list).toEqual(faultCatalogue().filter((f) => f.system === "cosmictron"));
    expect(
      list.find((f) => f.name === "cosmictron.wal.fsync-stall")?.params.map((p) => p.name),
    ).toEqual(["latencySeconds"]);
  });

  it("refuses an unknown system, naming the known ones", async () => {
    await expect(faultsCommand(["--system", "cosmotron"], () => {})).rejects.toMatchObject({
      name: "InputError",
      exitCode: 2,
      message:
        'Failed to list faults: there is no system "cosmotron". Pass --system with one of cognitora, cosmictron, dsfb, lattice, reactor, harness, or omit it for all.',
    });
  });
});

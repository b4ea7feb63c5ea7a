import { describe, expect, it } from "vitest";
import { SimConfigError } from "../core/errors.ts";
import { parseHostConfig } from "./host-config.ts";

const valid = {
  system: "cosmictron",
  seed: 42,
  time: { wallEpochMs: 1_700_000_000_000, fleetEpochMs: 1_700_000_000_000, speed: 30 },
  nodes: [
    { id: "cosmictron-0", port: 41001 },
    { id: "cosmictron-1", port: 0 },
  ],
  controlPort: 41000,
  otlpEndpoint: "http://127.0.0.1:4318",
  logFile: "/tmp/sim.log",
  logFormat: "json",
  logFilter: "info",
};

/** The message parseHostConfig throws for a config, or "valid". */
function problem(config: unknown): string {
  try {
    parseHostConfig(config, "/run/sim.json", ["cosmictron"]);
    return "valid";
  } catch (error) {
    expect(error).toBeInstanceOf(SimConfigError);
    return (error as SimConfigError).message;
  }
}

describe("parseHostConfig", () => {
  it("accepts a full config and returns it unchanged", () => {
    expect(parseHostConfig(valid, "/run/sim.json", ["cosmictron"])).toEqual(valid);
  });

  it("names the file and the field of a bad value", () => {
    expect(problem({ ...valid, system: "lattice" })).toBe(
      'Failed to load sim host config /run/sim.json: system must be one of "cosmictron", got "lattice". Fix system in the file and start the host again.',
    );
    expect(problem({ ...valid, nodes: [{ id: "cosmictron-0", port: 70000 }] })).toBe(
      "Failed to load sim host config /run/sim.json: nodes[0].port must be an integer from 0 to 65535, got 70000. Fix nodes[0].port in the file and start the host again.",
    );
    expect(problem({ ...valid, nodes: [{ id: "a", port: 41000 }] })).toBe(
      "Failed to load sim host config /run/sim.json: nodes[0].port is also used by controlPort, got 41000. Fix nodes[0].port in the file and start the host again.",
    );
    expect(problem({ ...valid, time: { ...valid.time, speed: 0 } })).toBe(
      "Failed to load sim host config /run/sim.json: time.speed must be a number > 0, got 0. Fix time.speed in the file and start the host again.",
    );
    expect(problem({ ...valid, logFile: "sim.log" })).toBe(
      'Failed to load sim host config /run/sim.json: logFile must be an absolute path, got "sim.log". Fix logFile in the file and start the host again.',
    );
    expect(problem({ ...valid, extra: true })).toBe(
      "Failed to load sim host config /run/sim.json: extra is not a known field (known: system, seed, time, nodes, controlPort, otlpEndpoint, logFile, logFormat, logFilter). Fix extra in the file and start the host again.",
    );
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PortBusyError } from "../errors.ts";
import { checkPortFree } from "./check-port-free.ts";
import { freePort, freePorts, portRange } from "./free-port.ts";

describe("freePort and checkPortFree", () => {
  it("hands out distinct ports that are free on 127.0.0.1", async () => {
    const ports = await freePorts(7);
    expect(new Set(ports).size).toBe(7);
    for (const port of [...ports, await freePort()]) await checkPortFree(port);
  });

  it("picks ports below the kernel's ephemeral range, where outgoing connections never land", async () => {
    const { low, high } = portRange();
    if (high > low) {
      for (const port of await freePorts(20)) {
        expect(port).toBeGreaterThanOrEqual(low);
        expect(port).toBeLessThanOrEqual(high);
      }
    }
    const dir = mkdtempSync(path.join(tmpdir(), "port-range-"));
    const file = path.join(dir, "ip_local_port_range");
    writeFileSync(file, "32768\t60999\n");
    expect(portRange(file)).toEqual({ low: 10_000, high: 32_767 });
    writeFileSync(file, "1024\t65535\n");
    expect(portRange(file)).toEqual({ low: 0, high: 0 });
    expect(portRange(path.join(dir, "missing"))).toEqual({ low: 0, high: 0 });
  });

  it("skips ports another process listens on, and says when a range is full", async () => {
    // A 12-port window of the range with 9 ports taken: the 3 others are all that is left.
    const { low, high } = portRange();
    let base = high > low ? low + Math.floor(Math.random() * (high - low - 30)) : 20_000;
    if (base <= 10_080 && 10_080 <= base + 11) base += 12; // 10080 is never handed out: see below
    const window = { low: base, high: base + 11 };
    const held: net.Server[] = [];
    try {
      for (let port = base; port < base + 9; port++) {
        const server = net.createServer();
        const ok = await new Promise<boolean>((resolve) => {
          server.once("error", () => resolve(false));
          server.listen(port, "127.0.0.1", () => resolve(true));
        });
        if (ok) held.push(server);
      }
      const taken = new Set(held.map((s) => (s.address() as net.AddressInfo).port));
      const left = 12 - taken.size;
      const ports = await freePorts(left, window);
      expect(ports.filter((p) => taken.has(p))).toEqual([]);
      expect(new Set(ports).size).toBe(left);
      await expect(freePorts(left + 1, window)).rejects.toThrow(
        `No free port between ${base} and ${base + 11}.`,
      );
    } finally {
      for (const server of held) await new Promise((resolve) => server.close(resolve));
    }
  });

  it("never hands out a port that fetch refuses to connect to", async () => {
    const refused = await fetch("http://127.0.0.1:10080/").catch((e: unknown) => e);
    expect(String((refused as Error).cause)).toContain("bad port");
    const ports = await freePorts(2, { low: 10_079, high: 10_081 });
    expect(ports.sort()).toEqual([10_079, 10_081]);
    await expect(freePorts(3, { low: 10_079, high: 10_081 })).rejects.toThrow(
      "No free port between 10079 and 10081.",
    );
  });

  it("names the busy port and how to find its holder", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await checkPortFree(port, "prometheus").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortBusyError);
      expect((error as PortBusyError).port).toBe(port);
      expect((error as PortBusyError).exitCode).toBe(2);
      expect((error as PortBusyError).message).toBe(
        `Failed to use port ${port} on 127.0.0.1 for prometheus: another process listens on it. Find it with \`ss -ltnp 'sport = :${port}'\` and stop it, or let firedrill choose free ports.`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import net from "node:net";
import { describe, expect, it } from "vitest";
import { PortBusyError } from "../errors.ts";
import { checkPortFree } from "./check-port-free.ts";
import { freePort, freePorts } from "./free-port.ts";

describe("freePort and checkPortFree", () => {
  it("hands out distinct ports that are free on 127.0.0.1", async () => {
    const ports = await freePorts(7);
    expect(new Set(ports).size).toBe(7);
    for (const port of [...ports, await freePort()]) await checkPortFree(port);
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

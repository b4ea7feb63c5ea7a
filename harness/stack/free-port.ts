import net from "node:net";

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (listen on port 0, read it, close).
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/** Asks the OS for n distinct free ports on 127.0.0.1, holding all listeners until each is known. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.unref();
          server.once("error", reject);
          server.listen({ host: "127.0.0.1", port: 0, exclusive: true }, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  return ports;
}

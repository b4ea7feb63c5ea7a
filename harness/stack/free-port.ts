import { readFileSync } from "node:fs";
import net from "node:net";

/**
 * Where firedrill picks its ports: below the kernel's ephemeral range
 * (/proc/sys/net/ipv4/ip_local_port_range, usually 32768–60999). A port handed out by
 * `listen(0)` lies inside that range, so between choosing it and the child process binding it,
 * any outgoing connection on the machine (a scrape, a webhook call) may take it as its local
 * port — which made parallel runs fail with "port already in use". Below the range only another
 * listener can take it.
 */
export function portRange(rangeFile = "/proc/sys/net/ipv4/ip_local_port_range"): {
  low: number;
  high: number;
} {
  try {
    const [ephemeralLow] = readFileSync(rangeFile, "utf8").trim().split(/\s+/).map(Number);
    if (ephemeralLow !== undefined && Number.isInteger(ephemeralLow) && ephemeralLow > 12_000) {
      return { low: 10_000, high: ephemeralLow - 1 };
    }
  } catch {
    // not Linux: fall through
  }
  return { low: 0, high: 0 };
}

/**
 * The ports the Fetch standard calls "bad" (https://fetch.spec.whatwg.org/#port-blocking):
 * Node's fetch and Chromium refuse to connect to them ("bad port"), so a component given one
 * would never be seen as ready. 10080 lies in firedrill's range.
 */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102,
  103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465,
  512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993,
  995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668,
  6669, 6679, 6697, 10080,
]);

/**
 * Asks for a free TCP port on 127.0.0.1.
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

function listen(port: number): Promise<net.Server | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(undefined));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => resolve(server));
  });
}

/**
 * n distinct free ports on 127.0.0.1, picked at random below the ephemeral range (see
 * portRange; the OS's choice where there is no such range), each checked by listening on it;
 * every listener is held until all n are known. None is one of FETCH_BAD_PORTS.
 */
export async function freePorts(
  count: number,
  range: { low: number; high: number } = portRange(),
): Promise<number[]> {
  const { low, high } = range;
  const servers: net.Server[] = [];
  const refused: net.Server[] = []; // bad ports the OS chose, held so it does not choose them again
  const tried = new Set<number>();
  try {
    while (servers.length < count) {
      let port = 0;
      if (high > low) {
        if (tried.size > high - low) throw new Error(`No free port between ${low} and ${high}.`);
        do port = low + Math.floor(Math.random() * (high - low + 1));
        while (tried.has(port));
        tried.add(port);
        if (FETCH_BAD_PORTS.has(port)) continue;
      }
      const server = await listen(port);
      if (!server) {
        if (port === 0) throw new Error("The OS gave no free port on 127.0.0.1.");
      } else if (FETCH_BAD_PORTS.has((server.address() as net.AddressInfo).port)) {
        refused.push(server);
      } else {
        servers.push(server);
      }
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(
      [...servers, ...refused].map(
        (server) => new Promise<void>((resolve) => server.close(() => resolve())),
      ),
    );
  }
}

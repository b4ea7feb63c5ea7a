import net from "node:net";
import { PortBusyError } from "../errors.ts";

/**
 * Throws PortBusyError when something already listens on 127.0.0.1:port, naming the port and
 * how to find the holder. `purpose` says who wanted it ("prometheus").
 */
export async function checkPortFree(port: number, purpose?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (cause: NodeJS.ErrnoException) => {
      if (cause.code !== "EADDRINUSE") {
        reject(cause);
        return;
      }
      reject(
        new PortBusyError(
          `Failed to use port ${port} on 127.0.0.1${purpose ? ` for ${purpose}` : ""}: another process listens on it. Find it with \`ss -ltnp 'sport = :${port}'\` and stop it, or let firedrill choose free ports.`,
          { port, cause },
        ),
      );
    });
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      server.close(() => resolve());
    });
  });
}

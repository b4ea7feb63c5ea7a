import { afterEach, describe, expect, it } from "vitest";
import { PortBusyError } from "./errors.ts";
import { LoopbackServer } from "./loopback-server.ts";

/** The error code a failed fetch carries in its cause (ECONNREFUSED, ...). */
async function fetchError(url: string, timeoutMs = 2_000): Promise<string> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return "answered";
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return e.cause?.code ?? e.name;
  }
}

const servers: LoopbackServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A started server answering "ok", closed after the test. */
async function started(port = 0): Promise<LoopbackServer> {
  const server = new LoopbackServer({ port, handler: (_req, res) => res.end("ok") });
  servers.push(server);
  await server.start();
  return server;
}

describe("LoopbackServer", () => {
  it("refuses connections after a crash and answers on the same port after a restart", async () => {
    const server = await started();
    const { port } = server;
    // A kept-alive connection is open before the crash; it must be reset too.
    expect(await (await fetch(server.url)).text()).toBe("ok");
    await server.crash();
    expect(server.state).toBe("crashed");
    expect(await fetchError(server.url)).toBe("ECONNREFUSED");
    await server.restart();
    expect(server.port).toBe(port);
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("accepts but never answers while hung, then answers again", async () => {
    const server = await started();
    server.hang();
    expect(server.state).toBe("hung");
    expect(await fetchError(server.url, 300)).toBe("TimeoutError");
    server.resume();
    expect(await (await fetch(server.url)).text()).toBe("ok");
  });

  it("answers a request from this process with the same handler, without a socket", async () => {
    const server = new LoopbackServer({
      port: 0,
      handler: async (req, res) => {
        let body = "";
        for await (const chunk of req as AsyncIterable<Buffer>) body += chunk.toString();
        res.writeHead(201, { "Content-Type": "text/plain" });
        res.end(`${req.method} ${req.url} ${req.headers["x-who"]} ${body}`);
      },
    });
    servers.push(server);
    await server.start();
    const request = { method: "POST", path: "/p?q=1", headers: { "x-who": "me" }, body: "hi" };
    expect(await server.serve(request)).toEqual({
      status: 201,
      headers: { "content-type": "text/plain" },
      body: "POST /p?q=1 me hi",
    });
  });

  it("refuses in-process requests while crashed, holds them while hung, fails held ones on a crash", async () => {
    const server = await started();
    const cause = (e: unknown) => {
      const error = e as TypeError & { cause: { code: string; message: string } };
      return `${error.message}: ${error.cause.code} ${error.cause.message}`;
    };
    server.hang();
    const held = server.serve({ method: "GET", path: "/" });
    const outcome = await Promise.race([held, new Promise((r) => setTimeout(r, 50, "held"))]);
    expect(outcome).toBe("held");
    server.resume();
    expect((await held).body).toBe("ok");
    server.hang();
    const dropped = server.serve({ method: "GET", path: "/" }).catch(cause);
    await server.crash();
    expect(await dropped).toBe("fetch failed: UND_ERR_SOCKET other side closed");
    expect(await server.serve({ method: "GET", path: "/" }).catch(cause)).toBe(
      `fetch failed: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:${server.port}`,
    );
  });

  it("names the port when it is already in use", async () => {
    const first = await started();
    const second = new LoopbackServer({ port: first.port, handler: () => undefined });
    const error = await second.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortBusyError);
    expect((error as PortBusyError).message).toBe(
      `Failed to listen on 127.0.0.1:${first.port}: port ${first.port} is already in use. Choose another port (or 0 for a free one) or stop the process holding it.`,
    );
  });
});

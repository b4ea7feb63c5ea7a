import { closeSync, openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { StartupError } from "../../errors.ts";
import { useCleanups } from "../../testing/use-cleanups.ts";
import { freePort } from "../free-port.ts";
import { Wait } from "./wait.ts";
import type { WaitClock } from "./wait-clock.ts";

/** A clock that advances only when slept on, so messages are exact. */
function fakeClock(): WaitClock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("HttpWaitStrategy", () => {
  const defer = useCleanups();

  /** A real child that logs three lines into logFile and then runs (or exits) without listening. */
  async function child(exitCode?: number) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "firedrill-wait-"));
    defer(() => rm(dir, { recursive: true, force: true }));
    const logFile = path.join(dir, "thing.log");
    const fd = openSync(logFile, "a");
    const script = `console.log("one"); console.log("two"); console.error("three: still not listening");${
      exitCode === undefined ? " setInterval(() => {}, 1000);" : ` process.exit(${exitCode});`
    }`;
    const subprocess = execa("node", ["-e", script], {
      stdout: fd as 3,
      stderr: fd as 3,
      reject: false,
    });
    closeSync(fd);
    defer(async () => {
      subprocess.kill("SIGKILL");
      await subprocess;
    });
    let exited: string | undefined;
    void subprocess.then((r) => {
      exited = `exited with code ${r.exitCode}`;
    });
    // Let it write its lines (and exit, if it is to) before the first probe, however busy the
    // machine: a fixed pause let a slow start turn "exited at once" into several polls.
    if (exitCode !== undefined) await subprocess;
    else
      while (!(await readFile(logFile, "utf8")).includes("three")) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    return { component: "thing", logFile, exitReason: () => exited };
  }

  it("throws StartupError with the component, the time waited and the log tail at the deadline", async () => {
    const target = await child();
    const port = await freePort();
    const error = await Wait.forHttp(`http://127.0.0.1:${port}/-/ready`)
      .withStartupTimeout(1_000)
      .withPollInterval(250)
      .withClock(fakeClock())
      .waitUntilReady(target)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).component).toBe("thing");
    expect((error as StartupError).logTail).toBe("one\ntwo\nthree: still not listening");
    expect((error as StartupError).message).toBe(
      `Failed to start thing: waited 1.0 s for GET http://127.0.0.1:${port}/-/ready answering 200 (last: ECONNREFUSED). Check its config and its log, or allow it more time (${target.logFile}); its last log lines:\none\ntwo\nthree: still not listening`,
    );
  });

  it("fails at once when the component exits before it is ready", async () => {
    const target = await child(3);
    const port = await freePort();
    const error = await Wait.forHttp(`http://127.0.0.1:${port}/-/ready`)
      .withStartupTimeout(60_000)
      .withClock(fakeClock())
      .waitUntilReady(target)
      .catch((e: unknown) => e);
    expect((error as StartupError).message).toBe(
      `Failed to start thing: it exited with code 3 after 0.0 s, while waiting for GET http://127.0.0.1:${port}/-/ready answering 200. Check its config and its log (${target.logFile}); its last log lines:\none\ntwo\nthree: still not listening`,
    );
  });

  it("returns once the URL answers 200", async () => {
    const target = await child();
    let calls = 0;
    const server = http.createServer((_req, res) => {
      calls += 1;
      res.writeHead(calls < 3 ? 503 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    defer(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as { port: number };
    await Wait.forHttp(`http://127.0.0.1:${port}/ready`)
      .withPollInterval(10)
      .waitUntilReady(target);
    expect(calls).toBe(3);
  });
});

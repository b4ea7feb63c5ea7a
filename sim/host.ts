/**
 * The sim host process: `node --import tsx sim/host.ts <config.json>`.
 *
 * Starts the nodes and the control API the config names, prints one line to stdout when every
 * listener is up —
 *   FIREDRILL_SIM_READY {"control":"http://127.0.0.1:41000","nodes":[{"id":"cosmictron-0","url":"http://127.0.0.1:41001"}]}
 * — and on SIGTERM or SIGINT flushes spans, closes everything and exits 0. A bad config or a port
 * in use prints the reason to stderr and exits 2.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PortBusyError, SimConfigError } from "./core/errors.ts";
import { parseHostConfig } from "./host/host-config.ts";
import { startSimHost } from "./host/start-sim-host.ts";
import { systemRegistry } from "./host/system-registry.ts";

export { startSimHost };

/** Reads and validates the config file, naming it in every error. */
async function loadConfig(file: string) {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SimConfigError(
      `Failed to read sim host config ${file}: ${(error as Error).message}. Pass the path of a readable JSON file.`,
      { file, field: "(file)", cause: error },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SimConfigError(
      `Failed to load sim host config ${file}: (root) is not valid JSON (${(error as Error).message}). Fix the JSON syntax.`,
      { file, field: "(root)", cause: error },
    );
  }
  return parseHostConfig(raw, file, [...systemRegistry.keys()]);
}

/** Runs the host until a signal; resolves with the exit code. */
async function main(args: readonly string[]): Promise<number> {
  const [arg] = args;
  if (!arg || args.length > 1) {
    process.stderr.write("Usage: node --import tsx sim/host.ts <config.json>\n");
    return 2;
  }
  const file = resolve(arg);
  let host: Awaited<ReturnType<typeof startSimHost>>;
  try {
    host = await startSimHost(await loadConfig(file), { configFile: file });
  } catch (error) {
    if (error instanceof SimConfigError || error instanceof PortBusyError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(`${host.readyLine}\n`);
  // Stay subscribed: a second signal (a wrapper forwarding it, a double Ctrl-C) must not kill
  // the process before the spans are flushed.
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.on("SIGTERM", () => done("SIGTERM"));
    process.on("SIGINT", () => done("SIGINT"));
  });
  await host.stop();
  process.stderr.write(`sim host stopped on ${signal}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `Failed to run the sim host: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}

import { parseArgs } from "node:util";
import { FiredrillError, InputError } from "../errors.ts";
import { initProject } from "../project/init-project.ts";
import { removeLeftovers } from "../runner/run-suite.ts";
import { printSetupProgress, setup } from "../setup/index.ts";
import { compareCommand } from "./compare-command.ts";
import { coverageCommand } from "./coverage-command.ts";
import { exportCommand } from "./export-command.ts";
import { faultsCommand } from "./faults-command.ts";
import { parsePrometheusVersion } from "./flags.ts";
import { fleetCommand } from "./fleet-command.ts";
import { asksForHelp, HELP } from "./help.ts";
import { latencyCommand } from "./latency-command.ts";
import { lintCommand } from "./lint-command.ts";
import { mergeCommand } from "./merge-command.ts";
import { mutateCommand } from "./mutate-command.ts";
import { rehearseCommand } from "./rehearse-command.ts";
import { runCommand } from "./run-command.ts";
import { tuneCommand } from "./tune-command.ts";

function fail(message: string): never {
  throw new InputError(`${message}\n\n${HELP}`);
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && asksForHelp(rest)) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    switch (command) {
      case "run":
        return await runCommand(rest);
      case "mutate":
        return await mutateCommand(rest);
      case "fleet":
        return await fleetCommand(rest);
      case "faults":
        return await faultsCommand(rest);
      case "rehearse":
        return await rehearseCommand(rest);
      case "coverage":
        return await coverageCommand(rest);
      case "lint":
        return await lintCommand(rest);
      case "compare":
        return await compareCommand(rest);
      case "merge":
        return await mergeCommand(rest);
      case "latency":
        return await latencyCommand(rest);
      case "export":
        return await exportCommand(rest);
      case "tune":
        return await tuneCommand(rest);
      case "setup": {
        const { values } = parseArgs({
          args: rest,
          options: { force: { type: "boolean" }, "prometheus-version": { type: "string" } },
        });
        await setup({
          force: values.force ?? false,
          onProgress: printSetupProgress(),
          prometheusVersion: parsePrometheusVersion(
            "firedrill setup",
            values["prometheus-version"],
          ),
        });
        return 0;
      }
      case "init": {
        parseArgs({ args: rest, options: {} });
        const written = await initProject(process.cwd());
        process.stdout.write(
          `${written.map((f) => `wrote ${f}`).join("\n")}\nnext: npx firedrill run (npx firedrill setup first provisions the stack's binaries)\n`,
        );
        return 0;
      }
      case "cleanup": {
        const count = await removeLeftovers((line) => process.stderr.write(`${line}\n`));
        if (count === 0) process.stderr.write("nothing to clean up\n");
        return 0;
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        return fail(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof FiredrillError) {
      process.stderr.write(`\nfiredrill: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof TypeError &&
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      // The usage first, the mistake last: the line a terminal leaves in view names it.
      const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
      const what = unknown
        ? `unknown option '${unknown}'. The usage above lists every command's options; a value that starts with '-' goes after '--'.`
        : error.message;
      process.stderr.write(`${HELP}\n\nfiredrill ${command ?? ""}: ${what}\n`);
      return 2;
    }
    process.stderr.write(
      `\nfiredrill: internal error: ${(error as Error).stack ?? String(error)}\n`,
    );
    return 2;
  }
}

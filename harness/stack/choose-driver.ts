import { InputError, StartupError } from "../errors.ts";
import { ContainersDriver } from "./containers/containers-driver.ts";
import { dockerEndpoint } from "./docker-api.ts";
import { dockerEngineAnswers } from "./docker-engine-answers.ts";
import { ProcessesDriver } from "./processes/processes-driver.ts";
import type { DriverName, StackDriver } from "./types.ts";

/**
 * The stack driver to use: the one named (from --driver) or, by default, processes. The
 * containers driver needs a Docker engine that answers; without one this says how to start it.
 *
 * @example
 * const driver = await chooseDriver(flags.driver);
 */
export async function chooseDriver(name?: DriverName | string): Promise<StackDriver> {
  switch (name ?? "processes") {
    case "processes":
      return new ProcessesDriver();
    case "containers": {
      if (!(await dockerEngineAnswers())) {
        const endpoint = dockerEndpoint();
        const where =
          "socketPath" in endpoint
            ? `unix://${endpoint.socketPath}`
            : `tcp://${endpoint.host}:${endpoint.port}`;
        throw new StartupError(
          `Failed to use the containers driver: no Docker engine answers at ${where}. Start one with \`scripts/docker-engine.sh\`, or use \`--driver processes\`.`,
          { component: "docker" },
        );
      }
      return new ContainersDriver();
    }
    default:
      throw new InputError(
        `Failed to choose a stack driver: unknown driver "${name}". Use \`--driver processes\` or \`--driver containers\`.`,
      );
  }
}

import { afterEach, describe, expect, it } from "vitest";
import { InputError, StartupError } from "../errors.ts";
import { chooseDriver } from "./choose-driver.ts";

describe("chooseDriver", () => {
  const saved = process.env.DOCKER_HOST;
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  });

  it("defaults to processes", async () => {
    expect((await chooseDriver()).name).toBe("processes");
  });

  it("says how to start a Docker engine when containers are asked for and none answers", async () => {
    process.env.DOCKER_HOST = "unix:///nonexistent/docker.sock";
    const error = await chooseDriver("containers").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).message).toBe(
      "Failed to use the containers driver: no Docker engine answers at unix:///nonexistent/docker.sock. Start one with `scripts/docker-engine.sh`, or use `--driver processes`.",
    );
  });

  it("rejects an unknown driver name", async () => {
    const error = await chooseDriver("vms").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'Failed to choose a stack driver: unknown driver "vms". Use `--driver processes` or `--driver containers`.',
    );
  });
});

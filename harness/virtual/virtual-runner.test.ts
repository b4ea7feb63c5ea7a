import { describe, expect, it } from "vitest";
import { pins } from "../setup/index.ts";
import { evaluatorModuleVersions } from "./virtual-runner.ts";

describe("evaluatorModuleVersions", () => {
  it("builds the evaluator against exactly the live stack's pinned Prometheus and Alertmanager", async () => {
    const prometheus =
      pins.prometheus.versions[pins.prometheus.default as keyof typeof pins.prometheus.versions];
    expect(await evaluatorModuleVersions()).toEqual({
      prometheus: `${pins.prometheus.default} (module ${prometheus?.module}, virtual time)`,
      alertmanager: `${pins.alertmanager.version} (module, virtual time)`,
    });
  });
});

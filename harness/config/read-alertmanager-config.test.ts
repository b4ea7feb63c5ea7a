import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { AMTOOL } from "../../sim/test-support/stack-tools.ts";
import { useTempDir } from "../testing/use-temp-dir.ts";
import { repoRoot } from "../tools/tools.ts";
import { readAlertmanagerConfig } from "./read-alertmanager-config.ts";

const fixture = path.join(repoRoot, "fixtures/kubernetes/alertmanager-config.yaml");

describe("readAlertmanagerConfig", () => {
  const dir = useTempDir("firedrill-amcfg-");

  it("returns a plain Alertmanager config as written", () => {
    const file = path.join(repoRoot, "fixtures/alertmanager.yml");
    const text = readFileSync(file, "utf8");
    expect(readAlertmanagerConfig(text, file)).toEqual({ text, applied: [] });
  });

  it("merges an AlertmanagerConfig as the Prometheus Operator does", () => {
    const { applied } = readAlertmanagerConfig(readFileSync(fixture, "utf8"), fixture);
    expect(applied).toEqual([
      'no plain Alertmanager config: the Prometheus Operator\'s default (route and receiver "null") is the base',
      'AlertmanagerConfig cognitora/cognitora-routing merged as the Prometheus Operator does: receivers renamed cognitora/cognitora-routing/<name>, its route first under the top route with matcher namespace="cognitora" and continue: true, the namespace matcher on both sides of its inhibit rules',
    ]);
  });

  it.skipIf(!AMTOOL)(
    "yields a config amtool accepts and routes by namespace (skipped without amtool: run `npx firedrill setup`)",
    async () => {
      const file = path.join(dir(), "converted.yml");
      await writeFile(file, readAlertmanagerConfig(readFileSync(fixture, "utf8"), fixture).text);
      expect((await execa(AMTOOL!, ["check-config", file], { reject: false })).exitCode).toBe(0);
      const route = async (...labels: string[]) =>
        (
          await execa(AMTOOL!, ["config", "routes", "test", `--config.file=${file}`, ...labels])
        ).stdout.trim();
      expect(await route("namespace=cognitora", "severity=critical")).toBe(
        "cognitora/cognitora-routing/pager",
      );
      expect(await route("namespace=cognitora", "severity=warning")).toBe(
        "cognitora/cognitora-routing/tickets",
      );
      // Not its namespace: the operator's matcher keeps the alert out of the object's routes.
      expect(await route("namespace=reactor", "severity=critical")).toBe("null");
    },
  );

  it("puts the objects' routes before a plain config's own, skipping other kinds", () => {
    const text = `route:
  receiver: default
  routes: [{ receiver: default, matchers: ['a="b"'] }]
receivers: [{ name: default }]
---
apiVersion: v1
kind: Secret
metadata: { name: s }
---
apiVersion: monitoring.coreos.com/v1alpha1
kind: AlertmanagerConfig
metadata: { name: team }
spec:
  route: { receiver: r, matchers: [{ name: job, value: "api.*", regex: true }] }
  receivers: [{ name: r, webhookConfigs: [{ url: "http://127.0.0.1:1/x", maxAlerts: 3 }] }]
`;
    const { text: out, applied } = readAlertmanagerConfig(text, "am.yaml");
    expect(applied[0]).toBe("skipped document 2 (v1/Secret): not an Alertmanager config");
    expect(out.split("\n").slice(3).join("\n")).toBe(`route:
  receiver: default
  routes:
    - receiver: default/team/r
      matchers:
        - namespace="default"
        - job=~"api.*"
      continue: true
    - receiver: default
      matchers:
        - a="b"
receivers:
  - name: default
  - name: default/team/r
    webhook_configs:
      - url: http://127.0.0.1:1/x
        max_alerts: 3
`);
  });

  it("refuses a v1beta1 AlertmanagerConfig and a document that is neither", () => {
    expect(() =>
      readAlertmanagerConfig(
        "apiVersion: monitoring.coreos.com/v1beta1\nkind: AlertmanagerConfig\n",
        "b.yaml",
      ),
    ).toThrow(
      "Failed to read b.yaml: document 1 of 1: AlertmanagerConfig monitoring.coreos.com/v1beta1 is not read by firedrill. Write it as monitoring.coreos.com/v1alpha1.",
    );
    expect(() => readAlertmanagerConfig("route: {receiver: x}\n---\n- 1\n", "c.yaml")).toThrow(
      "Failed to read c.yaml: document 2 of 2: it is neither an Alertmanager config (a map with route:) nor a Kubernetes object (apiVersion and kind). Pass an Alertmanager config or AlertmanagerConfig objects with --alertmanager-config.",
    );
  });
});

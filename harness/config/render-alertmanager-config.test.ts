import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { AMTOOL } from "../../sim/test-support/stack-tools.ts";
import { InputError } from "../errors.ts";
import { repoRoot } from "../tools/tools.ts";
import { checkAlertmanagerConfig } from "./promtool.ts";
import { renderAlertmanagerConfig } from "./render-alertmanager-config.ts";

// Provisioned by `firedrill setup` (npm test runs it first).
const amtool = AMTOOL ?? "amtool";
const fixture = path.join(repoRoot, "fixtures/alertmanager.yml");
const origin = "http://127.0.0.1:41300";

describe("renderAlertmanagerConfig", () => {
  let dir: string;
  let text: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "firedrill-alertmanager-"));
    text = await readFile(fixture, "utf8");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("moves webhooks to the sink and divides route timings by the speed", () => {
    const config = parse(
      renderAlertmanagerConfig(text, { speed: 30, webhookOrigin: `${origin}/`, file: fixture }),
    );
    expect(config.global).toEqual({ resolve_timeout: "10s" });
    expect(config.route).toEqual({
      receiver: "default",
      group_by: ["alertname", "node", "lattice", "organism"],
      group_wait: "1s",
      group_interval: "10s",
      repeat_interval: "8m",
      routes: [
        { receiver: "pager", matchers: ['severity=~"critical|page"'] },
        { receiver: "tickets", matchers: ['severity=~"warning|investigate"'] },
      ],
    });
    expect(config.receivers).toEqual(
      ["pager", "tickets", "default"].map((name) => ({
        name,
        webhook_configs: [{ url: `${origin}/receivers/${name}`, send_resolved: true }],
      })),
    );
  });

  it("passes amtool check-config, and amtool routes by severity", async () => {
    const file = path.join(dir, "alertmanager.yml");
    await writeFile(
      file,
      renderAlertmanagerConfig(text, { speed: 30, webhookOrigin: origin, file: fixture }),
    );
    await expect(checkAlertmanagerConfig(file, amtool)).resolves.toBeUndefined();
    const route = async (severity: string) =>
      (
        await execa(amtool, [
          "config",
          "routes",
          "test",
          `--config.file=${file}`,
          `severity=${severity}`,
          "alertname=X",
          "node=cosmictron-0",
        ])
      ).stdout;
    expect(await route("critical")).toBe("pager");
    expect(await route("warning")).toBe("tickets");
    expect(await route("page")).toBe("pager");
    expect(await route("investigate")).toBe("tickets");
    expect(await route("info")).toBe("default");
  });

  it("scales child routes' own timings and makes the defaults explicit", () => {
    const config = parse(
      renderAlertmanagerConfig(
        [
          "route:",
          "  receiver: default",
          "  routes:",
          "    - receiver: default",
          "      group_wait: 1m",
          "      routes:",
          "        - receiver: default",
          "          repeat_interval: 1h",
          "receivers:",
          "  - name: default",
          "",
        ].join("\n"),
        { speed: 60, webhookOrigin: origin, file: "am.yml" },
      ),
    );
    expect(config.global).toEqual({ resolve_timeout: "5s" });
    expect(config.route).toEqual({
      receiver: "default",
      group_wait: "500ms",
      group_interval: "5s",
      repeat_interval: "4m",
      routes: [
        {
          receiver: "default",
          group_wait: "1s",
          routes: [{ receiver: "default", repeat_interval: "1m" }],
        },
      ],
    });
  });

  it("fills an empty global section with the scaled resolve_timeout", () => {
    const rendered = renderAlertmanagerConfig(
      "global:\nroute:\n  receiver: r\nreceivers:\n  - name: r\n",
      {
        speed: 30,
        webhookOrigin: origin,
        file: "am.yml",
      },
    );
    expect(parse(rendered).global).toEqual({ resolve_timeout: "10s" });
  });

  it("keeps timings at speed 1 but still moves the webhooks", () => {
    const rendered = renderAlertmanagerConfig(text, {
      speed: 1,
      webhookOrigin: origin,
      file: fixture,
    });
    const config = parse(rendered);
    expect(config.route.group_wait).toBe("30s");
    expect(config.global).toEqual({ resolve_timeout: "5m" });
    expect(rendered).not.toContain("firedrill.invalid/receivers");
  });

  it.each([
    [
      "route: [",
      "Failed to read am.yml: Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 9. Fix the YAML there.",
    ],
    [
      "receivers: []\n",
      "Failed to read am.yml: it has no route. An Alertmanager config needs a top-level route with a receiver.",
    ],
    [
      "route:\n  receiver: chat\nreceivers:\n  - name: chat\n    slack_configs:\n      - channel: '#ops'\n",
      "Failed to render am.yml: receivers[0] (chat): slack_configs would notify outside this machine. Use webhook_configs with url http://webhook-sink.firedrill.invalid/receivers/chat for the drill.",
    ],
    [
      "route:\n  receiver: hook\nreceivers:\n  - name: hook\n    webhook_configs:\n      - url: https://hooks.example.com/x\n",
      'Failed to render am.yml: receivers[0] (hook): webhook_configs[0].url "https://hooks.example.com/x" is not on http://webhook-sink.firedrill.invalid nor loopback. Point it at http://webhook-sink.firedrill.invalid/receivers/hook.',
    ],
    [
      "route:\n  receiver: r\n  routes:\n    - receiver: r\n      mute_time_intervals: [nights]\nreceivers:\n  - name: r\n",
      "Failed to render am.yml: route.routes[0].mute_time_intervals names times of day, which a run at speed 30 does not reach at the fleet's pace. Run at speed 1, or remove mute_time_intervals for the drill.",
    ],
  ])("refuses %j", (input, message) => {
    const call = () =>
      renderAlertmanagerConfig(input, { speed: 30, webhookOrigin: origin, file: "am.yml" });
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});

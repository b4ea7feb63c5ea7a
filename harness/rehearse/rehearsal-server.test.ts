import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../errors.ts";
import type { FaultSpec } from "../scenario/types.ts";
import { type RehearsalApi, RehearsalServer } from "./rehearsal-server.ts";

const injected: FaultSpec[] = [];
let stops = 0;
const api: RehearsalApi = {
  state: async () => ({ ok: true }),
  catalogue: async () => ({ faults: [] }),
  series: () => [{ alert: "A", system: "cosmictron", query: "up", threshold: 0, op: "==" }],
  chart: async (alert, minutes) => ({ alert, minutes }),
  inject: async (fault) => {
    if (fault.name === "nope") throw new InputError("Failed to inject fault nope: unknown.");
    injected.push(fault);
    return { id: "x-1" };
  },
  heal: async () => undefined,
  save: async (name) => ({ file: `/tmp/${name}.scenario.ts`, name: name ?? "" }),
  stop: () => {
    stops++;
  },
};

let server: RehearsalServer;
beforeAll(async () => {
  server = await RehearsalServer.start("<!doctype html><title>t</title>", api);
});
afterAll(async () => {
  await server.close();
});

async function call(method: string, path: string, body?: string) {
  const response = await fetch(new URL(path, server.url), {
    method,
    ...(body === undefined ? {} : { body }),
  });
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    body: type.includes("json") ? await response.json() : await response.text(),
  };
}

describe("RehearsalServer", () => {
  it("serves the page on 127.0.0.1", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await call("GET", "/")).toEqual({
      status: 200,
      body: "<!doctype html><title>t</title>",
    });
  });

  it("injects a fault and passes a user's mistake back as 400 with the reason", async () => {
    expect(
      await call(
        "POST",
        "/api/faults",
        '{"name":"cosmictron.node.crash","target":"cosmictron-2","params":{}}',
      ),
    ).toEqual({ status: 201, body: { id: "x-1" } });
    expect(injected).toEqual([
      { name: "cosmictron.node.crash", target: "cosmictron-2", params: {} },
    ]);
    expect(await call("POST", "/api/faults", '{"name":"nope"}')).toEqual({
      status: 400,
      body: { error: "Failed to inject fault nope: unknown." },
    });
    expect(await call("POST", "/api/faults", "[1,")).toEqual({
      status: 400,
      body: { error: "Failed to POST /api/faults: the body is not a JSON object." },
    });
  });

  it("charts only known alerts, and answers unknown paths with 404", async () => {
    expect(await call("GET", "/api/series?alert=A&minutes=5")).toEqual({
      status: 200,
      body: { alert: "A", minutes: 5 },
    });
    expect(await call("GET", "/api/series?alert=B")).toEqual({
      status: 400,
      body: { error: 'Failed to GET /api/series: no alerting rule "B".' },
    });
    expect(await call("GET", "/api/nothing")).toEqual({
      status: 404,
      body: { error: "Failed to route GET /api/nothing: no such page or API." },
    });
  });

  it("stops from the page", async () => {
    expect(await call("POST", "/api/stop")).toEqual({ status: 202, body: { stopping: true } });
    expect(stops).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import type { AlertRecord, DeliveryRecord } from "../result/index.ts";
import { duplicatePage } from "./duplicate-page.ts";
import type { MatchedRoute } from "./route-alerts.ts";

const route: MatchedRoute = {
  receiver: "pager",
  groupBy: ["alertname"],
  groupByAll: false,
  groupWait: 30,
  groupInterval: 300,
  repeatInterval: 14_400,
};
const labels = { alertname: "Down", node: "n1" };
const episode: AlertRecord = {
  alertname: "Down",
  labels,
  pendingAt: 100,
  firingAt: 130,
  endedAt: 2000,
};
const page = (
  receivedAt: number,
  l = labels,
  status: "firing" | "resolved" = "firing",
): DeliveryRecord => ({
  receiver: "pager",
  status,
  labels: l,
  groupKey: `{}/{severity=~"critical|page"}:{alertname="${l.alertname}", node="${l.node}"}`,
  receivedAt,
});
const other = { alertname: "Down", node: "n2" };

describe("duplicatePage", () => {
  it("passes one page, and a page again when the group changed a group_interval later", () => {
    expect(duplicatePage("Down", episode, route, [page(160)], 1)).toBeUndefined();
    const grew = [page(160), page(460), page(460, other)];
    expect(duplicatePage("Down", episode, route, grew, 1)).toBeUndefined();
  });

  it("fails a second page with nothing new in the group before repeat_interval", () => {
    expect(duplicatePage("Down", episode, route, [page(160), page(460)], 1)).toBe(
      "Down was paged twice at pager: at t=2m40s and again at t=7m40s, 5m later, with nothing new in its group, within repeat_interval 4h (the route to pager allows a changed group after group_interval 5m, a repeat after repeat_interval 4h; each seen within 1s).",
    );
  });

  it("fails a changed group notified again before group_interval", () => {
    const early = [page(160), page(220), page(220, other)];
    expect(duplicatePage("Down", episode, route, early, 1)).toContain(
      "at t=2m40s and again at t=3m40s, 1m later, within group_interval 5m",
    );
  });

  it("counts neither another receiver's, another instance's, nor a later episode's pages", () => {
    const elsewhere = { ...page(460), receiver: "tickets" };
    const later = [page(160), elsewhere, page(460, other), page(2100)];
    expect(duplicatePage("Down", episode, route, later, 1)).toBeUndefined();
  });
});

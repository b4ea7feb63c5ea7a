import { describe, expect, it } from "vitest";
import { ScrapeSchedule } from "./scrape-schedule.ts";

const config = `
global: { scrape_interval: 15s }
scrape_configs:
  - job_name: a
    static_configs: [{ targets: ["127.0.0.1:1", "127.0.0.1:2"] }]
  - job_name: b
    scrape_interval: 30s
    static_configs: [{ targets: ["127.0.0.1:3"] }]
`;

describe("ScrapeSchedule", () => {
  it("knows nothing until every target was scraped once", () => {
    const schedule = new ScrapeSchedule(config);
    schedule.scraped("127.0.0.1:1", 2);
    schedule.scraped("127.0.0.1:2", 7);
    expect(schedule.earliestNext()).toBeUndefined();
  });

  it("is the soonest of each target's last scrape plus its job's interval", () => {
    const schedule = new ScrapeSchedule(config);
    schedule.scraped("127.0.0.1:3", 1);
    schedule.scraped("127.0.0.1:1", 2);
    schedule.scraped("127.0.0.1:2", 7);
    expect(schedule.earliestNext()).toBe(17);
    schedule.scraped("127.0.0.1:1", 17);
    expect(schedule.earliestNext()).toBe(22);
    schedule.scraped("127.0.0.1:2", 22);
    expect(schedule.earliestNext()).toBe(31);
  });
});

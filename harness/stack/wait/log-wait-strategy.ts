import { readFile } from "node:fs/promises";
import { AbstractWaitStrategy, type ProbeResult } from "./abstract-wait-strategy.ts";
import type { WaitTarget } from "./wait-target.ts";

/** Ready when the component's log has a line matching a pattern (`times` times). */
export class LogWaitStrategy extends AbstractWaitStrategy {
  constructor(
    private readonly pattern: RegExp | string,
    private readonly times = 1,
  ) {
    super();
  }

  protected describe(): string {
    const what =
      typeof this.pattern === "string" ? JSON.stringify(this.pattern) : String(this.pattern);
    return `a log line matching ${what}${this.times > 1 ? ` ${this.times} times` : ""}`;
  }

  protected async probe(target: WaitTarget): Promise<ProbeResult> {
    const text = await readFile(target.logFile, "utf8").catch(() => "");
    const matches = text
      .split("\n")
      .filter((line) =>
        typeof this.pattern === "string"
          ? line.includes(this.pattern)
          : line.search(this.pattern) !== -1,
      ).length;
    return { ready: matches >= this.times };
  }
}

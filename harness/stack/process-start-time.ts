import { readFileSync } from "node:fs";

/**
 * A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), which tells
 * a live owner from a later process that reused its pid. Undefined when it cannot be read.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

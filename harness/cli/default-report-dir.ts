import path from "node:path";
import { isCheckout, repoRoot } from "../tools/tools.ts";

/**
 * Where a report lands without --report-dir: reports/runs/<name> in firedrill's checkout, and
 * firedrill-report/<name> under the current folder in a user's project (never node_modules).
 */
export function defaultReportDir(name: string): string {
  return isCheckout
    ? path.join(repoRoot, "reports/runs", name)
    : path.resolve("firedrill-report", name);
}

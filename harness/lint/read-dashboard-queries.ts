import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter } from "yaml";
import { InputError } from "../errors.ts";
import { parseYamlStream } from "../text/parse-yaml-stream.ts";

/** One named PromQL query of a dashboard or query file, with its line. */
export interface DashboardQuery {
  readonly file: string;
  readonly line: number;
  /** The panel's title and the query's name. */
  readonly name: string;
  readonly expr: string;
}

interface DashboardJson {
  panels?: {
    title?: string;
    queries?: { name?: string; expr?: string }[];
    targets?: { expr?: string; refId?: string }[];
  }[];
}

/**
 * Reads the queries of a dashboard: firedrill's dashboard.json (panels[].queries[].expr, or
 * Grafana's panels[].targets[].expr) or a queries.yml (queries[].expr), each with its line.
 * @example await readDashboardQueries("fixtures/reactor/dashboard.json")
 */
export async function readDashboardQueries(file: string): Promise<DashboardQuery[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError(
      `Failed to read dashboard ${file}: ${(cause as Error).message}. Pass a dashboard JSON or a queries YAML file.`,
      { cause, file },
    );
  }
  if (file.endsWith(".json")) {
    let dashboard: DashboardJson;
    try {
      dashboard = JSON.parse(text) as DashboardJson;
    } catch (cause) {
      throw new InputError(
        `Failed to read dashboard ${file}: ${(cause as Error).message}. Fix the JSON there.`,
        { cause, file },
      );
    }
    const out: DashboardQuery[] = [];
    let from = 0;
    for (const panel of dashboard.panels ?? []) {
      const queries = [
        ...(panel.queries ?? []),
        ...(panel.targets ?? []).map((t) => ({ name: t.refId, expr: t.expr })),
      ];
      for (const query of queries) {
        if (typeof query.expr !== "string") continue;
        // The query's line: where its JSON-encoded expr next appears.
        const at = text.indexOf(JSON.stringify(query.expr), from);
        if (at >= 0) from = at + 1;
        const line = at >= 0 ? text.slice(0, at).split("\n").length : 1;
        out.push({
          file,
          line,
          name: `${panel.title ?? "panel"} / ${query.name ?? "query"}`,
          expr: query.expr,
        });
      }
    }
    return out;
  }
  const lines = new LineCounter();
  const out: DashboardQuery[] = [];
  for (const doc of parseYamlStream(text, file, lines)) {
    const queries = isMap(doc.contents) ? doc.contents.get("queries", true) : undefined;
    for (const query of isSeq(queries) ? queries.items : []) {
      if (!isMap(query)) continue;
      const expr = query.get("expr", true);
      if (!isScalar(expr)) continue;
      out.push({
        file,
        line: lines.linePos(expr.range?.[0] ?? 0).line,
        name: String(query.get("name") ?? "query"),
        expr: String(expr.value),
      });
    }
  }
  return out;
}

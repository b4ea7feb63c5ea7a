/** One sample line of the Prometheus text format. */
export interface ExpositionSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One metric family: its HELP, TYPE and samples. */
export interface ExpositionFamily {
  readonly help: string;
  readonly type: string;
  readonly samples: ExpositionSample[];
}

/** Parses `a="x",b="y"` (with escapes) into a record. */
function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
  for (const m of text.matchAll(re)) {
    labels[m[1] as string] = (m[2] as string).replace(/\\n/g, "\n").replace(/\\(.)/g, "$1");
  }
  return labels;
}

/**
 * Parses the Prometheus text exposition format into families keyed by name, for tests that
 * check a scrape against a metric catalogue.
 */
export function parseExposition(text: string): Map<string, ExpositionFamily> {
  const families = new Map<string, ExpositionFamily>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) {
      f = { help: "", type: "untyped", samples: [] };
      families.set(name, f);
    }
    return f;
  };
  let current: string | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      current = name;
      const f = family(name);
      families.set(
        name,
        kind === "HELP"
          ? { ...f, help: rest.replace(/\\n/g, "\n").replace(/\\\\/g, "\\") }
          : { ...f, type: rest },
      );
      continue;
    }
    if (line.startsWith("#")) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!sample) throw new Error(`Failed to parse exposition line: ${JSON.stringify(line)}`);
    const [, name, labels, value] = sample as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    const owner =
      current && (name === current || /_(bucket|sum|count)$/.test(name)) && name.startsWith(current)
        ? current
        : name;
    family(owner).samples.push({ name, labels: parseLabels(labels ?? ""), value: Number(value) });
  }
  return families;
}
